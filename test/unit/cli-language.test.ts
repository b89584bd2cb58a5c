/**
 * The command line in German and English, in process: every command's help, commander's own
 * words and errors, and the usage errors of the shared options.
 */
import type { CommandUnknownOpts } from "@commander-js/extra-typings";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildProgram, main } from "../../src/cli.js";
import { parseDayOrTime, wholeNumber } from "../../src/commands/options.js";
import { resolveSelection } from "../../src/commands/selection.js";
import { UsageError } from "../../src/errors.js";
import { setLang } from "../../src/i18n/index.js";
import { plain } from "../../src/ui/colour.js";
import { commanderMessage, helpWidth } from "../../src/ui/help.js";
import type { Output } from "../../src/ui/output.js";

/** German placeholders are nouns and capitalised (`<Datei>`), but for this one letter. */
const LOWER_CASE_IN_GERMAN = ["n"];

function capture(): Output & { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    colour: plain,
    width: 80,
    height: 40,
    isInteractive: false,
    stdout: () => out.join("\n"),
    stderr: () => err.join("\n"),
  };
}

async function run(argv: string[]) {
  const output = capture();
  const code = await main(argv, output);
  return { code, stdout: output.stdout(), stderr: output.stderr() };
}

/** The program, then every command under it, nested ones too: `[]`, `["status"]`, …, `["connections", "export"]`. */
function commandPaths(): string[][] {
  const paths: string[][] = [[]];
  const walk = (command: CommandUnknownOpts, path: string[]) => {
    for (const sub of command.commands) {
      paths.push([...path, sub.name()]);
      walk(sub, [...path, sub.name()]);
    }
  };
  walk(
    buildProgram(capture(), () => {}, []),
    [],
  );
  return paths;
}

/** Words of commander's and our English help that no German help may hold. */
const ENGLISH = [
  "Usage:",
  "Arguments:",
  "Options:",
  "Commands:",
  "Exit codes:",
  "Environment:",
  "display help",
  "output the version",
  "[options]",
  "[command]",
  "(default:",
  "choices:",
  "database file",
  "the ",
  "The ",
  " and ",
  " or ",
  " of ",
  " with ",
];

