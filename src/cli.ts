/**
 * The command line: builds the program, runs one command, and turns every error into its exit
 * code. Importing it runs nothing (src/main.ts runs it as the process), so tests can call
 * `main(argv, output)` in process.
 */
import {
  Command,
  CommanderError,
  type CommandUnknownOpts,
  Option,
  type OptionValues,
} from "@commander-js/extra-typings";
import type { ApologizeOptions, ReinviteListOptions } from "./commands/apologize.js";
import type { BatchesOptions } from "./commands/batches.js";
import type { ConnectionsExportOptions, ConnectionsRemoveOptions } from "./commands/connections.js";
import type { ContactsOptions } from "./commands/contacts.js";
import type { DemoOptions } from "./commands/demo.js";
import {
  addAsOfOption,
  addBatchRuleOptions,
  addConnectionSelectionOptions,
  addDatabaseOption,
  addNetworkRunOptions,
  addSelectionOptions,
} from "./commands/flags.js";
import type { HistoryOptions } from "./commands/history.js";
import type { ImportOptions } from "./commands/import.js";
import type { LoginOptions, LogoutOptions } from "./commands/login.js";
import type { PreviewOptions } from "./commands/preview.js";
import type { SandboxCommandOptions } from "./commands/sandbox.js";
import type { SourcesForgetOptions, SourcesOptions } from "./commands/sources.js";
import type { StartOptions } from "./commands/start.js";
import type { StatusOptions } from "./commands/status.js";
import type { WithdrawOptions } from "./commands/withdraw.js";
import { readEnv } from "./env.js";
import { AppError, ExitCode } from "./errors.js";
import { type Catalogue, LANGS, type Lang, m, resolveLang, setLang } from "./i18n/index.js";
import { commanderMessage, helpConfiguration, helpWidth } from "./ui/help.js";
import { type Output, processOutput } from "./ui/output.js";
import { printable } from "./ui/printable.js";
import { VERSION } from "./version.js";

type HelpTexts = Catalogue["help"];

/** A command just named, with no argument or option yet. */
type NewCommand = Command<[], Record<never, never>, OptionValues>;

/** What a command's run has besides its arguments and options. */
interface Context {
  output: Output;
  /** The program's own options: --lang, which commander has checked against LANGS. */
  global: { lang?: Lang };
  /** The command line as the user typed it: a stopped run's resume command repeats it. */
  commandLine: readonly string[];
}

/**
 * One command of the table: where it hangs, what it declares, and what it runs. `define` gets the
 * command already named; `run` gets the arguments and options exactly as `define` declared them
 * (the types are commander's inference from the flags), and loads the command's module only then:
 * starting the CLI reads no parser, zip or prompt library that the command does not use.
 */
interface CommandSpec<A extends unknown[], O extends OptionValues> {
  name: string;
  /** The group it belongs to: `invites connections export`, `invites sources list`. */
  group?: (typeof GROUPS)[number];
  /** The command run when its group is named alone. */
  isDefault?: boolean;
  define(command: NewCommand, h: HelpTexts): Command<A, O, OptionValues>;
  run(context: Context, options: O, args: A): Promise<number>;
}

/** A command function's options as `T`, which may take no option that the spec does not declare. */
function declared<T>() {
  return <O extends T>(options: O & Record<Exclude<keyof T, keyof O>, never>): T => options;
}

// biome-ignore lint/suspicious/noExplicitAny: the table holds specs of every shape; each entry is checked where `command()` makes it.
type AnySpec = CommandSpec<any[], any>;

function command<A extends unknown[], O extends OptionValues>(spec: CommandSpec<A, O>): AnySpec {
  return spec as unknown as AnySpec;
}

/** Commands that hold subcommands; each one's description is its entry in the help texts. */
const GROUPS = ["connections", "sources"] as const;

