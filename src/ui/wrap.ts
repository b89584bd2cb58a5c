/**
 * Text laid out in terminal columns: a CJK character or an emoji takes two, an escape code none,
 * measured as the tables measure their cells (string-width), so that wrapped text and tables agree.
 */
import stringWidth from "string-width";
import { shellWord } from "./shell.js";

/**
 * Printable ASCII, the Latin letters of Europe (Latin-1, Latin Extended-A and -B) and the dashes,
 * quotes, bullet and ellipsis of General Punctuation: a column each.
 */
const NARROW = /^[\x20-\x7e\u00a0-\u024f\u2010-\u2027]*$/;

/** The columns `text` takes on a terminal. */
export function displayWidth(text: string): number {
  // Most cells of most tables: a column a character, without string-width's scan for emoji.
  return NARROW.test(text) ? text.length : stringWidth(text);
}

let segmenter: Intl.Segmenter | undefined;

/** The characters (graphemes) of `text`: an emoji sequence or a letter with its accents is one. */
function graphemes(text: string): string[] {
  // NARROW holds no combining mark and no surrogate: each of its characters is one grapheme.
  if (NARROW.test(text)) return text.split("");
  // One segmenter for every cell: making one loads its locale's data (a 1,000,000-row table
  // spent most of its time there).
  segmenter ??= new Intl.Segmenter();
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** As many of `parts`, in order, as fit in `room` columns. */
function takeWidth(parts: readonly string[], room: number): string[] {
  const taken: string[] = [];
  let used = 0;
  for (const part of parts) {
    const w = displayWidth(part);
    if (used + w > room) break;
    taken.push(part);
    used += w;
  }
  return taken;
}

/** Shortens text to at most `width` columns, with an ellipsis. */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  return `${takeWidth(graphemes(text), Math.max(1, width - 1)).join("")}…`;
}

/** Shortens text from the left to at most `width` columns: `…/exports/Invitations.csv`. */
export function truncateStartToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const kept = takeWidth(graphemes(text).reverse(), Math.max(1, width - 1));
  return `…${kept.reverse().join("")}`;
}

/**
 * Wraps each line of `text` at word boundaries to `columns`. A continuation keeps the line's
 * indentation, and a bullet's (`  • `) hangs under the bullet's text; a word wider than a line
 * is broken where it must be.
 */
export function wrap(text: string, columns: number): string {
  return text
    .split("\n")
    .map((line) => wrapLine(line, Math.max(20, columns)))
    .join("\n");
}

/**
 * A shell command after its `$` prompt, laid out in `columns`: each word quoted for the shell
 * where it needs it (a path with a space), broken only between words with a backslash, so that
 * what is shown still runs when copied. The first word stays beside the prompt.
 */
export function wrapCommand(words: readonly string[], columns: number): string {
  const lines: string[] = [];
  let current = "$";
  let first = true;
  for (const word of words.map(shellWord)) {
    const next = `${current} ${word}`;
    if (!first && displayWidth(next) + 2 > columns) {
      lines.push(`${current} \\`);
      current = `    ${word}`;
    } else current = next;
    first = false;
  }
  lines.push(current);
  return lines.join("\n");
}

/** Wraps a table cell to `columns`, however narrow: no indentation, words broken where they must. */
export function wrapCell(text: string, columns: number): string {
  return text
    .split("\n")
    .map((line) => wrapLine(line, Math.max(1, columns)))
    .join("\n");
}

function wrapLine(line: string, columns: number): string {
  if (displayWidth(line) <= columns) return line;
  const indent = /^(\s*(?:[•\-*]\s+|\d+\.\s+)?)/.exec(line)?.[1] ?? "";
  // A hang that leaves less than half the line for words is dropped.
  const keepIndent = displayWidth(indent) * 2 <= columns;
  const hang = keepIndent ? " ".repeat(displayWidth(indent)) : "";
  const out: string[] = [];
  let current = keepIndent ? indent : "";
  let empty = true;
  for (const word of line.slice(indent.length).split(/ +/)) {
    if (word === "") continue;
    const spaced = empty ? word : ` ${word}`;
    if (displayWidth(current) + displayWidth(spaced) <= columns) {
      current += spaced;
      empty = false;
      continue;
    }
    if (!empty) {
      out.push(current);
      current = hang;
    }
    // A word wider than a line is broken where it must be, a character at least a line.
    let rest = graphemes(word);
    while (displayWidth(current) + displayWidth(rest.join("")) > columns) {
      const taken = takeWidth(rest, columns - displayWidth(current));
      const piece = taken.length > 0 ? taken : rest.slice(0, 1);
      out.push(current + piece.join(""));
      current = hang;
      rest = rest.slice(piece.length);
    }
    // What is left of the word begins the next line; a word broken up to its end leaves none.
    if (rest.length > 0) {
      current += rest.join("");
      empty = false;
    } else empty = true;
  }
  if (!empty || out.length === 0) out.push(current);
  return out.join("\n");
}
