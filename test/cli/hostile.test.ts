/**
 * Names, companies and file names that carry terminal controls (fixtures/hostile/), shown by the
 * built command line: nothing of them reaches the terminal raw, while --json keeps them exactly.
 */
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it } from "vitest";
import { fixture, runCli, useTempDatabase } from "../support/cli.js";
import { rawCharacters } from "../support/terminal.js";

const temp = useTempDatabase();
const AS_OF = ["--as-of", "2026-11-20"];
/** A file name as a hostile archive or download could make it. */
const HOSTILE_NAME = "Verbindungen\x1b[2J\x1b]0;pwned\x07\u202evsc.csv";

let imported = { stdout: "", stderr: "" };

beforeEach(async () => {
  const connections = join(temp.dir, HOSTILE_NAME);
  copyFileSync(fixture("hostile", "Connections.csv"), connections);
  const result = await runCli([
    "import",
    "--db",
    temp.db,
    fixture("hostile", "Invitations.csv"),
    fixture("hostile", "contacts.csv"),
    connections,
  ]);
  expect(result.code, result.stderr).toBe(0);
  imported = result;
});

/** Every raw character of a command's output, stdout and stderr, except line breaks. */
function rawOf(result: { stdout: string; stderr: string }): string[] {
  return [...rawCharacters(result.stdout), ...rawCharacters(result.stderr)];
}

describe("hostile names and file names", () => {
  it("reach no terminal raw in import, preview, status, contacts and batches", async () => {
    expect(rawOf(imported)).toEqual([]);
    expect(imported.stdout).toContain("pwned\\u0007vsc.csv │ LinkedIn Connections.csv");
    const preview = await runCli(["preview", "--db", temp.db, ...AS_OF, "--all"]);
    expect(preview.code).toBe(0);
    expect(rawOf(preview)).toEqual([]);
    expect(preview.stdout).toContain("Lena\\u001b[2J\\u001b[H Mül");
    expect(preview.stdout).toContain("\\u009b31mRot\\u009b0m Weber");
    expect(preview.stdout).toContain("│ Anna LEUNAM Nowak ");
    expect(preview.stdout).toContain("│ Jürgen Weiß ");
    for (const command of ["status", "contacts", "batches"]) {
      const result = await runCli([
        command,
        "--db",
        temp.db,
        ...AS_OF.slice(command === "contacts" ? 2 : 0),
      ]);
      expect(result.code, command).toBe(0);
      expect(rawOf(result), command).toEqual([]);
    }
    const contacts = await runCli(["contacts", "--db", temp.db]);
    expect(contacts.stdout).toContain("Lena\\u001b[2J Müller");
    expect(contacts.stdout).toContain("Bäckerei\\u0007 Groß");
  });

  it("keep our own colours working around the data", async () => {
    const result = await runCli(["preview", "--db", temp.db, ...AS_OF, "--all"], {
      env: { NO_COLOR: "", FORCE_COLOR: "1" },
    });
    expect(result.stdout).toContain("\x1b[1m");
    // Our colours are SGR sequences; without them nothing raw is left.
    const esc = "\x1b";
    const uncoloured = result.stdout.replace(new RegExp(`${esc}\\[[0-9;]*m`, "g"), "");
    expect(rawCharacters(uncoloured)).toEqual([]);
  });

  it("reach no terminal raw in the export's message or in an error naming a file", async () => {
    const out = join(temp.dir, "export\x1b[2J.csv");
    const exported = await runCli(["connections", "export", "--db", temp.db, "--out", out]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(rawOf(exported)).toEqual([]);
    expect(exported.stderr).toContain("export\\u001b[2J.csv");
    const missing = join(temp.dir, "keep\x1b]8;;evil\x07.txt");
    const failed = await runCli(["preview", "--db", temp.db, ...AS_OF, "--keep", missing]);
    expect(failed.code).toBe(2);
    expect(rawOf(failed)).toEqual([]);
    expect(failed.stderr).toContain("keep\\u001b]8;;evil\\u0007.txt: cannot be read");
  });

  it("keeps the data exactly as it was in --json", async () => {
    const names = (
      parse(readFileSync(fixture("hostile", "Invitations.csv")), { columns: true }) as Array<
        Record<string, string>
      >
    ).map((r) => r.To?.trim());
    const preview = await runCli(["preview", "--db", temp.db, "--json", ...AS_OF]);
    expect(rawOf(preview)).toEqual([]);
    const listed = (JSON.parse(preview.stdout) as Array<{ name: string }>).map((r) => r.name);
    expect(listed.sort()).toEqual(names.sort());
    expect(listed).toContain("Anna \u202eLEUNAM\u202c Nowak");
    expect(listed).toContain("\u009b31mRot\u009b0m Weber");
    const contacts = await runCli(["contacts", "--db", temp.db, "--json"]);
    expect(rawOf(contacts)).toEqual([]);
    const companies = (JSON.parse(contacts.stdout) as Array<{ company: string }>).map(
      (c) => c.company,
    );
    expect(companies).toContain("Bäckerei\x07 Groß\u009b2J");
  });
});
