/**
 * Raw bytes of one input: a file on disk or an entry of a zip. Everything here streams; no input
 * is ever held whole in memory.
 */
import { isUtf8 } from "node:buffer";
import { createHash, type Hash } from "node:crypto";
import { createRequire } from "node:module";
import { Readable } from "node:stream";
import { InputError } from "../errors.js";
import { m } from "../i18n/index.js";

/** One file or archive entry the user gave us, which can be opened as often as needed. */
export interface ByteSource {
  /** How the user sees it: `path/to/file.csv` or `export.zip › Invitations.csv`. */
  label: string;
  /** Absolute path of the file on disk (the archive for an entry). */
  path: string;
  /** Name of the entry inside the archive, or null. */
  entry: string | null;
  /** When the file was written, used to order two exports; null when unknown. */
  modifiedAt: Date | null;
  /** An archive entry's size once inflated, as the archive declares it; null for a file. */
  inflatedSize: number | null;
  open(): Promise<Readable>;
}

export const HEAD_BYTES = 64 * 1024;

/** The first bytes of a source, for sniffing. */
export async function readHead(source: ByteSource, limit = HEAD_BYTES): Promise<Buffer> {
  const stream = await source.open();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= limit) break;
    }
  } catch (error) {
    throw readFailure(source.label, error);
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

/**
 * An encoding by the name TextDecoder gives it: `utf-8`, `windows-1252`, … as detected, or any
 * other TextDecoder knows when the user names it with `--encoding`.
 */
export type TextEncoding = string;

export interface Inspection {
  sha256: string;
  size: number;
  head: Buffer;
  /** Detected: from the BOM, else the bytes. */
  encoding: TextEncoding;
  /** When the code page was a close call: the others almost as likely. */
  alsoLikely: TextEncoding[];
  /** A byte-order mark said the encoding: no guess, and no `--encoding` overrides it. */
  marked: boolean;
  validUtf8: boolean;
  /**
   * Valid UTF-8 that holds characters past ASCII: UTF-8 beyond doubt (no code page's text is
   * that by chance), so no `--encoding` overrides it either.
   */
  utf8Text: boolean;
}

/** The name TextDecoder knows an encoding by (`latin1` → `windows-1252`), or null. */
export function knownEncoding(name: string): TextEncoding | null {
  try {
    return new TextDecoder(name.trim()).encoding;
  } catch {
    return null;
  }
}

/**
 * The hash that identifies a file as imported: of its bytes, and of the encoding too when that is
 * not the detected one, so that reading a file again with `--encoding` imports it anew (and
 * replaces what the other reading imported) instead of calling it unchanged.
 */
export function readingHash(sha256: string, detected: TextEncoding, used: TextEncoding): string {
  if (used === detected) return sha256;
  return createHash("sha256").update(`${sha256} read as ${used}`).digest("hex");
}

export const SAMPLE_LIMIT = 512 * 1024;

/**
 * One full pass over the bytes: the content hash, and the encoding decided on the whole file (a
 * file whose first 64 KiB are ASCII can still be windows-1252 further down).
 */
export async function inspectBytes(source: ByteSource): Promise<Inspection> {
  const stream = await source.open();
  const hash = createHash("sha256");
  const utf8 = new Utf8Check();
  let size = 0;
  const head: Buffer[] = [];
  let headSize = 0;
  const sample: Buffer[] = [];
  let sampleSize = 0;
  for await (const chunk of readChunks(source.label, stream)) {
    hash.update(chunk);
    size += chunk.length;
    if (headSize < HEAD_BYTES) {
      head.push(chunk);
      headSize += chunk.length;
    }
    utf8.push(chunk);
    if (sampleSize < SAMPLE_LIMIT && hasHighBytes(chunk)) {
      sample.push(chunk);
      sampleSize += chunk.length;
    }
  }
  const validUtf8 = utf8.end();
  const headBytes = Buffer.concat(head).subarray(0, HEAD_BYTES);
  const bom = bomEncoding(headBytes);
  const unicode = bom ?? utf16WithoutBom(headBytes) ?? (validUtf8 ? "utf-8" : null);
  if (unicode === null && !isVCard(headBytes)) {
    await checkBrokenUtf8(source, utf8, Buffer.concat(sample));
  }
  const guess =
    unicode === null ? guessCodePage(Buffer.concat(sample)) : { encoding: unicode, alsoLikely: [] };
  return {
    sha256: hash.digest("hex"),
    size,
    head: headBytes,
    encoding: guess.encoding,
    alsoLikely: guess.alsoLikely,
    marked: bom !== null,
    validUtf8,
    utf8Text: bom === null && unicode === "utf-8" && sampleSize > 0,
  };
}

/**
 * Refuses UTF-8 that is broken rather than a code page: a file cut off inside its last
 * character, or one whose characters are almost all UTF-8 but for a stray byte. Guessing a code
 * page for either turns every name into signs ("J√¼rgen") and says nothing.
 */
async function checkBrokenUtf8(source: ByteSource, utf8: Utf8Check, sample: Buffer) {
  const words = m().formats;
  const counts = countUtf8(sample);
  const cut = utf8.cutOff();
  // One lone lead byte at the end of a file with no other character past ASCII is as likely a
  // code page's letter ("Café" in windows-1252) as a cut.
  if (cut && (cut.length > 1 || counts.multiByte > 0)) {
    throw new InputError({ file: source.label }, words.cutOffUtf8, "truncated");
  }
  if (utf8.fault !== null && counts.multiByte > counts.bad) {
    const line = await readLineAt(source, utf8.fault);
    throw new InputError({ file: source.label, line }, words.strayByte, "not-utf-8");
  }
}

/**
 * A vCard decodes each property by its own CHARSET, and its folds may split a character: its
 * broken UTF-8 is found value by value (vcard.ts decodeValue), not over the file.
 */
function isVCard(head: Buffer): boolean {
  return /^(\xef\xbb\xbf)?\s*BEGIN:VCARD/i.test(head.subarray(0, 64).toString("latin1"));
}

/** The 1-based line the byte at `offset` of a source is on, read again to there. */
async function readLineAt(source: ByteSource, offset: number): Promise<number> {
  const stream = await source.open();
  let line = 1;
  let seen = 0;
  let afterCr = false;
  try {
    for await (const chunk of readChunks(source.label, stream as AsyncIterable<Buffer>)) {
      const end = Math.min(chunk.length, Math.max(0, offset - seen));
      line += lineBreaks(chunk, end, afterCr);
      afterCr = end > 0 && chunk[end - 1] === 0x0d;
      seen += chunk.length;
      if (seen >= offset) break;
    }
  } finally {
    stream.destroy();
  }
  return line;
}

/**
 * The chunks of `stream`, hashed into `hash` as they pass: the rows are read in a second pass
 * after inspectBytes, and what that pass read must be the bytes inspected.
 */
export function hashedStream(stream: Readable, hash: Hash): Readable {
  return Readable.from(
    (async function* () {
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          hash.update(chunk);
          yield chunk;
        }
      } finally {
        stream.destroy();
      }
    })(),
  );
}

