/**
 * Renderers: data in, string out. Nothing here prints. Text from files goes through printable()
 * before it is truncated or coloured.
 */
import { resolve } from "node:path";
import { stripVTControlCharacters } from "node:util";
import type { SkipReason } from "../core/records.js";
import { DUPLICATE_CONTACT, INVITES_CONNECTIONS_DESCRIPTION } from "../core/records.js";
import type { Status } from "../core/status.js";
import { formatLocation } from "../errors.js";
import { m } from "../i18n/index.js";
// The import's types only: a read command must not load the readers (csv-parse, zip, chardet).
import type { FileReport, ImportReport, RefusedFile } from "../store/importer.js";
import type { ContactView, SourceView } from "../store/queries.js";
import type { Colour } from "./colour.js";
import type { Output } from "./output.js";
import { printable } from "./printable.js";
import { displayWidth, truncateStartToWidth, truncateToWidth, wrap, wrapCell } from "./wrap.js";

/** A number as the language in use writes it: `1,234` / `1.234`. */
export const n = (value: number) => m().fmt.num(value);

/**
 * A column of a table that fits the width: how it gives way when the table is too wide. `end`
 * and `start` cut its cells (a name at its end, a path at its start), `wrap` breaks them into
 * lines, `none` keeps them whole (dates, counts); any column's heading wraps at its spaces.
 */
export interface Column {
  head: string;
  align?: "left" | "right";
  give?: "end" | "start" | "wrap" | "none";
}

/** Cells that take up no more than this, however narrow the terminal: a word still reads. */
const NARROWEST = 6;
/** A word in a wrapped cell longer than this (a path, a link) is broken. */
const WIDEST_WORD = 20;

/**
 * A table no wider than `width` terminal columns where it can be: headings wrap first, then the
 * widest of the columns that may give way shrinks, a column at a time. Cells may be coloured;
 * one that is cut loses its colour.
 */
export function fitTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  colour: Colour,
  width: number,
): string {
  return [...fitTableLines(columns, rows, colour, width)].join("\n");
}

/**
 * fitTable, or undefined where even fitted it is wider than `width` (for a caller with another
 * layout for that): told by its top border, before a row is drawn.
 */
export function fitTableWithin(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  colour: Colour,
  width: number,
): string | undefined {
  const lines = fitTableLines(columns, rows, colour, width);
  const top = lines.next();
  if (top.done || displayWidth(top.value) > width) return undefined;
  return [top.value, ...lines].join("\n");
}

/** A record laid out as lines, for a terminal too narrow for any table of them (renderBlocks). */
export interface Block {
  title: string;
  /** Each label with its value; values right-aligned with `alignValues: "right"`. */
  fields: ReadonlyArray<readonly [string, string]>;
}

/**
 * Records where no table fits: each its title, then a line for each label and value, the
 * values in one column, wrapped under themselves where a line is too long; a blank line between
 * records. Nothing is cut, so every name and count still reads at 40 columns.
 */
export function renderBlocks(
  blocks: readonly Block[],
  width: number,
  alignValues: "left" | "right" = "left",
): string {
  const labels = widest(
    blocks.flatMap((b) => b.fields.map(([label]) => label)),
    displayWidth,
  );
  const values = widest(
    blocks.flatMap((b) => b.fields.map(([, value]) => value)),
    displayWidth,
  );
  const at = 2 + labels + 2;
  const room = Math.max(10, width - at);
  const line = ([label, value]: readonly [string, string]) => {
    const shown =
      alignValues === "right"
        ? " ".repeat(Math.max(0, values - displayWidth(value))) + value
        : value;
    const [first = "", ...rest] = wrapCell(shown, room).split("\n");
    const pad = " ".repeat(Math.max(0, labels - displayWidth(label)));
    return [`  ${label}${pad}  ${first}`, ...rest.map((more) => `${" ".repeat(at)}${more}`)];
  };
  return blocks.map((b) => [b.title, ...b.fields.flatMap(line)].join("\n")).join("\n\n");
}

