/**
 * connections remove as a user runs it: the built command line against the emulation over HTTP
 * on 127.0.0.1, in process but for the kills and the named pipe. The emulation counts the removal requests each connection received, and looks at
 * the removed-connections CSV at the instant each request arrives.
 */
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it } from "vitest";
import { parseFaults } from "../../src/sandbox/faults.js";
import type { SandboxOptions } from "../../src/sandbox/server.js";
import {
  BIN,
  DEMO_EXPORT,
  dumpDatabase,
  fixture,
  runBinary,
  runCli,
  useTempDatabase,
} from "../support/cli.js";
import { clearOfMidnight } from "../support/clock.js";
import { useEmulation } from "../support/emulation.js";
import { killRepeatedly, type RequestObserver } from "../support/kills.js";

const CONNECTIONS = fixture("linkedin", "Connections-many.csv");
const HEADER = [
  "First Name",
  "Last Name",
  "URL",
  "Email Address",
  "Company",
  "Position",
  "Connected On",
  "Removal Attempted At",
];
const temp = useTempDatabase();
const emulation = useEmulation();
/** Requests whose person was not in the CSV when the request reached the emulation. */
let unrecorded: string[] = [];
/** Told of each removal request as it reaches the emulation, after the CSV was looked at. */
const observer: RequestObserver = { current: null };

const csvPath = () => join(temp.dir, "removed-connections.csv");

function startEmulation(options: Partial<SandboxOptions> = {}) {
  return emulation.start(CONNECTIONS, {
    onChangeRequest: ({ profileUrl, name }) => {
      const text = existsSync(csvPath()) ? readFileSync(csvPath(), "utf8") : "";
      if (!profileUrl || !text.includes(`${profileUrl},`)) unrecorded.push(name);
      observer.current?.();
    },
    ...options,
  });
}

const state = () => emulation.state();

/** The arguments of a removal against the emulation. */
function removeArgs(pace: string, ...flags: string[]): string[] {
  return [
    "connections",
    "remove",
    "--db",
    temp.db,
    "--base-url",
    emulation.sandboxOrNull?.url ?? "",
    "--pace",
    pace,
    ...flags,
  ];
}

function remove(...flags: string[]) {
  return runCli(removeArgs("0", ...flags), {
    env: { INVITES_COOKIES: emulation.sandboxOrNull?.cookie ?? "" },
    cwd: temp.dir,
  });
}

function readRemoved(path = csvPath()): string[][] {
  return parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""), {
    delimiter: readFileSync(path, "utf8").includes(";Last Name;") ? ";" : ",",
  }) as string[][];
}

beforeEach(async () => {
  unrecorded = [];
  const imported = await runCli(["import", "--db", temp.db, CONNECTIONS]);
  expect(imported.code, imported.stderr).toBe(0);
});

