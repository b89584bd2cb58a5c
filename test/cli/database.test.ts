/**
 * A database that is missing or cannot be used: every command says in one line what is wrong,
 * where, and what to do, exits 1 or 2, and leaves the file as it was.
 */
import { spawn } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/store/schema.js";
import {
  BIN,
  binaryEnv,
  collect,
  DEMO_EXPORT as DEMO_ZIP,
  dumpDatabase,
  fixture,
  type RunResult,
  runCli,
  useTempDatabase,
} from "../support/cli.js";

const YAHOO = fixture("address-books", "yahoo.csv");

const temp = useTempDatabase();

/** The read commands, each as it would be run; OUT stands for a file it writes. */
const READ_COMMANDS = [
  "status",
  "status --json",
  "batches",
  "preview",
  "contacts",
  "history",
  "reinvite-list",
  "connections export --out OUT",
  "apologize --out OUT",
];

/** One line on stderr, nothing on stdout, never SQLite's own words as an "unexpected error". */
function expectOneLine(result: RunResult, code: number, message: RegExp): void {
  expect(result.stdout).toBe("");
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^invites: /);
  expect(lines[0]).not.toMatch(/unexpected error|SQLITE_/);
  expect(lines[0]).toMatch(message);
  expect(result.code).toBe(code);
}

/**
 * Runs the binary as an ordinary user: the tests run as root, and root reads and writes any file
 * whatever its mode. As any other user it runs as that user.
 */
function runAsUser(args: string[]): Promise<RunResult> {
  const asRoot = process.getuid?.() === 0;
  return collect(
    spawn(process.execPath, [BIN, ...args], {
      env: binaryEnv({ HOME: temp.dir }),
      stdio: ["ignore", "pipe", "pipe"],
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    }),
  );
}