/**
 * fitTable's lines one at a time, drawn as they are taken: the widths need every row, but a
 * long table is written while the rest is drawn (printLines in ui/output.ts).
 */
export function* fitTableLines(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  colour: Colour,
  width: number,
): Generator<string> {
  const cells = widestCells(columns.length, rows);
  const cellWidth = (i: number) => cells[i] as number;
  const longestWord = (text: string) => widest(text.split(/\s+/), displayWidth);
  const natural = columns.map((c, i) => Math.max(displayWidth(c.head), cellWidth(i)));
  const widths = [...natural];
  // Borders and padding: "│ a │ b │".
  const total = () => widths.reduce((sum, w) => sum + w, 0) + 3 * columns.length + 1;
  const floor = columns.map((c, i) => {
    const head = longestWord(c.head);
    if ((c.give ?? "none") === "none") return Math.max(head, cellWidth(i));
    // A wrapped cell breaks between its words, not inside one where a line can hold it.
    // A path cut at its start keeps the file's own name whole (`…/Invitations.csv`): its
    // folders are what rows share.
    if (c.give === "start")
      return Math.min(
        natural[i] as number,
        Math.max(NARROWEST, head, widest(rows, (r) => displayWidth(baseName(r[i] ?? ""))) + 1),
      );
    const words =
      c.give === "wrap"
        ? Math.min(
            WIDEST_WORD,
            widest(rows, (r) => longestWord(r[i] ?? "")),
          )
        : 0;
    return Math.min(natural[i] as number, Math.max(NARROWEST, head, words));
  });
  // The headings that are wider than their cells wrap first, then the widest column gives way.
  const shrink = (room: (i: number) => number) => {
    while (total() > width) {
      let widest = -1;
      for (let i = 0; i < columns.length; i++) {
        if (room(i) > 0 && (widest < 0 || (widths[i] as number) > (widths[widest] as number)))
          widest = i;
      }
      if (widest < 0) return;
      widths[widest] = (widths[widest] as number) - 1;
    }
  };
  shrink((i) => (widths[i] as number) - Math.max(floor[i] as number, cellWidth(i)));
  shrink((i) => (widths[i] as number) - (floor[i] as number));
  // A wrapped column takes no more than its longest line once wrapped; its cells are kept as
  // wrapped here (at the narrower width they wrap the same).
  const wrapped = columns.map((c, i) => {
    const w = widths[i] as number;
    if (c.give !== "wrap" || w >= (natural[i] as number)) return null;
    const cellsWrapped = rows.map((r) => wrapCell(stripVTControlCharacters(r[i] ?? ""), w));
    const lines = [wrapCell(c.head, w), ...cellsWrapped].flatMap((text) => text.split("\n"));
    widths[i] = Math.max(1, widest(lines, displayWidth));
    return cellsWrapped;
  });
  const fitCell = (cell: string, i: number, row: number) => {
    const w = widths[i] as number;
    if (displayWidth(cell) <= w) return cell;
    const plain = stripVTControlCharacters(cell);
    switch (columns[i]?.give ?? "none") {
      case "end":
        return truncateToWidth(plain, w);
      case "start":
        return truncateStartToWidth(plain, w);
      case "wrap":
        return wrapped[i]?.[row] ?? wrapCell(plain, w);
      default:
        return cell;
    }
  };
  yield* drawTableLines(
    columns.map((c, i) => wrapCell(c.head, widths[i] as number)),
    (function* () {
      for (let r = 0; r < rows.length; r++) {
        yield (rows[r] as readonly string[]).map((cell, i) => fitCell(cell, i, r));
      }
    })(),
    widths,
    columns.map((c) => c.align ?? "left"),
    colour,
  );
}

/** A path's or archive label's last part: `…/export.zip › Invitations.csv` → `Invitations.csv`. */
function baseName(path: string): string {
  return stripVTControlCharacters(path)
    .replace(/^.* › /, "")
    .replace(/^.*[/\\]/, "");
}

