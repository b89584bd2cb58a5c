/**
 * The command line: builds the program, runs one command, and turns every error into its exit
 * code. Importing it runs nothing (src/main.ts runs it as the process), so tests can call
 * `main(argv, output)` in process.
 */
import { Command, CommanderError, Option } from "commander";
import { addAsOfOption, addDatabaseOption, addNetworkRunOptions } from "./commands/options.js";
import {
  addBatchRuleOptions,
  addConnectionSelectionOptions,
  addSelectionOptions,
} from "./commands/selection.js";
import { AppError, ExitCode } from "./errors.js";
import { LANGS, resolveLang, setLang } from "./i18n/index.js";
import { type Output, processOutput } from "./ui/output.js";
import { printable } from "./ui/printable.js";

const EXIT_CODES = `
Exit codes:
  0  done
  1  unexpected failure (a bug, or the disk or database failed: full, damaged,
     read-only, not yours), or withdraw / connections remove finished but some
     requests were refused or did not take effect
  2  bad usage or bad input: nothing was changed (also when there is no database
     yet, --db names a file that is not an invites database or is from a newer
     version, another run holds the database, or the session is another member's);
     for import also when a table inside a zip or folder was refused while the
     others were imported
  3  stopped by the network, or by an answer in a shape it cannot read, or by
     three failed requests in a row, or the browser window was closed; run the
     same command again to resume
  130  cancelled at a prompt, or the window of invites login was closed:
     nothing was changed

Environment:
  --lang de|en      the language of everything printed, on any command; else
                    INVITES_LANG, else LC_ALL, LC_MESSAGES or LANG (de… is German)
  INVITES_DB        database file, when --db is not given
  INVITES_BROWSER   the browser for --browser (chrome, edge, chromium or a path); set, it
                    stands for --browser when --cookies is not given
  INVITES_BROWSER_ARGS  extra flags for that browser, e.g. --no-sandbox in a container
  INVITES_COOKIES   LinkedIn cookies (any form --cookies reads), when --cookies is not given
  INVITES_BASE_URL  the network's address, when --base-url is not given
  INVITES_GRAPHQL_QUERY_ID  queryId of LinkedIn's GraphQL sent list, for the last fallback
  NO_COLOR          no colours`;

