/**
 * The files we write for the user (the CSVs). Each is new (an existing file is never
 * overwritten), readable by its owner alone, on disk before we say it was written, and holds no
 * cell that a spreadsheet would run as a formula.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  openSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";
import { stringify } from "csv-stringify/sync";
import { neutralizeFormula } from "./core/connections.js";
import { InputError, UsageError } from "./errors.js";

/**
 * Refuses, before any work is done, a file that exists already (a dangling symbolic link too);
 * `flag` is the option that names the file, for the suggestion.
 */
export function checkNewFile(path: string, flag: string): void {
  if (existsSync(path) || isSymbolicLink(path)) throw existsError(path, flag);
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function existsError(path: string, flag: string): UsageError {
  return new UsageError(
    `${path} exists already`,
    `name another file with ${flag}: invites never overwrites a file`,
  );
}

/**
 * Creates `path` (never over an existing file: O_EXCL, which also refuses a symbolic link),
 * readable and writable by its owner alone, and returns once the bytes and the folder entry
 * are on disk. A write that fails, such as on a full disk, removes the file again, so that the
 * next run does not find a partial one in its way.
 */
export function writeNewFile(path: string, data: string | Buffer, flag: string): void {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw existsError(path, flag);
    throw new InputError(
      { file: path },
      code === "ENOENT"
        ? `cannot be written: the folder ${dirname(path)} does not exist`
        : `cannot be written (${code ?? (error as Error).message})`,
      "bad-input",
      `name a file in a folder you can write with ${flag}`,
    );
  }
  try {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    try {
      unlinkSync(path);
    } catch {
      // Already gone, or the folder refuses: the write's own error is the one to report.
    }
    throw error;
  }
  closeSync(fd);
  syncFolder(dirname(path));
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

export const PLAIN_CSV: CsvShape = { delimiter: ",", recordDelimiter: "unix" };
/** What German Excel opens cleanly: semicolons and CRLF (and a BOM, which writeCsvFile adds). */
export const EXCEL_CSV: CsvShape = { delimiter: ";", recordDelimiter: "windows" };

/** CSV text of rows, each cell neutralised so that a spreadsheet shows it and does not run it. */
export function formatCsv(rows: ReadonlyArray<ReadonlyArray<string>>, shape: CsvShape): string {
  return stringify(
    rows.map((row) => row.map(neutralizeFormula)),
    { delimiter: shape.delimiter, record_delimiter: shape.recordDelimiter },
  );
}

/** Writes a new CSV file for the user (see writeNewFile), for Excel with a BOM and semicolons. */
export function writeCsvFile(
  path: string,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  options: { flag: string; excel?: boolean },
): void {
  const text = formatCsv(rows, options.excel ? EXCEL_CSV : PLAIN_CSV);
  writeNewFile(path, options.excel ? `\uFEFF${text}` : text, options.flag);
}
