/** Zip archives (LinkedIn's data export), read entry by entry with yauzl: streamed, never whole. */
import { basename } from "node:path";
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { InputError } from "../errors.js";
import { m } from "../i18n/index.js";
import type { ByteSource } from "./bytes.js";

export function isZip(head: Buffer): boolean {
  // Local file header, or the end record of an empty archive.
  return (
    head.length >= 4 &&
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    ((head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06))
  );
}

/**
 * What one table of a real export holds, with room to spare. LinkedIn caps a member at 30,000
 * connections (about 7 MB of Connections.csv) and Google Contacts at 25,000 contacts; the
 * benchmark's export of 100,000 invitations, 30,000 connections and 50,000 contacts is 25 MB of
 * CSV in all. An entry that inflates past 64 MiB, or has more than a million rows (ten times
 * the benchmark's largest table), is no export but a zip bomb or the wrong file; reading a
 * hostile one costs time in proportion to these bounds (CSV of nothing but commas parses at a few
 * MB a second). A file on disk shows its size before it is opened and is not bounded, so a real
 * table this large can still be imported unpacked.
 */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
export const MAX_ENTRY_ROWS = 1_000_000;

/** Past the bound (MAX_ENTRY_ROWS) of rows of a CSV, or unfolded lines of a vCard or LDIF. */
export function tooManyRows(
  label: string,
  line: number,
  bound: number,
  rows: "rows" | "lines",
): InputError {
  return new InputError({ file: label, line }, m().formats.tooMany(bound, rows), "too-large");
}

export interface ZipArchive {
  entries: ByteSource[];
  close(): void;
}

/** Lists the file entries of an archive; each can then be opened as a stream. */
export async function openZip(path: string, label: string): Promise<ZipArchive> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, z) =>
      err ? reject(err) : resolve(z),
    );
  }).catch((error: unknown) => {
    throw new InputError({ file: label }, m().formats.badZip(reason(error)), "bad-zip");
  });
  const entries = await new Promise<yauzl.Entry[]>((resolve, reject) => {
    const found: yauzl.Entry[] = [];
    zip.on("entry", (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith("/")) found.push(entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(found));
    zip.on("error", reject);
    zip.readEntry();
  }).catch((error: unknown) => {
    zip.close();
    throw new InputError({ file: label }, m().formats.corruptZip(reason(error)), "bad-zip");
  });
  return {
    entries: entries.map((entry) => ({
      label: `${label} › ${entry.fileName}`,
      path,
      entry: entry.fileName,
      modifiedAt: entry.getLastModDate(),
      // yauzl checks (validateEntrySizes) that the inflated bytes do not run past this.
      inflatedSize: entry.uncompressedSize,
      open: () =>
        new Promise<Readable>((resolve, reject) => {
          zip.openReadStream(entry, (err, stream) =>
            err
              ? reject(
                  new InputError(
                    { file: `${label} › ${entry.fileName}` },
                    m().formats.corruptEntry(reason(err)),
                    "bad-zip",
                  ),
                )
              : resolve(stream),
          );
        }),
    })),
    close: () => zip.close(),
  };
}

function reason(error: unknown): string {
  const said = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ");
  // The zip library's and zlib's words, in the language in use where we know what they mean;
  // any other as it was said.
  const why = m().formats.zipWhy;
  if (/end of central directory record signature not found/i.test(said)) return why.cutOff;
  if (/unexpected end of file|truncated|premature close/i.test(said)) return why.cutOff;
  if (
    /invalid .*signature|invalid .*header|invalid (stored )?block|mismatch|incorrect header check|invalid distance|too many length/i.test(
      said,
    )
  ) {
    return why.broken;
  }
  return said;
}

/** The export date in LinkedIn's archive name (`…LinkedInDataExport_MM-DD-YYYY.zip`), end of day. */
export function exportDateFromName(path: string): Date | null {
  const m = /(\d{2})-(\d{2})-(\d{4})/.exec(basename(path));
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), 23, 59, 59));
  return Number.isNaN(date.getTime()) || date.getUTCMonth() !== Number(m[1]) - 1 ? null : date;
}
