/**
 * What an unlucky user or a hostile network does to a run, end to end: two runs at once, lost
 * answers, a server that fails every write, the wrong account's session, a server that echoes
 * the cookies, a pace without its unit, a reader that goes away. The built command line against
 * the emulation on 127.0.0.1, in process but for what takes a process (the run that holds the
 * lock, the reader that goes away); the emulation's own counts are the judge.
 */
import { spawn } from "node:child_process";
import { linkSync, readdirSync, readFileSync, symlinkSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { parseFaults } from "../../src/sandbox/faults.js";
import {
  BIN,
  binaryEnv,
  DEMO_EXPORT as DEMO,
  dumpDatabase,
  fixture,
  type RunResult,
  runBinary,
  runCli,
  useTempDatabase,
} from "../support/cli.js";
import { useEmulation } from "../support/emulation.js";

const CONNECTIONS = fixture("linkedin", "Connections-many.csv");
const temp = useTempDatabase();
const emulation = useEmulation();

function args(pace: string, ...flags: string[]): string[] {
  return ["--db", temp.db, "--base-url", emulation.sandbox.url, "--pace", pace, ...flags];
}

function withdraw(...flags: string[]): Promise<RunResult> {
  return runCli(["withdraw", ...args("0", "--batch", "--yes", "--as-of", "2026-11-20", ...flags)], {
    env: { INVITES_COOKIES: emulation.sandbox.cookie },
    cwd: temp.dir,
  });
}

/** Resolves when the emulation has seen `n` more write requests. */
function writesSeen(n: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    emulation.sandbox.server.on("request", (req) => {
      if (req.method === "POST" && !req.url?.includes("pagination") && ++seen === n) resolve();
    });
  });
}

async function history() {
  const result = await runCli(["history", "--db", temp.db, "--json"]);
  return JSON.parse(result.stdout) as Array<{
    outcome: string;
    detail: string;
    counts: Record<string, number>;
  }>;
}