/** Whether a stream of chunks is valid UTF-8, checked natively without decoding it to strings. */
class Utf8Check {
  private valid = true;
  private carry: Buffer = Buffer.alloc(0);
  /** The bytes before `carry`. */
  private before = 0;
  /** Where the first byte that is no UTF-8 is in the whole stream, or null. */
  fault: number | null = null;

  push(chunk: Buffer): void {
    if (!this.valid) return;
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    // A multi-byte character cut by the chunk's end is checked with the next chunk.
    let end = bytes.length;
    for (let back = 1; back <= 3 && back <= bytes.length; back++) {
      const byte = bytes[bytes.length - back] as number;
      if ((byte & 0xc0) !== 0x80) {
        const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
        if (need > back) end = bytes.length - back;
        break;
      }
    }
    this.valid = isUtf8(bytes.subarray(0, end));
    if (!this.valid) {
      this.fault = this.before + (findUtf8Fault(bytes.subarray(0, end))?.offset ?? 0);
    }
    this.before += end;
    this.carry = Buffer.from(bytes.subarray(end));
  }

  end(): boolean {
    return this.valid && this.carry.length === 0;
  }

  /** The bytes of a character the stream ends inside, all before it UTF-8; null if none. */
  cutOff(): Buffer | null {
    if (!this.valid || this.carry.length === 0) return null;
    return utf8CharAt(this.carry, 0) === 0 ? this.carry : null;
  }
}

