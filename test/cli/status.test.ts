import { appendFileSync, copyFileSync, existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import {
  DEMO_EXPORT as DEMO_ZIP,
  fixture,
  importDemo,
  DEMO_OUTLOOK as OUTLOOK,
  runCli,
  useTempDatabase,
} from "../support/cli.js";

const temp = useTempDatabase();

describe("invites status", () => {
  it("prints exactly the documented JSON for the demo export", async () => {
    await importDemo(temp.db);
    const result = await runCli(["status", "--db", temp.db, "--json", "--as-of", "2026-11-20"]);
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout);
    expect(Object.keys(status)).toEqual([
      "invitations",
      "connections",
      "contacts",
      "unconfirmed",
      "sources",
    ]);
    expect(status.invitations).toEqual({
      outgoing: 49,
      incoming: 2,
      pending: 41,
      accepted: 6,
      expired: 2,
      withdrawn: 0,
      closed: 0,
    });
    expect(status.connections).toEqual({ active: 9, removed: 0, gone: 0 });
    // 44 uploaded contacts, 5 from Outlook: 38 + 6 addresses, minus the role address in both.
    expect(status.contacts).toEqual({ total: 49, withEmail: 49, emails: 49 });
    expect(status.unconfirmed).toEqual({ withdrawals: 0, removals: 0 });
    expect(status.sources).toHaveLength(4);
    for (const source of status.sources) {
      expect(Object.keys(source)).toEqual(["path", "kind", "rows", "importedAt"]);
      expect(typeof source.rows).toBe("number");
      expect(Number.isNaN(Date.parse(source.importedAt))).toBe(false);
    }
    expect(status.sources.map((s: { kind: string }) => s.kind)).toEqual([
      "linkedin-invitations",
      "linkedin-connections",
      "linkedin-imported-contacts",
      "outlook-csv",
    ]);
  });

  it("lets --as-of decide what has expired", async () => {
    await runCli(["import", "--db", temp.db, DEMO_ZIP]);
    const later = JSON.parse(
      (await runCli(["status", "--db", temp.db, "--json", "--as-of", "2027-06-01"])).stdout,
    );
    expect(later.invitations).toMatchObject({ pending: 0, expired: 43, accepted: 6 });
  });

  it("shows no empty picture without a database, and creates none", async () => {
    const result = await runCli(["status", "--db", temp.db]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`no database at ${temp.db}`);
    expect(existsSync(temp.db)).toBe(false);
  });

  it("gives commands to copy as the user started it: npx invites when npx did", async () => {
    const env = { npm_command: "exec" };
    const missing = await runCli(["status", "--db", temp.db], { env });
    expect(missing.stderr).toContain("import your export first: npx invites import <export.zip>");
    const german = await runCli(["sources", "--db", temp.db, "--lang", "de"], { env });
    expect(german.stderr).toContain("Ihren Export: npx invites import <export.zip>");
    // The guide's checklist, where there is no terminal to ask in: every command of it.
    const checklist = await runCli(["start", "--db", temp.db], { env });
    expect(checklist.stdout).toContain("npx invites batches   and   npx invites preview --batch");
    expect(checklist.stdout).not.toMatch(/(^|[^x] )invites (import|login|withdraw)/m);
  });

  it("refuses an --as-of before the newest invitation in every command that takes one", async () => {
    await runCli(["import", "--db", temp.db, DEMO_ZIP]);
    const before = readFileSync(temp.db);
    const out = join(temp.dir, "notes.csv");
    for (const command of [
      ["status"],
      ["status", "--json"],
      ["preview"],
      ["batches"],
      ["reinvite-list"],
      ["apologize", "--out", out],
      ["withdraw", "--batch", "--dry-run"],
    ]) {
      const result = await runCli([...command, "--db", temp.db, "--as-of", "2026-11-13"]);
      expect(result.code, command.join(" ")).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr.trim()).toBe(
        'invites: --as-of "2026-11-13" is before the newest invitation you sent, 2026-11-14 (expected that day or a later one)',
      );
    }
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(temp.db).equals(before)).toBe(true);
    // An exact time is answered to the minute: the same day, hours before the send.
    const early = await runCli(["status", "--db", temp.db, "--as-of", "2026-11-14T08:00Z"]);
    expect(early.code).toBe(2);
    expect(early.stderr.trim()).toBe(
      'invites: --as-of "2026-11-14T08:00Z" is before the newest invitation you sent, 2026-11-14 09:21 UTC (expected that time or a later one)',
    );
    // The day of the newest invitation is a day it existed on; one sent to you later (on the
    // 15th) does not count: the day of the accident is a day to look back on.
    const onTheDay = await runCli(["status", "--db", temp.db, "--json", "--as-of", "2026-11-14"]);
    expect(onTheDay.code, onTheDay.stderr).toBe(0);
  });

  it("refuses a date it cannot read", async () => {
    const result = await runCli(["status", "--db", temp.db, "--as-of", "20/11/2026"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'invites: --as-of "20/11/2026" is not a date (expected YYYY-MM-DD, e.g. 2026-11-22, or 22.11.2026, or an ISO 8601 time)',
    );
  });
});