/**
 * The greatest of `measure` over `items`, 0 for none: a loop, since a spread of 1,000,000 rows'
 * widths into Math.max overflows the stack.
 */
export function widest<T>(items: Iterable<T>, measure: (item: T) => number): number {
  let most = 0;
  for (const item of items) most = Math.max(most, measure(item));
  return most;
}

/** The visible width of each of `count` columns' widest cell in `rows`. */
export function widestCells(count: number, rows: Iterable<readonly string[]>): number[] {
  const cells = Array.from({ length: count }, () => 0);
  for (const row of rows) {
    row.forEach((cell, i) => {
      cells[i] = Math.max(cells[i] ?? 0, displayWidth(cell));
    });
  }
  return cells;
}

/**
 * A table whose columns are `widths` wide (each at least its heading), its lines drawn as its
 * rows come: for a table too long to hold until its widest cell is known. A cell wider than its
 * column (a caller's widths come from the rows it has seen) wraps onto more lines and loses its
 * colour; nothing of it is cut.
 */
export function* streamTableLines(
  columns: readonly Column[],
  widths: readonly number[],
  rows: Iterable<readonly string[]>,
  colour: Colour,
): Generator<string> {
  const fitted = function* () {
    for (const row of rows) {
      yield row.map((cell, i) => {
        const w = widths[i] as number;
        return displayWidth(cell) <= w ? cell : wrapCell(stripVTControlCharacters(cell), w);
      });
    }
  };
  yield* drawTableLines(
    columns.map((c, i) => wrapCell(c.head, widths[i] as number)),
    fitted(),
    widths,
    columns.map((c) => c.align ?? "left"),
    colour,
  );
}

/**
 * The lines of a table whose cells already fit `widths` (a cell may hold several lines; a row's
 * lines come together), one at a time: a border around, the heading in bold, no lines between
 * rows. Linear in the cells, so that a table of 100,000 rows takes as long as writing it.
 */
export function* drawTableLines(
  head: readonly string[],
  rows: Iterable<readonly string[]>,
  widths: readonly number[],
  aligns: readonly ("left" | "right")[],
  colour: Colour,
): Generator<string> {
  const rule = (left: string, middle: string, right: string) =>
    `${left}${widths.map((w) => "─".repeat(w + 2)).join(middle)}${right}`;
  const pad = (text: string, i: number) => {
    const room = " ".repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(text)));
    return aligns[i] === "right" ? room + text : text + room;
  };
  const draw = (cells: readonly string[], style: (line: string) => string = (line) => line) => {
    const split = widths.map((_, i) => (cells[i] ?? "").split("\n"));
    const height = Math.max(
      1,
      widest(split, (lines) => lines.length),
    );
    const lines: string[] = [];
    for (let k = 0; k < height; k++) {
      lines.push(
        `│ ${split.map((cell, i) => pad(cell[k] === undefined ? "" : style(cell[k] as string), i)).join(" │ ")} │`,
      );
    }
    return lines.join("\n");
  };
  yield rule("┌", "┬", "┐");
  yield draw(head, (line) => colour.bold(line));
  yield rule("├", "┼", "┤");
  for (const row of rows) yield draw(row);
  yield rule("└", "┴", "┘");
}

/** The skipped rows by reason, in the language in use; repeated contacts are told as merged. */
function describeSkips(file: FileReport): string {
  const words = m().formats.skipped;
  return (Object.entries(file.skipReasons) as Array<[SkipReason, number]>)
    .filter(([reason]) => reason !== DUPLICATE_CONTACT)
    .map(([reason, times]) => words[reason](times))
    .join(", ");
}

/**
 * What a file was recognised as, in the language in use. The readers' own description
 * (`Outlook CSV (German)`) is what the database keeps and `--json` prints, from before too.
 */