const COMMANDS: readonly AnySpec[] = [
  command({
    name: "import",
    define: (c, h) =>
      addDatabaseOption(
        c
          .description(h.commands.import.description)
          .argument("<path...>", h.commands.import.path)
          .option("--json", h.commands.import.json)
          .option("-y, --yes", h.commands.import.yes)
          .option("--encoding <name>", h.commands.import.encoding),
      ),
    run: async ({ output }, options, [paths]) =>
      (await import("./commands/import.js")).runImport(
        paths,
        declared<ImportOptions>()(options),
        output,
      ),
  }),
  command({
    name: "status",
    define: (c, h) =>
      addDatabaseOption(
        addAsOfOption(
          c.description(h.commands.status.description).option("--json", h.commands.status.json),
        ),
      ),
    run: async ({ output }, options) =>
      (await import("./commands/status.js")).runStatus(declared<StatusOptions>()(options), output),
  }),
  command({
    name: "preview",
    define: (c, h) =>
      addDatabaseOption(
        addAsOfOption(
          addSelectionOptions(c.description(h.commands.preview.description))
            .option("--all", h.commands.preview.all)
            .option("--json", h.commands.preview.json)
            .option("--csv <file>", h.commands.preview.csv)
            .option("--excel", h.commands.preview.excel),
        ),
      ),
    run: async ({ output }, options) =>
      (await import("./commands/preview.js")).runPreview(
        declared<PreviewOptions>()(options),
        output,
      ),
  }),
  command({
    name: "withdraw",
    define: (c, h) =>
      addDatabaseOption(
        addAsOfOption(
          addNetworkRunOptions(
            addSelectionOptions(c.description(h.commands.withdraw.description)),
            "withdrawals",
          )
            .option("--strategy <api|click>", h.commands.withdraw.strategy)
            .option("--order <reminder|oldest>", h.commands.withdraw.order)
            .option("--json", h.commands.withdraw.json),
        ),
      ),
    run: async ({ output, commandLine }, options) =>
      (await import("./commands/withdraw.js")).runWithdraw(
        declared<WithdrawOptions>()(options),
        output,
        undefined,
        commandLine,
      ),
  }),
  command({
    name: "batches",
    define: (c, h) =>
      addDatabaseOption(
        addAsOfOption(
          addBatchRuleOptions(
            c.description(h.commands.batches.description).option("--json", h.commands.batches.json),
          ),
        ),
      ),
    run: async ({ output }, options) =>
      (await import("./commands/batches.js")).runBatches(
        declared<BatchesOptions>()(options),
        output,
      ),
  }),
  command({
    name: "export",
    group: "connections",
    define: (c, h) =>
      addDatabaseOption(
        addConnectionSelectionOptions(
          c
            .description(h.commands.connectionsExport.description)
            .option("--out <file>", h.commands.connectionsExport.out)
            .option("--excel", h.commands.connectionsExport.excel),
        ),
      ),
    run: async ({ output }, options) =>
      (await import("./commands/connections.js")).runConnectionsExport(
        declared<ConnectionsExportOptions>()(options),
        output,
      ),
  }),
  command({
    name: "remove",
    group: "connections",
    define: (c, h) =>
      addDatabaseOption(
        addNetworkRunOptions(
          addConnectionSelectionOptions(
            c
              .description(h.commands.connectionsRemove.description)
              .option("--out <file>", h.commands.connectionsRemove.out)
              .option("--excel", h.commands.connectionsRemove.excel)
              .option("--json", h.commands.connectionsRemove.json),
          ),
          "removals",
        ),
      ),
    run: async ({ output, commandLine }, options) =>
      (await import("./commands/connections.js")).runConnectionsRemove(
        declared<ConnectionsRemoveOptions>()(options),
        output,
        undefined,
        commandLine,
      ),
  }),
  command({
    name: "apologize",
    define: (c, h) =>
      addDatabaseOption(
        addAsOfOption(
          addSelectionOptions(c.description(h.commands.apologize.description))
            .requiredOption("--out <file>", h.commands.apologize.out)
            .option("--template <file>", h.commands.apologize.template)
            .option("--sender <name>", h.commands.apologize.sender)
            .option("--include-role-addresses", h.commands.apologize.includeRoleAddresses),
        ),
      ),
    run: async ({ output, global }, options) =>
      (await import("./commands/apologize.js")).runApologize(
        declared<ApologizeOptions>()({ ...options, lang: global.lang }),
        output,
      ),
  }),
  command({
    name: "reinvite-list",
    define: (c, h) =>
      addDatabaseOption(
        addAsOfOption(
          c
            .description(h.commands.reinviteList.description)
            .option("--json", h.commands.reinviteList.json)
            .option("--all", h.commands.reinviteList.all),
        ),
      ),
    run: async ({ output }, options) =>
      (await import("./commands/apologize.js")).runReinviteList(
        declared<ReinviteListOptions>()(options),
        output,
      ),
  }),
  command({
    name: "history",
    define: (c, h) =>
      addDatabaseOption(
        c.description(h.commands.history.description).option("--json", h.commands.history.json),
      ),
    run: async ({ output }, options) =>
      (await import("./commands/history.js")).runHistory(
        declared<HistoryOptions>()(options),
        output,
      ),
  }),
  command({
    name: "list",
    group: "sources",
    isDefault: true,
    define: (c, h) =>
      addDatabaseOption(
        c
          .description(h.commands.sourcesList.description)
          .option("--json", h.commands.sourcesList.json),
      ),
    run: async ({ output }, options) =>
      (await import("./commands/sources.js")).runSources(
        declared<SourcesOptions>()(options),
        output,
      ),
  }),
  command({
    name: "forget",
    group: "sources",
    define: (c, h) =>
      addDatabaseOption(
        c
          .description(h.commands.sourcesForget.description)
          .argument("<number>", h.commands.sourcesForget.number)
          .option("-y, --yes", h.options.yes),
      ),
    run: async ({ output }, options, [number]) =>
      (await import("./commands/sources.js")).runSourcesForget(
        number,
        declared<SourcesForgetOptions>()(options),
        output,
      ),
  }),
  command({
    name: "contacts",
    define: (c, h) =>
      addDatabaseOption(
        c
          .description(h.commands.contacts.description)
          .option("--source <number>", h.commands.contacts.source)
          .option("--json", h.commands.contacts.json)
          .option("--all", h.commands.contacts.all),
      ),
    run: async ({ output }, options) =>
      (await import("./commands/contacts.js")).runContacts(
        declared<ContactsOptions>()(options),
        output,
      ),
  }),
  command({
    name: "login",
    define: (c, h) =>
      c
        .description(h.commands.login.description)
        .option("--browser [name-or-path]", h.commands.login.browser)
        .option("--browser-profile <dir>", h.commands.login.browserProfile)
        .option("--base-url <url>", h.options.baseUrl)
        .option("--headless", h.commands.login.headless),
    run: async ({ output }, options) =>
      (await import("./commands/login.js")).runLogin(declared<LoginOptions>()(options), output),
  }),
  command({
    name: "logout",
    define: (c, h) =>
      c
        .description(h.commands.logout.description)
        .option("--browser-profile <dir>", h.commands.login.browserProfile)
        .option("-y, --yes", h.options.yes),
    run: async ({ output }, options) =>
      (await import("./commands/login.js")).runLogout(declared<LogoutOptions>()(options), output),
  }),
  command({
    name: "sandbox",
    define: (c, h) =>
      c
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
        .option("--json", h.commands.sandbox.json),
    run: async ({ output }, options) =>
      (await import("./commands/sandbox.js")).runSandbox(
        declared<SandboxCommandOptions>()(options),
        output,
      ),
  }),
  command({
    name: "start",
    define: (c, h) => addDatabaseOption(c.description(h.commands.start.description)),
    // The guided path runs each step as its own command line, in the language it speaks.
    run: async ({ output, commandLine }, options) =>
      (await import("./commands/start.js")).runStart(
        declared<StartOptions>()(options),
        output,
        async (argv) => {
          // The error's code tells the guide a refused paste or a "no" from a step that stopped.
          let error: string | null = null;
          const onError = (e: unknown) => {
            error = e instanceof AppError ? e.code : null;
          };
          const exitCode = await main(argv, output, { nested: true, commandLine, onError });
          return { exitCode, error };
        },
        commandLine,
      ),
  }),
  command({
    name: "demo",
    define: (c, h) =>
      c
        .description(h.commands.demo.description)
        .option("--keep", h.commands.demo.keep)
        .option("--db <path>", h.commands.demo.db),
    run: async ({ output }, options) =>
      (await import("./commands/demo.js")).runDemo(declared<DemoOptions>()(options), output),
  }),
];