/** Where bytes stop being UTF-8: the offset of the first bad byte, and whether it is a character cut off by the end. */
export interface Utf8Fault {
  offset: number;
  cutOff: boolean;
}

/**
 * The length of the UTF-8 character at `i` (overlong forms, surrogates and code points past
 * U+10FFFF are none), -1 when there is none, or 0 when the bytes end inside one.
 */
function utf8CharAt(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] as number;
  if (lead < 0x80) return 1;
  // The continuation bytes a lead needs, and the range its first one must be in.
  let need = 0;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) need = 1;
  else if (lead >= 0xe0 && lead <= 0xef) {
    need = 2;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    need = 3;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return -1;
  for (let k = 1; k <= need; k++) {
    if (i + k >= bytes.length) return 0;
    const next = bytes[i + k] as number;
    if (next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return -1;
  }
  return need + 1;
}

/** The first place the bytes are not UTF-8, or null. */
export function findUtf8Fault(bytes: Uint8Array): Utf8Fault | null {
  if (isUtf8(bytes)) return null;
  for (let i = 0; i < bytes.length; ) {
    const length = utf8CharAt(bytes, i);
    if (length <= 0) return { offset: i, cutOff: length === 0 };
    i += length;
  }
  return null;
}

/** How many characters of two bytes or more the bytes hold as UTF-8, and how many bad bytes. */
export function countUtf8(bytes: Uint8Array): { multiByte: number; bad: number } {
  let multiByte = 0;
  let bad = 0;
  for (let i = 0; i < bytes.length; ) {
    const length = utf8CharAt(bytes, i);
    if (length > 1) multiByte++;
    else if (length <= 0) bad++;
    i += Math.max(length, 1);
  }
  return { multiByte, bad };
}

/**
 * The line breaks before `end`: CRLF, LF, or a CR alone (Excel for Mac), as editors count them.
 * `afterCr` says that the bytes before these ended with a CR, whose LF this may begin with.
 */
function lineBreaks(bytes: Uint8Array, end: number, afterCr: boolean): number {
  let breaks = 0;
  for (let i = 0; i < end; i++) {
    const byte = bytes[i];
    if (byte === 0x0d) breaks++;
    else if (byte === 0x0a && (i > 0 ? bytes[i - 1] !== 0x0d : !afterCr)) breaks++;
  }
  return breaks;
}

/** The 1-based line that the byte at `offset` is on. */
export function lineAtOffset(bytes: Uint8Array, offset: number): number {
  return 1 + lineBreaks(bytes, Math.min(offset, bytes.length), false);
}

export function hasHighBytes(chunk: Buffer): boolean {
  for (const byte of chunk) if (byte >= 0x80) return true;
  return false;
}

export function bomEncoding(head: Buffer): TextEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return null;
}

/** UTF-16 without a BOM shows as NUL bytes on every other position of ASCII text. */
export function utf16WithoutBom(head: Buffer): TextEncoding | null {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenNul++;
    if (head[2 * i + 1] === 0) oddNul++;
  }
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return "utf-16le";
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return "utf-16be";
  return null;
}