export function describeFormat(description: string): string {
  const words = m().formats.recognised;
  if (description === "Google's Outlook CSV") return words.googleOutlook;
  if (description === INVITES_CONNECTIONS_DESCRIPTION) return words.invitesExport;
  return description.replace(
    /\((English|German|French|Spanish|legacy)\)$/,
    (_, qualifier: keyof typeof words.qualifiers) => `(${words.qualifiers[qualifier]})`,
  );
}

function fileNotes(file: FileReport): string[] {
  const t = m().importReport;
  if (file.outcome === "unchanged")
    return [file.sameImport ? t.sameImport : t.unchanged(file.previouslyImportedAt ?? "")];
  const notes: string[] = [];
  const skips = describeSkips(file);
  if (skips !== "") notes.push(t.skipped(skips));
  const merged = file.skipReasons[DUPLICATE_CONTACT] ?? 0;
  if (merged > 0) notes.push(t.merged(merged));
  if (file.imported > file.added) notes.push(t.alreadyKnown(file.imported - file.added));
  if (file.sameAsOtherFormat > 0) notes.push(t.sameAsOtherFormat(file.sameAsOtherFormat));
  if (file.datedByFile !== null) notes.push(t.datedByFile(file.datedByFile));
  if (file.droppedValues.x500 > 0) notes.push(t.x500(file.droppedValues.x500));
  if (file.droppedValues.notEmail > 0) notes.push(t.notEmail(file.droppedValues.notEmail));
  if (file.closedInvitations > 0) notes.push(t.closed(file.closedInvitations, file.closedAs));
  if (file.goneConnections > 0) notes.push(t.gone(file.goneConnections));
  if (file.replacedContacts > 0) notes.push(t.replaced(file.replacedContacts));
  if (file.alsoLikely.length > 0) {
    notes.push(
      t.alsoLikely(
        encodingName(file.encoding),
        file.alsoLikely.map(encodingName),
        file.alsoLikely.map((e) => `--encoding ${e}`),
      ),
    );
  } else if (!file.encoding.startsWith("utf-")) {
    notes.push(t.readAs(encodingName(file.encoding)));
  }
  return notes;
}

/**
 * `macintosh` is what TextDecoder calls Mac OS Roman; users know the second name. A vCard's
 * properties may name their own charset: `per property, else windows-1252` (as kept).
 */
function encodingName(encoding: string): string {
  const named = encoding.replace(/\bmacintosh\b/, m().importReport.macRoman);
  const perProperty = /^per property, else (.+)$/.exec(named);
  return perProperty ? m().formats.perProperty(perProperty[1] ?? "") : named;
}

export function renderImportReport(report: ImportReport, colour: Colour, width: number): string {
  const words = m().importReport;
  const lines: string[] = [];
  if (report.files.length > 0 || report.refused.length > 0) {
    const [file = "", recognised = "", ...counts] = words.head;
    const columns: Column[] = [
      { head: file, give: "start" },
      { head: recognised, give: "end" },
      ...counts.map((head): Column => ({ head, align: "right" })),
    ];
    const rows: string[][] = [];
    for (const file of report.files) {
      const unchanged = file.outcome === "unchanged";
      rows.push([
        printable(file.label),
        describeFormat(file.description),
        unchanged ? "–" : n(file.rows),
        unchanged ? "–" : colour.green(n(file.imported)),
        unchanged ? "–" : n(file.added),
        unchanged ? "–" : file.skipped > 0 ? colour.yellow(n(file.skipped)) : "0",
      ]);
    }
    for (const file of report.refused) {
      rows.push([
        printable(file.label),
        describeFormat(file.description),
        "–",
        colour.red(m().common.refused),
        "–",
        "–",
      ]);
    }
    lines.push(
      fitTableWithin(columns, rows, colour, width) ??
        renderBlocks(
          rows.map(([label = "", ...rest]) => ({
            title: colour.bold(truncateStartToWidth(label, width)),
            fields: rest.map((value, i) => [columns[i + 1]?.head ?? "", value] as const),
          })),
          width,
        ),
    );
    const allUnchanged = report.files.every((f) => f.outcome === "unchanged");
    for (const file of allUnchanged ? [] : report.files) {
      const notes = fileNotes(file);
      if (notes.length > 0)
        lines.push(wrap(`${colour.bold(shortName(file.label))}: ${notes.join("; ")}.`, width));
    }
    for (const file of report.refused) {
      lines.push(
        wrap(
          `${colour.bold(shortName(file.label))}: ${colour.red(words.refusedNote(file.line, printable(file.problem)))}.`,
          width,
        ),
      );
    }
  }
  if (report.passedOver.length > 0) {
    const shown = report.passedOver.slice(0, 3).map((p) => shortName(p.label));
    const more = report.passedOver.length - shown.length;
    lines.push(colour.dim(wrap(words.passedOver(report.passedOver.length, shown, more), width)));
  }
  if (
    report.files.length > 0 &&
    report.refused.length === 0 &&
    report.files.every((f) => f.outcome === "unchanged")
  ) {
    lines.push(wrap(words.nothingChanged, width));
  }
  return lines.join("\n");
}

