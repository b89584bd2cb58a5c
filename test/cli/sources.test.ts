/**
 * Closures derived from the imported files: a cut-off export is confirmed before it closes most
 * of what is pending, every import is listed with what it changed, and any one can be taken back.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/store/schema.js";
import {
  DEMO_EXPORT as DEMO_ZIP,
  dumpDatabase,
  fixture,
  DEMO_OUTLOOK as OUTLOOK,
  runCli,
  TAKEN_BACK,
  useTempDatabase,
} from "../support/cli.js";

const AS_OF = "2026-11-26";

const temp = useTempDatabase();

/** The demo export's Invitations.csv, as lines (none of the first 45 holds a line break). */
function demoInvitationLines(): string[] {
  return execFileSync("unzip", ["-p", DEMO_ZIP, "Invitations.csv"], { encoding: "utf8" }).split(
    "\n",
  );
}

/** Writes a file as a later download than the demo export (20 Nov 2026) would be. */
function writeLater(name: string, text: string, day = "2026-11-25"): string {
  const path = join(temp.dir, name);
  writeFileSync(path, text);
  const at = new Date(`${day}T10:00:00Z`);
  utimesSync(path, at, at);
  return path;
}

async function run(...args: string[]) {
  return runCli([...args, "--db", temp.db]);
}

async function importJson(...args: string[]) {
  const result = await run("import", "--json", ...args);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout).files as Array<Record<string, unknown>>;
}

async function invitationStates() {
  const result = await run("status", "--json", "--as-of", AS_OF);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout).invitations;
}

/** The highest import number given so far (schema.ts, table numbers). */
async function lastImportNumber(): Promise<number> {
  const db = new Database(temp.db, { readonly: true });
  try {
    return db.prepare("SELECT last FROM numbers WHERE of = 'sources'").pluck().get() as number;
  } finally {
    db.close();
  }
}

async function sourcesJson() {
  const result = await run("sources", "--json");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Array<Record<string, unknown> & { id: number }>;
}