// What chardet may name for text in other scripts, mapped to the page we decode with.
const OTHER_SCRIPTS: Record<string, TextEncoding> = {
  "ISO-8859-5": "windows-1251",
  "windows-1251": "windows-1251",
  "KOI8-R": "windows-1251",
  "ISO-8859-7": "windows-1253",
  "windows-1253": "windows-1253",
  Shift_JIS: "shift_jis",
};

// Letters that the users of each Latin page write. Western pages decode Central European bytes
// into letters too (ś as œ, č as è), so each page is scored by how plausible its letters are:
// German and French letters weigh most in the Western pages, and signs inside names count
// against a page. Mac OS Roman ("CSV (Macintosh)" from Excel for Mac) writes the same letters
// as windows-1252 at other bytes: read as the other, each turns into signs, controls, or
// capitals in the middle of a word (1252's "è" is Mac's "Ë"), which the case rule catches.
const WESTERN = {
  strong: "äöüÄÖÜßéèàçÉÈÀÇ",
  weak: "êëâîïôûùÿœæáíóúñÑÁÍÓÚ¿¡åøÅØãõÂÊÎÔÛËÏŸŒÆ«»€–—„“”‘’…•°§",
};
// In this order: on a tie, the more common page is taken (and the other named as almost as likely).
const LATIN_PAGES: Array<{ encoding: TextEncoding; strong: string; weak: string }> = [
  { encoding: "windows-1252", ...WESTERN },
  { encoding: "macintosh", ...WESTERN },
  {
    encoding: "windows-1250",
    strong: "",
    weak: "ąćęłńśźżĄĆĘŁŃŚŹŻčďěňřšťůžČĎĚŇŘŠŤŮŽáéíóúýÁÉÍÓÚÝäöüÄÖÜßôő„“”‘’–—…€°§",
  },
];

interface PageTable {
  encoding: TextEncoding;
  /** The character of each byte. */
  chars: string;
  /** How plausible the character of each byte 0x80–0xFF is, on its own. */
  scores: Int8Array;
  /** Whether each byte is a capital letter, or a small one. */
  capital: Uint8Array;
  small: Uint8Array;
}

let pageTables: PageTable[] | null = null;

function readPageTables(): PageTable[] {
  pageTables ??= LATIN_PAGES.map((page) => {
    const chars = decodeBytes(
      Uint8Array.from({ length: 256 }, (_, b) => b),
      page.encoding,
    );
    const scores = new Int8Array(256);
    const capital = new Uint8Array(256);
    const small = new Uint8Array(256);
    for (let b = 0; b < 256; b++) {
      const c = chars[b] ?? "\ufffd";
      capital[b] = c !== c.toLowerCase() ? 1 : 0;
      small[b] = c !== c.toUpperCase() ? 1 : 0;
      if (b < 0x80) continue;
      if (page.strong.includes(c)) scores[b] = 2;
      else if (page.weak.includes(c)) scores[b] = 1;
      else if (/[\u0080-\u009f\ufffd]/.test(c)) scores[b] = -5;
      else if (!/\p{L}/u.test(c)) scores[b] = -3;
    }
    return { encoding: page.encoding, chars, scores, capital, small };
  });
  return pageTables;
}

function scorePage(sample: Buffer, page: PageTable): number {
  let score = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i] as number;
    if (byte < 0x80) continue;
    // A capital right after a small letter: "LefËvre", "JŠger". Names are not written so.
    if (page.capital[byte] && page.small[sample[i - 1] ?? 0x20]) score -= 3;
    else score += page.scores[byte] as number;
  }
  return score;
}

/** A code page, and those almost as likely when the bytes hardly told them apart. */
export interface CodePageGuess {
  encoding: TextEncoding;
  alsoLikely: TextEncoding[];
}

type Scored = { page: PageTable; score: number };

const require = createRequire(import.meta.url);