describe("requests are never sent twice, nor for the wrong account", () => {
  beforeEach(async () => {
    expect((await runCli(["import", "--db", temp.db, DEMO])).code).toBe(0);
  });

  it("refuses a second run on the same database at once, naming the one that runs", async () => {
    await emulation.start(DEMO);
    const started = writesSeen(2);
    // Two runs at once: the first in a process of its own, whose lock the second meets.
    const first = runBinary(
      ["withdraw", ...args("150ms", "--batch", "--yes", "--as-of", "2026-11-20")],
      { env: { INVITES_COOKIES: emulation.sandbox.cookie }, cwd: temp.dir },
    );
    await started;
    const second = await withdraw();
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(
      /another withdraw run is using this database: process \d+, started .+ UTC: invites withdraw --db/,
    );
    // Nor does a symbolic link to the database, or to its folder, make it another database.
    symlinkSync(temp.db, join(temp.dir, "link.db"));
    symlinkSync(temp.dir, join(temp.dir, "folder-link"));
    for (const db of [join(temp.dir, "link.db"), join(temp.dir, "folder-link", "invites.db")]) {
      const through = await withdraw("--db", db);
      expect(through.code, db).toBe(2);
      expect(through.stderr).toMatch(/another withdraw run is using this database/);
    }
    // A dry run sends nothing and is never refused.
    expect((await withdraw("--dry-run")).code).toBe(0);
    const done = await first;
    expect(done.code, done.stderr).toBe(0);
    const after = await emulation.state();
    expect(after.invitations.filter((i) => i.state === "withdrawn")).toHaveLength(38);
    expect(after.invitations.every((i) => i.withdrawCalls <= 1)).toBe(true);
    // The lock went with the run: the next run starts.
    expect((await withdraw()).code).toBe(0);
  });

  it("refuses a run on a database with a second name (a hard link), through either name", async () => {
    await emulation.start(DEMO);
    const other = join(temp.dir, "second-name.db");
    linkSync(temp.db, other);
    const before = (await emulation.state()).requests;
    for (const db of [temp.db, other]) {
      const refused = await withdraw("--db", db);
      expect(refused.code, db).toBe(2);
      expect(refused.stderr).toContain(`${db} has 2 names (hard links)`);
      expect(refused.stderr).toMatch(/ {2}give the database one name: /);
    }
    expect((await emulation.state()).requests).toBe(before);
    // A dry run sends nothing, and is shown as ever.
    expect((await withdraw("--db", other, "--dry-run")).code).toBe(0);
    // With the second name gone, the run goes ahead.
    unlinkSync(other);
    expect((await withdraw()).code).toBe(0);
  });

  it("settles a lost answer by re-reading before anything is sent again", async () => {
    // Request 4 is the first withdrawal: carried out, and the connection closes before the answer.
    await emulation.start(DEMO, { faults: parseFaults("lost@4") });
    const result = await withdraw("--max", "2");
    expect(result.code, result.stderr).toBe(0);
    const after = await emulation.state();
    expect(after.invitations.reduce((n, i) => n + i.withdrawCalls, 0)).toBe(2);
    expect(after.invitations.filter((i) => i.state === "withdrawn")).toHaveLength(2);
    expect((await history())[0]?.counts).toEqual({ "settled-withdrawn": 1, withdrawn: 1 });
  });

  it("waits for a request that may still be under way before the read that settles it: killed and resumed at once, nothing goes twice", async () => {
    // Request 4, the first withdrawal, is carried out 3 s after it arrives; the run that sent it
    // is killed before then, and the next one starts at once.
    await emulation.start(DEMO, { faults: parseFaults("slow@4:3000") });
    const env = { INVITES_COOKIES: emulation.sandbox.cookie, INVITES_SETTLE_AFTER: "5s" };
    // Killed once the request has arrived whole: LinkedIn has it, and acts on it later.
    const arrived = new Promise<void>((resolve) => {
      emulation.sandbox.server.on("request", (req) => {
        if (req.method === "POST" && !req.url?.includes("pagination")) req.once("end", resolve);
      });
    });
    const killed = spawn(
      process.execPath,
      [BIN, "withdraw", ...args("0", "--batch", "--yes", "--as-of", "2026-11-20")],
      { cwd: temp.dir, env: binaryEnv(env), stdio: "ignore" },
    );
    const guard = setTimeout(() => killed.kill("SIGKILL"), 20_000);
    await arrived;
    killed.kill("SIGKILL");
    await new Promise((done) => killed.once("close", done));
    clearTimeout(guard);
    // Until a read settles it, the invitation is pending, and status says its withdrawal was
    // asked for and is not confirmed yet.
    const status = await runCli(["status", "--db", temp.db, "--as-of", "2026-11-20"], {
      env: { COLUMNS: "100" },
    });
    expect(status.stdout).toMatch(/^ {2}pending: can still be withdrawn +41$/m);
    expect(status.stdout).toMatch(/^ {4}of them asked to withdraw, not yet confirmed +1$/m);
    expect(status.stdout).toContain(
      "Not yet confirmed: LinkedIn's answer was lost or not waited for. The next invites withdraw",
    );
    const json = await runCli(["status", "--db", temp.db, "--as-of", "2026-11-20", "--json"]);
    expect(JSON.parse(json.stdout).unconfirmed).toEqual({ withdrawals: 1, removals: 0 });
    const started = Date.now();
    const resumed = await runCli(
      ["withdraw", ...args("0", "--batch", "--yes", "--as-of", "2026-11-20", "--max", "2")],
      { env, cwd: temp.dir },
    );
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(
      /1 request got no answer and may still be on the way to LinkedIn: waiting \d s before its list can tell whether it took effect\./,
    );
    expect(Date.now() - started).toBeGreaterThan(3_000);
    const after = await emulation.state();
    expect(after.invitations.filter((i) => i.withdrawCalls > 1)).toEqual([]);
    // The killed run's request took effect late, and the read after the wait settles it as
    // done: of the resume's two, only the other one is sent.
    expect(after.invitations.filter((i) => i.state === "withdrawn")).toHaveLength(2);
    expect(after.invitations.reduce((n, i) => n + i.withdrawCalls, 0)).toBe(2);
    expect((await history()).map((run) => run.counts)).toEqual(
      expect.arrayContaining([{ "settled-withdrawn": 1 }, { withdrawn: 1 }]),
    );
    const settled = await runCli(["status", "--db", temp.db, "--as-of", "2026-11-20", "--json"]);
    expect(JSON.parse(settled.stdout).unconfirmed).toEqual({ withdrawals: 0, removals: 0 });
  });

  it("stops after three failed writes in a row, and tries no item more than three times", async () => {
    await emulation.start(DEMO, { faults: parseFaults("writes500@1") });
    let writes = 0;
    emulation.sandbox.server.on("request", (req) => {
      if (req.method === "POST") writes++;
    });
    const first = await withdraw();
    expect(first.code).toBe(3);
    expect(first.stderr).toContain("3 requests in a row failed");
    expect(first.stderr).toMatch(/to resume: invites withdraw --db/);
    expect(writes).toBe(3);
    // The one tried three times is left to the user; the next gets its three tries.
    const second = await withdraw();
    expect(second.code).toBe(3);
    expect(second.stdout).toContain(
      "tried 3 times without effect; left for you to do by hand on LinkedIn",
    );
    expect(writes).toBe(6);
    expect((await emulation.state()).invitations.every((i) => i.state !== "withdrawn")).toBe(true);
  });

  it("refuses a session of another member than the export's owner, before any write", async () => {
    await emulation.start(DEMO, {}, (world) => {
      world.account.publicIdentifier = "someone-else-123";
    });
    const result = await withdraw();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "the LinkedIn session is someone-else-123's, but the data in this database is katrin-boehm-4711's",
    );
    expect((await emulation.state()).invitations.every((i) => i.withdrawCalls === 0)).toBe(true);
    // The refused run is in the history, failed, and not as a run of the other member's.
    const [run] = await history();
    expect(run).toMatchObject({ outcome: "failed", account: null });
  });

  it("never lets a cookie a server echoes back reach the output, the journal or the files", async () => {
    // Every way of the first withdrawal (legacy {}, its full body, the action, its full body)
    // answers 400 repeating the Cookie header; the session check of the second run is
    // redirected to a login URL that carries the login cookie.
    await emulation.start(DEMO, {
      faults: parseFaults("echo@4,echo@5,echo@6,echo@7,echoredirect@10"),
    });
    const first = await withdraw("--max", "1");
    expect(first.code).toBe(1);
    const second = await withdraw();
    expect(second.code).toBe(3);
    const secrets = [
      emulation.world.account.liAt,
      emulation.world.account.jsessionid.replace(/"/g, ""),
      encodeURIComponent(emulation.world.account.liAt),
    ];
    const files = readdirSync(temp.dir).map((f) => readFileSync(join(temp.dir, f)));
    const texts = [first.stdout, first.stderr, second.stdout, second.stderr];
    // What the server said is shown, with the cookie taken out.
    expect(first.stdout).toContain("Bad request. You sent: Cookie: li_at=[redacted]");
    for (const secret of secrets) {
      for (const text of texts) expect(text).not.toContain(secret);
      for (const file of files) expect(file.includes(secret)).toBe(false);
    }
  });
});