describe("invites connections remove against the emulation", () => {
  it("writes each person to the CSV before their one removal request, and records it all", async () => {
    await startEmulation();
    const result = await remove("--connected-after", "2024-06-01", "--yes");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Plan: remove 10 connections, longest-standing first.");
    expect(result.stdout).toContain("They are not notified. To be connected again, one of you");
    expect(result.stdout).toContain(`written to ${csvPath()}`);
    expect(result.stdout).toMatch(/│\s+10 │\s+0 │\s+0 │\s+0 │/);
    expect(result.stderr).toContain(`listed in ${csvPath()}`);
    expect(unrecorded).toEqual([]);

    const after = await state();
    const removed = after.connections.filter((c) => c.state === "removed");
    expect(removed).toHaveLength(10);
    expect(removed.every((c) => c.removeCalls === 1)).toBe(true);
    expect(
      after.connections.filter((c) => c.state !== "removed").every((c) => c.removeCalls === 0),
    ).toBe(true);

    const rows = readRemoved();
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(11);
    expect(new Set(rows.slice(1).map((r) => r[2]))).toEqual(
      new Set(removed.map((c) => c.profileUrl)),
    );
    for (const row of rows.slice(1)) expect(row[7]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // Namesakes are told apart by their profiles: both Anna Schmidts, once each.
    expect(rows.filter((r) => r[0] === "Anna" && r[1] === "Schmidt")).toHaveLength(2);
    // Formula cells are neutralised; umlauts and ß are written byte for byte.
    expect(rows.some((r) => r[0] === "'=1+2" && r[1] === "Krüger")).toBe(true);
    expect(rows.some((r) => r[5] === "'+49 170 1234567 (mobil)")).toBe(true);
    expect(
      readFileSync(csvPath()).includes(
        Buffer.from("Jörg,Straße,https://www.linkedin.com/in/jorg-strasse-1098", "utf8"),
      ),
    ).toBe(true);

    const history = JSON.parse((await runCli(["history", "--db", temp.db, "--json"])).stdout);
    expect(history[0]).toMatchObject({
      action: "remove",
      outcome: "done",
      planned: 10,
      skipped: 0,
    });
    expect(history[0].counts).toEqual({ removed: 10 });
    const status = JSON.parse((await runCli(["status", "--db", temp.db, "--json"])).stdout);
    expect(status.connections).toEqual({ active: 51, removed: 10, gone: 0 });

    // The removed are no longer selected: a second run plans nothing, sends nothing, writes nothing.
    const before = readFileSync(csvPath());
    const again = await remove("--connected-after", "2024-06-01", "--yes");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Plan: remove 0 connections");
    expect((await state()).connections.every((c) => c.removeCalls <= 1)).toBe(true);
    expect(readFileSync(csvPath())).toEqual(before);
  });

  it("never takes the one live namesake for a selected person known by name alone", async () => {
    // An export from before the URL column: two Anna Schmidts, of 2019 and 2021. The one of 2021
    // is selected, and has gone from the network since; the live list shows the other, with
    // her profile, and she was not selected.
    const old = join(temp.dir, "Connections-old.csv");
    writeFileSync(
      old,
      "First Name,Last Name,Email Address,Company,Position,Connected On\n" +
        "Anna,Schmidt,,Alt GmbH,Leiterin,12 Mar 19\n" +
        "Anna,Schmidt,,Neu AG,Beraterin,03 Jun 21\n" +
        "Bernd,Meier,,Meier KG,Inhaber,05 Jul 21\n",
    );
    const live = join(temp.dir, "Connections.csv");
    writeFileSync(
      live,
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" +
        "Anna,Schmidt,https://www.linkedin.com/in/anna-schmidt-keep,,Alt GmbH,Leiterin,12 Mar 19\n" +
        "Bernd,Meier,https://www.linkedin.com/in/bernd-meier,,Meier KG,Inhaber,05 Jul 21\n",
    );
    const db = join(temp.dir, "old.db");
    expect((await runCli(["import", "--db", db, old])).code).toBe(0);
    await emulation.start(live);
    const result = await runCli(
      [...removeArgs("0", "--connected-after", "2021-01-01", "--yes"), "--db", db],
      { env: { INVITES_COOKIES: emulation.sandbox.cookie }, cwd: temp.dir },
    );
    expect(result.code, result.stderr).toBe(0);
    const after = await state();
    expect(after.connections.filter((c) => c.removeCalls > 0).map((c) => c.name)).toEqual([
      "Bernd Meier",
    ]);
    expect(readRemoved().map((row) => `${row[0]} ${row[1]} ${row[4]}`)).toEqual([
      "First Name Last Name Company",
      "Bernd Meier Meier KG",
    ]);
  });

  it("sends nothing and writes no file on --dry-run, and refuses to run without a selection or a terminal", async () => {
    await startEmulation();
    const dry = await remove("--connected-after", "2024-06-01", "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Plan: remove 10 connections");
    expect(existsSync(csvPath())).toBe(false);
    const none = await remove("--yes");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("connections remove needs a selection");
    const noTty = await remove("--connected-after", "2024-06-01");
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toContain("there is no terminal to ask in");
    const pick = await remove("--pick", "--yes");
    expect(pick.code).toBe(2);
    expect(pick.stderr).toContain("--pick needs a terminal");
    expect((await state()).connections.every((c) => c.removeCalls === 0)).toBe(true);
  });

  it("refuses a --out file that is not a UTF-8 removed-connections CSV, and changes nothing", async () => {
    await startEmulation();
    const other = join(temp.dir, "shopping.csv");
    writeFileSync(other, "Item,Amount\nMilch,2\n");
    const database = dumpDatabase(temp.db);
    const result = await remove("--connected-after", "2024-06-01", "--yes", "--out", other);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /shopping\.csv line 1: is not a removed-connections file: expected the header First Name,Last Name,URL/,
    );
    expect(result.stderr.trim().split("\n")).toHaveLength(2);
    expect(readFileSync(other, "utf8")).toBe("Item,Amount\nMilch,2\n");
    // A removed-connections file that a spreadsheet re-saved in windows-1252 is not appended to.
    const resaved = join(temp.dir, "resaved.csv");
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER.join(";")}\r\n`, "latin1"),
      Buffer.from("J\xf6rg;Stra\xdfe;;;;;15 Nov 2024;2026-11-20T10:00:00Z\r\n", "latin1"),
    ]);
    writeFileSync(resaved, bytes);
    const latin = await remove("--connected-after", "2024-06-01", "--yes", "--out", resaved);
    expect(latin.code).toBe(2);
    expect(latin.stderr).toContain("resaved.csv: is not UTF-8 (re-saved by a spreadsheet?)");
    expect(readFileSync(resaved)).toEqual(bytes);
    const nowhere = await remove(
      "--connected-after",
      "2024-06-01",
      "--yes",
      "--out",
      join(temp.dir, "no-such-folder", "removed.csv"),
    );
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain("removed.csv: cannot be written: the folder");
    expect(dumpDatabase(temp.db)).toBe(database);
    expect((await state()).connections.every((c) => c.removeCalls === 0)).toBe(true);
  });

  it("opens the file itself only: no symbolic link, no one else's file, none others can change", async () => {
    await startEmulation();
    const database = dumpDatabase(temp.db);
    const header = `${HEADER.join(",")}\n`;
    const target = join(temp.dir, "elsewhere.csv");
    writeFileSync(target, header);
    const link = join(temp.dir, "link.csv");
    symlinkSync(target, link);
    const dangling = join(temp.dir, "dangling.csv");
    symlinkSync(join(temp.dir, "nowhere.csv"), dangling);
    const foreign = join(temp.dir, "foreign.csv");
    writeFileSync(foreign, header, { mode: 0o600 });
    chownSync(foreign, 12345, 12345);
    const shared = join(temp.dir, "shared.csv");
    writeFileSync(shared, header);
    chmodSync(shared, 0o666);
    const pipe = join(temp.dir, "pipe.csv");
    execFileSync("mkfifo", [pipe]);
    const cases: Array<[string, string]> = [
      [
        link,
        "link.csv: is a symbolic link; the removed-connections file is written only as a plain file",
      ],
      [dangling, "dangling.csv: is a symbolic link"],
      [
        foreign,
        "foreign.csv: belongs to another user (uid 12345); the record of your removals is kept only in a file of yours",
      ],
      [shared, "shared.csv: can be changed by other users (mode 0666)"],
      [pipe, "pipe.csv: is a named pipe (FIFO), not a file (expected a removed-connections CSV)"],
    ];
    for (const [out, message] of cases) {
      // Its own process: code that opened the pipe would block the process it runs in.
      const result = await runBinary(
        removeArgs("0", "--connected-after", "2024-06-01", "--yes", "--out", out),
        {
          env: { INVITES_COOKIES: emulation.sandboxOrNull?.cookie ?? "" },
          cwd: temp.dir,
          timeoutMs: 15_000,
        },
      );
      expect(result.code, out).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr.trim().split("\n")).toHaveLength(2);
    }
    expect(readFileSync(target, "utf8")).toBe(header);
    expect(existsSync(join(temp.dir, "nowhere.csv"))).toBe(false);
    for (const file of [foreign, shared]) expect(readFileSync(file, "utf8")).toBe(header);
    expect(dumpDatabase(temp.db)).toBe(database);
    expect((await state()).connections.every((c) => c.removeCalls === 0)).toBe(true);
  });

  it("writes the header into an empty file that a full disk left, instead of refusing it", async () => {
    await startEmulation();
    writeFileSync(csvPath(), "", { mode: 0o600 });
    const result = await remove("--connected-after", "2024-06-01", "--yes", "--max", "2");
    expect(result.code, result.stderr).toBe(0);
    const rows = readRemoved();
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(3);
    expect(statSync(csvPath()).mode & 0o777).toBe(0o600);
    expect(unrecorded).toEqual([]);
  });

  it("keeps to --max and the daily cap, appending to one file under one header", async () => {
    await clearOfMidnight();
    await startEmulation();
    expect((await remove("--connected-after", "2024-06-01", "--yes", "--max", "3")).code).toBe(0);
    const capped = await remove("--connected-after", "2024-06-01", "--yes", "--daily-cap", "5");
    expect(capped.stdout).toContain("wait for another run: the daily cap of 5 (3 sent today");
    // The line wraps to the width (120 columns when stdout is no terminal).
    expect(capped.stdout.replace(/\n(?=\S)/g, " ")).toContain("(it holds 3 rows already)");
    expect((await state()).connections.filter((c) => c.state === "removed")).toHaveLength(5);
    const rows = readRemoved();
    expect(rows.filter((r) => r[0] === "First Name")).toHaveLength(1);
    expect(rows).toHaveLength(6);
    // --excel on that comma file changes nothing, and says so rather than seem to.
    const excel = await remove("--connected-after", "2024-06-01", "--dry-run", "--excel");
    expect(excel.stdout.replace(/\n(?=\S)/g, " ")).toContain(
      "It keeps the form it has, with commas: --excel shapes a new file only",
    );
    expect(readRemoved()).toHaveLength(6);
  });

  it("writes a new file for Excel with --excel, and appends to it in its own form", async () => {
    await startEmulation();
    const out = join(temp.dir, "entfernt.csv");
    const first = await remove("--match", "krüger", "--yes", "--excel", "--out", out);
    expect(first.code, first.stderr).toBe(0);
    const second = await remove("--match", "schröder", "--yes", "--out", out);
    expect(second.code, second.stderr).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = bytes.toString("utf8");
    expect(text.split("\r\n")[0]).toBe(`\uFEFF${HEADER.join(";")}`);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    const rows = readRemoved(out);
    expect(rows.filter((r) => r[0] === "First Name")).toHaveLength(1);
    expect(rows.some((r) => r[0] === "'=1+2" && r[1] === "Krüger")).toBe(true);
    expect(rows.some((r) => r[1] === "Schröder")).toBe(true);
    const removed = (await state()).connections.filter((c) => c.state === "removed");
    expect(rows).toHaveLength(removed.length + 1);
  });

  it("stops at once on a 429 with exit 3, and the resume sends nothing twice", async () => {
    // Request 1 checks the session; 2 to 4 read the 61 connections by 40 to the empty page, 5
    // LinkedIn's count of them; 6 is the first removal, 7 to 10 verify it; the 15th is the 6th.
    await startEmulation({ faults: parseFaults("429@15") });
    const stopped = await remove("--connected-after", "2024-06-01", "--yes");
    expect(stopped.code).toBe(3);
    expect(stopped.stderr).toMatch(
      /to resume: invites connections remove --db \S+ --base-url \S+ --pace 0 --connected-after 2024-06-01 --yes/,
    );
    expect((await state()).connections.filter((c) => c.state === "removed")).toHaveLength(5);
    // The stopped request's person was written before it was sent, and stays in the file once.
    expect(readRemoved()).toHaveLength(7);
    const resumed = await remove("--connected-after", "2024-06-01", "--yes");
    expect(resumed.code, resumed.stderr).toBe(0);
    const after = await state();
    expect(after.connections.filter((c) => c.state === "removed")).toHaveLength(10);
    expect(after.connections.every((c) => c.removeCalls <= 1)).toBe(true);
    expect(readRemoved()).toHaveLength(11);
    expect(unrecorded).toEqual([]);
  });

  it("stopped before anything is sent: all still to do, and no word of a file never written", async () => {
    await startEmulation({ faults: parseFaults("401@1") });
    const stopped = await remove("--connected-after", "2024-06-01", "--yes");
    expect(stopped.code).toBe(3);
    // Removed, not done, skipped, failed, to verify: none; remaining: the 10 of the plan.
    expect(stopped.stdout).toMatch(/│\s+0 │\s+0 │\s+0 │\s+0 │\s+0 │\s+10 │/);
    expect(stopped.stderr).not.toContain("is listed in");
    expect(existsSync(csvPath())).toBe(false);
  });

  it("counts a person whose answer was lost at one place, and once in history", async () => {
    // Request 6, the first removal, is carried out and its answer lost; 16 is another's.
    await startEmulation({ faults: parseFaults("lost@6,reset@16") });
    const run = await remove("--connected-after", "2024-06-01", "--yes");
    expect(run.code, run.stderr).toBe(0);
    const places = [...run.stderr.matchAll(/^(\d+)\/10 /gm)].map((m) => Number(m[1]));
    expect(Math.max(...places)).toBe(10);
    expect(run.stderr).toContain("no clear answer, LinkedIn's list will tell");
    expect(run.stderr).not.toMatch(/\d+\/10 failed/);
    const [history] = JSON.parse((await runCli(["history", "--db", temp.db, "--json"])).stdout);
    // The lost answer settled by the list; the reset one sent again and done.
    expect(history.counts).toEqual({ removed: 9, "settled-removed": 1 });
    expect(history.requests).toBe(11);
    expect((await state()).connections.every((c) => c.removeCalls <= 1)).toBe(true);
  });

  it("says when batch invitations closed after the export: who accepted them is not in the plan", async () => {
    const demo = DEMO_EXPORT;
    const db = join(temp.dir, "demo.db");
    expect((await runCli(["import", "--db", db, demo])).code).toBe(0);
    const sandbox = await emulation.start(demo, {}, (world) => {
      // Accepted on LinkedIn after the export was downloaded.
      const late = world.invitations.find((i) => i.state === "pending" && i.slug !== null);
      if (!late) throw new Error("the demo has no pending member invitation");
      late.state = "accepted";
    });
    const env = { INVITES_COOKIES: sandbox.cookie };
    const common = ["--db", db, "--base-url", sandbox.url, "--pace", "0"];
    const withdrawn = await runCli(
      ["withdraw", ...common, "--as-of", "2026-11-20", "--batch", "--yes"],
      { env },
    );
    expect(withdrawn.stdout).toMatch(/Skipped 1 \(\S[^)]*\): not pending on LinkedIn any more\./);
    const plan = await runCli(["connections", "remove", ...common, "--batch", "--dry-run"], {
      env,
      cwd: temp.dir,
    });
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain("Plan: remove 6 connections");
    expect(plan.stdout.replace(/\s+/g, " ")).toContain(
      "1 invitation of the accidental batch left the pending list after your export without being withdrawn here; whoever accepted them is not in this plan. Import a newer data export to include them.",
    );
  });

  it("survives kill -9 at random instants: each removed once, each in the CSV once and first", async ({
    signal,
  }) => {
    // Some 25 starts read the session and the list each: more than the default 100 a minute.
    await startEmulation({ ratePerMinute: 1000 });
    const { kills, killedInFlight } = await killRepeatedly({
      args: [BIN, ...removeArgs("15ms", "--connected-after", "2017-01-01", "--yes")],
      env: { INVITES_COOKIES: emulation.sandboxOrNull?.cookie ?? "" },
      cwd: temp.dir,
      observer,
      seed: 4711,
      signal,
      spread: 4,
    });
    expect(kills).toBeGreaterThan(10);
    expect(killedInFlight).toBeGreaterThan(3);
    const finish = await remove("--connected-after", "2017-01-01", "--yes");
    expect(finish.code, finish.stderr).toBe(0);
    const after = await state();
    // Every named connection is removed; the hidden member has nothing to recognise it by.
    const named = after.connections.filter((c) => c.profileUrl !== null);
    expect(named).toHaveLength(60);
    expect(named.every((c) => c.state === "removed")).toBe(true);
    expect(after.connections.filter((c) => c.removeCalls > 1)).toEqual([]);
    expect(unrecorded).toEqual([]);
    const rows = readRemoved().slice(1);
    const urls = rows.map((r) => r[2]);
    expect(new Set(urls).size).toBe(urls.length);
    expect(new Set(urls)).toEqual(new Set(named.map((c) => c.profileUrl)));
    // Left out by the plan, with the day that finds it on the web page; no run skips it.
    expect(finish.stdout.replace(/\s+/g, " ")).toContain(
      "Left out 1 connection with nothing to recognise it by on LinkedIn (a hidden profile: no name, no profile address), to remove by hand if you want: connected 2024-03-03.",
    );
    expect(finish.stdout).not.toContain("Skipped 1");
    // Requests whose answer a kill cut off were settled against the live list, not sent again.
    const history = JSON.parse((await runCli(["history", "--db", temp.db, "--json"])).stdout);
    const settled = history.reduce(
      (sum: number, run: { counts: Record<string, number> }) =>
        sum + (run.counts["settled-removed"] ?? 0),
      0,
    );
    expect(settled).toBeGreaterThan(0);
    // …and recorded as removed by us, not as merely gone from the list.
    const db = new Database(temp.db, { readonly: true });
    const marks = db
      .prepare(
        "SELECT count(removed_at) AS removed, count(gone_at) AS gone, count(*) AS total FROM connections",
      )
      .get();
    db.close();
    expect(marks).toEqual({ removed: 60, gone: 0, total: 61 });
  });
});
