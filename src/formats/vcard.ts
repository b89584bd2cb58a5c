/**
 * vCard 2.1, 3.0 and 4.0, read from bytes: in 2.1 every property may carry its own CHARSET and
 * QUOTED-PRINTABLE encoding, so lines are split and unfolded before anything is decoded.
 */
import { isUtf8 } from "node:buffer";
import type { ImportRecord } from "../core/records.js";
import { InputError } from "../errors.js";
import { m } from "../i18n/index.js";
import {
  countUtf8,
  decodeBytes,
  decodeText,
  hasHighBytes,
  readChunks,
  type TextEncoding,
  withoutUtf8Bom,
} from "./bytes.js";
import { collectEmails, toContactRecord } from "./contact.js";
import { tooManyRows } from "./zip.js";

/** An unfolded property may hold an inline photo of a few hundred KiB; nothing real is larger. */
export const MAX_PROPERTY_BYTES = 16 * 1024 * 1024;

export function isVCard(headText: string): boolean {
  const first = headText
    .replace(/^\uFEFF/, "")
    .trimStart()
    .slice(0, 20)
    .toUpperCase();
  return first.startsWith("BEGIN:VCARD");
}

export function describeVCard(headText: string): string {
  const version = /^VERSION:\s*([\d.]+)/im.exec(headText)?.[1] ?? "3.0";
  const prodid = /^PRODID[^:]*:(.*)$/im.exec(headText)?.[1] ?? "";
  const maker = /apple/i.test(prodid)
    ? " (Apple)"
    : /xing/i.test(prodid)
      ? " (XING)"
      : /google/i.test(prodid)
        ? " (Google)"
        : "";
  return `vCard ${version}${maker}`;
}

interface PhysicalLine {
  bytes: Buffer;
  line: number;
}

async function* physicalLines(
  label: string,
  chunks: AsyncIterable<Buffer>,
): AsyncGenerator<PhysicalLine> {
  let pending: Buffer[] = [];
  let pendingSize = 0;
  let line = 1;
  for await (const chunk of chunks) {
    let start = 0;
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, start)) {
      pending.push(chunk.subarray(start, i));
      yield { bytes: trimCr(Buffer.concat(pending)), line: line++ };
      pending = [];
      pendingSize = 0;
      start = i + 1;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingSize += chunk.length - start;
      if (pendingSize > MAX_PROPERTY_BYTES) throw tooLong(label, line);
    }
  }
  if (pendingSize > 0) yield { bytes: trimCr(Buffer.concat(pending)), line };
}

function trimCr(bytes: Buffer): Buffer {
  return bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, -1) : bytes;
}

function tooLong(label: string, line: number): InputError {
  return new InputError({ file: label, line }, m().formats.vcard.lineTooLong, "record-too-large");
}

interface Property {
  name: string;
  params: Map<string, string[]>;
  raw: Buffer;
  line: number;
}

function parseProperty(bytes: Buffer, line: number): Property | null {
  const colon = bytes.indexOf(0x3a);
  if (colon <= 0) return null;
  const head = bytes.subarray(0, colon).toString("latin1");
  const [nameWithGroup = "", ...paramParts] = head.split(";");
  // Apple groups properties as item1.EMAIL, item1.X-ABLabel: the group only ties them together.
  const name = nameWithGroup.slice(nameWithGroup.lastIndexOf(".") + 1).toUpperCase();
  const params = new Map<string, string[]>();
  for (const part of paramParts) {
    const eq = part.indexOf("=");
    // vCard 2.1 allows bare parameters: TEL;CELL:…, EMAIL;PREF;INTERNET:…
    const key = (eq === -1 ? "TYPE" : part.slice(0, eq)).trim().toUpperCase();
    const values = (eq === -1 ? part : part.slice(eq + 1))
      .split(",")
      .map((v) => v.trim().replace(/^"(.*)"$/, "$1"));
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return { name, params, raw: bytes.subarray(colon + 1), line };
}

function isQuotedPrintable(p: Property): boolean {
  const values = [...(p.params.get("ENCODING") ?? []), ...(p.params.get("TYPE") ?? [])];
  return values.some((v) => v.toUpperCase() === "QUOTED-PRINTABLE");
}

function decodeQuotedPrintable(raw: Buffer): Buffer {
  const out: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i] as number;
    if (byte === 0x3d && i + 2 < raw.length) {
      const hex = raw.subarray(i + 1, i + 3).toString("latin1");
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out.push(Number.parseInt(hex, 16));
        i += 2;
        continue;
      }
    }
    out.push(byte);
  }
  return Buffer.from(out);
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A value by its CHARSET, else as UTF-8, else in the file's code page. A value that holds UTF-8
 * characters and a byte that is not UTF-8 is refused, as a file that is UTF-8 but for a stray
 * byte is (bytes.ts): in a code page every one of its letters would turn into signs.
 */
