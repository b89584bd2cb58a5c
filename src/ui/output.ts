/** Where commands print: data to stdout, diagnostics to stderr. Tests pass their own. */
import type { ChalkInstance } from "chalk";
import { createColour } from "./colour.js";

export interface Output {
  /** Data: tables, JSON. */
  out(text: string): void;
  /** Diagnostics: progress, notes, errors. */
  err(text: string): void;
  colour: ChalkInstance;
  /** Columns available for tables. */
  width: number;
  /** Lines of one screen: long lists stop there unless asked for all. */
  height: number;
  /** A person at a terminal can answer prompts: stdin and stderr (where prompts draw) are TTYs. */
  isInteractive: boolean;
}

export function processOutput(): Output {
  return {
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    colour: createColour(process.stdout),
    width: process.stdout.columns || 120,
    height: process.stdout.rows || 40,
    isInteractive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
  };
}

/**
 * JSON on stdout. An array prints one element a line: still one JSON value, but a long list
 * stays fast to write and easy to read, grep and diff.
 */
export function printJson(output: Output, value: unknown): void {
  if (Array.isArray(value)) {
    output.out(
      value.length === 0 ? "[]" : `[\n${value.map((item) => JSON.stringify(item)).join(",\n")}\n]`,
    );
  } else output.out(JSON.stringify(value, null, 2));
}