/**
 * A word after a group that names none of its commands is an unknown command, as after the
 * program: commander hands it to the group's default command instead, which then says it has
 * too many arguments for `list`, a command the user never named (`invites sources bogus`).
 */
function refuseUnknownForDefault(group: CommandUnknownOpts, sub: CommandUnknownOpts): void {
  const isDefault = COMMANDS.some((spec) => spec.isDefault && spec.name === sub.name());
  if (!isDefault || sub.registeredArguments.length > 0) return;
  // The first word that is neither an option nor the value of one (`sources --db x.db bogus`).
  const args = group.args;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string;
    if (word === "--") return;
    if (word.startsWith("-")) {
      const option = sub.options.find((o) => o.long === word || o.short === word);
      if (option && (option.required || option.optional)) i++;
      continue;
    }
    if (word === sub.name()) return;
    group.error(`error: unknown command '${word}'`, { code: "commander.unknownCommand" });
  }
}

/**
 * The program: its own options, then every command of the table in its group. Every text is the
 * catalogue's (src/i18n/help.ts), one key each, in the language main() chose. Commands inherit
 * the program's help, output and exit settings when they are made, so those come first.
 */
export function buildProgram(
  output: Output,
  setExit: (code: number) => void,
  /** The command line as the user typed it: a stopped run's resume command repeats it. */
  commandLine: readonly string[],
): CommandUnknownOpts {
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
  const groups = new Map<string, CommandUnknownOpts>();
  const parentOf = (group: (typeof GROUPS)[number] | undefined): CommandUnknownOpts => {
    if (group === undefined) return program;
    let parent = groups.get(group);
    if (!parent) {
      parent = program
        .command(group)
        .description(h.commands[group].description)
        .hook("preSubcommand", refuseUnknownForDefault);
      groups.set(group, parent);
    }
    return parent;
  };
  for (const spec of COMMANDS) {
    const made = parentOf(spec.group).command(spec.name, { isDefault: spec.isDefault === true });
    spec.define(made, h).action(async (...params: unknown[]) => {
      // Commander passes the arguments, then the options, then the command itself.
      const args = params.slice(0, -2);
      const options = params.at(-2) as OptionValues;
      const context = { output, global: program.opts() as Context["global"], commandLine };
      setExit(await spec.run(context, options, args));
    });
  }
  return program;
}

export async function main(
  argv: string[],
  given?: Output,
  options: {
    /** A command the guided path runs: it keeps the language the guide speaks. */
    nested?: boolean;
    /** What the user typed, when it is not `argv` (the guided path's commands): for resuming. */
    commandLine?: readonly string[];
    /** Told the error that ended the command, before it is reported. */
    onError?: (error: unknown) => void;
  } = {},
): Promise<number> {
  const output = given ?? (await processOutput());
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
    options.onError?.(error);
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
