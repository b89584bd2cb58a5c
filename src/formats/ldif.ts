/**
 * LDIF address books (RFC 2849), as Thunderbird exports them: one entry per contact, entries
 * apart by a blank line, `dn:` first, `attr:: base64` for any value that is not plain ASCII,
 * long lines folded onto lines that start with one space.
 */
import type { ImportRecord } from "../core/records.js";
import { InputError } from "../errors.js";
import { m } from "../i18n/index.js";
import { decodeText, readChunks, type TextEncoding } from "./bytes.js";
import { collectEmails, toContactRecord } from "./contact.js";
import { tooManyRows } from "./zip.js";

/** An unfolded line may hold a jpegPhoto of a few hundred KiB; nothing real is larger. */
const MAX_LDIF_LINE_CHARS = 16 * 1024 * 1024;

/** Whether a decoded head is LDIF: after comments and `version: 1`, a `dn:` line. */
export function isLdif(headText: string): boolean {
  for (const raw of headText.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || /^version:\s*1$/i.test(line)) continue;
    return /^dn::?\s/i.test(line);
  }
  return false;
}

export function describeLdif(headText: string): string {
  return /^(objectclass:\s*mozillaAbPersonAlpha|mozillaSecondEmail:)/im.test(headText)
    ? "LDIF (Thunderbird)"
    : "LDIF";
}

interface Entry {
  line: number;
  attributes: Map<string, string[]>;
}

// Thunderbird's LDAP attribute map, with the older names it still reads.
const FIRST = ["givenname"];
const LAST = ["sn", "surname"];
const DISPLAY = ["cn", "commonname"];
const COMPANY = ["o", "company"];
const TITLE = ["title"];
const EMAILS = ["mail", "mozillasecondemail", "xmozillasecondemail"];
const PHONES = ["telephonenumber", "homephone", "mobile", "cellphone", "carphone", "pager"];

/** Streams the entries of an LDIF file as contact records. */
export async function* readLdifRecords(
  label: string,
  stream: AsyncIterable<Buffer>,
  encoding: TextEncoding,
  /** Unfolded lines at most: see MAX_ENTRY_ROWS. */
  maxLines: number,
): AsyncGenerator<ImportRecord[]> {
  let entry: Entry | null = null;
  let taken = 0;
  const fail = (line: number, problem: string) =>
    new InputError({ file: label, line }, problem, "bad-ldif");

  const take = (logical: string, at: number): ImportRecord | null => {
    if (++taken > maxLines) throw tooManyRows(label, at, maxLines, "lines");
    if (logical === "") {
      const done = entry;
      entry = null;
      return done === null ? null : toContact(done);
    }
    if (logical.startsWith("#")) return null;
    const colon = logical.indexOf(":");
    if (colon <= 0) throw fail(at, m().formats.ldif.noColon);
    const written = (logical.slice(0, colon).split(";")[0] ?? "").trim();
    const name = written.toLowerCase();
    let value: string;
    if (logical[colon + 1] === ":") {
      value = decodeBase64(logical.slice(colon + 2).trim(), () =>
        fail(at, m().formats.ldif.badBase64(written)),
      );
    } else if (logical[colon + 1] === "<") {
      value = ""; // A value by URL (a photo file): nothing a contact needs.
    } else value = logical.slice(colon + 1).trim();
    if (entry === null) {
      if (name === "version") return null;
      if (name !== "dn") throw fail(at, m().formats.ldif.beforeDn(name));
      entry = { line: at, attributes: new Map() };
    } else if (name === "dn") {
      // A second entry without the blank line that ends the first: read on, the two people
      // would become one, with the second one's addresses under the first one's name.
      throw fail(at, m().formats.ldif.dnInside(entry.line));
    }
    const values = entry.attributes.get(name);
    if (values) values.push(value);
    else entry.attributes.set(name, [value]);
    return null;
  };

  let logical: string | null = null;
  let logicalLine = 0;
  let line = 0;
  let pending = "";
  const lines = async function* (): AsyncGenerator<string> {
    for await (const text of decodeText(readChunks(label, stream), encoding)) {
      pending += text;
      let start = 0;
      for (let nl = pending.indexOf("\n"); nl !== -1; nl = pending.indexOf("\n", start)) {
        yield pending.slice(start, nl).replace(/\r$/, "");
        start = nl + 1;
      }
      pending = pending.slice(start);
      if (pending.length > MAX_LDIF_LINE_CHARS) throw tooLong(label, line + 1);
    }
    if (pending !== "") yield pending.replace(/\r$/, "");
  };
  for await (const physical of lines()) {
    line++;
    const continues = logical !== null && logical !== "";
    if (physical.startsWith(" ") && (continues || physical.trim() !== "")) {
      // RFC 2849 folding: the line continues the one before, without its leading space.
      if (logical === null || !continues) {
        throw fail(line, m().formats.ldif.continuedFirst);
      }
      logical += physical.slice(1);
      if (logical.length > MAX_LDIF_LINE_CHARS) throw tooLong(label, logicalLine);
      continue;
    }
    if (logical !== null) {
      const record = take(logical, logicalLine);
      if (record) yield [record];
    }
    logical = physical.trim() === "" ? "" : physical.replace(/^\uFEFF/, "");
    logicalLine = line;
  }
  if (logical !== null) {
    const record = take(logical, logicalLine);
    if (record) yield [record];
  }
  const last = take("", line);
  if (last) yield [last];
}

function tooLong(label: string, line: number): InputError {
  return new InputError({ file: label, line }, m().formats.ldif.lineTooLong, "record-too-large");
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** Strict: a cut or mangled value is an error, never a few bytes of garbage in a name. */
function decodeBase64(text: string, fail: () => InputError): string {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw fail();
  try {
    return UTF8.decode(Buffer.from(text, "base64"));
  } catch {
    throw fail();
  }
}

function toContact(entry: Entry): ImportRecord {
  const all = (names: readonly string[]) =>
    names.flatMap((n) => entry.attributes.get(n) ?? []).map((v) => v.trim());
  const first = (names: readonly string[]) => all(names).find((v) => v !== "") ?? "";
  const classes = all(["objectclass"]).map((c) => c.toLowerCase());
  if (classes.includes("groupofnames") || classes.includes("groupofuniquenames")) {
    return { type: "skip", line: entry.line, reason: "mailing list" };
  }
  const record = toContactRecord({
    line: entry.line,
    fullName: first(DISPLAY),
    firstName: first(FIRST),
    lastName: first(LAST),
    company: first(COMPANY),
    title: first(TITLE),
    found: collectEmails(all(EMAILS)),
    phones: all(PHONES),
  });
  return record ?? { type: "skip", line: entry.line, reason: "entry without name, email or phone" };
}
