/**
 * The German issue's test of done: under LANG=de_DE.UTF-8, and with --lang de under LANG=C,
 * `status`, `batches`, `preview --batch`, `withdraw --batch --dry-run`, `connections export`,
 * the `--help` of each and the error for a bad input file hold no English sentence. Command
 * names, flags, file names and what the files themselves say stay as they are, so they are taken
 * out before the words are looked at.
 */
import { describe, expect, it } from "vitest";
import { fixture, importDemo, localeEnv, runCli, useTempDatabase } from "../support/cli.js";

const temp = useTempDatabase();

/**
 * Words of English sentences that German never writes (not "will", "was" or "die"), as whole
 * words: "Käthe" holds no "the".
 */
const ENGLISH_WORD =
  /(?<!\p{L})(the|and|of|to|is|are|with|you|your|this|that|from|for|has|have|would|which|there|been|can|cannot|only|when|what|invitations?|pending|withdrawn|nothing|none|file|line|expected|options?|display|usage|default)(?!\p{L})/iu;

/** The command names, which German text names as they are. */
const COMMANDS =
  /(?<!\p{L})(import|status|preview|withdraw|batches|connections(?: export| remove)?|apologize|reinvite-list|history|sources(?: forget)?|contacts|login|logout|start|demo|sandbox|help)(?!\p{L})/gu;

/**
 * What may be English in German output: a command line (`invites withdraw --batch`), a flag or
 * placeholder, a path or link, a file's own name for itself (LinkedIn Invitations.csv), and
 * names and companies from the fixtures.
 */
function prose(text: string): string {
  return text
    .replace(/`[^`]*`/g, " ")
    .replace(/\binvites\b/g, " ")
    .replace(COMMANDS, " ")
    .replace(/(?:^|\s)--?[a-z][\w-]*(?:[ =]<[^>]*>|[ =][A-Z]+\b)?/g, " ")
    .replace(/<[^>]*>|\[[^\]]*\]/g, " ")
    .replace(/\S*[/\\]\S*|\S+\.(?:csv|zip|db|vcf|ldif|CSV)\b/g, " ")
    .replace(/"[^"]*"/g, " ");
}

function englishLines(text: string): string[] {
  return text.split("\n").filter((line) => ENGLISH_WORD.test(prose(line)));
}

it("finds English after a command it names, and none in a command line alone", () => {
  expect(englishLines("Weiter mit invites withdraw --batch when you are ready")).toHaveLength(1);
  expect(englishLines("Weiter mit invites withdraw --batch --as-of 2026-11-20")).toEqual([]);
});

describe.each([
  ["LANG=de_DE.UTF-8", "de_DE.UTF-8", []],
  ["--lang de under LANG=C", "C", ["--lang", "de"]],
])("in German by %s", (_, locale, flag) => {
  const env = localeEnv(locale);
  const run = (args: string[]) => runCli([...args, ...flag], { env });

  it("no command of the done-when list, its help or a bad file's error speaks English", async () => {
    await importDemo(temp.db, { env });
    const db = ["--db", temp.db, "--as-of", "2026-11-20"];
    // Each command with a German word it prints: it said something, and in German.
    const commands: Array<[string[], string]> = [
      [["status", ...db], "Stand:"],
      [["batches", ...db], "Stapel"],
      [["preview", "--batch", ...db], "Merkmale:"],
      [["withdraw", "--batch", "--dry-run", ...db], "zurückziehen"],
      [["connections", "export", "--db", temp.db, "--out", `${temp.dir}/kontakte.csv`], "Kontakte"],
    ];
    const english: string[] = [];
    for (const [command, german] of commands) {
      const result = await run(command);
      expect(result.code, `${command.join(" ")}: ${result.stderr}`).toBe(0);
      expect(result.stdout + result.stderr, command.join(" ")).toContain(german);
      english.push(
        ...englishLines(result.stdout + result.stderr).map((l) => `${command[0]}: ${l}`),
      );
    }
    for (const help of [
      [],
      ["status"],
      ["batches"],
      ["preview"],
      ["withdraw"],
      ["connections", "export"],
      ["import"],
    ]) {
      const result = await run([...help, "--help"]);
      expect(result.code).toBe(0);
      english.push(...englishLines(result.stdout).map((l) => `${help.join(" ")} --help: ${l}`));
    }
    const bad = await run(["import", "--db", temp.db, fixture("bad", "invitations-bad-date.csv")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Zeile");
    english.push(...englishLines(bad.stderr).map((l) => `bad file: ${l}`));
    expect(english).toEqual([]);
  });
});
