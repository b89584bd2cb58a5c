/**
 * The removed-connections CSV: everyone whose removal was attempted, written and flushed to disk
 * before the request leaves, once each, appended to across runs under one header. It is the
 * user's record for reconnecting later, so it is plain CSV with LinkedIn's own columns.
 *
 * It is appended to, so it is opened only as what it claims to be: never through a symbolic
 * link (O_NOFOLLOW), only as a regular file of the user's own that others cannot change, since
 * whoever can change it can change the record, or point our writes at another file. An empty
 * file is what a full disk or a kill leaves when the header could not be written: the header is
 * written into it, it is not refused.
 */
import { isUtf8 } from "node:buffer";
import {
  accessSync,
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readFileSync,
  type Stats,
} from "node:fs";
import { dirname, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import {
  LINKEDIN_COLUMNS,
  type LinkedInPerson,
  restoreFormula,
  toLinkedInCells,
} from "../core/connections.js";
import { toNameKey, toProfileSlug } from "../core/identity.js";
import { REMOVAL_COLUMN } from "../core/records.js";
import { InputError } from "../errors.js";
import { m } from "../i18n/index.js";
import {
  type CsvShape,
  describeNotAFile,
  formatCsv,
  onDisk,
  syncFolder,
  writeAll,
} from "../user-files.js";

export const REMOVED_COLUMNS = [...LINKEDIN_COLUMNS, REMOVAL_COLUMN] as const;

interface Format extends CsvShape {
  bom: boolean;
}

/** Opens the file itself, never what a symbolic link points to, nor waits on a pipe. */
function openRecord(path: string, label: string, flags: number): number {
  try {
    return openSync(path, flags | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0), 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Linux says ELOOP for a symbolic link under O_NOFOLLOW, the BSDs and macOS EMLINK.
    if (code === "ELOOP" || code === "EMLINK") throw symbolicLinkError(label);
    throw new InputError(
      { file: label },
      code === "EEXIST"
        ? m().removedFile.createdMeanwhile
        : m().removedFile.cannotOpen(code ?? (error as Error).message),
      "bad-input",
      m().removedFile.ownFile,
    );
  }
}

function symbolicLinkError(label: string): InputError {
  return new InputError(
    { file: label },
    m().removedFile.symlink,
    "bad-input",
    m().removedFile.symlinkFix,
  );
}

/** Refuses what is not a regular file of this user's that only they can change. */
function checkOwnFile(stats: Stats, label: string): void {
  const kind = describeNotAFile(stats);
  if (kind) {
    throw new InputError(
      { file: label },
      m().removedFile.notFile(kind),
      "bad-input",
      m().removedFile.ownFile,
    );
  }
  // Windows has neither uids nor these mode bits.
  if (process.platform === "win32") return;
  const uid = process.getuid?.();
  if (uid !== undefined && stats.uid !== uid) {
    throw new InputError(
      { file: label },
      m().removedFile.otherOwner(stats.uid),
      "bad-input",
      m().removedFile.ownFile,
    );
  }
  if ((stats.mode & 0o022) !== 0) {
    const mode = (stats.mode & 0o777).toString(8).padStart(4, "0");
    throw new InputError(
      { file: label },
      m().removedFile.writableByOthers(mode),
      "bad-input",
      m().removedFile.chmodOrOwn,
    );
  }
}

/**
 * Who a row is: the profile plus the day of connecting, so that someone removed, reconnected and
 * removed again years later is recorded twice, while a resumed attempt is not.
 */
function keyOf(cells: readonly string[]): string {
  const [first = "", last = "", url = "", , , , connectedOn = ""] = cells;
  const who = toProfileSlug(url) ?? `name:${toNameKey(first, last) ?? ""}`;
  return `${who}|${connectedOn}`;
}

export class RemovedConnectionsFile {
  /** Absolute, as printed to the user. */
  readonly path: string;
  /** As the user named it, for messages. */
  private readonly label: string;
  private readonly keys = new Set<string>();
  private format: Format;
  private exists: boolean;
  /** False for a new file and for an empty one: the first row brings the header. */
  private hasHeader = false;
  /** The existing file ends without a line break; the first append adds one. */
  private needsBreak = false;
  private recorded = 0;
  private readonly askedExcel: boolean;

  /** Reads an existing file to know whom it holds; a file of another shape is refused. */
  constructor(path: string, options: { excel?: boolean } = {}) {
    this.path = resolve(path);
    this.label = path;
    const found = lstatOrNull(this.path);
    // Both refused now, not at the first removal after the confirmation.
    if (found?.isSymbolicLink()) throw symbolicLinkError(path);
    this.exists = found !== null;
    if (!this.exists) {
      try {
        accessSync(dirname(this.path), constants.W_OK);
      } catch {
        throw new InputError(
          { file: path },
          m().removedFile.noFolder(dirname(this.path)),
          "bad-input",
          m().removedFile.writableFolder,
        );
      }
    }
    this.askedExcel = options.excel === true;
    this.format = options.excel
      ? { delimiter: ";", recordDelimiter: "windows", bom: true }
      : { delimiter: ",", recordDelimiter: "unix", bom: false };
    if (this.exists) this.readExisting();
  }

  /**
   * --excel was asked for, and the file exists with commas: it keeps its form (one file in two
   * forms no spreadsheet opens), so --excel changes nothing, which the user is told.
   */
  get keepsCommas(): boolean {
    return this.askedExcel && this.hasHeader && this.format.delimiter === ",";
  }

  /** Rows the file holds. */
  get size(): number {
    return this.keys.size;
  }

  /** People this run recorded before their removal, new to the file or not. */
  get recordedNow(): number {
    return this.recorded;
  }

  private readExisting(): void {
    const label = this.label;
    let bytes: Buffer;
    const fd = openRecord(this.path, label, constants.O_RDONLY);
    try {
      checkOwnFile(fstatSync(fd), label);
      bytes = readFileSync(fd);
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(
        { file: label },
        m().removedFile.cannotRead(
          (error as NodeJS.ErrnoException).code ?? (error as Error).message,
        ),
        "bad-input",
        m().removedFile.nameCsv,
      );
    } finally {
      closeSync(fd);
    }
    // Empty: our header write failed (a full disk, a kill). The first row brings it now.
    if (bytes.length === 0) return;
    // Appending UTF-8 to a file Excel re-saved in windows-1252 would leave it in two encodings.
    if (!isUtf8(bytes)) {
      throw new InputError(
        { file: label },
        m().removedFile.notUtf8,
        "bad-input",
        m().removedFile.keepAndNew,
      );
    }
    let text = bytes.toString("utf8");
    const bom = text.startsWith("\uFEFF");
    if (bom) text = text.slice(1);
    if (text.trim() === "") {
      throw new InputError(
        { file: label },
        m().removedFile.blank,
        "bad-input",
        m().removedFile.blankFix,
      );
    }
    const firstLine = text.slice(0, text.search(/\r?\n|$/));
    // The file keeps the shape it was written in, whatever this run's flags say.
    this.format = {
      delimiter: firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",",
      recordDelimiter:
        firstLine.length < text.length && text[firstLine.length] === "\r" ? "windows" : "unix",
      bom,
    };
    let rows: string[][];
    try {
      rows = parse(text, { delimiter: this.format.delimiter, relax_column_count: true });
    } catch (error) {
      const line = (error as { lines?: number }).lines;
      throw new InputError(
        line === undefined ? { file: label } : { file: label, line },
        m().removedFile.notCsv((error as Error).message.replace(/^.*?: /, "")),
      );
    }
    const header = rows[0] ?? [];
    if (header.join("\u0000") !== REMOVED_COLUMNS.join("\u0000")) {
      throw new InputError(
        { file: label, line: 1 },
        m().removedFile.wrongHeader(REMOVED_COLUMNS.join(",")),
        "bad-input",
        m().removedFile.another,
      );
    }
    // Read back as they were before formatCsv neutralised them, as record() makes its keys.
    const { delimiter } = this.format;
    for (const row of rows.slice(1)) {
      this.keys.add(keyOf(row.map((cell) => restoreFormula(cell, delimiter))));
    }
    this.hasHeader = true;
    this.needsBreak = !/\n$/.test(text);
  }

  /** The file's cells for a person at the moment of the attempt. */
  static cells(person: LinkedInPerson, attemptedAt: Date): string[] {
    // As they are: formatCsv neutralises what a spreadsheet would run, once.
    return [...toLinkedInCells(person), `${attemptedAt.toISOString().slice(0, 19)}Z`];
  }

  /**
   * Appends the person's row unless the file holds them already, and returns only once the row
   * is on disk (fsync; a new file's folder entry too).
   */
  record(person: LinkedInPerson, attemptedAt: Date): void {
    const cells = RemovedConnectionsFile.cells(person, attemptedAt);
    const key = keyOf(cells);
    this.recorded++;
    if (this.keys.has(key)) return;
    const lines = formatCsv(this.hasHeader ? [cells] : [[...REMOVED_COLUMNS], cells], this.format);
    const eol = this.format.recordDelimiter === "windows" ? "\r\n" : "\n";
    const bom = !this.hasHeader && this.format.bom ? "\uFEFF" : "";
    const bytes = Buffer.from(`${bom}${this.needsBreak ? eol : ""}${lines}`, "utf8");
    const created = !this.exists;
    // O_EXCL for a new file: one that appeared since the start was not checked.
    const fd = openRecord(
      this.path,
      this.label,
      constants.O_WRONLY |
        constants.O_APPEND |
        constants.O_CREAT |
        (created ? constants.O_EXCL : 0),
    );
    try {
      checkOwnFile(fstatSync(fd), this.label);
      // A full disk names this file, not the database the run holds open (user-files.ts).
      writeAll(fd, bytes, this.path, "--out");
      onDisk(this.path, "--out", () => fsyncSync(fd));
    } finally {
      closeSync(fd);
    }
    if (created) syncFolder(dirname(this.path));
    this.exists = true;
    this.hasHeader = true;
    this.needsBreak = false;
    this.keys.add(key);
  }
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}
