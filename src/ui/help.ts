/**
 * Commander's help and errors in the language in use. The help goes through commander's own hooks
 * (`configureHelp`): its titles, placeholders and the words it adds to an option's text come from
 * the catalogue, and every command's help ends with the exit codes and the environment, wrapped
 * like the rest. Commander's errors are made inside it in English; `commanderMessage` recognises
 * each of their forms and says it again from the catalogue.
 */
import { type Command, Help, type HelpConfiguration } from "@commander-js/extra-typings";
import { type Catalogue, m } from "../i18n/index.js";
import { columnsOf } from "./output.js";
import { printable } from "./printable.js";

/** The columns help wraps at: 80 when it goes to no terminal, as commander's own help does. */
export function helpWidth(
  stream: { isTTY?: boolean; columns?: number },
  env: NodeJS.ProcessEnv = process.env,
): number {
  return columnsOf(stream, 80, env);
}

function closingSections(helper: Help): string {
  const words = m().help;
  const codes = Object.entries(words.exitCodes.codes);
  const variables = Object.entries(words.environment.variables);
  const termWidth = Math.max(...variables.map(([name]) => name.length));
  // Laid out as commander lays out options: each text in one column, wrapped under itself.
  const codeWidth = Math.max(...codes.map(([code]) => code.length));
  return [
    words.exitCodes.title,
    ...codes.map(([code, text]) => helper.formatItem(code, codeWidth, text, helper)),
    "",
    words.environment.title,
    ...variables.map(([name, text]) => helper.formatItem(name, termWidth, text, helper)),
  ].join("\n");
}

/** A placeholder's word (`file`, `path`) in the language in use; a word not known stays. */
function term(word: string): string {
  const terms: Record<string, string | undefined> = m().help.commander.terms;
  return terms[word] ?? word;
}

/** The placeholders in a usage line or an option's flags (`[options]`, `<file>`, `<path...>`). */
function placeholders(text: string): string {
  return text.replace(
    /([<[])([a-z][a-z-]*)(\.\.\.)?([>\]])/g,
    (_, open: string, word: string, dots: string | undefined, close: string) =>
      `${open}${term(word)}${dots ?? ""}${close}`,
  );
}

/** How far an item's text is indented under its term, where the two do not fit side by side. */
const DESCRIPTION_INDENT = 6;

/** For `configureHelp` on the program, before its commands are made: they inherit it. */
export function helpConfiguration(): HelpConfiguration {
  const words = m().help.commander;
  const titles: Record<string, string | undefined> = words.titles;
  const extras: Record<string, string | undefined> = words.extras;
  // Commander appends `(choices: "en", "de")` or `(default: "100")` to a text.
  const withExtras = (description: string, full: string) => {
    const extra = full
      .slice(description.length)
      // A default as it is typed (`100`), not as the string commander holds (`"100"`).
      .replace(/(default: )"([^"]*)"/g, "$1$2")
      .replace(
        /(^ ?\(|, )(choices|default|preset|env): /g,
        (_, before: string, word: string) => `${before}${extras[word] ?? word}: `,
      )
      .replace(/"([^"]*)"/g, (_, value: string) => words.quote(value));
    // One pair of parentheses where the text ends in its own: `(default: …; choices: …)`.
    return description.endsWith(")") && extra.startsWith(" (")
      ? `${description.slice(0, -1)}; ${extra.slice(2)}`
      : description + extra;
  };
  const base = new Help();
  return {
    formatItem: (itemTerm, termWidth, description, helper) => {
      const width = helper.helpWidth ?? 80;
      // Commander leaves a text whole when its column would be under 40 wide: the terminal
      // then breaks its words. There the text goes under its term, on lines of its own.
      if (!description || width - termWidth - 4 >= helper.minWidthToWrap)
        return Help.prototype.formatItem.call(helper, itemTerm, termWidth, description, helper);
      const text = helper.boxWrap(description, Math.max(20, width - DESCRIPTION_INDENT));
      return [
        `  ${itemTerm}`,
        ...text.split("\n").map((line) => `${" ".repeat(DESCRIPTION_INDENT)}${line}`),
      ].join("\n");
    },
    styleTitle: (title) => titles[title] ?? title,
    commandUsage: (cmd) => placeholders(base.commandUsage(cmd)),
    subcommandTerm: (cmd) => placeholders(base.subcommandTerm(cmd)),
    optionTerm: (option) => placeholders(base.optionTerm(option)),
    argumentTerm: (argument) => term(base.argumentTerm(argument)),
    optionDescription: (option) => withExtras(option.description, base.optionDescription(option)),
    argumentDescription: (argument) =>
      withExtras(argument.description, base.argumentDescription(argument)),
    formatHelp: (cmd: Command, helper: Help) =>
      `${base.formatHelp(cmd, helper)}\n${closingSections(helper)}`,
  };
}

type Words = Catalogue["help"]["commander"];

/** Commander 14's errors (lib/command.js), each with what it says in the language in use. */
const FORMS: ReadonlyArray<[RegExp, (words: Words, parts: string[]) => string]> = [
  [/^error: unknown option '(.*)'$/s, (w, [flag = ""]) => w.unknownOption(flag)],
  [/^error: unknown command '(.*)'$/s, (w, [name = ""]) => w.unknownCommand(name)],
  [/^error: missing required argument '(.*)'$/s, (w, [name = ""]) => w.missingArgument(term(name))],
  [
    /^error: option '(.*)' argument missing$/s,
    (w, [flags = ""]) => w.optionMissingArgument(placeholders(flags)),
  ],
  [
    /^error: required option '(.*)' not specified$/s,
    (w, [flags = ""]) => w.missingMandatoryOption(placeholders(flags)),
  ],
  [
    /^error: option '(.*?)' argument '(.*)' is invalid\.(?: (.*))?$/s,
    (w, [flags = "", value = "", reason]) => {
      const choices = reason === undefined ? null : /^Allowed choices are (.*)\.$/s.exec(reason);
      const why = choices ? w.allowedChoices((choices[1] ?? "").split(", ")) : reason;
      return [w.invalidOptionArgument(placeholders(flags), value), why].filter(Boolean).join(" ");
    },
  ],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s,
    (w, [command, expected = "", received = ""]) =>
      w.tooManyArguments(command ?? null, Number(expected), Number(received)),
  ],
];

/**
 * One of commander's error messages (with its newline) in the language in use, with the user's
 * words in it made printable. A form not known here is passed on as commander made it.
 */
export function commanderMessage(text: string): string {
  const words = m().help.commander;
  const body = text.replace(/\n$/, "");
  // The suggestion commander appends to an unknown option or command.
  const similar = /^(.*)\n\(Did you mean (?:one of )?(.*)\?\)$/s.exec(body);
  const message = similar ? (similar[1] ?? "") : body;
  let said: string | undefined;
  for (const [form, say] of FORMS) {
    const match = form.exec(message);
    if (!match) continue;
    said = say(
      words,
      match.slice(1).map((part) => (part === undefined ? part : printable(part))),
    );
    break;
  }
  const lines = [said ?? message.split("\n").map(printable).join("\n")];
  if (similar) lines.push(words.didYouMean((similar[2] ?? "").split(", ").map(printable)));
  return `${lines.join("\n")}\n`;
}