describe("invites contacts", () => {
  it("lists contacts as JSON with names as the file spelled them", async () => {
    await runCli(["import", "--db", temp.db, OUTLOOK]);
    const result = await runCli(["contacts", "--db", temp.db, "--json"]);
    const contacts = JSON.parse(result.stdout);
    expect(contacts[0]).toEqual({
      name: "Jürgen Weiß",
      emails: ["juergen.weiss@example.de"],
      phones: ["+49 171 2345678"],
      company: "Müller & Söhne GmbH",
      source: OUTLOOK,
    });
    expect(contacts).toHaveLength(5);
  });

  it("filters by source number and refuses an unknown one", async () => {
    await runCli(["import", "--db", temp.db, OUTLOOK, fixture("address-books", "yahoo.csv")]);
    const only = JSON.parse(
      (await runCli(["contacts", "--db", temp.db, "--json", "--source", "2"])).stdout,
    );
    expect(only.map((c: { name: string }) => c.name)).toEqual(["Niklas Lindström"]);
    const bad = await runCli(["contacts", "--db", temp.db, "--source", "7"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("there is no source number 7");
  });

  it("says why a source lists no contacts: a LinkedIn table, or a copy replaced by a newer one", async () => {
    await runCli(["import", "--db", temp.db, fixture("linkedin", "Invitations.csv"), OUTLOOK]);
    const table = await runCli(["contacts", "--db", temp.db, "--source", "1"]);
    expect(table.code).toBe(2);
    expect(table.stderr).toContain(
      "import 1 is a LinkedIn table of invitations or connections, not an address book",
    );
    // An address book imported, then changed and imported again: the newer copy replaces it.
    const copy = join(temp.dir, "Outlook-Kontakte.CSV");
    copyFileSync(OUTLOOK, copy);
    // A blank line makes it content of its own each time (the same content is imported once).
    for (let i = 0; i < 2; i++) {
      appendFileSync(copy, "\r\n");
      expect((await runCli(["import", "--db", temp.db, copy])).code).toBe(0);
    }
    const replaced = await runCli(["contacts", "--db", temp.db, "--source", "3"]);
    expect(replaced.code).toBe(0);
    expect(replaced.stderr.replace(/\s+/g, " ")).toContain(
      "Import 3 was replaced by a newer copy of the same address book (import 4)",
    );
  });

  it("prints a table with a count", async () => {
    await runCli(["import", "--db", temp.db, OUTLOOK]);
    const result = await runCli(["contacts", "--db", temp.db]);
    expect(result.stdout).toMatch(/│ Jürgen Weiß\s+│ juergen\.weiss@example\.de/);
    expect(result.stdout.trim().endsWith("5 contacts")).toBe(true);
  });
});

describe("where the database lives", () => {
  it("uses INVITES_DB, else the XDG data directory, and creates the file private", async () => {
    const envDb = join(temp.dir, "from-env.db");
    await runCli(["import", fixture("address-books", "yahoo.csv")], {
      env: { INVITES_DB: envDb },
    });
    expect(statSync(envDb).mode & 0o777).toBe(0o600);

    const dataHome = join(temp.dir, "xdg");
    await runCli(["import", fixture("address-books", "yahoo.csv")], {
      env: { XDG_DATA_HOME: dataHome },
    });
    expect(statSync(join(dataHome, "invites", "invites.db")).mode & 0o777).toBe(0o600);

    // --temp.db wins over the environment.
    const flagDb = join(temp.dir, "flag.db");
    await runCli(["import", "--db", flagDb, fixture("address-books", "yahoo.csv")], {
      env: { INVITES_DB: envDb },
    });
    expect(existsSync(flagDb)).toBe(true);
  });
});

describe("the program", () => {
  it("documents the exit codes in --help", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Exit codes:\n {2}0 {4}done/);
    expect(result.stdout).toContain("3    stopped by the network");
  });

  it("exits 2 on an unknown command or option", async () => {
    expect((await runCli(["frobnicate"])).code).toBe(2);
    expect((await runCli(["status", "--frobnicate"])).code).toBe(2);
    expect((await runCli(["connections", "remove", "--frobnicate"])).code).toBe(2);
  });

  it("counts as unconfirmed only what is still pending or active", async () => {
    await runCli(["import", "--db", temp.db, DEMO_ZIP]);
    // What a run killed while it waited leaves: requests without an outcome, for three pending
    // invitations, one of which a newer export then closed, and for two connections, one of
    // which that export no longer listed.
    const db = new Database(temp.db);
    const pending = db
      .prepare(
        "SELECT id FROM invitations WHERE direction = 'OUTGOING' AND withdrawn_at IS NULL AND closed_at IS NULL ORDER BY sent_at DESC LIMIT 3",
      )
      .pluck()
      .all() as number[];
    const connections = db.prepare("SELECT id FROM connections LIMIT 2").pluck().all() as number[];
    const run = db
      .prepare(
        "INSERT INTO runs (command, action, started_at, planned) VALUES ('withdraw', 'withdraw', '2026-11-20T10:00:00Z', 2)",
      )
      .run().lastInsertRowid;
    const entry = db.prepare(
      `INSERT INTO journal (run_id, action, invitation_id, connection_id, live_id, target, intent_at, answer)
       VALUES (?, ?, ?, ?, ?, 'someone', '2026-11-20T10:00:01Z', ?)`,
    );
    // The third was answered with a stop (a 429): turned away, it did not take effect.
    for (const [i, id] of pending.entries()) {
      entry.run(run, "withdraw", id, null, `inv-${i}`, i === 2 ? "turned-away" : null);
    }
    for (const [i, id] of connections.entries())
      entry.run(run, "remove", null, id, `con-${i}`, null);
    db.prepare("UPDATE invitations SET closed_at = '2026-11-21T00:00:00Z' WHERE id = ?").run(
      pending[0],
    );
    db.prepare("UPDATE connections SET gone_at = '2026-11-21T00:00:00Z' WHERE id = ?").run(
      connections[0],
    );
    db.close();
    const result = await runCli(["status", "--db", temp.db, "--json", "--as-of", "2026-11-20"]);
    expect(JSON.parse(result.stdout).unconfirmed).toEqual({ withdrawals: 1, removals: 1 });
    const text = await runCli(["status", "--db", temp.db, "--as-of", "2026-11-20"]);
    expect(text.stdout).toMatch(/^ {4}of them asked to withdraw, not yet confirmed +1$/m);
    expect(text.stdout).toMatch(/^ {4}of them asked to remove, not yet confirmed +1$/m);
    expect(text.stdout.replace(/\s+/g, " ")).toContain(
      "The next invites withdraw or invites connections remove reads",
    );
  });

  it("names an unknown word after a group as an unknown command, not as an argument of list", async () => {
    await runCli(["import", "--db", temp.db, DEMO_ZIP]);
    for (const args of [
      ["sources", "frobnicate", "--db", temp.db],
      ["sources", "--json", "frobnicate", "--db", temp.db],
      ["sources", "--db", temp.db, "frobnicate"],
    ]) {
      const result = await runCli(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr.split("\n")[0]).toBe("error: unknown command 'frobnicate'");
      expect(result.stderr).not.toContain("'list'");
    }
    // The default command still runs when the group is named alone, and by its own name.
    for (const args of [["sources"], ["sources", "list"], ["sources", "--json"]]) {
      expect((await runCli([...args, "--db", temp.db])).code, args.join(" ")).toBe(0);
    }
  });

  it("lists the exit codes in the help of every command, nested ones too", async () => {
    for (const command of [["withdraw"], ["connections", "remove"], ["connections", "export"]]) {
      const help = await runCli([...command, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain("130  cancelled at a prompt");
    }
  });

  it("fills and keeps the database named with demo --db", async () => {
    const result = await runCli(["demo", "--db", temp.db], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split("\n").at(-1)).toBe(`Kept the demo database: ${temp.db}`);
    const status = JSON.parse((await runCli(["status", "--db", temp.db, "--json"])).stdout);
    expect(status.invitations).toMatchObject({ outgoing: 49, withdrawn: 38 });
  });

  it("runs the demo on the bundled fixtures", async () => {
    const result = await runCli(["demo"], { cwd: temp.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Outlook CSV (German)");
    expect(result.stdout).toMatch(/pending: can still be withdrawn\s+41/);
    expect(result.stdout).toMatch(/accepted: became connections\s+6/);
    // The batch is withdrawn against the emulation: progress on stderr, the result on stdout.
    expect(result.stderr).toContain("38/38 withdrawn");
    expect(result.stdout).toMatch(/│\s+38 │\s+0 │\s+0 │\s+0 │/);
    expect(result.stdout).toMatch(/withdrawn\s+38/);
    // Then the six who had accepted: exported, written to the CSV, removed.
    expect(result.stdout).toContain("Wrote 6 connections");
    expect(result.stderr).toContain("6/6 removed");
    expect(result.stdout).toMatch(/│\s+6 │\s+0 │\s+0 │\s+0 │/);
    expect(result.stdout).toMatch(
      /First Name,Last Name,URL,Email Address,Company,Position,Connected On,Removal Attempted At\nAgnieszka,Möller,https:\/\/www\.linkedin\.com\/in\/agnieszka-moeller-69,/,
    );
    expect(result.stdout).toMatch(/removed by invites\s+6/);
  });
});
