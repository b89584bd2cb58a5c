/**
 * A German user's small terminal: at 60 columns every line of a table fits (a table too wide
 * for it is laid out as blocks), a file cut to fit still shows its own name, a column no row
 * has anything in is left out, and the lines of a screenful are honoured.
 */
import stringWidth from "string-width";
import { beforeEach, describe, expect, it } from "vitest";
import { importDemo, localeEnv, runCli, useTempDatabase } from "../support/cli.js";

const temp = useTempDatabase();
const GERMAN = localeEnv("de_DE.UTF-8");

/** The lines of `text` wider than `columns`. */
function tooWide(text: string, columns: number): string[] {
  return text.split("\n").filter((line) => stringWidth(line) > columns);
}

async function run(args: string[], env: NodeJS.ProcessEnv) {
  const result = await runCli([...args, "--db", temp.db], { env: { ...GERMAN, ...env } });
  expect(result.code, result.stderr).toBe(0);
  return result;
}

describe("at 60 columns, in German", () => {
  it("lays the import report out in 60 columns, each LinkedIn file named by its own name", async () => {
    const result = await importDemo(temp.db, { env: { ...GERMAN, COLUMNS: "60" } });
    expect(tooWide(result.stdout, 60)).toEqual([]);
    for (const name of ["Invitations.csv", "Connections.csv", "ImportedContacts.csv"]) {
      expect(result.stdout).toContain(name);
    }
  });

  describe("once the demo is imported", () => {
    beforeEach(async () => {
      await importDemo(temp.db, { env: GERMAN });
    });

    it("lists the imports in 60 columns, each file by its own name", async () => {
      const result = await run(["sources"], { COLUMNS: "60" });
      expect(tooWide(result.stdout, 60)).toEqual([]);
      for (const name of ["Invitations.csv", "Connections.csv", "ImportedContacts.csv"]) {
        expect(result.stdout).toContain(name);
      }
    });

    it("fits the preview of the batch in 60 columns", async () => {
      const result = await run(["preview", "--batch", "--as-of", "2026-11-20"], { COLUMNS: "60" });
      expect(tooWide(result.stdout, 60)).toEqual([]);
    });
  });
});

describe("at 80 columns, in German", () => {
  beforeEach(async () => {
    await importDemo(temp.db, { env: GERMAN });
  });

  it("leaves out the effects of the imports when none had any, and shows whole file names", async () => {
    const result = await run(["sources"], { COLUMNS: "80" });
    expect(result.stdout).not.toContain("Auswirkungen");
    expect(result.stdout).toMatch(/[ …]Invitations\.csv /);
    expect(result.stdout).toMatch(/[ …]ImportedContacts\.csv /);
    expect(tooWide(result.stdout, 80)).toEqual([]);
  });
});

describe("help at 60 columns, in German", () => {
  it.each([[[]], [["withdraw"]], [["connections", "remove"]]])(
    "%j --help wraps its options and the environment, each text under its term",
    async (command) => {
      const result = await runCli([...command, "--help"], { env: { ...GERMAN, COLUMNS: "60" } });
      expect(result.code).toBe(0);
      expect(tooWide(result.stdout, 60)).toEqual([]);
      expect(result.stdout).toMatch(/^ {2}INVITES_BROWSER_ARGS\n {6}\S/m);
    },
  );
});

describe("a long list on a terminal of 30 lines", () => {
  beforeEach(async () => {
    await importDemo(temp.db, { env: GERMAN });
  });

  it("stops the contacts after a screenful and says how many more --all lists", async () => {
    const result = await run(["contacts"], { COLUMNS: "60", LINES: "30" });
    expect(result.stdout.split("\n").length).toBeLessThanOrEqual(30);
    expect(result.stdout).toMatch(/^… und \d+ weitere \(--all zeigt alle\)$/m);
    const all = await run(["contacts", "--all"], { COLUMNS: "60", LINES: "30" });
    expect(all.stdout).not.toContain("weitere");
    // Piped on, without LINES: every row.
    const piped = await run(["contacts"], { COLUMNS: "60" });
    expect(piped.stdout).toBe(all.stdout);
  });
});
