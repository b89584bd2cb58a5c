/**
 * Text laid out in terminal columns: a CJK character or an emoji takes two, an escape code none,
 * measured as the tables measure their cells (string-width), so that wrapped text and tables agree.
 */
import stringWidth from "string-width";

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The columns `text` takes on a terminal. */
export function displayWidth(text: string): number {
  // Printable ASCII, most cells of most tables, takes a column a character.
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}

/** The characters (graphemes) of `text`: an emoji sequence or a letter with its accents is one. */
function graphemes(text: string): string[] {
  return Array.from(new Intl.Segmenter().segment(text), (s) => s.segment);
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
 * A shell command laid out in `columns`: it breaks between words with a backslash, so that what
 * is shown still runs when copied.
 */
export function wrapCommand(command: string, columns: number): string {
  const lines: string[] = [];
  let current = "";
  for (const word of command.split(" ")) {
    const next = current === "" ? word : `${current} ${word}`;
    if (current !== "" && displayWidth(next) + 2 > columns) {
      lines.push(`${current} \\`);
      current = `    ${word}`;
    } else current = next;
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
  const hang = " ".repeat(displayWidth(indent));
  const out: string[] = [];
  let current = indent;
  let words = 0;
  for (const word of line.slice(indent.length).split(/ +/)) {
    const spaced = words === 0 ? word : ` ${word}`;
    words++;
    if (displayWidth(current) + displayWidth(spaced) <= columns) {
      current += spaced;
      continue;
    }
    out.push(current);
    current = hang + word;
    while (displayWidth(current) > columns) {
      // At least one character a line, even one wider than the line.
      const cut =
        truncateToWidth(current, columns + 1).slice(0, -1) ||
        ([...new Intl.Segmenter().segment(current)][0]?.segment ?? current);
      out.push(cut);
      current = hang + current.slice(cut.length);
    }
  }
  out.push(current);
  return out.join("\n");
}
