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
import { readEnv } from "./env.js";
import { AppError, ExitCode } from "./errors.js";
import { LANGS, m, resolveLang, setLang } from "./i18n/index.js";
import { commanderMessage, helpConfiguration, helpWidth } from "./ui/help.js";
import { type Output, processOutput } from "./ui/output.js";
import { printable } from "./ui/printable.js";
import { VERSION } from "./version.js";

// Each command's module is loaded when that command runs: starting the CLI reads no parser,
// zip or prompt library that the command does not use. Every text is the catalogue's
// (src/i18n/help.ts), one key each, in the language main() chose. Commands inherit the
// program's help, output and exit settings when they are made, so those come first.
export function buildProgram(
  output: Output,
  setExit: (code: number) => void,
  /** The command line as the user typed it: a stopped run's resume command repeats it. */
  commandLine: readonly string[] = process.argv.slice(2),
): Command {
  const h = m().help;
  const program = new Command("invites")
    .description(h.program)
    .version(VERSION, "-V, --version", h.commander.version)
    .helpOption("-h, --help", h.commander.helpOption)
    .helpCommand("help [command]", h.commander.helpCommand)
    .configureHelp(helpConfiguration())
    .showHelpAfterError(h.commander.afterError)
    .configureOutput({
      writeOut: (s) => output.out(s.trimEnd()),
      writeErr: (s) => output.err(s.trimEnd()),
      outputError: (s, write) => write(commanderMessage(s)),
      getOutHelpWidth: () => helpWidth(process.stdout),
      getErrHelpWidth: () => helpWidth(process.stderr),
    })
    .addOption(new Option("--lang <de|en>", h.lang).choices(LANGS))
    .exitOverride();

  addDatabaseOption(
    program
      .command("import")
      .description(h.commands.import.description)
      .argument("<path...>", h.commands.import.path)
      .option("--json", h.commands.import.json)
      .option("-y, --yes", h.commands.import.yes)
      .option("--encoding <name>", h.commands.import.encoding),
  ).action(async (paths: string[], options) =>
    setExit(await (await import("./commands/import.js")).runImport(paths, options, output)),
  );

  addDatabaseOption(
    addAsOfOption(
      program
        .command("status")
        .description(h.commands.status.description)
        .option("--json", h.commands.status.json),
    ),
  ).action(async (options) =>
    setExit(await (await import("./commands/status.js")).runStatus(options, output)),
  );

  addDatabaseOption(
    addAsOfOption(
      addSelectionOptions(program.command("preview").description(h.commands.preview.description))
        .option("--all", h.commands.preview.all)
        .option("--json", h.commands.preview.json)
        .option("--csv <file>", h.commands.preview.csv),
    ),
  ).action(async (options) =>
    setExit(await (await import("./commands/preview.js")).runPreview(options, output)),
  );

  addDatabaseOption(
    addAsOfOption(
      addNetworkRunOptions(
        addSelectionOptions(
          program.command("withdraw").description(h.commands.withdraw.description),
        ),
        "withdrawals",
      )
        .option("--strategy <api|click>", h.commands.withdraw.strategy)
        .option("--order <reminder|oldest>", h.commands.withdraw.order)
        .option("--json", h.commands.withdraw.json),
    ),
  ).action(async (options) =>
    setExit(
      await (await import("./commands/withdraw.js")).runWithdraw(
        options,
        output,
        undefined,
        commandLine,
      ),
    ),
  );

  addDatabaseOption(
    addAsOfOption(
      addBatchRuleOptions(
        program
          .command("batches")
          .description(h.commands.batches.description)
          .option("--json", h.commands.batches.json),
      ),
    ),
  ).action(async (options) =>
    setExit(await (await import("./commands/batches.js")).runBatches(options, output)),
  );

  const connections = program
    .command("connections")
    .description(h.commands.connections.description);
  addDatabaseOption(
    addConnectionSelectionOptions(
      connections
        .command("export")
        .description(h.commands.connectionsExport.description)
        .option("--out <file>", h.commands.connectionsExport.out)
        .option("--excel", h.commands.connectionsExport.excel),
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
          .description(h.commands.connectionsRemove.description)
          .option("--out <file>", h.commands.connectionsRemove.out)
          .option("--excel", h.commands.connectionsRemove.excel)
          .option("--json", h.commands.connectionsRemove.json),
      ),
      "removals",
    ),
  ).action(async (options) =>
    setExit(
      await (await import("./commands/connections.js")).runConnectionsRemove(
        options,
        output,
        undefined,
        commandLine,
      ),
    ),
  );

  addDatabaseOption(
    addAsOfOption(
      addSelectionOptions(
        program.command("apologize").description(h.commands.apologize.description),
      )
        .requiredOption("--out <file>", h.commands.apologize.out)
        .option("--template <file>", h.commands.apologize.template)
        .option("--sender <name>", h.commands.apologize.sender)
        .option("--include-role-addresses", h.commands.apologize.includeRoleAddresses),
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
        .description(h.commands.reinviteList.description)
        .option("--json", h.commands.reinviteList.json),
    ),
  ).action(async (options) =>
    setExit(await (await import("./commands/apologize.js")).runReinviteList(options, output)),
  );

  addDatabaseOption(
    program
      .command("history")
      .description(h.commands.history.description)
      .option("--json", h.commands.history.json),
  ).action(async (options) =>
    setExit(await (await import("./commands/history.js")).runHistory(options, output)),
  );

  const sources = program.command("sources").description(h.commands.sources.description);
  addDatabaseOption(
    sources
      .command("list", { isDefault: true })
      .description(h.commands.sourcesList.description)
      .option("--json", h.commands.sourcesList.json),
  ).action(async (options) =>
    setExit(await (await import("./commands/sources.js")).runSources(options, output)),
  );
  addDatabaseOption(
    sources
      .command("forget")
      .description(h.commands.sourcesForget.description)
      .argument("<number>", h.commands.sourcesForget.number)
      .option("-y, --yes", h.options.yes),
  ).action(async (number: string, options) =>
    setExit(
      await (await import("./commands/sources.js")).runSourcesForget(number, options, output),
    ),
  );

  addDatabaseOption(
    program
      .command("contacts")
      .description(h.commands.contacts.description)
      .addOption(new Option("--source <number>", h.commands.contacts.source))
      .option("--json", h.commands.contacts.json),
  ).action(async (options) =>
    setExit(await (await import("./commands/contacts.js")).runContacts(options, output)),
  );

  program
    .command("login")
    .description(h.commands.login.description)
    .option("--browser [name-or-path]", h.commands.login.browser)
    .option("--browser-profile <dir>", h.commands.login.browserProfile)
    .option("--base-url <url>", h.options.baseUrl)
    .option("--headless", h.commands.login.headless)
    .action(async (options) =>
      setExit(await (await import("./commands/login.js")).runLogin(options, output)),
    );

  program
    .command("logout")
    .description(h.commands.logout.description)
    .option("--browser-profile <dir>", h.commands.login.browserProfile)
    .option("-y, --yes", h.options.yes)
    .action(async (options) =>
      setExit(await (await import("./commands/login.js")).runLogout(options, output)),
    );

  program
    .command("sandbox")
    .description(h.commands.sandbox.description)
    .requiredOption("--seed <path>", h.commands.sandbox.seed)
    .option("--port <n>", h.commands.sandbox.port)
    .option("--as-of <date>", h.commands.sandbox.asOf)
    .option("--faults <spec>", h.commands.sandbox.faults)
    .option("--surfaces <list>", h.commands.sandbox.surfaces)
    .option("--page-cap <n>", h.commands.sandbox.pageCap)
    .option("--envelope <shape>", h.commands.sandbox.envelope)
    .option("--rate <n>", h.commands.sandbox.rate, "100")
    .option("--auth-failure <mode>", h.commands.sandbox.authFailure, "401")
    .option("--auto-login", h.commands.sandbox.autoLogin)
    .option("--json", h.commands.sandbox.json)
    .action(async (options) =>
      setExit(await (await import("./commands/sandbox.js")).runSandbox(options, output)),
    );

  program
    .command("start")
    .description(h.commands.start.description)
    .addOption(new Option("--db <path>", h.options.db))
    .action(async (options) =>
      setExit(
        await (await import("./commands/start.js")).runStart(options, output, (argv) =>
          main(argv, output, { nested: true, commandLine }),
        ),
      ),
    );

  program
    .command("demo")
    .description(h.commands.demo.description)
    .option("--keep", h.commands.demo.keep)
    .option("--db <path>", h.commands.demo.db)
    .action(async (options) =>
      setExit(await (await import("./commands/demo.js")).runDemo(options, output)),
    );

  return program;
}

export async function main(
  argv: string[],
  output: Output = processOutput(),
  options: {
    /** A command the guided path runs: it keeps the language the guide speaks. */
    nested?: boolean;
    /** What the user typed, when it is not `argv` (the guided path's commands): for resuming. */
    commandLine?: readonly string[];
  } = {},
): Promise<number> {
  const commandLine = options.commandLine ?? argv;
  // The language is known before the program is built: its help texts are in it.
  if (!options.nested) setLang(resolveLang(argv));
  // `invites` alone, at a terminal, is the guided path.
  if (argv.length === 0 && output.isInteractive)
    return main(["start"], output, { nested: true, commandLine });
  let exitCode: number = ExitCode.ok;
  const program = buildProgram(
    output,
    (code) => {
      exitCode = code;
    },
    commandLine,
  );
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
  output.err(`invites: ${m().help.errors.unexpected(printable(message.split("\n")[0] ?? ""))}`);
  if (readEnv("INVITES_DEBUG") && error instanceof Error && error.stack) output.err(error.stack);
  return ExitCode.failure;
}