/**
 * For stderr: each refused file in one line, as any bad input is reported, and what it means:
 * the import went through for the other files, or, with `othersImported` false, there were none
 * and it was taken back.
 */
export function renderRefusedFiles(refused: RefusedFile[], othersImported: boolean): string {
  const lines = refused.map(
    (f) =>
      `invites: ${printable(formatLocation(f.line === null ? { file: f.label } : { file: f.label, line: f.line }))}: ${printable(f.problem)}`,
  );
  const words = m().importReport;
  lines.push(
    `  ${othersImported ? words.refusedFiles(refused.length) : words.refusedAll(refused.length)}`,
  );
  return lines.join("\n");
}

/**
 * The last part of a path or archive label, `export.zip › Invitations.csv` → `Invitations.csv`,
 * printable: file and entry names come from the disk and from archives.
 */
function shortName(label: string): string {
  return printable(label.replace(/^.* › /, "").replace(/^.*[/\\]/, ""));
}

/** Which database a report shows: with --db, INVITES_DB and a default, it is worth saying. */
export function renderDatabaseName(path: string, colour: Colour): string {
  return colour.dim(m().status.database(resolve(path)));
}

export function renderStatus(status: Status, asOf: Date, colour: Colour, width: number): string {
  const i = status.invitations;
  const c = status.connections;
  const w = m().status;
  const rows: Array<[string, number, boolean?]> = [
    [w.rows.outgoing, i.outgoing, true],
    [w.rows.pending, i.pending],
    ...(status.unconfirmed.withdrawals > 0
      ? [[w.rows.unconfirmedWithdrawals, status.unconfirmed.withdrawals] as [string, number]]
      : []),
    [w.rows.accepted, i.accepted],
    [w.rows.expired, i.expired],
    [w.rows.withdrawn, i.withdrawn],
    [w.rows.closed, i.closed],
    [w.rows.incoming, i.incoming, true],
    [w.rows.connections, c.active + c.removed + c.gone, true],
    [w.rows.active, c.active],
    ...(status.unconfirmed.removals > 0
      ? [[w.rows.unconfirmedRemovals, status.unconfirmed.removals] as [string, number]]
      : []),
    [w.rows.removed, c.removed],
    [w.rows.gone, c.gone],
    [w.rows.contacts, status.contacts.total, true],
    [w.rows.withEmail, status.contacts.withEmail],
    [w.rows.emails, status.contacts.emails],
  ];
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => n(value).length));
  const lines = [colour.bold(w.asOf(asOf))];
  for (const [label, value, heading] of rows) {
    const line = `${label.padEnd(labelWidth)}  ${n(value).padStart(valueWidth)}`;
    lines.push(heading ? colour.bold(line) : line);
  }
  const { withdrawals, removals } = status.unconfirmed;
  if (withdrawals + removals > 0) {
    lines.push(wrap(w.unconfirmed(withdrawals > 0, removals > 0), width));
  }
  return lines.join("\n");
}

