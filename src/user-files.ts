/**
 * The small files a user names in an option (--keep, --template, --cookies) and the files we
 * write for them (the CSVs). An option file is read within a bound and must be a regular file:
 * a pipe would hang the run and /dev/zero would fill the memory. A file we write is new (an
 * existing file is never overwritten), readable by its owner alone, on disk before we say it
 * was written, and holds no cell that a spreadsheet would run as a formula.
 */
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, resolve } from "node:path";
import { neutralizeFormula } from "./core/connections.js";
import { InputError, isDiskFull, UsageError } from "./errors.js";
import {
  bomEncoding,
  decodeBytes,
  findUtf8Fault,
  lineAtOffset,
  utf16WithoutBom,
} from "./formats/bytes.js";
import { m } from "./i18n/index.js";
import type { Output } from "./ui/output.js";
import { printable } from "./ui/printable.js";
import { shellWord } from "./ui/shell.js";

export const MiB = 1024 * 1024;

/** What a path is when it is no regular file, for the line that refuses it; null for a file. */
export function describeNotAFile(stats: Stats): string | null {
  if (stats.isFile()) return null;
  const kinds = m().userFiles.kinds;
  if (stats.isDirectory()) return kinds.folder;
  if (stats.isFIFO()) return kinds.fifo;
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return kinds.device;
  if (stats.isSocket()) return kinds.socket;
  return kinds.other;
}

export interface OptionFileOptions {
  /** What the file must hold, as the messages say it: "a keep-list file". */
  what: string;
  /** The most bytes such a file can sensibly hold; a larger one is refused, not read. */
  maxBytes: number;
  /**
   * For a file that holds a secret: called with one printable warning line when group or others
   * may open it. The file is read all the same.
   */
  onOpenToOthers?: (warning: string) => void;
}

/**
 * The text of a file named in an option: UTF-8, or UTF-16 as Windows PowerShell's `>` writes it
 * (by its byte-order mark, or its NUL bytes without one). Every way it can be unfit is an
 * InputError: bytes that are not text in that encoding are refused, never replaced, since a
 * garbled line would name nobody, or someone else.
 */
export function readOptionFile(path: string, options: OptionFileOptions): string {
  const { what, maxBytes } = options;
  const refuse = (problem: string, code = "bad-input", line?: number) =>
    new InputError(
      line === undefined ? { file: path } : { file: path, line },
      m().userFiles.expected(problem, what),
      code,
    );
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch {
    throw refuse(m().userFiles.cannotRead, "not-found");
  }
  // Checked before opening: opening a pipe waits for a writer, and a device never ends.
  const kind = describeNotAFile(stats);
  if (kind) throw refuse(m().userFiles.isKind(kind), "not-a-file");
  let fd: number;
  try {
    // Non-blocking, so that a pipe put in its place after the check cannot hang the open.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    throw refuse(m().userFiles.cannotRead, "not-found");
  }
  try {
    const opened = fstatSync(fd);
    const openedKind = describeNotAFile(opened);
    if (openedKind) throw refuse(m().userFiles.isKind(openedKind), "not-a-file");
    const tooLarge = () =>
      refuse(m().userFiles.tooLarge(Math.round((maxBytes / MiB) * 10) / 10), "too-large");
    if (opened.size > maxBytes) throw tooLarge();
    // Read to the end, but never past the bound: the file may grow while it is read.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw tooLarge();
      chunks.push(chunk.subarray(0, read));
    }
    if (options.onOpenToOthers && process.platform !== "win32" && (opened.mode & 0o077) !== 0) {
      const mode = (opened.mode & 0o777).toString(8).padStart(4, "0");
      options.onOpenToOthers(
        printable(m().userFiles.openToOthers(path, mode, what, `chmod 600 ${shellWord(path)}`)),
      );
    }
    return decodeOptionFile(Buffer.concat(chunks), refuse);
  } finally {
    closeSync(fd);
  }
}

function decodeOptionFile(
  bytes: Buffer,
  refuse: (problem: string, code: string, line?: number) => InputError,
): string {
  const encoding = bomEncoding(bytes) ?? utf16WithoutBom(bytes) ?? "utf-8";
  if (encoding !== "utf-8") {
    try {
      // The BOM is dropped, as for UTF-8 below.
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      throw refuse(m().userFiles.notUtf16(encoding), "not-text");
    }
  }
  const fault = findUtf8Fault(bytes);
  if (fault) {
    const problem = fault.cutOff ? m().userFiles.cutOff : m().userFiles.notUtf8;
    throw refuse(
      problem,
      fault.cutOff ? "truncated" : "not-utf-8",
      lineAtOffset(bytes, fault.offset),
    );
  }
  return decodeBytes(bytes, "utf-8");
}

/**
 * Refuses, before any work is done, a file that exists already (a dangling symbolic link too);
 * `flag` is the option that names the file, for the suggestion.
 */
export function checkNewFile(path: string, flag: string): void {
  if (path !== STANDARD_OUTPUT && isTaken(path)) throw existsError(path, flag);
}