describe("read commands without a database", () => {
  it.each(READ_COMMANDS)("%s: says to import first, exit 2, creates nothing", async (command) => {
    const out = join(temp.dir, "out.csv");
    const args = command.split(" ").map((a) => (a === "OUT" ? out : a));
    const result = await runCli([...args, "--db", temp.db]);
    expectOneLine(
      result,
      2,
      new RegExp(
        `^invites: no database at ${temp.db}; import your export first: invites import <export\\.zip>$`,
      ),
    );
    expect(existsSync(temp.db)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it("status names the database it reads on its first line", async () => {
    expect((await runCli(["import", "--db", temp.db, YAHOO])).code).toBe(0);
    const result = await runCli(["status", "--db", temp.db]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe(`Database: ${temp.db}`);
  });
});

describe("a file that is not an invites database", () => {
  it("refuses a 0-byte file, for reading and for importing, and leaves it empty", async () => {
    writeFileSync(temp.db, "");
    const message = new RegExp(
      `^invites: ${temp.db} is an empty file \\(0 bytes\\), not an invites database; nothing was changed: remove it to start anew, or name the right file with --db$`,
    );
    expectOneLine(await runCli(["status", "--db", temp.db]), 2, message);
    expectOneLine(await runCli(["import", "--db", temp.db, YAHOO]), 2, message);
    expect(readFileSync(temp.db).length).toBe(0);
    expect(existsSync(`${temp.db}-wal`)).toBe(false);
  });

  it("refuses a file of random bytes without touching it", async () => {
    const bytes = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 251));
    writeFileSync(temp.db, bytes);
    const message =
      /is not an invites database \(file is not a database\); .*name the right file with --db$/;
    expectOneLine(await runCli(["status", "--db", temp.db]), 2, message);
    expectOneLine(await runCli(["import", "--db", temp.db, YAHOO]), 2, message);
    expect(readFileSync(temp.db).equals(bytes)).toBe(true);
  });

  it("refuses a database from a newer version of invites, changing nothing", async () => {
    expect((await runCli(["import", "--db", temp.db, YAHOO])).code).toBe(0);
    const db = new Database(temp.db);
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    db.close();
    const before = dumpDatabase(temp.db);
    const message = new RegExp(
      `^invites: ${temp.db} was written by a newer version of invites \\(schema ${MIGRATIONS.length + 5}, this one knows ${MIGRATIONS.length}\\); nothing was changed: open it with that newer version$`,
    );
    expectOneLine(await runCli(["status", "--db", temp.db]), 2, message);
    expectOneLine(await runCli(["import", "--db", temp.db, DEMO_ZIP]), 2, message);
    expect(dumpDatabase(temp.db)).toBe(before);
  });

  it("says a damaged database is damaged, for reading and for importing", async () => {
    expect((await runCli(["import", "--db", temp.db, DEMO_ZIP])).code).toBe(0);
    // Every page after the first two overwritten: the header is intact, the tables are not.
    const bytes = readFileSync(temp.db);
    for (let i = 2 * 4096; i < bytes.length; i++) bytes[i] = (i * 31 + 7) % 256;
    writeFileSync(temp.db, bytes);
    const message = new RegExp(
      `^invites: the database ${temp.db} is damaged \\(database disk image is malformed\\); restore it from a backup, or import your export into a new one with --db$`,
    );
    expectOneLine(await runCli(["status", "--db", temp.db]), 1, message);
    expectOneLine(await runCli(["import", "--db", temp.db, YAHOO]), 1, message);
  });

  it("refuses a folder named as the database", async () => {
    const folder = join(temp.dir, "data");
    mkdirSync(folder);
    const message = new RegExp(
      `^invites: ${folder} is a folder, not a database file; name a file with --db, e\\.g\\. --db ${join(folder, "invites.db")}$`,
    );
    expectOneLine(await runCli(["status", "--db", folder]), 2, message);
    expectOneLine(await runCli(["import", "--db", folder, YAHOO]), 2, message);
  });

  it("names the file that stands where a folder of --db should be", async () => {
    const file = join(temp.dir, "notes.txt");
    writeFileSync(file, "not a folder\n");
    const db = join(file, "sub", "invites.db");
    const message = new RegExp(
      `^invites: cannot use the database ${db}: ${file} is a file, not a folder; name a place in a folder with --db$`,
    );
    expectOneLine(await runCli(["import", "--db", db, YAHOO]), 2, message);
    expectOneLine(await runCli(["status", "--db", db]), 2, message);
    expect(readFileSync(file, "utf8")).toBe("not a folder\n");
  });
});

describe("a database the disk or the file system will not let us use", () => {
  it("imports nothing into a read-only database, and still shows it", async () => {
    expect((await runCli(["import", "--db", temp.db, YAHOO])).code).toBe(0);
    // Dumped from a copy: a reading connection here would leave root's -shm file beside it.
    const copy = join(temp.dir, "copy.db");
    copyFileSync(temp.db, copy);
    const before = dumpDatabase(copy);
    chmodSync(temp.db, 0o444);
    // The folder stays writable: SQLite must be able to put its -shm file beside a WAL database.
    chmodSync(temp.dir, 0o777);
    expectOneLine(
      await runAsUser(["import", "--db", temp.db, DEMO_ZIP]),
      1,
      new RegExp(
        `^invites: the database ${temp.db} is read-only \\(attempt to write a readonly database\\); make it and its folder writable for you, or copy it somewhere writable and name the copy with --db$`,
      ),
    );
    const status = await runAsUser(["status", "--db", temp.db, "--json"]);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).contacts.total).toBe(1);
    expect(dumpDatabase(temp.db)).toBe(before);
  });

  it("says so when the database is someone else's and cannot be read", async () => {
    expect((await runCli(["import", "--db", temp.db, YAHOO])).code).toBe(0);
    chmodSync(temp.db, process.getuid?.() === 0 ? 0o600 : 0o000);
    chmodSync(temp.dir, 0o755);
    const message = new RegExp(
      `^invites: no permission to open the database ${temp.db} \\(unable to open database file\\); run invites as the user who owns it, or name another file with --db$`,
    );
    expectOneLine(await runAsUser(["status", "--db", temp.db]), 1, message);
    expectOneLine(await runAsUser(["import", "--db", temp.db, YAHOO]), 1, message);
  });

  it("rolls the import back when the disk refuses a write, and says what to check", async () => {
    expect((await runCli(["import", "--db", temp.db, YAHOO])).code).toBe(0);
    const before = dumpDatabase(temp.db);
    // A file-size limit makes the kernel refuse the WAL's growth part way, as a full disk does.
    const result = await collect(
      spawn(
        "bash",
        [
          "-c",
          `trap '' XFSZ; ulimit -f 32; exec '${process.execPath}' '${BIN}' import --db '${temp.db}' '${DEMO_ZIP}'`,
        ],
        { env: binaryEnv(), stdio: ["ignore", "pipe", "pipe"] },
      ),
    );
    expectOneLine(
      result,
      1,
      new RegExp(
        `^invites: the database ${temp.db} could not be read or written \\(disk I/O error\\); check that the disk is not full or failing, then run the same command again$`,
      ),
    );
    expect(dumpDatabase(temp.db)).toBe(before);
    expect((await runCli(["import", "--db", temp.db, DEMO_ZIP])).code).toBe(0);
  });
});

describe("importing nothing", () => {
  it("says so for an empty folder, exits 2 and leaves no database", async () => {
    const folder = join(temp.dir, "export");
    mkdirSync(folder);
    expectOneLine(
      await runCli(["import", "--db", temp.db, folder]),
      2,
      new RegExp(
        `^invites: ${folder}: nothing was imported: the folder holds no files \\(expected a LinkedIn data export \\(zip, Invitations\\.csv, Connections\\.csv\\), an address book CSV, a vCard or an LDIF file\\)$`,
      ),
    );
    expect(existsSync(temp.db)).toBe(false);
  });

  it("says so for a folder of files it does not import, naming them", async () => {
    const folder = join(temp.dir, "export");
    mkdirSync(folder);
    writeFileSync(join(folder, "Profile.csv"), "First Name,Last Name,Headline\nKatrin,Böhm,Hi\n");
    writeFileSync(join(folder, "notes.txt"), "buy milk\n");
    expectOneLine(
      await runCli(["import", "--db", temp.db, folder]),
      2,
      /export: nothing was imported: the folder holds no table this tool imports, only Profile\.csv, notes\.txt \(expected/,
    );
    expect(existsSync(temp.db)).toBe(false);
  });
});
