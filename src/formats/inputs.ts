/**
 * From the paths a user names to the tables in them: files, folders (an unpacked export) and zip
 * archives. Each table is recognised by its content, never by its name.
 */
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { type FileHandle, lstat, open, readdir, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { Readable } from "node:stream";
import type { ImportRecord } from "../core/records.js";
import { InputError } from "../errors.js";
import { type Catalogue, m } from "../i18n/index.js";
import { describeNotAFile } from "../user-files.js";
import {
  type ByteSource,
  bomEncoding,
  type CodePageGuess,
  decodeHead,
  guessCodePage,
  hashedStream,
  type Inspection,
  inspectBytes,
  readFailure,
  readHead,
  readingHash,
  SAMPLE_LIMIT,
  type TextEncoding,
  utf16WithoutBom,
} from "./bytes.js";
import { type CsvLayout, readCsvRecords, sniffCsv, type TableFormat } from "./csv.js";
import { describeLdif, isLdif, readLdifRecords } from "./ldif.js";
import { describeVCard, isVCard, readVCardRecords, sampleUndeclaredBytes } from "./vcard.js";
import { exportDateFromName, isZip, MAX_ENTRY_BYTES, MAX_ENTRY_ROWS, openZip } from "./zip.js";

/** What is known of a table before its rows are read: plain data, so it can cross threads. */
export interface TableInfo {
  /** How the user sees it: `path/to/file.csv` or `export.zip › Invitations.csv`. */
  label: string;
  path: string;
  entry: string | null;
  kind: string;
  description: string;
  /** How the text was decoded, for the summary. */
  encoding: string;
  /** When the code page was a close call: the others almost as likely. */
  alsoLikely: string[];
  sha256: string;
  /** When the export or file was written (ISO 8601), to tell a newer export from an older one. */
  writtenAt: string | null;
  /** writtenAt is the file's modification time: no export date in its name nor its folder's. */
  datedByFile: boolean;
}

/** A table found in the input, ready to be read once its hash says it is new. */
export interface InputTable {
  info: TableInfo;
  /** The rows, in batches; read them, or discard them, before asking for the next table. */
  batches(): AsyncGenerator<ImportRecord[]>;
  /** Passes over the rows (the same content was imported before). */
  discard(): void;
}

/** How the user asked for the inputs to be read. */
export interface ReadOptions {
  /** `--encoding`: the encoding of every file without a byte-order mark, instead of detecting it. */
  encoding?: TextEncoding | null;
}

/** Something inside a folder or archive that is not a table we import. */
export interface PassedOver {
  passedOver: true;
  label: string;
  reason: string;
}

/**
 * A table inside a folder or archive whose content is bad (an unreadable cell, a cut row). It is
 * refused on its own: the other tables of that folder or archive are imported, and the import
 * ends with exit code 2 naming it. A file the user named is never refused alone: it imports, or
 * nothing does.
 */
export class RefusedTableError extends InputError {}

// Bytes that could not be had (a vanished file, a damaged archive) or an archive beyond any real
// export's size: nothing read from it can be trusted, so these stop the whole import.
const STOPS_THE_IMPORT = new Set(["unreadable", "bad-zip", "too-large"]);

function refusedAlone(error: unknown): unknown {
  if (!(error instanceof InputError) || STOPS_THE_IMPORT.has(error.code)) return error;
  return new RefusedTableError(error.location, error.problem, error.code, error.suggestion);
}

type Recognised =
  | { vcard: true; description: string }
  | { ldif: true; description: string }
  | { csv: CsvLayout; format: TableFormat }
  /** A table of the export that holds nothing to import, by its name. */
  | { unsupported: string };

function recognise(head: Buffer, encoding: TextEncoding, complete: boolean): Recognised | null {
  const text = decodeHead(head, encoding);
  if (isVCard(text)) return { vcard: true, description: describeVCard(text) };
  if (isLdif(text)) return { ldif: true, description: describeLdif(text) };
  const layout = sniffCsv(text, complete);
  if (layout === null || layout.match === null) return null;
  if ("unsupported" in layout.match) return { unsupported: layout.match.unsupported };
  return { csv: layout, format: layout.match.format };
}

type BinaryKind = keyof Catalogue["formats"]["binary"];

function binaryKind(head: Buffer): BinaryKind | null {
  const hex = head.subarray(0, 4).toString("hex");
  if (hex === "d0cf11e0") return "office";
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (hex.startsWith("1f8b")) return "gzip";
  if (bomEncoding(head) || utf16WithoutBom(head)) return null;
  const sample = head.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return "other";
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  return control > sample.length * 0.05 ? "other" : null;
}

/** A fast first guess of the encoding from the head alone, for sniffing archive entries. */
function guessFromHead(head: Buffer, forced: TextEncoding | null): TextEncoding {
  const bom = bomEncoding(head) ?? forced ?? utf16WithoutBom(head);
  if (bom) return bom;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

/**
 * Recognises one file or entry. `strict` inputs (named by the user) fail with an InputError when
 * they are not importable; inside folders and archives such files are passed over instead.
 */
async function classify(
  source: ByteSource,
  strict: boolean,
  dated: { at: Date | null; byFile: boolean },
  options: ReadOptions,
): Promise<InputTable | PassedOver> {
  const forced = options.encoding ?? null;
  const words = m().formats;
  const passOver = (reason: string, code: string, line?: number): PassedOver => {
    if (strict) {
      throw new InputError(
        line === undefined ? { file: source.label } : { file: source.label, line },
        reason,
        code,
      );
    }
    return { passedOver: true, label: source.label, reason };
  };
  const head = await readHead(source);
  if (head.length === 0) return passOver(words.empty, "empty");
  const binary = binaryKind(head);
  if (binary) return passOver(words.notText(words.binary[binary]), "binary");
  // Archive entries are many, and messages.csv can be large: only what looks like a table we
  // import is read in full.
  if (!strict) {
    const quick = recognise(head, guessFromHead(head, forced), false);
    if (quick === null) return passOver(words.notTable, "unrecognised");
    if ("unsupported" in quick)
      return passOver(words.unsupported(quick.unsupported), "unsupported");
  }
  const inflated = source.inflatedSize;
  if (inflated !== null && inflated > MAX_ENTRY_BYTES) {
    throw new InputError(
      { file: source.label },
      words.inflatesTo(mib(inflated), mib(MAX_ENTRY_BYTES)),
      "too-large",
    );
  }
  const maxRows = inflated === null ? Number.POSITIVE_INFINITY : MAX_ENTRY_ROWS;
  const inspection = await inspectBytes(source);
  // --encoding is for the files that are not Unicode: a LinkedIn table (always UTF-8) imported
  // beside an address book in a code page is not garbled by the flag meant for the other.
  const forcedHere = forced !== null && !inspection.marked && !inspection.utf8Text;
  const encoding = forcedHere ? forced : inspection.encoding;
  if (encoding === "utf-8" && !inspection.validUtf8) {
    throw new InputError({ file: source.label }, words.notUtf8, "not-utf-8");
  }
  const complete = inspection.size <= head.length;
  const found = recognise(inspection.head, encoding, complete);
  if (found === null) {
    return passOver(words.noKnownColumns, "unrecognised", 1);
  }
  if ("unsupported" in found) return passOver(words.unsupported(found.unsupported), "unsupported");
  /** `detected` is what the bytes say, `used` what decodes them: they differ under --encoding. */
  const info = (
    kind: string,
    description: string,
    shown: string,
    reading: { detected: CodePageGuess; used: TextEncoding },
  ): TableInfo => ({
    label: source.label,
    path: source.path,
    entry: source.entry,
    kind,
    description,
    encoding: shown,
    alsoLikely: forcedHere ? [] : reading.detected.alsoLikely,
    sha256: readingHash(inspection.sha256, reading.detected.encoding, reading.used),
    writtenAt: dated.at?.toISOString() ?? null,
    datedByFile: dated.byFile,
  });
  /**
   * The rows, from a second open of the bytes. A file written to since its inspection is refused
   * after its last row (the rows it wrote are taken back): imported in part, it would be kept
   * under the hash of the bytes inspected, and its full content passed over later as unchanged.
   */
  const rows = (read: (bytes: Readable) => AsyncGenerator<ImportRecord[]>) => {
    const checked = async function* () {
      const hash = createHash("sha256");
      yield* read(hashedStream(await source.open(), hash));
      if (hash.digest("hex") !== inspection.sha256) {
        throw new InputError({ file: source.label }, words.changedWhileRead, "changed");
      }
    };
    return strict
      ? checked
      : async function* () {
          try {
            yield* checked();
          } catch (error) {
            throw refusedAlone(error);
          }
        };
  };
  if ("vcard" in found) {
    // Properties are decoded one by one: their CHARSET, else UTF-8, else the code page of the
    // values that need one, detected from their decoded bytes rather than the file's.
    const utf16 = encoding.startsWith("utf-16");
    const detected = utf16
      ? { encoding: "utf-8", alsoLikely: [] }
      : await detectVCardFallback(source, inspection, maxRows);
    const fallback = utf16 || !forcedHere ? detected.encoding : encoding;
    return {
      info: info(
        "vcard",
        found.description,
        utf16 || fallback === "utf-8" ? encoding : `per property, else ${fallback}`,
        { detected, used: fallback },
      ),
      discard: () => {},
      batches: rows((bytes) => readVCardRecords(source.label, bytes, encoding, fallback, maxRows)),
    };
  }
  if ("ldif" in found) {
    return {
      info: info("ldif", found.description, encoding, {
        detected: { encoding: inspection.encoding, alsoLikely: inspection.alsoLikely },
        used: encoding,
      }),
      discard: () => {},
      batches: rows((bytes) => readLdifRecords(source.label, bytes, encoding, maxRows)),
    };
  }
  const { csv, format } = found;
  return {
    info: info(format.kind, format.description, encoding, {
      detected: { encoding: inspection.encoding, alsoLikely: inspection.alsoLikely },
      used: encoding,
    }),
    discard: () => {},
    batches: rows((bytes) => readCsvRecords(source.label, bytes, encoding, csv, format, maxRows)),
  };
}

async function detectVCardFallback(
  source: ByteSource,
  inspection: Inspection,
  maxLines: number,
): Promise<CodePageGuess> {
  const sample = await sampleUndeclaredBytes(
    source.label,
    (await source.open()) as AsyncIterable<Buffer>,
    { bytes: SAMPLE_LIMIT, lines: maxLines },
  );
  if (sample.length > 0) return guessCodePage(sample);
  // No value needs the code page: the file's bytes are the declared values', and a close call
  // between code pages that decode none of them is no reason to import again.
  return { encoding: inspection.encoding, alsoLikely: [] };
}

/** Whole MiB, rounded up: a file just past the bound does not read as being at it. */
function mib(bytes: number): number {
  return Math.ceil(bytes / (1024 * 1024));
}

function fileSource(path: string, label: string, modifiedAt: Date): ByteSource {
  return {
    label,
    path,
    entry: null,
    modifiedAt,
    inflatedSize: null,
    open: async () => {
      let handle: FileHandle;
      try {
        // Non-blocking, so that a pipe put in the file's place after its check cannot hang here.
        handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      } catch (error) {
        throw readFailure(label, error);
      }
      return handle.createReadStream();
    },
  };
}

/**
 * Every table in the named paths, in order. Archives and folders yield their tables and what they
 * passed over; a named file that is not importable throws an InputError.
 */
export async function* readInputs(
  paths: readonly string[],
  options: ReadOptions = {},
): AsyncGenerator<InputTable | PassedOver> {
  for (const given of paths) {
    const path = resolve(given);
    const info = await stat(path).catch(() => null);
    if (info === null) throw new InputError({ file: given }, m().formats.notFound, "not-found");
    const kind = describeNotAFile(info);
    if (info.isDirectory()) {
      yield* readFolder(path, given, options, null);
    } else if (kind === null) {
      yield* readFile(path, given, info.mtime, true, options, exportFolderDate(dirname(path)));
    } else {
      // Checked before opening: opening a pipe waits for a writer, and a device never ends.
      throw new InputError({ file: given }, m().formats.notAFile(kind), "not-a-file");
    }
  }
}

async function* readFile(
  path: string,
  label: string,
  mtime: Date,
  strict: boolean,
  options: ReadOptions,
  /** The export date of the folder it is in (exportFolderDate), which goes before its own time. */
  folderDate: Date | null,
): AsyncGenerator<InputTable | PassedOver> {
  const source = fileSource(path, label, mtime);
  const head = await readHead(source, 4);
  if (isZip(head)) {
    yield* readZip(path, label, strict, options);
    return;
  }
  const dated = { at: folderDate ?? mtime, byFile: folderDate === null };
  yield await classify(source, strict, dated, options);
}

async function* readZip(
  path: string,
  label: string,
  strict: boolean,
  options: ReadOptions,
): AsyncGenerator<InputTable | PassedOver> {
  const archive = await openZip(path, label);
  const named = exportDateFromName(path);
  let tables = 0;
  try {
    for (const entry of archive.entries) {
      const at = named ?? entry.modifiedAt;
      const found = await classify(entry, false, { at, byFile: false }, options);
      if (!("passedOver" in found)) tables++;
      yield found;
    }
  } finally {
    archive.close();
  }
  if (tables === 0 && !strict) {
    yield { passedOver: true, label, reason: m().formats.noTableInArchive };
  } else if (tables === 0) {
    throw new InputError({ file: label }, m().formats.emptyArchive, "empty-archive");
  }
}

/**
 * The export date of a folder an export was unpacked into, which keeps the archive's name
 * (`Basic_LinkedInDataExport_10-20-2023`): its files' own times are those of the unpacking, or of
 * a copy, and would make an old export the newest.
 */
function exportFolderDate(path: string): Date | null {
  return /LinkedInDataExport/i.test(basename(path)) ? exportDateFromName(path) : null;
}

async function* readFolder(
  path: string,
  label: string,
  options: ReadOptions,
  inherited: Date | null,
): AsyncGenerator<InputTable | PassedOver> {
  const folderDate = exportFolderDate(path) ?? inherited;
  // A folder that cannot be listed, or an entry gone between the listing and its look, leaves
  // part of the export unread: the import stops naming it, as for a file that cannot be read.
  const names = (
    await readdir(path).catch((error) => Promise.reject(readFailure(label, error, "entry")))
  ).sort();
  for (const name of names) {
    const full = join(path, name);
    const shown = join(label, name);
    const passOver = (reason: string): PassedOver => ({ passedOver: true, label: shown, reason });
    let info = await lstat(full).catch((error) =>
      Promise.reject(readFailure(shown, error, "entry")),
    );
    if (info.isSymbolicLink()) {
      // A link to a file is read as the file; one to a folder is not followed, as it may loop
      // (`ln -s . loop`) or lead out of the export.
      const target = await stat(full).catch(() => null);
      if (target === null) {
        yield passOver(m().formats.danglingLink);
        continue;
      }
      if (target.isDirectory()) {
        yield passOver(m().formats.linkedFolder);
        continue;
      }
      info = target;
    }
    const kind = describeNotAFile(info);
    if (info.isDirectory()) yield* readFolder(full, shown, options, folderDate);
    else if (kind === null) yield* readFile(full, shown, info.mtime, false, options, folderDate);
    else yield passOver(m().formats.notAFile(kind));
  }
}