/** The code page of text that is not UTF-8; windows-1252 unless the bytes say otherwise. */
export function guessCodePage(sample: Buffer): CodePageGuess {
  if (sample.length === 0) return { encoding: "windows-1252", alsoLikely: [] };
  // Loaded when a code page is guessed: the commands that read only option files need no chardet.
  const chardet = require("chardet") as typeof import("chardet");
  const top = chardet.analyse(sample)[0];
  const other = top && OTHER_SCRIPTS[top.name];
  if (other && top.confidence >= 50) return { encoding: other, alsoLikely: [] };
  const counts = new Uint32Array(256);
  for (const byte of sample) counts[byte] = (counts[byte] as number) + 1;
  const scored = readPageTables()
    .map((page): Scored => ({ page, score: scorePage(sample, page) }))
    .sort((a, b) => b.score - a.score);
  const [best, ...rest] = scored as [Scored, ...Scored[]];
  // Close: the lead is under half a point for each byte the two pages read differently, i.e.
  // those bytes make about as plausible letters either way.
  const alsoLikely = rest
    .filter(({ page, score }) => {
      let differing = 0;
      for (let b = 0x80; b < 256; b++) {
        if (page.chars[b] !== best.page.chars[b]) differing += counts[b] as number;
      }
      return differing > 0 && best.score - score < differing / 2;
    })
    .map(({ page }) => page.encoding);
  return { encoding: best.page.encoding, alsoLikely };
}

/** The chunks of a stream; a failure to read them becomes an InputError naming the file. */
export async function* readChunks(
  label: string,
  stream: AsyncIterable<Buffer>,
): AsyncGenerator<Buffer> {
  try {
    yield* stream;
  } catch (error) {
    throw readFailure(label, error);
  }
}

/** Bytes to text, chunk by chunk, without the BOM. */
export async function* decodeText(
  stream: AsyncIterable<Buffer>,
  encoding: TextEncoding,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of stream) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== "") yield text;
  }
  const rest = decoder.decode();
  if (rest !== "") yield rest;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The bytes of a UTF-8 stream without a leading byte-order mark, dropped as TextDecoder drops it:
 * for a reader that parses the bytes itself instead of decoding them to text first.
 */
export async function* withoutUtf8Bom(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const dropMark = (bytes: Buffer) =>
    bytes.subarray(bytes.subarray(0, UTF8_BOM.length).equals(UTF8_BOM) ? UTF8_BOM.length : 0);
  // The first bytes, until there are enough of them to tell whether they are the mark.
  let head = Buffer.alloc(0);
  let told = false;
  for await (const chunk of stream) {
    if (told) {
      yield chunk;
      continue;
    }
    head = Buffer.concat([head, chunk]);
    if (head.length < UTF8_BOM.length && UTF8_BOM.subarray(0, head.length).equals(head)) continue;
    told = true;
    yield dropMark(head);
  }
  if (!told) yield dropMark(head);
}

/**
 * Bytes to text in one go. Node 20's one-shot `decode` of windows-1252 takes a latin1 shortcut
 * that turns € „ “ ” – — Š Ž œ Ÿ (0x80–0x9F) into control characters; decoding as a stream goes
 * through the real code page.
 */
export function decodeBytes(bytes: Uint8Array, encoding: string): string {
  const decoder = new TextDecoder(encoding);
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
}

/** Decodes a head sample for sniffing; a cut multi-byte character at its end is dropped. */
export function decodeHead(head: Buffer, encoding: TextEncoding): string {
  return new TextDecoder(encoding).decode(head, { stream: true });
}

/**
 * The bytes stopped before the end: a truncated archive entry, a vanished file. An `entry` of a
 * folder is one that could not be listed or looked at (no permission, gone since the listing).
 */
export function readFailure(
  label: string,
  error: unknown,
  what: "bytes" | "entry" = "bytes",
): InputError {
  if (error instanceof InputError) return error;
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ");
  const words = m().formats;
  return new InputError(
    { file: label },
    what === "entry" ? words.entryUnreadable(reason) : words.unreadable(reason),
    "unreadable",
  );
}
