/**
 * Commander's help in the language in use, through commander's own hooks (`configureHelp`): its
 * titles, placeholders and the words it adds to an option's text come from the catalogue, and
 * every command's help ends with the exit codes and the environment, wrapped like the rest.
 */
import { type Command, Help, type HelpConfiguration } from "commander";
import { m } from "../i18n/index.js";

/**
 * The columns help wraps at: $COLUMNS when it is set (a user's or a test's choice), else the
 * terminal's, else 80, as commander does when it writes to no terminal.
 */
export function helpWidth(
  stream: { isTTY?: boolean; columns?: number },
  env: NodeJS.ProcessEnv = process.env,
): number {
  const columns = Number(env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return columns;
  return (stream.isTTY && stream.columns) || 80;
}

/** `  2  text…`, further lines at column 5: the codes are short, the texts long. */
function exitCode(code: string, text: string, width: number, helper: Help): string {
  const term = `  ${code}  `;
  const [first = "", ...rest] = helper.boxWrap(text, width - term.length).split("\n");
  return [`${term}${first}`, ...rest.map((line) => `     ${line}`)].join("\n");
}

function closingSections(helper: Help): string {
  const words = m().help;
  const width = helper.helpWidth ?? 80;
  const variables = Object.entries(words.environment.variables);
  const termWidth = Math.max(...variables.map(([name]) => name.length));
  return [
    words.exitCodes.title,
    ...Object.entries(words.exitCodes.codes).map(([code, text]) =>
      exitCode(code, text, width, helper),
    ),
    "",
    words.environment.title,
    ...variables.map(([name, text]) => helper.formatItem(name, termWidth, text, helper)),
  ].join("\n");
}

/** For `configureHelp` on the program, before its commands are made: they inherit it. */
export function helpConfiguration(): HelpConfiguration {
  const words = m().help.commander;
  const titles: Record<string, string | undefined> = words.titles;
  const terms: Record<string, string | undefined> = words.terms;
  const extras: Record<string, string | undefined> = words.extras;
  const placeholders = (text: string) =>
    text.replace(/\[(?:options|command)\]/g, (term) => terms[term] ?? term);
  // Commander appends `(choices: "en", "de")` or `(default: "100")` to a text.
  const withExtras = (description: string, full: string) =>
    description +
    full
      .slice(description.length)
      .replace(
        /(^ ?\(|, )(choices|default|preset|env): /g,
        (_, before: string, word: string) => `${before}${extras[word] ?? word}: `,
      );
  const base = new Help();
  return {
    styleTitle: (title) => titles[title] ?? title,
    commandUsage: (cmd) => placeholders(base.commandUsage(cmd)),
    subcommandTerm: (cmd) => placeholders(base.subcommandTerm(cmd)),
    optionDescription: (option) => withExtras(option.description, base.optionDescription(option)),
    argumentDescription: (argument) =>
      withExtras(argument.description, base.argumentDescription(argument)),
    formatHelp: (cmd: Command, helper: Help) =>
      `${base.formatHelp(cmd, helper)}\n${closingSections(helper)}`,
  };
}