describe("an export that would close most of what is pending", () => {
  it("cut at a row boundary: says how many, imports nothing without a terminal, exit 2", async () => {
    await importJson(DEMO_ZIP);
    const before = dumpDatabase(temp.db);
    // Header and the first ten rows: the six accepted ones and four pending.
    const cut = writeLater("Invitations.csv", `${demoInvitationLines().slice(0, 11).join("\n")}\n`);
    const result = await run("import", cut);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n").slice(0, 2)).toEqual([
      `invites: ${cut} would close 37 of your 41 pending invitations: more than half, as a cut-off download would; nothing was imported`,
      "  if the file is complete, run the same command with --yes (invites sources forget takes an import back later)",
    ]);
    expect(dumpDatabase(temp.db)).toBe(before);
  });

  it("counts as open what was open before it, not what the same file brings: twelve connections, twelve others in their place", async () => {
    // Twelve people from an export of before 2023 without URLs (keyed by name), then an export
    // with URLs that lists twelve others: not 12 of 24 gone, 12 of the 12 there were.
    const people = Array.from({ length: 12 }, (_, i) => [`Person${i}`, `Nummer${i}`]);
    const old = writeLater(
      "Connections-old.csv",
      `First Name,Last Name,Email Address,Company,Position,Connected On\n${people.map(([f, l]) => `${f},${l},,ACME,CEO,08 Feb 2021`).join("\n")}\n`,
      "2022-11-15",
    );
    await importJson(old);
    const before = dumpDatabase(temp.db);
    const current = writeLater(
      "Connections.csv",
      `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${people.map(([f, l]) => `${f},Anders${l},https://www.linkedin.com/in/${f?.toLowerCase()},,ACME,CEO,08 Feb 2021`).join("\n")}\n`,
    );
    const result = await run("import", current);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${current} would mark 12 of your 12 connections as gone`);
    expect(dumpDatabase(temp.db)).toBe(before);
  });

  it("holding only its header: all 41, nothing imported", async () => {
    await importJson(DEMO_ZIP);
    const before = dumpDatabase(temp.db);
    const empty = writeLater("Invitations.csv", `${demoInvitationLines()[0]}\n`);
    const result = await run("import", "--json", empty);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("would close 41 of your 41 pending invitations");
    expect(dumpDatabase(temp.db)).toBe(before);
  });

  it("--yes goes ahead, and sources forget takes it back to exactly what was", async () => {
    await importJson(DEMO_ZIP);
    const beforeTaken = dumpDatabase(temp.db, TAKEN_BACK);
    const cut = writeLater("Invitations.csv", `${demoInvitationLines().slice(0, 11).join("\n")}\n`);
    const [file] = await importJson("--yes", cut);
    // 39 outgoing invitations are no longer listed: 37 pending, 2 expired in the spring.
    expect(file).toMatchObject({ outcome: "imported", closedInvitations: 39 });
    expect(await invitationStates()).toMatchObject({ pending: 4, closed: 37, accepted: 6 });
    expect((await sourcesJson()).at(-1)).toMatchObject({
      id: 4,
      path: cut,
      kind: "linkedin-invitations",
      closedInvitations: 39,
    });

    const asked = await run("sources", "forget", "4");
    expect(asked.code).toBe(2);
    expect(asked.stdout).toContain(`Taking back import 4: ${cut}`);
    expect(asked.stdout).toContain("39 invitations it no longer listed are listed again");
    expect(asked.stderr).toContain("there is no terminal to ask in; nothing was changed");
    expect(await invitationStates()).toMatchObject({ pending: 4, closed: 37 });

    const done = await run("sources", "forget", "4", "--yes");
    expect(done.code).toBe(0);
    expect(done.stderr.trim()).toBe(`Took back import 4: ${cut}.`);
    expect(dumpDatabase(temp.db, TAKEN_BACK)).toBe(beforeTaken);
    // Its number stays given: the same command again takes back nothing, whatever came since.
    expect(await lastImportNumber()).toBe(4);
    await importJson(OUTLOOK);
    expect((await sourcesJson()).map((s) => s.id)).toEqual([1, 2, 3, 5]);
    const repeated = await run("sources", "forget", "4", "--yes");
    expect(repeated.code).toBe(2);
    expect(repeated.stderr.split("\n")[0]).toBe("invites: there is no import number 4");
    expect((await run("sources", "forget", "5", "--yes")).code).toBe(0);
    expect(await invitationStates()).toMatchObject({ pending: 41, closed: 0 });

    // The file is new again: importing it asks again rather than saying "unchanged".
    const again = await run("import", cut);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("would close 37 of your 41 pending invitations");
  });

  it("asks nothing of a newer export that closes half or less", async () => {
    await importJson(DEMO_ZIP);
    const lines = demoInvitationLines();
    // Twelve pending ones answered or withdrawn on the website since: ordinary news.
    const newer = writeLater(
      "Invitations.csv",
      [...lines.slice(0, 8), ...lines.slice(20)].join("\n"),
    );
    const [file] = await importJson(newer);
    expect(file).toMatchObject({ closedInvitations: 12 });
    expect(await invitationStates()).toMatchObject({ pending: 29, closed: 12 });
  });

  it("a Connections.csv that would mark most connections gone is refused the same way", async () => {
    const many = join(temp.dir, "Connections-many.csv");
    copyFileSync(fixture("linkedin", "Connections-many.csv"), many);
    const at = new Date("2026-11-01T10:00:00Z");
    utimesSync(many, at, at);
    await importJson(many);
    const before = dumpDatabase(temp.db);
    const beforeTaken = dumpDatabase(temp.db, TAKEN_BACK);
    // The preamble, the header and five rows.
    const lines = readFileSync(many, "utf8").split("\n");
    const cut = writeLater("Connections.csv", `${lines.slice(0, 9).join("\n")}\n`);
    const refused = await run("import", cut);
    expect(refused.code).toBe(2);
    expect(refused.stderr.split("\n")[0]).toBe(
      `invites: ${cut} would mark 56 of your 61 connections as gone: more than half, as a cut-off download would; nothing was imported`,
    );
    expect(dumpDatabase(temp.db)).toBe(before);
    const [file] = await importJson("--yes", cut);
    expect(file).toMatchObject({ goneConnections: 56 });
    expect((await sourcesJson())[1]).toMatchObject({ goneConnections: 56 });
    expect((await run("sources", "forget", "2", "--yes")).code).toBe(0);
    expect(dumpDatabase(temp.db, TAKEN_BACK)).toBe(beforeTaken);
    expect(await lastImportNumber()).toBe(2);
  });
});

describe("invites sources", () => {
  it("fails with exit 2 and the usual line when there is no database", async () => {
    const result = await run("sources");
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      `invites: no database at ${temp.db}; import your export first: invites import <export.zip>`,
    );
  });

  it("lists every import with what it changed, in a table and as JSON", async () => {
    const book = join(temp.dir, "Outlook-Kontakte.CSV");
    copyFileSync(OUTLOOK, book);
    await importJson(DEMO_ZIP, book);
    // The same address book saved again without its first contact replaces the older copy.
    const text = readFileSync(book, "latin1").split("\r\n");
    writeFileSync(book, Buffer.from([text[0], ...text.slice(2)].join("\r\n"), "latin1"));
    const [again] = await importJson(book);
    expect(again).toMatchObject({ replacedContacts: 5 });

    const list = await sourcesJson();
    expect(list.map((s) => [s.id, s.kind, s.replacedBy, s.replacedContacts])).toEqual([
      [1, "linkedin-invitations", null, 0],
      [2, "linkedin-connections", null, 0],
      [3, "linkedin-imported-contacts", null, 0],
      [4, "outlook-csv", 5, 0],
      [5, "outlook-csv", null, 5],
    ]);
    expect(Object.keys(list[0] ?? {})).toEqual([
      "id",
      "path",
      "kind",
      "format",
      "rows",
      "imported",
      "skipped",
      "writtenAt",
      "importedAt",
      "replacedBy",
      "closedInvitations",
      "goneConnections",
      "replacedContacts",
    ]);
    const table = await run("sources");
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(
      /│ 4 │ .*Outlook-Kontakte\.CSV\s*│ Outlook CSV \(German\)\s*│\s+6 │ .*│ replaced by #5\s*│/,
    );
    expect(table.stdout).toMatch(/│ 5 │ .*│ replaced 5 contacts\s*│/);
  });

  it("taking back a newer copy of an address book shows the older one's contacts again", async () => {
    const book = join(temp.dir, "Outlook-Kontakte.CSV");
    copyFileSync(OUTLOOK, book);
    await importJson(book);
    const older = (await run("contacts", "--json")).stdout;
    const text = readFileSync(book, "latin1").split("\r\n");
    writeFileSync(book, Buffer.from([text[0], ...text.slice(2)].join("\r\n"), "latin1"));
    await importJson(book);
    expect(JSON.parse((await run("contacts", "--json")).stdout)).toHaveLength(4);

    const forget = await run("sources", "forget", "2", "--yes");
    expect(forget.code).toBe(0);
    expect(forget.stdout).toContain("4 contacts of it removed");
    expect(forget.stdout).toContain(`5 contacts of import 1 (${book}) shown again`);
    expect((await run("contacts", "--json")).stdout).toBe(older);
    expect((await sourcesJson()).map((s) => [s.id, s.replacedBy])).toEqual([[1, null]]);
  });

  it("refuses to take back the only file that lists what was withdrawn, keeping every record", async () => {
    expect((await runCli(["demo", "--db", temp.db], { cwd: temp.dir })).code).toBe(0);
    const before = dumpDatabase(temp.db);
    const refused = await run("sources", "forget", "1", "--yes");
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr.split("\n")[0]).toMatch(
      /^invites: import 1 \(.*Invitations\.csv\) cannot be taken back: it is the only file that lists 38 invitations you withdrew or tried to withdraw with invites, and their records would go with it; nothing was changed$/,
    );
    const connections = await run("sources", "forget", "2", "--yes");
    expect(connections.code).toBe(2);
    expect(connections.stderr).toContain("6 connections you removed or tried to remove");
    expect(dumpDatabase(temp.db)).toBe(before);

    // Once a newer export lists them too, the older one can go; the records stay.
    const [header, ...rows] = demoInvitationLines();
    const sentSince =
      'Katrin Böhm,Ida Krüger,"11/21/26, 8:00 AM",,OUTGOING,https://www.linkedin.com/in/katrin-boehm-4711,https://www.linkedin.com/in/ida-krueger-1';
    const newer = writeLater(
      "Invitations.csv",
      [header, sentSince, ...rows].join("\n"),
      "2026-11-21",
    );
    expect((await importJson(newer))[0]).toMatchObject({ outcome: "imported" });
    const history = (await run("history", "--json")).stdout;
    expect((await run("sources", "forget", "1", "--yes")).code).toBe(0);
    expect((await run("history", "--json")).stdout).toBe(history);
    expect(await invitationStates()).toMatchObject({ withdrawn: 38 });
  });
});

describe("a database of the previous schema", () => {
  it("migrates: closures get the import that made them, and can be taken back", async () => {
    await importJson(DEMO_ZIP);
    const lines = demoInvitationLines();
    const newer = writeLater(
      "Invitations.csv",
      [...lines.slice(0, 8), ...lines.slice(11)].join("\n"),
    );
    await importJson(newer);
    expect(await invitationStates()).toMatchObject({ pending: 38, closed: 3 });

    // The same rows in a database as the previous version wrote it: its three migrations, the
    // columns they define, copied over.
    const old = join(temp.dir, "old.db");
    const db = new Database(old);
    for (const migration of MIGRATIONS.slice(0, 3)) db.exec(migration);
    db.pragma("user_version = 3");
    db.exec(`ATTACH '${temp.db}' AS current`);
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM main.sqlite_master WHERE type = 'table'")
      .all();
    for (const { name } of tables) {
      const columns = db
        .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name}', 'main')`)
        .all()
        .map((c) => c.name)
        .join(", ");
      db.exec(`INSERT INTO main.${name} (${columns}) SELECT ${columns} FROM current.${name}`);
    }
    db.exec("DETACH current");
    db.close();

    const sources = await runCli(["sources", "--json", "--db", old]);
    expect(sources.code).toBe(0);
    expect(
      JSON.parse(sources.stdout).map((s: { closedInvitations: number }) => s.closedInvitations),
    ).toEqual([0, 0, 0, 3]);
    const forget = await runCli(["sources", "forget", "4", "--yes", "--db", old]);
    expect(forget.code).toBe(0);
    expect(forget.stdout).toContain("3 invitations it no longer listed are listed again");
    const status = JSON.parse(
      (await runCli(["status", "--json", "--as-of", AS_OF, "--db", old])).stdout,
    );
    expect(status.invitations).toMatchObject({ pending: 41, closed: 0 });
    // The migration numbered on from the imports there were: 4 stays given.
    await runCli(["import", "--db", old, OUTLOOK]);
    const numbers = JSON.parse((await runCli(["sources", "--json", "--db", old])).stdout);
    expect(numbers.map((s: { id: number }) => s.id)).toEqual([1, 2, 3, 5]);
  });
});