function decodeValue(p: Property, fallback: TextEncoding, label: string): string {
  const bytes = valueBytes(p);
  const charset = p.params.get("CHARSET")?.[0];
  // A CHARSET of UTF-8 is tested like a value that names none: a Latin-1 value marked UTF-8 (an
  // exporter that writes the label whatever it holds) would turn every umlaut into �.
  if (charset && !isUtf8Label(charset)) {
    try {
      return decodeBytes(bytes, charset);
    } catch {
      // An unknown charset label: fall through to the file's own encoding.
    }
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    if (countUtf8(bytes).multiByte > 0) {
      throw new InputError(
        { file: label, line: p.line },
        m().formats.strayByteInValue,
        "not-utf-8",
      );
    }
    return decodeBytes(bytes, fallback);
  }
}

function isUtf8Label(charset: string): boolean {
  return /^utf-?8$/i.test(charset);
}

/** Splits a structured value (N, ORG, ADR) on unescaped semicolons and unescapes each part. */
function components(value: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "\\" && i + 1 < value.length) {
      current += c + value[i + 1];
      i++;
    } else if (c === ";") {
      parts.push(unescapeText(current));
      current = "";
    } else current += c;
  }
  parts.push(unescapeText(current));
  return parts;
}

function unescapeText(value: string): string {
  return value
    .replace(/\\([\\,;:nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c))
    .trim();
}

interface Card {
  line: number;
  properties: Property[];
}

interface LogicalLine {
  bytes: Buffer;
  /** Where it starts, and the physical line it ends on. */
  line: number;
  end: number;
}

/** Unfolds the physical lines: RFC folds (a leading space) and QUOTED-PRINTABLE soft breaks. */
async function* logicalLines(
  label: string,
  chunks: AsyncIterable<Buffer>,
): AsyncGenerator<LogicalLine> {
  let logical: { parts: Buffer[]; size: number; line: number; end: number } | null = null;
  for await (const { bytes: physical, line } of physicalLines(label, chunks)) {
    const folded = physical.length > 0 && (physical[0] === 0x20 || physical[0] === 0x09);
    const softBreak =
      logical !== null &&
      endsWithSoftBreak(logical.parts) &&
      /QUOTED-PRINTABLE/i.test((logical.parts[0] as Buffer).subarray(0, 200).toString("latin1"));
    if (logical !== null && (folded || softBreak)) {
      if (softBreak) {
        const lastIndex = logical.parts.length - 1;
        const last = logical.parts[lastIndex] as Buffer;
        logical.parts[lastIndex] = last.subarray(0, -1);
        logical.parts.push(physical);
      } else logical.parts.push(physical.subarray(1));
      logical.size += physical.length;
      logical.end = line;
      if (logical.size > MAX_PROPERTY_BYTES) throw tooLong(label, logical.line);
      continue;
    }
    if (logical !== null) {
      yield { bytes: Buffer.concat(logical.parts), line: logical.line, end: logical.end };
    }
    logical = { parts: [physical], size: physical.length, line, end: line };
  }
  if (logical !== null) {
    yield { bytes: Buffer.concat(logical.parts), line: logical.line, end: logical.end };
  }
}

/** A value's bytes, quoted-printable decoded. */
function valueBytes(p: Property): Buffer {
  return isQuotedPrintable(p) ? decodeQuotedPrintable(p.raw) : p.raw;
}

/**
 * The 8-bit bytes of the values that name no CHARSET and are not UTF-8: what the file's code page
 * must decode. The Bat! and old Outlook write windows-1252 as QUOTED-PRINTABLE without a
 * CHARSET, so the file itself is ASCII and its code page shows only in these decoded bytes.
 */
export async function sampleUndeclaredBytes(
  label: string,
  stream: AsyncIterable<Buffer>,
  limits: { bytes: number; lines: number },
): Promise<Buffer> {
  const sample: Buffer[] = [];
  let size = 0;
  let lines = 0;
  try {
    for await (const { bytes, line } of logicalLines(label, readChunks(label, stream))) {
      if (++lines > limits.lines) break;
      const p = parseProperty(bytes, line);
      const charset = p?.params.get("CHARSET")?.[0];
      if (p === null || (charset !== undefined && !isUtf8Label(charset))) continue;
      const value = valueBytes(p);
      if (!hasHighBytes(value) || isUtf8(value)) continue;
      // A space apart, so that no value's last letter runs into the next value's first.
      sample.push(value, SPACE);
      size += value.length + 1;
      if (size >= limits.bytes) break;
    }
  } catch (error) {
    // A line too long or bytes cut short end the sample where they are: reading the cards meets
    // the same fault and reports it, refusing only this table inside an archive.
    if (!(error instanceof InputError)) throw error;
  }
  return Buffer.concat(sample);
}

const SPACE = Buffer.from(" ");

/**
 * Streams the cards of a vCard file as contact records. `fallback` decodes values that name no
 * CHARSET and are not UTF-8.
 */
export async function* readVCardRecords(
  label: string,
  stream: AsyncIterable<Buffer>,
  encoding: TextEncoding,
  fallback: TextEncoding,
  /** Unfolded lines at most: see MAX_ENTRY_ROWS. */
  maxLines: number,
): AsyncGenerator<ImportRecord[]> {
  const chunks = readChunks(label, stream);
  // Only UTF-16 needs converting first: every 8-bit encoding keeps the ASCII syntax intact. A
  // UTF-8 file may begin with a byte-order mark (Windows Notepad writes one) before BEGIN:VCARD.
  const bytes = encoding.startsWith("utf-16")
    ? reencodeUtf8(chunks, encoding)
    : withoutUtf8Bom(chunks);
  let card: Card | null = null;
  let lastLine = 0;

  const finishLogical = ({ bytes: bytesOfLine, line: at }: LogicalLine): ImportRecord | null => {
    const text = bytesOfLine.toString("latin1").trim().toUpperCase();
    if (text === "") return null;
    if (text === "BEGIN:VCARD") {
      if (card !== null) {
        throw new InputError(
          { file: label, line: at },
          m().formats.vcard.beginInside(card.line),
          "bad-vcard",
        );
      }
      card = { line: at, properties: [] };
      return null;
    }
    if (text === "END:VCARD") {
      if (card === null) {
        throw new InputError(
          { file: label, line: at },
          m().formats.vcard.endWithoutBegin,
          "bad-vcard",
        );
      }
      const done: Card = card;
      card = null;
      return toContact(done, fallback, label);
    }
    if (card === null) {
      throw new InputError(
        { file: label, line: at },
        m().formats.vcard.outsideCard(bytesOfLine.toString("latin1").slice(0, 40)),
        "bad-vcard",
      );
    }
    const property = parseProperty(bytesOfLine, at);
    if (property === null) {
      throw new InputError({ file: label, line: at }, m().formats.vcard.noColon, "bad-vcard");
    }
    (card as Card).properties.push(property);
    return null;
  };

  try {
    let lines = 0;
    for await (const logical of logicalLines(label, bytes)) {
      if (++lines > maxLines) throw tooManyRows(label, logical.line, maxLines, "lines");
      lastLine = logical.end;
      const record = finishLogical(logical);
      if (record) yield [record];
    }
  } finally {
    await chunks.return(undefined);
  }
  const open = card as Card | null;
  if (open !== null) {
    throw new InputError(
      { file: label, line: lastLine },
      m().formats.vcard.endsInside(open.line),
      "bad-vcard",
    );
  }
}

function endsWithSoftBreak(parts: Buffer[]): boolean {
  const last = parts[parts.length - 1];
  return last !== undefined && last.length > 0 && last[last.length - 1] === 0x3d;
}

async function* reencodeUtf8(
  stream: AsyncIterable<Buffer>,
  encoding: TextEncoding,
): AsyncGenerator<Buffer> {
  for await (const text of decodeText(stream, encoding)) yield Buffer.from(text, "utf8");
}

function toContact(card: Card, fallback: TextEncoding, label: string): ImportRecord {
  const decode = (p: Property) => decodeValue(p, fallback, label);
  const value = (name: string): string | undefined => {
    const p = card.properties.find((q) => q.name === name);
    return p ? decode(p) : undefined;
  };
  const [last = "", first = "", middle = ""] = components(value("N") ?? "");
  const emails: string[] = [];
  const phones: string[] = [];
  for (const p of card.properties) {
    if (p.name === "EMAIL") emails.push(unescapeText(decode(p)));
    else if (p.name === "TEL") {
      phones.push(unescapeText(decode(p)).replace(/^tel:/i, ""));
    }
  }
  const record = toContactRecord({
    line: card.line,
    fullName: unescapeText(value("FN") ?? ""),
    firstName: first,
    middleName: middle,
    lastName: last,
    company: components(value("ORG") ?? "")[0] ?? "",
    title: unescapeText(value("TITLE") ?? ""),
    found: collectEmails(emails),
    phones,
  });
  return record ?? { type: "skip", line: card.line, reason: "card without name, email or phone" };
}