/** The file name that means standard output, as in most command-line tools: `--out -`. */
export const STANDARD_OUTPUT = "-";

/**
 * Refuses `-` for a file that must be one, such as the record of removed connections, which
 * is kept on disk before each removal: else it would be a file named "-" in the current folder.
 */
export function checkNotStandardOutput(path: string, flag: string): void {
  if (path === STANDARD_OUTPUT) throw new UsageError(m().userFiles.mustBeFile(flag));
}

/** How the line after a write names where it went: the file's full path, or standard output. */
export function writtenTo(path: string): string {
  return path === STANDARD_OUTPUT ? m().userFiles.standardOutput : printable(resolve(path));
}

/** Whether something (a symbolic link too) is at `path`; not where we may not look. */
function isTaken(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    // Nothing we may look at: the write itself will say why.
    return false;
  }
}

/**
 * `path` if nothing is there, else the first of `name-2.ext`, `name-3.ext`, … that is free: for
 * a file whose name the tool chose, so that a second run on the same day writes beside the
 * first instead of stopping. The write itself still refuses to replace anything.
 */
export function freeName(path: string): string {
  if (!isTaken(path)) return path;
  const ext = extname(path);
  const stem = path.slice(0, path.length - ext.length);
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}${ext}`;
    if (!isTaken(candidate)) return candidate;
  }
}

function existsError(path: string, flag: string): UsageError {
  return new UsageError(m().userFiles.exists(path), m().userFiles.existsFix(flag));
}

/**
 * Creates `path` (never over an existing file), readable and writable by its owner alone, and
 * returns once the bytes and the folder entry are on disk. `data` may come in pieces, each
 * written as it is made, so that a file of 1,000,000 rows is never held whole.
 *
 * The pieces go to `path.incomplete` first, which takes the name only once it is whole (a hard
 * link, which like O_EXCL refuses a name that is taken): a run stopped half way (Ctrl-C, kill,
 * a full disk) never leaves a file under the name that looks complete and is not. A write that
 * fails, or a piece that cannot be made, removes the incomplete file again; a kill leaves it,
 * named for what it is.
 */
export function writeNewFile(
  path: string,
  data: string | Buffer | Iterable<string>,
  flag: string,
): void {
  const [partial, fd] = openIncomplete(path, flag);
  let open = true;
  try {
    for (const piece of typeof data === "string" || Buffer.isBuffer(data) ? [data] : data) {
      writeAll(fd, typeof piece === "string" ? Buffer.from(piece, "utf8") : piece, path, flag);
    }
    onDisk(path, flag, () => fsyncSync(fd));
    closeSync(fd);
    open = false;
    moveIntoPlace(partial, path, flag);
  } catch (error) {
    // Once: the number of a descriptor closed may be another's by now.
    if (open) {
      try {
        closeSync(fd);
      } catch {
        // The write's own error is the one to report.
      }
    }
    removeQuietly(partial);
    throw error;
  }
  syncFolder(dirname(path));
}

/** Writes all of `bytes` to `fd`, the file being `path`: its errors name `path` (onDisk). */
export function writeAll(fd: number, bytes: Buffer, path: string, flag: string): void {
  let written = 0;
  while (written < bytes.length) written += onDisk(path, flag, () => writeSync(fd, bytes, written));
}

/** `path.incomplete`, or the first free `path.incomplete-2`, … beside a run's that was killed. */
function openIncomplete(path: string, flag: string): [string, number] {
  for (let n = 1; ; n++) {
    const partial = `${path}.incomplete${n === 1 ? "" : `-${n}`}`;
    try {
      return [partial, openSync(partial, "wx", 0o600)];
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") continue;
      throw new InputError(
        { file: path },
        code === "ENOENT"
          ? m().userFiles.noFolder(dirname(path))
          : m().userFiles.cannotWrite(code ?? (error as Error).message),
        "bad-input",
        m().userFiles.writableFolder(flag),
      );
    }
  }
}

/**
 * The whole file under its name: a hard link refuses a name that is taken, as creating the file
 * with O_EXCL did; where the file system has no hard links (FAT on a USB stick), a rename after
 * a last look that the name is free.
 */
function moveIntoPlace(partial: string, path: string, flag: string): void {
  try {
    linkSync(partial, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw existsError(path, flag);
    // A full disk is the file's to report; any other refusal of a hard link (FAT, some network
    // and FUSE mounts answer EPERM, ENOTSUP, EACCES or EIO) leaves the rename.
    if (isDiskFull(code) || typeof code !== "string") {
      throw writeError(path, flag, error);
    }
    if (isTaken(path)) throw existsError(path, flag);
    onDisk(path, flag, () => renameSync(partial, path));
    return;
  }
  removeQuietly(partial);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone, or the folder refuses: the write's own error is the one to report.
  }
}

/**
 * `act`'s result, or the file system's error as one line naming the file being written (not
 * the database, which a full disk was blamed on when a CSV was written during a read).
 */
export function onDisk<T>(path: string, flag: string, act: () => T): T {
  try {
    return act();
  } catch (error) {
    throw writeError(path, flag, error);
  }
}

/** The file system's `error` in writing `path` as one line naming it; any other error as it is. */
function writeError(path: string, flag: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code !== "string") return error;
  const full = isDiskFull(code);
  return new InputError(
    { file: path },
    full ? m().userFiles.diskFull : m().userFiles.cannotWrite(code),
    full ? "disk-full" : "bad-input",
    full ? m().userFiles.otherDisk(flag) : m().userFiles.writableFolder(flag),
  );
}

/** Makes a new file's folder entry durable; not every platform can open a folder for that. */
export function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(folder, "r");
    fsyncSync(fd);
  } catch {
    // Windows cannot fsync a folder; the file's own fsync is what it offers.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

export interface CsvShape {
  delimiter: "," | ";";
  recordDelimiter: "unix" | "windows";
}

const require = createRequire(import.meta.url);

const PLAIN_CSV: CsvShape = { delimiter: ",", recordDelimiter: "unix" };
/** What German Excel opens cleanly: semicolons and CRLF (and a BOM, which writeCsvFile adds). */
const EXCEL_CSV: CsvShape = { delimiter: ";", recordDelimiter: "windows" };

/** CSV text of rows, each cell neutralised so that a spreadsheet shows it and does not run it. */
export function formatCsv(rows: Iterable<ReadonlyArray<string>>, shape: CsvShape): string {
  return [...csvPieces(rows, shape)].join("");
}

/** Rows formatted by csv-stringify at a time: enough to write fast, few to hold. */
const CSV_SLICE = 1000;

/** formatCsv's text a slice of rows at a time, each slice formatted as its rows come. */
function* csvPieces(rows: Iterable<ReadonlyArray<string>>, shape: CsvShape): Generator<string> {
  // Loaded when a CSV is written: the commands that read option files need no CSV writer.
  const { stringify } = require("csv-stringify/sync") as typeof import("csv-stringify/sync");
  const format = (slice: string[][]) =>
    stringify(slice, {
      delimiter: shape.delimiter,
      record_delimiter: shape.recordDelimiter,
      // csv-stringify quotes a line break only when it is its record delimiter: a lone CR, or an
      // LF in a file of CRLF records, would cut the row in two in a spreadsheet.
      quoted_match: /[\r\n]/,
    });
  let slice: string[][] = [];
  for (const row of rows) {
    slice.push(row.map((cell) => neutralizeFormula(cell, shape.delimiter)));
    if (slice.length < CSV_SLICE) continue;
    yield format(slice);
    slice = [];
  }
  if (slice.length > 0) yield format(slice);
}

/**
 * Writes a new CSV file for the user (see writeNewFile), for Excel with a BOM and semicolons:
 * its rows are taken and written a slice at a time, and counted. Returns how many were written,
 * the heading not among them.
 */
export function writeCsvFile(
  path: string,
  head: ReadonlyArray<string>,
  rows: Iterable<ReadonlyArray<string>>,
  options: { flag: string; excel?: boolean },
): number {
  const csv = csvOf(head, rows, options.excel === true);
  writeNewFile(path, csv.pieces, options.flag);
  return csv.written();
}

/**
 * writeCsvFile, or with `path` `-` the same CSV on standard output, a slice of rows at a time
 * as stdout takes them (`--out - | …`).
 */
export async function writeCsv(
  output: Output,
  path: string,
  head: ReadonlyArray<string>,
  rows: Iterable<ReadonlyArray<string>>,
  options: { flag: string; excel?: boolean },
): Promise<number> {
  if (path !== STANDARD_OUTPUT) return writeCsvFile(path, head, rows, options);
  // On a terminal the cells are drawn, not kept: a name's ESC or bidi control must not act on
  // it (ui/printable.ts), as --json escapes them. A pipe or a file gets the data as it is.
  const shown = output.toTerminal
    ? (function* () {
        for (const row of rows) yield row.map(printable);
      })()
    : rows;
  const csv = csvOf(head, shown, options.excel === true);
  let pending = "";
  for (const piece of csv.pieces) {
    // output.out ends what it is given with a line break: the BOM waits for the first slice,
    // and every slice ends with its record delimiter already.
    pending += piece;
    if (piece === BOM) continue;
    output.out(pending);
    pending = "";
    await output.drain?.();
  }
  return csv.written();
}

const BOM = "\uFEFF";

/**
 * A CSV's text a slice of rows at a time (for Excel a BOM first, semicolons and CRLF), the
 * heading then `rows`, and how many of the rows were written once the pieces are taken.
 */
function csvOf(head: ReadonlyArray<string>, rows: Iterable<ReadonlyArray<string>>, excel: boolean) {
  let count = 0;
  const all = function* () {
    yield head;
    for (const row of rows) {
      count++;
      yield row;
    }
  };
  const pieces = function* () {
    if (excel) yield BOM;
    yield* csvPieces(all(), excel ? EXCEL_CSV : PLAIN_CSV);
  };
  return { pieces: pieces(), written: () => count };
}
