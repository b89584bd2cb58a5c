/**
 * The removed-connections CSV: everyone whose removal was attempted, written and flushed to disk
 * before the request leaves, once each, appended to across runs under one header. It is the
 * user's record for reconnecting later, so it is plain CSV with LinkedIn's own columns.
 */
import { isUtf8 } from "node:buffer";
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  writeSync,
} from "node:fs";
import { dirname, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import {
  LINKEDIN_COLUMNS,
  type LinkedInPerson,
  neutralizeFormula,
  toLinkedInCells,
} from "../core/connections.js";
import { toNameKey, toProfileSlug } from "../core/identity.js";
import { InputError } from "../errors.js";

export const REMOVED_COLUMNS = [...LINKEDIN_COLUMNS, "Removal Attempted At"] as const;

interface Format {
  delimiter: "," | ";";
  recordDelimiter: "unix" | "windows";
  bom: boolean;
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
  private readonly keys = new Set<string>();
  private format: Format;
  private exists: boolean;
  /** The existing file ends without a line break; the first append adds one. */
  private needsBreak = false;

  /** Reads an existing file to know whom it holds; a file of another shape is refused. */
  constructor(path: string, options: { excel?: boolean } = {}) {
    this.path = resolve(path);
    this.exists = existsSync(this.path);
    if (!this.exists) {
      // Found now, not at the first removal after the confirmation.
      try {
        accessSync(dirname(this.path), constants.W_OK);
      } catch {
        throw new InputError(
          { file: path },
          `cannot be written: the folder ${dirname(this.path)} does not exist or is not writable`,
          "bad-input",
          "name a file in a folder you can write with --out",
        );
      }
    }
    this.format = options.excel
      ? { delimiter: ";", recordDelimiter: "windows", bom: true }
      : { delimiter: ",", recordDelimiter: "unix", bom: false };
    if (this.exists) this.readExisting(path);
  }

  /** Rows the file holds. */
  get size(): number {
    return this.keys.size;
  }

  private readExisting(label: string): void {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.path);
    } catch (error) {
      throw new InputError(
        { file: label },
        `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        "bad-input",
        "name a removed-connections CSV, or a new file, with --out",
      );
    }
    // Appending UTF-8 to a file Excel re-saved in windows-1252 would leave it in two encodings.
    if (!isUtf8(bytes)) {
      throw new InputError(
        { file: label },
        "is not UTF-8 (re-saved by a spreadsheet?); rows cannot be added to it safely",
        "bad-input",
        "keep that file, and name a new one with --out",
      );
    }
    let text = bytes.toString("utf8");
    const bom = text.startsWith("\uFEFF");
    if (bom) text = text.slice(1);
    if (text.trim() === "") {
      throw new InputError(
        { file: label },
        "is empty; a removed-connections file starts with its header",
        "bad-input",
        "name a new file with --out, or delete the empty one",
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
        `is not readable CSV (${(error as Error).message.replace(/^.*?: /, "")})`,
      );
    }
    const header = rows[0] ?? [];
    if (header.join("\u0000") !== REMOVED_COLUMNS.join("\u0000")) {
      throw new InputError(
        { file: label, line: 1 },
        `is not a removed-connections file: expected the header ${REMOVED_COLUMNS.join(",")}`,
        "bad-input",
        "name another file with --out",
      );
    }
    for (const row of rows.slice(1)) this.keys.add(keyOf(row));
    this.needsBreak = !/\n$/.test(text);
  }

  /** The file's cells for a person at the moment of the attempt. */
  static cells(person: LinkedInPerson, attemptedAt: Date): string[] {
    return [...toLinkedInCells(person), `${attemptedAt.toISOString().slice(0, 19)}Z`].map(
      neutralizeFormula,
    );
  }

  /**
   * Appends the person's row unless the file holds them already, and returns only once the row
   * is on disk (fsync; a new file's folder entry too).
   */
  record(person: LinkedInPerson, attemptedAt: Date): void {
    const cells = RemovedConnectionsFile.cells(person, attemptedAt);
    const key = keyOf(cells);
    if (this.keys.has(key)) return;
    const { delimiter, recordDelimiter, bom } = this.format;
    const lines = stringify(this.exists ? [cells] : [[...REMOVED_COLUMNS], cells], {
      delimiter,
      record_delimiter: recordDelimiter,
    });
    const eol = recordDelimiter === "windows" ? "\r\n" : "\n";
    const text = `${!this.exists && bom ? "\uFEFF" : ""}${this.needsBreak ? eol : ""}${lines}`;
    const created = !this.exists;
    const fd = openSync(this.path, "a", 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (created) syncFolder(dirname(this.path));
    this.exists = true;
    this.needsBreak = false;
    this.keys.add(key);
  }
}

/** Makes a new file's folder entry durable; not every platform can open a folder for that. */
function syncFolder(folder: string): void {
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