describe("a run on a database of connections only records its account", () => {
  it("takes the first run's account as the database's, and refuses another one after", async () => {
    expect((await runCli(["import", "--db", temp.db, CONNECTIONS])).code).toBe(0);
    await emulation.start(CONNECTIONS);
    const remove = (match: string) =>
      runCli(["connections", "remove", ...args("0", "--match", match, "--yes")], {
        env: { INVITES_COOKIES: emulation.sandbox.cookie },
        cwd: temp.dir,
      });
    expect((await remove("krüger")).code).toBe(0);
    emulation.world.account.publicIdentifier = "someone-else-123";
    const refused = await remove("schröder");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("the data in this database is test-account's");
  });
});

describe("pace, place and a reader that goes away", () => {
  beforeEach(async () => {
    expect((await runCli(["import", "--db", temp.db, DEMO])).code).toBe(0);
  });

  it("refuses a pace without its unit, and asks before going fast against linkedin.com", async () => {
    const run = (...flags: string[]) =>
      runCli(["withdraw", "--db", temp.db, "--batch", "--dry-run", ...flags]);
    const bare = await run("--pace", "2-4");
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--pace "2-4" has no unit: did you mean 2-4s');
    const fast = await run("--pace", "500ms", "--base-url", "https://www.linkedin.com");
    expect(fast.code).toBe(2);
    expect(fast.stderr).toContain("a pace under 1 s (--pace 500ms) against linkedin.com");
    expect(fast.stderr).toContain("--accept-risk");
    const many = await run("--daily-cap", "500", "--base-url", "https://www.linkedin.com");
    expect(many.code).toBe(2);
    expect(many.stderr).toContain("more than 300 requests a day");
    const accepted = await run(
      ...["--pace", "500ms", "--daily-cap", "500", "--accept-risk"],
      ...["--base-url", "https://www.linkedin.com"],
    );
    expect(accepted.code).toBe(0);
    expect(accepted.stderr).toContain("Going ahead because of --accept-risk");
    // The wait before settling is checked with the flags, before anything is read or asked.
    const before = dumpDatabase(temp.db);
    const settle = await runCli(["withdraw", "--db", temp.db, "--batch", "--dry-run"], {
      env: { INVITES_SETTLE_AFTER: "soon" },
    });
    expect(settle.code).toBe(2);
    expect(settle.stdout).toBe("");
    expect(settle.stderr).toContain('INVITES_SETTLE_AFTER is "soon" (expected a duration');
    expect(dumpDatabase(temp.db)).toBe(before);
  });

  it("says where it sends the session when that is not linkedin.com", async () => {
    await emulation.start(DEMO);
    const result = await withdraw("--max", "1");
    expect(result.stderr).toContain(
      `Sending your LinkedIn session to ${emulation.sandbox.url}, not to linkedin.com.`,
    );
  });

  it("finishes the run when its reader goes away (invites withdraw … | head)", async () => {
    await emulation.start(DEMO);
    const child = spawn(
      process.execPath,
      [BIN, "withdraw", ...args("0", "--batch", "--yes", "--as-of", "2026-11-20")],
      {
        env: binaryEnv({ INVITES_COOKIES: emulation.sandbox.cookie }),
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    // Read the first chunk, then go away as `head` does.
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code, stderr).toBe(0);
    expect(
      (await emulation.state()).invitations.filter((i) => i.state === "withdrawn"),
    ).toHaveLength(38);
    expect(stderr).toMatch(/│\s+38 │\s+0 │/);
  });
});
