/**
 * The questions the tool asks, in the language in use: yes or no (answered `j`/`ja` in German,
 * `y`/`yes` in English, Enter for the default), and one of a few choices. They draw on stderr,
 * so that stdout stays the command's data.
 */
import {
  AbortPromptError,
  createPrompt,
  ExitPromptError,
  isEnterKey,
  makeTheme,
  useKeypress,
  usePrefix,
  useState,
} from "@inquirer/core";
import { CancelledError } from "../errors.js";
import { m } from "../i18n/index.js";

interface YesNoConfig {
  message: string;
  default: boolean;
}

/** The length of the longest word that answers yes or no. */
function longestAnswer(words: { yesWords: readonly string[]; noWords: readonly string[] }): number {
  return Math.max(...[...words.yesWords, ...words.noWords].map((word) => word.length));
}

const yesNo = createPrompt<boolean, YesNoConfig>((config, done) => {
  const words = m().prompts;
  const [status, setStatus] = useState<"idle" | "done">("idle");
  const [value, setValue] = useState("");
  const [unknown, setUnknown] = useState(false);
  const theme = makeTheme({});
  const prefix = usePrefix({ status, theme });
  useKeypress((key, rl) => {
    if (status !== "idle") return;
    if (isEnterKey(key)) {
      const typed = value.trim().toLowerCase();
      // Enter alone takes the default; a word that is neither yes nor no is asked again, not
      // taken for the default (a "nope" once imported a file).
      if (typed !== "" && !words.yesWords.includes(typed) && !words.noWords.includes(typed)) {
        setUnknown(true);
        setValue("");
        rl.clearLine(0);
        return;
      }
      const answer = typed === "" ? config.default : words.yesWords.includes(typed);
      setValue(answer ? words.yes : words.no);
      setStatus("done");
      done(answer);
    } else {
      setUnknown(false);
      setValue(rl.line);
    }
  });
  const message = theme.style.message(config.message, status);
  if (status === "done") return `${prefix} ${message} ${theme.style.answer(value)}`;
  // Only what could still be a yes or a no is drawn: a cookie pasted here too early (its
  // question comes after this one) never reaches the screen, and is asked about at once.
  const tooLong = value.trim().length > longestAnswer(words);
  const line = `${prefix} ${message} ${theme.style.defaultAnswer(words.yesNo(config.default))} ${tooLong ? "" : value}`;
  return unknown || tooLong ? [line, theme.style.error(words.yesNoAgain(config.default))] : line;
});

export interface PromptStreams {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/**
 * Runs a prompt that Esc ends as Ctrl-C does (the prompt rejects): the prompt library reads
 * Ctrl-C, but its prompts pass Esc by. Readline tells the key on the prompt's input stream.
 */
async function escapable<T>(
  input: NodeJS.ReadableStream,
  ask: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const onKey = (_: unknown, key?: { name?: string }) => {
    if (key?.name === "escape") controller.abort();
  };
  input.on("keypress", onKey);
  try {
    return await ask(controller.signal);
  } finally {
    input.off("keypress", onKey);
  }
}

/** Yes or no; Ctrl-C and Esc count as no. */
export async function askYesNo(
  message: string,
  fallback: boolean,
  streams: PromptStreams = {},
): Promise<boolean> {
  return (await askYesNoOrCancel(message, fallback, streams)) ?? false;
}

/** Yes or no, or null for Ctrl-C and Esc: for a question whose no goes on, as the guide's do. */
export async function askYesNoOrCancel(
  message: string,
  fallback: boolean,
  streams: PromptStreams = {},
): Promise<boolean | null> {
  return escapable(streams.input ?? process.stdin, (signal) =>
    yesNo({ message, default: fallback }, { output: process.stderr, ...streams, signal }),
  ).catch(() => null);
}

/** What a text prompt must not show of its answer: `shown` stands where `when` holds of it. */
export interface HiddenAnswer {
  when: (text: string) => boolean;
  shown: string;
}

/**
 * A line of text, as typed; Ctrl-C and Esc give "". An answer that `hide` holds to be a secret
 * (cookies pasted at the wrong question) is not echoed, while typed nor on the answer's line.
 */
export async function askText(message: string, hide?: HiddenAnswer): Promise<string> {
  const { input } = await import("@inquirer/prompts");
  const transformer = hide ? (text: string) => (hide.when(text) ? hide.shown : text) : undefined;
  return escapable(process.stdin, (signal) =>
    input({ message, transformer }, { output: process.stderr, signal }),
  ).catch(() => "");
}

/**
 * Hidden input (the cookies): nothing typed is shown, `help` stands where it would be. Ctrl-C and
 * Esc cancel the command (CancelledError: exit 130, nothing sent), as at every other prompt.
 */
export async function askSecret(message: string, help: string): Promise<string> {
  const { password } = await import("@inquirer/prompts");
  const theme = { style: { help: () => help } };
  try {
    return await escapable(process.stdin, (signal) =>
      password({ message, theme }, { output: process.stderr, signal }),
    );
  } catch (error) {
    // Ctrl-C ends the prompt with ExitPromptError, Esc (the abort above) with AbortPromptError.
    if (error instanceof ExitPromptError || error instanceof AbortPromptError) {
      throw new CancelledError();
    }
    throw error;
  }
}

/** One of `choices`; Ctrl-C and Esc give `cancel`. */
export async function askChoice<T extends string>(
  message: string,
  choices: ReadonlyArray<{ name: string; value: T }>,
  cancel: T,
): Promise<T> {
  const { select } = await import("@inquirer/prompts");
  const keys = m().prompts.keys;
  const words: Record<string, string> = { navigate: keys.navigate, select: keys.select };
  return escapable(process.stdin, (signal) =>
    select<T>(
      {
        message,
        choices: [...choices],
        theme: {
          style: {
            keysHelpTip: (tips: Array<[string, string]>) =>
              tips.map(([key, what]) => `${key} ${words[what] ?? what}`).join(" • "),
          },
        },
      },
      { output: process.stderr, signal },
    ),
  ).catch(() => cancel);
}
