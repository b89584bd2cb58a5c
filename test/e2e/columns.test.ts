/**
 * Every command's human output fits 80 columns, in English and in German, on an export with long
 * company names, long and CJK names and an emoji (fixtures/wide): tables shrink or wrap their
 * widest columns, prose wraps at word boundaries, a CJK character counts as two columns. The
 * built command line at COLUMNS=80, and a withdrawal and a removal against the emulation so that the
 * run's plan, its closing table and `history` are measured too.
 */
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { fixture, runCli, useTempDatabase } from "../support/cli.js";
import { useEmulation } from "../support/emulation.js";

const WIDE = fixture("wide");
const AS_OF = ["--as-of", "2026-11-20"];
const temp = useTempDatabase();
const emulation = useEmulation();

/** The lines wider than `columns` (80 unless said), with the command that printed them. */
function tooWide(command: string, text: string, columns = 80): string[] {
  return text
    .split("\n")
    .filter((line) => stringWidth(line) > columns)
    .map((line) => `${command}: ${stringWidth(line)}: ${line}`);
}

describe.each([
  ["English", "en"],
  ["German", "de"],
])("at 80 columns, in %s", (_, lang) => {
  it("every command's output fits, runs and their history included", async () => {
    const sandbox = await emulation.start(WIDE);
    const env = { COLUMNS: "80", INVITES_COOKIES: sandbox.cookie };
    const db = ["--db", temp.db, "--lang", lang];
    const live = ["--base-url", sandbox.url, "--pace", "0"];
    const commands: string[][] = [
      ["import", WIDE, fixture("demo", "Outlook-Kontakte.CSV")],
      ["status"],
      ["batches", ...AS_OF],
      ["contacts"],
      ["preview", ...AS_OF],
      ["preview", "--all", ...AS_OF],
      ["preview", "--batch", ...AS_OF],
      ["sources"],
      ["withdraw", "--batch", "--dry-run", ...AS_OF, ...live],
      [
        "connections",
        "remove",
        "--batch",
        "--dry-run",
        "--out",
        `${temp.dir}/removed.csv`,
        ...live,
      ],
      ["connections", "export", "--out", `${temp.dir}/connections.csv`],
      ["withdraw", "--batch", "--yes", "--max", "3", ...AS_OF, ...live],
      [
        "connections",
        "remove",
        "--batch",
        "--yes",
        "--max",
        "2",
        "--out",
        `${temp.dir}/removed.csv`,
        ...live,
      ],
      ["history"],
      ["reinvite-list", ...AS_OF],
    ];
    const wide: string[] = [];
    for (const command of commands) {
      const result = await runCli([...command, ...db], { env });
      expect(result.code, `${command.join(" ")}\n${result.stderr}`).toBe(0);
      wide.push(...tooWide(command.join(" "), result.stdout + result.stderr));
    }
    for (const help of [[], ["withdraw"], ["connections", "remove"], ["import"], ["preview"]]) {
      const result = await runCli([...help, "--help", "--lang", lang], { env });
      expect(result.code, `${help.join(" ")} --help`).toBe(0);
      expect(result.stdout).toContain(lang === "de" ? "Aufruf: invites" : "Usage: invites");
      wide.push(...tooWide(`${help.join(" ")} --help`, result.stdout + result.stderr));
    }
    expect(wide).toEqual([]);
    // The runs happened: their rows are what history measured.
    const history = JSON.parse((await runCli(["history", "--json", ...db], { env })).stdout);
    expect(history).toHaveLength(2);

    // Narrower than any table of theirs (a phone's terminal): batches and history as lines,
    // each batch's counts and each run's result whole.
    const narrow = { ...env, COLUMNS: "40" };
    for (const command of [["batches", ...AS_OF], ["history"]]) {
      const result = await runCli([...command, ...db], { env: narrow });
      expect(result.code).toBe(0);
      expect(tooWide(command.join(" "), result.stdout, 40)).toEqual([]);
      expect(result.stdout).not.toContain("┌");
    }
    const runs = await runCli(["history", ...db], { env: narrow });
    expect(runs.stdout).toMatch(
      lang === "de" ? /^ {2}Ergebnis +3 erledigt, geprüft$/m : /^ {2}Result +3 done, verified$/m,
    );
  });
});
