/** CSV tables: delimiter and header sniffed from the head, then rows streamed through csv-parse. */
import type { Readable } from "node:stream";
import { type CsvError, parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import {
  type ImportRecord,
  INVITES_CONNECTIONS,
  INVITES_CONNECTIONS_DESCRIPTION,
  INVITES_EXPORT_COLUMNS,
  REMOVAL_COLUMN,
} from "../core/records.js";
import { InputError } from "../errors.js";
import { m } from "../i18n/index.js";
import { ADDRESS_BOOK_FAMILIES, mapContacts } from "./address-books.js";
import { decodeText, readChunks, type TextEncoding, withoutUtf8Bom } from "./bytes.js";
import { Header, RowError } from "./header.js";
import {
  isConnectionsHeader,
  isInvitationsHeader,
  mapConnections,
  mapInvitations,
  type RowMapper,
  UNSUPPORTED_EXPORT_TABLES,
} from "./linkedin.js";
import { tooManyRows } from "./zip.js";

export interface TableFormat {
  kind: string;
  description: string;
  mapRow: RowMapper;
}

export type TableMatch = { format: TableFormat } | { unsupported: string } | null;

/** What a header row says the table is. */
export function detectTable(h: Header, delimiter = ","): TableMatch {
  if (isInvitationsHeader(h)) {
    return {
      format: {
        kind: "linkedin-invitations",
        description: "LinkedIn Invitations.csv",
        mapRow: mapInvitations(h),
      },
    };
  }
  if (isConnectionsHeader(h)) {
    // What invites wrote itself. Its record of removals lists no one you are connected to; an
    // export of connections may be a selection (--batch): either, taken for LinkedIn's list,
    // would mark everyone it leaves out as gone.
    if (h.has(REMOVAL_COLUMN)) return { unsupported: m().formats.removedRecord };
    const ours = h.has(...INVITES_EXPORT_COLUMNS);
    return {
      format: {
        kind: ours ? INVITES_CONNECTIONS : "linkedin-connections",
        description: ours ? INVITES_CONNECTIONS_DESCRIPTION : "LinkedIn Connections.csv",
        // Our files are written with commas, or semicolons for Excel.
        mapRow: mapConnections(h, ours ? (delimiter === ";" ? ";" : ",") : null),
      },
    };
  }
  for (const family of ADDRESS_BOOK_FAMILIES) {
    if (family.matches(h)) {
      return {
        format: {
          kind: family.kind,
          description: family.describe(h),
          mapRow: mapContacts(h, family.columns),
        },
      };
    }
  }
  const unsupported = UNSUPPORTED_EXPORT_TABLES.find((t) => h.has(...t.columns));
  return unsupported ? { unsupported: unsupported.name } : null;
}

export interface CsvLayout {
  delimiter: string;
  /** The line the header starts on, after LinkedIn's `Notes:` preamble if there is one. */
  headerLine: number;
  header: Header;
  match: TableMatch;
  /** What ends its lines: LF (CRLF too), or a CR alone, as in the files of Excel for Mac. */
  lineBreak: "\n" | "\r";
}

const DELIMITERS = [",", ";", "\t"];
/** LinkedIn's preamble is three records; netkeeper allows ten. */
const MAX_PREAMBLE = 10;

/** Finds the delimiter and header row in the decoded head of a file, or null if none is known. */
export function sniffCsv(head: string, complete: boolean): CsvLayout | null {
  let text = head;
  if (!complete) {
    const cut = text.lastIndexOf("\n");
    if (cut > 0) text = text.slice(0, cut + 1);
  }
  let best: CsvLayout | null = null;
  const lineBreak = text.includes("\n") || !text.includes("\r") ? "\n" : "\r";
  for (const delimiter of DELIMITERS) {
    const records = leadingRecords(text, delimiter);
    for (let i = 0; i < records.length && i <= MAX_PREAMBLE; i++) {
      const header = new Header(records[i]?.record ?? []);
      const match = detectTable(header, delimiter);
      if (match === null) continue;
      if (best === null || header.width > best.header.width) {
        const headerLine = i === 0 ? 1 : (records[i - 1]?.info.lines ?? 0) + 1;
        best = { delimiter, headerLine, header, match, lineBreak };
      }
      break;
    }
  }
  return best;
}

interface SniffedRecord {
  record: string[];
  info: { lines: number };
}

function leadingRecords(text: string, delimiter: string): SniffedRecord[] {
  // A quoted cell cut by the end of the sample looks unclosed: retry on fewer lines.
  let lines = text.split("\n").slice(0, MAX_PREAMBLE + 30);
  while (lines.length > 0) {
    try {
      return parseSync(lines.join("\n"), {
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
        info: true,
      }) as unknown as SniffedRecord[];
    } catch {
      lines = lines.slice(0, Math.floor(lines.length / 2));
    }
  }
  return [];
}

/** The longest record we accept. Real rows are a few KiB; a Google note may be a few hundred. */
export const MAX_RECORD_CHARS = 1024 * 1024;

/**
 * Physical lines a record spans: one, plus the line breaks inside its quoted cells, which are
 * those of the file (`CsvLayout.lineBreak`): a row is looked at for one character only.
 */
function linesOf(record: readonly string[], lineBreak: CsvLayout["lineBreak"]): number {
  let lines = 1;
  for (const cell of record) {
    if (cell.includes(lineBreak)) lines += cell.split(lineBreak).length - 1;
  }
  return lines;
}

/**
 * Streams the rows of a CSV table as import records, with the line each one starts on. Records
 * come in batches, one per decoded chunk, taken from csv-parse's synchronous data events: a
 * promise per row, or csv-parse's per-row info objects, would cost more than the parse itself.
 */
export async function* readCsvRecords(
  label: string,
  stream: Readable,
  encoding: TextEncoding,
  layout: CsvLayout,
  format: TableFormat,
  /** Rows at most, blank ones too: see MAX_ENTRY_ROWS. */
  maxRows: number,
): AsyncGenerator<ImportRecord[]> {
  // Starting at the header keeps csv-parse from judging every row against the preamble's width.
  const parser = parse({
    delimiter: layout.delimiter,
    from_line: layout.headerLine,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARS,
  });
  const width = layout.header.width;
  const fields = layout.header.names.length;
  let line = layout.headerLine;
  let header = true;
  let batch: ImportRecord[] = [];
  let failure: unknown = null;
  // The last row read: its fields (0 when blank) and line, to tell a cut file (see below).
  let lastCells = 0;
  let lastLine = 0;
  let rows = 0;
  let endsWithLineBreak = true;
  const ended = new Promise<void>((resolve) => parser.once("end", resolve));
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.on("data", (record: string[]) => {
    const start = line;
    line += linesOf(record, layout.lineBreak);
    if (++rows > maxRows) failure ??= tooManyRows(label, start, maxRows, "rows");
    if (header) {
      header = false; // already read by the sniffer
      return;
    }
    lastCells = record.length === 1 && record[0] === "" ? 0 : record.length;
    lastLine = start;
    if (failure !== null || lastCells === 0) return; // a blank line
    if (holdsValueBeyond(record, width) || longerThanHeader(record, fields)) {
      // An unquoted delimiter in a value (`Müller, Jr.`) moves every later value one column on.
      failure = new InputError(
        { file: label, line: start },
        m().formats.csv.tooManyFields(record.length, width, layout.delimiter),
        "too-many-fields",
      );
      return;
    }
    const crowded = crowdedCell(record, fields, layout.delimiter);
    if (crowded !== null) {
      failure = new InputError(
        { file: label, line: start },
        m().formats.csv.cellHoldsColumns(
          crowded.count,
          layout.delimiter,
          linesOf([crowded.cell], layout.lineBreak),
        ),
        "stray-quote",
      );
      return;
    }
    try {
      batch.push(format.mapRow(record, start));
    } catch (error) {
      failure =
        error instanceof RowError
          ? new InputError({ file: label, line: start }, error.message)
          : error;
    }
  });
  const take = (): ImportRecord[] => {
    if (failure !== null) throw toInputError(failure, label, line);
    const taken = batch;
    batch = [];
    return taken;
  };
  try {
    // csv-parse works on UTF-8 bytes: UTF-8 goes in as read, without the round trip through a
    // string that csv-parse would encode again. Other encodings are decoded first.
    const chunks: AsyncIterable<Buffer | string> =
      encoding === "utf-8"
        ? withoutUtf8Bom(readChunks(label, stream))
        : decodeText(readChunks(label, stream), encoding);
    for await (const chunk of chunks) {
      if (chunk.length === 0) continue;
      parser.write(chunk);
      endsWithLineBreak = endsWithBreak(chunk);
      const records = take();
      if (records.length > 0) yield records;
    }
    parser.end();
    await Promise.race([ended, new Promise((resolve) => parser.once("close", resolve))]);
    // A download cut short ends in the middle of a row. A missing line break alone says nothing
    // (LinkedIn writes Connections.csv without a final one), and rows in the middle may be short
    // (spreadsheets drop trailing empty cells), but every writer puts all of the last row's
    // fields before ending the file: fewer than the header's, with no line break, is a cut. A cut
    // inside a quoted cell shows as the unclosed quote; one inside the last field cannot be told.
    if (!endsWithLineBreak && lastCells > 0 && lastCells < width) {
      failure ??= new InputError(
        { file: label, line: lastLine },
        m().formats.csv.cutOff(lastCells, width),
        "truncated",
      );
    }
    const records = take();
    if (records.length > 0) yield records;
  } finally {
    stream.destroy();
    parser.destroy();
  }
}

/**
 * Whether a row has a value past the header's named columns. Rows may be shorter than the header,
 * and may end in empty cells past it (old Thunderbird, Excel), but a value there has no column.
 */
function holdsValueBeyond(record: readonly string[], width: number): boolean {
  for (let i = record.length - 1; i >= width; i--) {
    if ((record[i] ?? "").trim() !== "") return true;
  }
  return false;
}

/**
 * Whether a row that holds a value has more fields than the header row itself: the unquoted
 * delimiter of a Google row, whose last columns are empty. Old Thunderbird's and Excel's empty
 * trailing fields are in the header as well, so its own length is the bound; a phantom row of
 * delimiters alone holds nothing to move.
 */
function longerThanHeader(record: readonly string[], fields: number): boolean {
  return record.length > fields && record.some((cell) => cell.trim() !== "");
}

/**
 * The cell that holds about a row's worth of delimiters: a quote missing or one too many
 * (`"Bauer,` never closed) takes the columns after it, and rows after it, into one value, which
 * relax_quotes then reads without a word. Only in tables of ten columns and more (address books,
 * ImportedContacts), where no value is free text with that many: half the header's delimiters,
 * five at the least. Invitations.csv, whose messages may hold any number, is not judged so.
 */
function crowdedCell(
  record: readonly string[],
  fields: number,
  delimiter: string,
): { cell: string; count: number } | null {
  if (fields < 10) return null;
  const threshold = Math.max(5, Math.ceil((fields - 1) / 2));
  for (const cell of record) {
    if (cell.length < threshold) continue;
    const count = cell.split(delimiter).length - 1;
    if (count >= threshold) return { cell, count };
  }
  return null;
}

function endsWithBreak(chunk: Buffer | string): boolean {
  const last = typeof chunk === "string" ? chunk.charCodeAt(chunk.length - 1) : chunk.at(-1);
  return last === 0x0a || last === 0x0d;
}

function toInputError(error: unknown, label: string, line: number): unknown {
  if (error instanceof InputError) return error;
  const code = (error as CsvError | undefined)?.code;
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return new InputError({ file: label, line }, m().formats.csv.unclosedQuote, "unclosed-quote");
    case "CSV_MAX_RECORD_SIZE":
      return new InputError({ file: label, line }, m().formats.csv.rowTooLong, "record-too-large");
    case undefined:
      return error;
    default:
      return new InputError(
        { file: label, line },
        m().formats.csv.unreadable((error as Error).message.replace(/\s+/g, " ")),
        "bad-csv",
      );
  }
}