/**
 * The columns every list of imports has, under `heads`: number, file, format, rows, when; and
 * after them any further head, as a column that wraps.
 */
export function sourceColumns(heads: readonly string[]): Column[] {
  const layout: Omit<Column, "head">[] = [
    { align: "right" },
    { give: "start" },
    { give: "end" },
    { align: "right" },
    {},
  ];
  return heads.map((head, i) => ({ ...(layout[i] ?? { give: "wrap" }), head }));
}

/** Those columns' cells of one import. */
export function sourceCells(
  s: Pick<SourceView, "id" | "path" | "description" | "rows" | "importedAt">,
): string[] {
  return [
    String(s.id),
    printable(s.path),
    describeFormat(s.description),
    n(s.rows),
    m().sources.importedAt(s.importedAt),
  ];
}

export function renderSources(sources: SourceView[], colour: Colour, width: number): string {
  if (sources.length === 0) return colour.dim(m().sources.noneYet);
  return fitSources(sourceColumns(m().sources.head), sources.map(sourceCells), colour, width);
}

/**
 * A list of imports (sourceColumns, sourceCells) as a table where one fits, else each import as
 * lines under its number and file; a column no row has anything in is left out.
 */
export function fitSources(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  colour: Colour,
  width: number,
): string {
  const used = columns.map((_, i) => i < 5 || rows.some((r) => (r[i] ?? "") !== ""));
  const kept = columns.filter((_, i) => used[i]);
  const cells = rows.map((r) => r.filter((_, i) => used[i]));
  const table = fitTableWithin(kept, cells, colour, width);
  if (table !== undefined) return table;
  return renderBlocks(
    cells.map(([id = "", path = "", ...rest]) => ({
      title: colour.bold(
        `#${id}  ${truncateStartToWidth(path, Math.max(1, width - id.length - 3))}`,
      ),
      fields: rest
        .map((value, i) => [kept[i + 2]?.head.replace(/\s+/g, " ") ?? "", value] as const)
        .filter(([, value]) => value !== ""),
    })),
    width,
  );
}

/** The contacts' table and their count, a line at a time (printLines writes them). */
export function* contactLines(
  contacts: ContactView[],
  colour: Colour,
  width: number,
  maxRows = Number.POSITIVE_INFINITY,
): Generator<string> {
  const words = m().contacts;
  if (contacts.length === 0) return yield colour.dim(words.none);
  const columns = words.head.map((head): Column => ({ head, give: "end" }));
  // A handful of sources for thousands of contacts: each shown name is made once.
  const sources = new Map<string, string>();
  const sourceName = (source: string) => {
    let name = sources.get(source);
    if (name === undefined) {
      name = printable(source.replace(/^.*[/\\]/, ""));
      sources.set(source, name);
    }
    return name;
  };
  const rows = contacts
    .slice(0, maxRows)
    .map((c) => [
      c.name === "" ? colour.dim(m().common.noName) : printable(c.name),
      printable(c.emails.join(", ")),
      printable(c.phones.join(", ")),
      printable(c.company),
      sourceName(c.source),
    ]);
  yield* fitTableLines(columns, rows, colour, width);
  if (contacts.length > rows.length)
    yield wrap(m().preview.more(contacts.length - rows.length), width);
  yield words.total(contacts.length);
}

/** The status counts, then the table of what was imported: `invites status` and the demo. */
export function renderStatusReport(
  status: Status,
  sources: SourceView[],
  asOf: Date,
  output: Pick<Output, "colour" | "width">,
): string {
  return `${renderStatus(status, asOf, output.colour, output.width)}\n\n${renderSources(sources, output.colour, output.width)}`;
}