function environment(vars: Record<string, string>) {
  // No language from the machine running the tests, unless a test sets one.
  for (const name of ["INVITES_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]) vi.stubEnv(name, "");
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
}

beforeEach(() => environment({ COLUMNS: "80" }));
afterEach(() => {
  vi.unstubAllEnvs();
  setLang("en");
});

describe("every command's help", () => {
  const paths = commandPaths();

  it("covers every command, the nested ones too", () => {
    expect(paths).toContainEqual(["connections", "export"]);
    expect(paths).toContainEqual(["connections", "remove"]);
    expect(paths).toContainEqual(["sources", "forget"]);
    expect(paths.length).toBeGreaterThan(20);
  });

  for (const [how, argv, env] of [
    ["with --lang de", ["--lang", "de"], {}],
    ["with LANG=de_DE.UTF-8 and no --lang", [], { LANG: "de_DE.UTF-8" }],
  ] as const) {
    it(`is German ${how}`, async () => {
      environment(env);
      for (const path of paths) {
        const { code, stdout } = await run([...path, "--help", ...argv]);
        expect(code).toBe(0);
        expect(stdout).toContain("Aufruf: invites");
        expect(stdout).toContain("Exit-Codes:\n  0    erledigt");
        expect(stdout).toContain("Umgebung:");
        for (const english of ENGLISH)
          expect(stdout, `${path.join(" ")}: ${english}`).not.toContain(english);
        // No placeholder in English: `--as-of <Datum>`, `<Pfad...>`, not `<date>`, `<path...>`.
        for (const placeholder of stdout.matchAll(/[<[]([a-z][a-z-]*)(?:\.\.\.)?[>\]]/g)) {
          expect(LOWER_CASE_IN_GERMAN, `${path.join(" ")}: ${placeholder[0]}`).toContain(
            placeholder[1],
          );
        }
      }
    });
  }

  it("is English without a German setting, as it always was", async () => {
    const { stdout } = await run(["withdraw", "--help"]);
    expect(stdout).toContain("Usage: invites withdraw [options]");
    // The column of descriptions moves with the longest option: compare with spaces collapsed.
    const collapsed = stdout.replace(/\s+/g, " ");
    expect(collapsed).toContain(" -h, --help display help for command");
    expect(collapsed).toContain(
      " --daily-cap <n> at most this many such requests a day, over all runs ",
    );
    // A default as it is typed, without quotes.
    expect(stdout).toContain("(default: 100)");
    expect(stdout).toMatch(/Exit codes:\n {2}0 {4}done\n/);
    const { stdout: top } = await run(["--help"]);
    expect(top).toContain("  help [command]              display help for command");
    expect(top).toContain("  -V, --version               output the version number");
    // One pair of parentheses, where the text ends in its own.
    expect(top.replace(/\s+/g, " ")).toContain('(default: from the system; choices: "en", "de")');
  });

  it("says commander's own words in German", async () => {
    const { stdout } = await run(["--help", "--lang", "de"]);
    expect(stdout).toContain("Aufruf: invites [Optionen] [Befehl]");
    expect(stdout).toContain(
      "Optionen:\n  -V, --version                die Versionsnummer ausgeben",
    );
    expect(stdout).toContain("  -h, --help                   Hilfe zu diesem Befehl anzeigen");
    expect(stdout).toContain("Befehle:\n  import [Optionen] <Pfad...>");
    expect(stdout).toContain("  help [Befehl]                Hilfe zu einem Befehl anzeigen");
    expect(stdout).toContain("; Auswahl: „en“, „de“)");
    expect(stdout).not.toContain(") (");
    const { stdout: forget } = await run(["sources", "forget", "--help", "--lang", "de"]);
    expect(forget).toContain("Aufruf: invites sources forget [Optionen] <Nummer>");
    expect(forget).toContain("Argumente:\n  Nummer       die Nummer des Imports");
    const { stdout: batches } = await run(["batches", "--help", "--lang", "de"]);
    expect(batches).toContain("(Standard: 10)");
    expect(batches).toContain("  --as-of <Datum> ");
    expect(batches).toContain("  --db <Pfad> ");
  });

  for (const lang of ["en", "de"]) {
    it(`fits 80 columns in ${lang === "de" ? "German" : "English"}, wrapped at word boundaries`, async () => {
      for (const path of paths) {
        const { stdout } = await run([...path, "--help", "--lang", lang]);
        for (const line of stdout.split("\n")) {
          expect([...line].length, `${path.join(" ")}: ${line}`).toBeLessThanOrEqual(80);
        }
      }
    });
  }

  it("uses the width it is given", async () => {
    environment({ COLUMNS: "120" });
    const { stdout } = await run(["withdraw", "--help"]);
    const widest = Math.max(...stdout.split("\n").map((line) => line.length));
    expect(widest).toBeGreaterThan(80);
    expect(widest).toBeLessThanOrEqual(120);
  });
});

describe("the help's width", () => {
  it("is $COLUMNS when set, else the terminal's, else 80", () => {
    expect(helpWidth({ isTTY: true, columns: 132 }, { COLUMNS: "80" })).toBe(80);
    expect(helpWidth({ isTTY: true, columns: 132 }, {})).toBe(132);
    expect(helpWidth({ isTTY: true, columns: 132 }, { COLUMNS: "wide" })).toBe(132);
    expect(helpWidth({ isTTY: false }, { COLUMNS: "" })).toBe(80);
    expect(helpWidth({}, {})).toBe(80);
  });
});

describe("commander's errors", () => {
  const CASES: Array<{ argv: string[]; en: string; de: string }> = [
    {
      argv: ["status", "--frobnicate"],
      en: "error: unknown option '--frobnicate'",
      de: 'Fehler: unbekannte Option "--frobnicate"',
    },
    {
      argv: ["status", "--jsn"],
      en: "error: unknown option '--jsn'\n(Did you mean --json?)",
      de: 'Fehler: unbekannte Option "--jsn"\n(Meinten Sie --json?)',
    },
    {
      argv: ["preview", "--batch-g", "5"],
      en: "error: unknown option '--batch-g'\n(Did you mean one of --batch, --batch-gap?)",
      de: 'Fehler: unbekannte Option "--batch-g"\n(Meinten Sie --batch oder --batch-gap?)',
    },
    {
      argv: ["frobnicate"],
      en: "error: unknown command 'frobnicate'",
      de: 'Fehler: unbekannter Befehl "frobnicate"',
    },
    {
      argv: ["stauts"],
      en: "error: unknown command 'stauts'\n(Did you mean status?)",
      de: 'Fehler: unbekannter Befehl "stauts"\n(Meinten Sie status?)',
    },
    {
      argv: ["connections", "frob"],
      en: "error: unknown command 'frob'",
      de: 'Fehler: unbekannter Befehl "frob"',
    },
    {
      argv: ["import"],
      en: "error: missing required argument 'path'",
      de: 'Fehler: Das Argument "Pfad" fehlt',
    },
    {
      argv: ["apologize"],
      en: "error: required option '--out <file>' not specified",
      de: "Fehler: Die Option --out <Datei> ist erforderlich",
    },
    {
      argv: ["apologize", "--out"],
      en: "error: option '--out <file>' argument missing",
      de: "Fehler: Zur Option --out <Datei> fehlt der Wert",
    },
    {
      argv: ["status", "--lang", "fr"],
      en: "error: option '--lang <de|en>' argument 'fr' is invalid. Allowed choices are en, de.",
      de: 'Fehler: "fr" ist für die Option --lang <de|en> nicht zulässig. Möglich sind en und de.',
    },
    {
      argv: ["status", "today"],
      en: "error: too many arguments for 'status'. Expected 0 arguments but got 1.",
      de: "Fehler: zu viele Argumente für den Befehl status: erwartet 0 Argumente, erhalten 1.",
    },
    {
      argv: ["sources", "forget", "1", "2"],
      en: "error: too many arguments for 'forget'. Expected 1 argument but got 2.",
      de: "Fehler: zu viele Argumente für den Befehl forget: erwartet 1 Argument, erhalten 2.",
    },
  ];

  for (const { argv, en, de } of CASES) {
    it(`${argv.join(" ")}: in English as commander says it, and in German`, async () => {
      const english = await run(argv);
      expect(english.code).toBe(2);
      expect(english.stderr).toBe(`${en}\n(run with --help for usage)`);
      environment({ LANG: "de_DE.UTF-8" });
      const german = await run(argv);
      expect(german.code).toBe(2);
      expect(german.stderr).toBe(`${de}\n(mit --help sehen Sie, wie der Befehl aufgerufen wird)`);
    });
  }

  it("shows what the user typed printable, and passes a form it does not know on", async () => {
    const { stderr } = await run(["--lang", "de", "x\x1b[2J\u202e"]);
    expect(stderr).toContain('Fehler: unbekannter Befehl "x\\u001b[2J"');
    expect(stderr).not.toContain("\x1b");
    expect(commanderMessage("error: something new\n")).toBe("error: something new\n");
  });
});

describe("the shared options' usage errors", () => {
  it("are German when German is in use", async () => {
    setLang("de");
    expect(() => parseDayOrTime("--as-of", "03/11/2026", true)).toThrow(
      '--as-of "03/11/2026" ist kein Datum (erwartet wird TT.MM.JJJJ oder JJJJ-MM-TT, z. B. 22.11.2026 oder 2026-11-22, oder ein Zeitpunkt nach ISO 8601)',
    );
    expect(() => wholeNumber("--max", "zwei", 0, 0)).toThrow(
      '--max "zwei" ist keine ganze Zahl ab 0',
    );
    expect(() => resolveSelection({ olderThan: "5x" })).toThrow(
      '--older-than "5x" ist keine Zeitspanne',
    );
  });

  it("reach the user in German through the command line, with their hint", async () => {
    const date = await run(["--lang", "de", "preview", "--as-of", "03/11/2026"]);
    expect(date.code).toBe(2);
    expect(date.stderr).toBe(
      'invites: --as-of "03/11/2026" ist kein Datum (erwartet wird TT.MM.JJJJ oder JJJJ-MM-TT, z. B. 22.11.2026 oder 2026-11-22, oder ein Zeitpunkt nach ISO 8601)',
    );
    const pick = await run(["--lang", "de", "preview", "--pick"]);
    expect(pick.code).toBe(2);
    expect(pick.stderr).toBe(
      "invites: --pick braucht ein Terminal, in dem Sie auswählen können\n  Ohne Terminal wählen Sie mit Optionen wie --batch oder --match aus",
    );
    const gap = await run(["--lang", "de", "batches", "--batch-gap", "0"]);
    expect(gap.stderr).toBe('invites: --batch-gap "0" ist keine ganze Zahl ab 1');
  });

  it("stay as they were in English", async () => {
    const date = await run(["preview", "--as-of", "03/11/2026"]);
    expect(date.stderr).toBe(
      'invites: --as-of "03/11/2026" is not a date (expected YYYY-MM-DD, e.g. 2026-11-22, or 22.11.2026, or an ISO 8601 time)',
    );
    expect(() => resolveSelection({ olderThan: "5x" })).toThrow(UsageError);
  });
});