// Each command's module is loaded when that command runs: starting the CLI reads no parser,
// zip or prompt library that the command does not use.
export function buildProgram(output: Output, setExit: (code: number) => void): Command {
  const program = new Command("invites")
    .description(
      "Withdraw accidental LinkedIn invitations carefully: import your data export and address books, see what is pending, keep records.",
    )
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({
      writeOut: (s) => output.out(s.trimEnd()),
      writeErr: (s) => output.err(s.trimEnd()),
    })
    .addOption(
      new Option(
        "--lang <de|en>",
        "the language of everything printed (default: from the system)",
      ).choices(LANGS),
    )
    .addHelpText("after", EXIT_CODES)
    .exitOverride();

  addDatabaseOption(
    program
      .command("import")
      .description(
        "import LinkedIn's data export (the zip, or its CSVs) and address books (Google, Outlook, Thunderbird, GMX, Yahoo CSV, vCard)",
      )
      .argument("<path...>", "files, folders or zip archives")
      .option("--json", "print the summary as JSON")
      .option(
        "-y, --yes",
        "go ahead without asking when a file would close more than half of your pending invitations or connections",
      )
      .option(
        "--encoding <name>",
        "read every file without a byte-order mark in this encoding (e.g. windows-1252, macintosh) instead of detecting it",
      ),
  ).action(async (paths: string[], options) =>
    setExit(await (await import("./commands/import.js")).runImport(paths, options, output)),
  );

  addDatabaseOption(
    addAsOfOption(
      program
        .command("status")
        .description("count invitations by state, connections, contacts and imported files")
        .option("--json", "print the counts as JSON"),
    ),
  ).action(async (options) =>
    setExit(await (await import("./commands/status.js")).runStatus(options, output)),
  );

  addDatabaseOption(
    addAsOfOption(
      addSelectionOptions(
        program
          .command("preview")
          .description(
            "list the pending invitations a selection holds, with why each is listed (default: all pending)",
          ),
      )
        .option("--all", "list every one, not just a screenful")
        .option("--json", "print the selection as JSON")
        .option("--csv <file>", "write the selection to a CSV file"),
    ),
  ).action(async (options) =>
    setExit(await (await import("./commands/preview.js")).runPreview(options, output)),
  );

  addDatabaseOption(
    addAsOfOption(
      addNetworkRunOptions(
        addSelectionOptions(
          program
            .command("withdraw")
            .description(
              "withdraw the selected pending invitations on LinkedIn, one at a time, journaled and resumable",
            ),
        ),
        "withdrawals",
      )
        .option(
          "--strategy <api|click>",
          "with --browser: api (default) sends LinkedIn's own requests from the page; click presses the Withdraw buttons of the Sent page, which also reaches invitations sent to e-mail addresses",
        )
        .option(
          "--order <reminder|oldest>",
          "reminder (default): the soonest reminder first, which spares the most reminders under the daily cap; oldest: the oldest invitation first",
        )
        .option("--json", "with --dry-run: print the plan as JSON, each invitation with its day"),
    ),
  ).action(async (options) =>
    setExit(await (await import("./commands/withdraw.js")).runWithdraw(options, output)),
  );

  addDatabaseOption(
    addAsOfOption(
      addBatchRuleOptions(
        program
          .command("batches")
          .description(
            "the accidental batches: bursts of note-less invitations sent within minutes",
          )
          .option("--json", "print the batches as JSON"),
      ),
    ),
  ).action(async (options) =>
    setExit(await (await import("./commands/batches.js")).runBatches(options, output)),
  );

  const connections = program
    .command("connections")
    .description(
      "your 1st-degree connections: export them for safekeeping, remove those an accident brought",
    );
  addDatabaseOption(
    addConnectionSelectionOptions(
      connections
        .command("export")
        .description(
          "write connections to a CSV with LinkedIn's own columns first (all by default, or a selection)",
        )
        .option(
          "--out <file>",
          "the file to write (default: linkedin-connections-<date>.csv); never overwritten",
        )
        .option("--excel", "UTF-8 with a BOM and semicolons, for German Excel"),
    ),
  ).action(async (options) =>
    setExit(
      await (await import("./commands/connections.js")).runConnectionsExport(options, output),
    ),
  );
  addDatabaseOption(
    addNetworkRunOptions(
      addConnectionSelectionOptions(
        connections
          .command("remove")
          .description(
            "remove the selected connections on LinkedIn, one at a time, journaled and resumable; each one's row is written to a CSV first (through the API requests only: every connection is in LinkedIn's list, so no clicking is needed)",
          )
          .option(
            "--out <file>",
            "the removed-connections CSV, appended to across runs (default: removed-connections.csv)",
          )
          .option(
            "--excel",
            "start a new file with a BOM and semicolons, for German Excel; an existing file keeps its form",
          )
          .option("--json", "with --dry-run: print the plan as JSON, each connection with its day"),
      ),
      "removals",
    ),
  ).action(async (options) =>
    setExit(
      await (await import("./commands/connections.js")).runConnectionsRemove(options, output),
    ),
  );

  addDatabaseOption(
    addAsOfOption(
      addSelectionOptions(
        program
          .command("apologize")
          .description(
            "a mail-merge CSV (email, name, subject, body) with a kind note for people whose accidental invitation you withdrew; sends nothing",
          ),
      )
        .requiredOption("--out <file>", "the CSV to write")
        .option(
          "--template <file>",
          'your own text: "Subject: …" on the first line; {name} and {sender} are filled in',
        )
        .option("--sender <name>", "how to sign (default: your name from the export)")
        .option("--include-role-addresses", "also write to info@, jobs@ and the like"),
    ),
  ).action(async (options) =>
    setExit(
      await (await import("./commands/apologize.js")).runApologize(
        // The mail's language is --lang when it is given; else German, as most recipients read.
        { ...options, lang: program.opts().lang },
        output,
      ),
    ),
  );

  addDatabaseOption(
    addAsOfOption(
      program
        .command("reinvite-list")
        .description(
          "people whose invitation you withdrew who are real contacts, and when each can be invited again",
        )
        .option("--json", "print the list as JSON"),
    ),
  ).action(async (options) =>
    setExit(await (await import("./commands/apologize.js")).runReinviteList(options, output)),
  );

  addDatabaseOption(
    program
      .command("history")
      .description("the runs of withdraw and connections remove: what each did, when, how it ended")
      .option("--json", "print the runs as JSON"),
  ).action(async (options) =>
    setExit(await (await import("./commands/history.js")).runHistory(options, output)),
  );

  const sources = program
    .command("sources")
    .description("the files you imported and what each changed; take one back with sources forget");
  addDatabaseOption(
    sources
      .command("list", { isDefault: true })
      .description(
        "every import: number, file, what it was recognised as, rows, when, and what it closed or replaced (the default)",
      )
      .option("--json", "print the imports as JSON"),
  ).action(async (options) =>
    setExit(await (await import("./commands/sources.js")).runSources(options, output)),
  );
  addDatabaseOption(
    sources
      .command("forget")
      .description(
        "take one import back, with all it brought and all it closed or replaced; asks first",
      )
      .argument("<number>", "the import's number (see invites sources)")
      .option("-y, --yes", "do not ask for confirmation"),
  ).action(async (number: string, options) =>
    setExit(
      await (await import("./commands/sources.js")).runSourcesForget(number, options, output),
    ),
  );

  addDatabaseOption(
    program
      .command("contacts")
      .description("list the imported address-book contacts")
      .addOption(new Option("--source <number>", "only the contacts of this source (see status)"))
      .option("--json", "print the contacts as JSON"),
  ).action(async (options) =>
    setExit(await (await import("./commands/contacts.js")).runContacts(options, output)),
  );

  program
    .command("login")
    .description(
      "open your browser on LinkedIn's login, with a profile of its own, and wait until you have logged in there; withdraw and connections remove then use it with --browser",
    )
    .option(
      "--browser [name-or-path]",
      "chrome, edge, chromium or the program's path (default: the first of them installed, or $INVITES_BROWSER)",
    )
    .option(
      "--browser-profile <dir>",
      "the browser profile of invites (default: browser-profile in the user data directory)",
    )
    .option(
      "--base-url <url>",
      "the network's address (default https://www.linkedin.com, or $INVITES_BASE_URL)",
    )
    .option("--headless", "no window; for the emulation and tests only")
    .action(async (options) =>
      setExit(await (await import("./commands/login.js")).runLogin(options, output)),
    );

  program
    .command("logout")
    .description(
      "delete the browser profile of invites, and with it its LinkedIn login (after asking); your everyday browser stays as it is",
    )
    .option(
      "--browser-profile <dir>",
      "the browser profile of invites (default: browser-profile in the user data directory)",
    )
    .option("-y, --yes", "do not ask for confirmation")
    .action(async (options) =>
      setExit(await (await import("./commands/login.js")).runLogout(options, output)),
    );

  program
    .command("sandbox")
    .description(
      "run the local emulation of LinkedIn's web API on 127.0.0.1, seeded from a data export",
    )
    .requiredOption(
      "--seed <path>",
      "the data export (zip, folder or CSVs) to take invitations and connections from",
    )
    .option("--port <n>", "port to listen on (default: a free one)")
    .option("--as-of <date>", "the day that decides what is still pending (default: now)")
    .option(
      "--faults <spec>",
      "failures on the Nth request, e.g. 429@20,500@30,reset@40,challenge@50,slow@60, html@2, empty@2, malformed@2, cut@2, modal@2 (the Sent page's Take care dialog); fail200@N on the Nth write",
    )
    .option(
      "--surfaces <list>",
      "which generations answer, a comma list of legacy, dash, graphql, sdui (default: all); the others answer 404",
    )
    .option("--page-cap <n>", "no list page returns more rows than this, whatever it asks for")
    .option(
      "--envelope <shape>",
      "the legacy sent list's envelope: normalized (default), wrapped, inline, or unknown",
    )
    .option("--rate <n>", "requests a minute before answering 429", "100")
    .option(
      "--auth-failure <mode>",
      "answer a bad login cookie with 401 or a login redirect",
      "401",
    )
    .option("--auto-login", "GET /login logs a browser in at once, without the form (for tests)")
    .option("--json", "print the URL and cookie line as JSON on the first line")
    .action(async (options) =>
      setExit(await (await import("./commands/sandbox.js")).runSandbox(options, output)),
    );

  program
    .command("start")
    .description(
      "the whole rescue, one step at a time: what happened, your export, import, login, withdraw, connections, apology",
    )
    .addOption(
      new Option(
        "--db <path>",
        "database file (default: $INVITES_DB, else the user data directory)",
      ),
    )
    .action(async (options) =>
      setExit(
        await (await import("./commands/start.js")).runStart(options, output, (argv) =>
          main(argv, output, { nested: true }),
        ),
      ),
    );

  program
    .command("demo")
    .description(
      "the whole job on the bundled sample export, in a temporary database: import, preview, withdraw and remove against the local emulation",
    )
    .option("--keep", "keep the temporary database and print its path")
    .option("--db <path>", "fill this database instead of a temporary one, and keep it")
    .action(async (options) =>
      setExit(await (await import("./commands/demo.js")).runDemo(options, output)),
    );

  // Every command, also those under `connections`, lists the exit codes in its help.
  const commands = [...program.commands];
  for (const command of commands) {
    commands.push(...command.commands);
    command.addHelpText("after", EXIT_CODES).exitOverride();
  }
  return program;
}

export async function main(
  argv: string[],
  output: Output = processOutput(),
  /** A command the guided path runs: it keeps the language the guide speaks. */
  options: { nested?: boolean } = {},
): Promise<number> {
  // The language is known before the program is built: its help texts are in it.
  if (!options.nested) setLang(resolveLang(argv));
  // `invites` alone, at a terminal, is the guided path.
  if (argv.length === 0 && output.isInteractive) return main(["start"], output, { nested: true });
  let exitCode: number = ExitCode.ok;
  const program = buildProgram(output, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    return reportError(error, output);
  }
}

function reportError(error: unknown, output: Output): number {
  if (error instanceof CommanderError) {
    // Commander has printed its own message; --help and --version end here too.
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
    if (error.code === "commander.help") return 0;
    return ExitCode.usage;
  }
  // Messages quote file names and values from files, which may hold terminal controls.
  if (error instanceof AppError) {
    output.err(`invites: ${printable(error.message)}`);
    if (error.suggestion) output.err(`  ${printable(error.suggestion)}`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  output.err(`invites: unexpected error: ${printable(message.split("\n")[0] ?? "")}`);
  if (process.env.INVITES_DEBUG && error instanceof Error && error.stack) output.err(error.stack);
  return ExitCode.failure;
}
