/** Where commands print: data to stdout, diagnostics to stderr. Tests pass their own. */
import { readEnv } from "../env.js";
import { ExitCode, isDiskFull } from "../errors.js";
import { m } from "../i18n/index.js";
import { type Colour, createColour } from "./colour.js";

export interface Output {
  /** Data: tables, JSON. */
  out(text: string): void;
  /** Diagnostics: progress, notes, errors. */
  err(text: string): void;
  colour: Colour;
  /** Columns available for tables. */
  width: number;
  /**
   * Lines of one screen: long lists stop there unless asked for all (linesOf: Infinity when
   * stdout is no terminal and $LINES is not set, so that a file or a pipe gets every row).
   */
  height: number;
  /** A person at a terminal can answer prompts: stdin and stderr (where prompts draw) are TTYs. */
  isInteractive: boolean;
  /** stdout is a terminal: data written there raw (a CSV with `--out -`) is made printable. */
  toTerminal?: boolean;
  /** Resolves when stdout has taken what was written, for output written a slice at a time. */
  drain?(): Promise<void>;
}

/** Runs that must not end when stdout's reader goes away, and whether it went away. */
let holds = 0;
/** A run has been held: the process ends when it is done, with its own exit code. */
let held = false;
let stdoutClosed = false;

/**
 * While held, a closed stdout (`invites withdraw … | head`) does not end the process: a run
 * half way through goes on, and what it would have printed goes to stderr. Returns the release.
 */
export function holdStdout(): () => void {
  holds++;
  held = true;
  let released = false;
  return () => {
    if (!released) holds--;
    released = true;
  };
}

/**
 * For stdout's error event: a reader that stops early is not an error (`invites contacts | head`).
 * A stdout that cannot take more (`… > file` on a full disk) is one line, not a stack trace; a
 * held run goes on, its output on stderr.
 */
export function onStdoutError(error: NodeJS.ErrnoException): void {
  const code = error.code;
  if (typeof code !== "string") throw error;
  const wasClosed = stdoutClosed;
  stdoutClosed = true;
  if (code !== "EPIPE" && !wasClosed) {
    const w = m().userFiles;
    const why = isDiskFull(code) ? w.diskFull : w.cannotWrite(code);
    process.stderr.write(`invites: ${w.standardOutput}: ${why}\n`);
  }
  if (!held) process.exit(code === "EPIPE" ? 0 : ExitCode.failure);
}

/**
 * The columns to lay output out in: $COLUMNS when it is set (a user's or a test's choice), else
 * the terminal's, else `fallback` when the stream goes to no terminal.
 */
export function columnsOf(
  stream: { isTTY?: boolean; columns?: number },
  fallback: number,
  env: NodeJS.ProcessEnv = process.env,
): number {
  const columns = Number(readEnv("COLUMNS", env));
  if (Number.isInteger(columns) && columns > 0) return columns;
  return (stream.isTTY && stream.columns) || fallback;
}

/**
 * The lines of a screenful, where long lists stop unless asked for all: $LINES when it is set,
 * else the terminal's; no stop when stdout is no terminal (a file or a pipe gets every row).
 */
export function linesOf(
  stream: { isTTY?: boolean; rows?: number },
  env: NodeJS.ProcessEnv = process.env,
): number {
  const lines = Number(readEnv("LINES", env));
  if (Number.isInteger(lines) && lines > 0) return lines;
  return stream.isTTY ? stream.rows || 24 : Number.POSITIVE_INFINITY;
}

export async function processOutput(): Promise<Output> {
  const colour = await createColour(process.stdout);
  return {
    out: (text) => {
      const line = text.endsWith("\n") ? text : `${text}\n`;
      if (stdoutClosed) return void process.stderr.write(line);
      // The write that finds the reader gone is not lost: a held run prints it on stderr. (The
      // answer comes after the write, when the run may have let go already.)
      const duringRun = holds > 0;
      process.stdout.write(line, (error) => {
        if (error && duringRun) process.stderr.write(line);
      });
    },
    err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    colour,
    width: columnsOf(process.stdout, 120),
    height: linesOf(process.stdout),
    toTerminal: process.stdout.isTTY === true,
    // Asked only when a command needs to know: touching process.stdin makes its stream, which
    // a command that never reads it need not pay for.
    get isInteractive() {
      return Boolean(process.stdin.isTTY && process.stderr.isTTY);
    },
    // A file or /dev/null takes each write at once, but calls its callback (which holds the
    // line) on a later tick: a turn of the event loop lets those run, else a long output to a
    // file stayed in memory whole until the end.
    drain: () =>
      stdoutClosed || !process.stdout.writableNeedDrain
        ? new Promise((done) => setImmediate(done))
        : new Promise((done) => {
            const finish = () => {
              process.stdout.off("drain", finish);
              process.stdout.off("close", finish);
              done();
            };
            process.stdout.once("drain", finish);
            process.stdout.once("close", finish);
          }),
  };
}

/**
 * What JSON.stringify leaves raw although a terminal obeys or hides it: DEL, C1 controls, bidi
 * and zero-width characters, the line separators (it escapes C0 controls itself). These occur
 * only inside strings, where `\uXXXX` parses back to the very same text.
 */
const JSON_RAW = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/g;

function stringify(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    JSON_RAW,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * A long JSON array on stdout, as printJson lays it out, each element made as its line is
 * written, a slice of lines at a time (printLines): the output of 1,000,000 invitations is never
 * held whole.
 */
export function printJsonArray<T>(
  output: Output,
  items: Iterable<T>,
  toJson: (item: T) => unknown = (item) => item,
): Promise<void> {
  return printLines(output, jsonArrayLines(items, toJson));
}

/**
 * A JSON array one element a line: `[`, each element with its comma, `]`; `[]` when empty. An
 * element's line waits for the next element, which says whether it takes a comma: items that
 * come one at a time are never counted or held.
 */
function* jsonArrayLines<T>(items: Iterable<T>, toJson: (item: T) => unknown): Generator<string> {
  let held: string | undefined;
  for (const item of items) {
    if (held === undefined) yield "[";
    else yield `${held},`;
    held = stringify(toJson(item));
  }
  if (held === undefined) return yield "[]";
  yield held;
  yield "]";
}

/** Lines written at a time by printLines: enough to write fast, few to hold. */
const LINES_SLICE = 1000;

/**
 * Lines on stdout as they are made, a slice at a time, waiting for stdout to take each: a long
 * table starts to show before the rest is drawn, and is never held whole.
 */
export async function printLines(output: Output, lines: Iterable<string>): Promise<void> {
  let slice: string[] = [];
  for (const line of lines) {
    slice.push(line);
    if (slice.length < LINES_SLICE) continue;
    output.out(slice.join("\n"));
    slice = [];
    await output.drain?.();
  }
  if (slice.length > 0) output.out(slice.join("\n"));
}

/**
 * JSON on stdout, the data exactly as it is. An array prints one element a line: still one JSON
 * value, but a long list stays fast to write and easy to read, grep and diff.
 */
export function printJson(output: Output, value: unknown): void {
  if (Array.isArray(value)) output.out([...jsonArrayLines(value, (item) => item)].join("\n"));
  else output.out(stringify(value, 2));
}
