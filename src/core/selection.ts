/**
 * Which pending invitations a command acts on. Every flag narrows the selection (they combine as
 * AND); the keep-list always wins. Pure: the views and "today" come in.
 */
import { createRequire } from "node:module";
import { nameSearch, toEmail, toNameKey, toProfileSlug } from "./identity.js";
import type { InvitationView } from "./preview.js";

export interface Duration {
  amount: number;
  unit: "d" | "w" | "m" | "y";
}

export interface KeepList {
  slugs: Set<string>;
  emails: Set<string>;
}

export interface Selection {
  /** `true` for every detected batch, or one batch id. */
  batch?: true | string;
  olderThan?: Duration;
  sentBefore?: Date;
  sentAfter?: Date;
  match?: string;
  addressBook?: boolean;
  keep?: KeepList;
}

/** `14d`, `3w`, `2m`, `1y`; null when the text is not a duration. */
export function parseDuration(text: string): Duration | null {
  const m = /^\s*(\d+)\s*(d|w|m|y)\s*$/i.exec(text);
  if (!m) return null;
  return { amount: Number(m[1]), unit: (m[2] ?? "d").toLowerCase() as Duration["unit"] };
}

/** The moment that lies `duration` before `asOf`: months and years by the calendar. */
export function subtractDuration(asOf: Date, duration: Duration): Date {
  const d = new Date(asOf.getTime());
  switch (duration.unit) {
    case "d":
      d.setUTCDate(d.getUTCDate() - duration.amount);
      break;
    case "w":
      d.setUTCDate(d.getUTCDate() - 7 * duration.amount);
      break;
    case "m":
      d.setUTCMonth(d.getUTCMonth() - duration.amount);
      break;
    case "y":
      d.setUTCFullYear(d.getUTCFullYear() - duration.amount);
      break;
  }
  return d;
}

/** A keep-list line that names nobody this tool can recognise: 1-based, with its text. */
export class UnreadableKeepLine extends Error {
  constructor(
    readonly line: number,
    readonly text: string,
  ) {
    super(`line ${line}: ${text}`);
    this.name = "UnreadableKeepLine";
  }
}

// A header cell that names a column of profile URLs, slugs or e-mail addresses.
const KEY_COLUMN = /\b(url|link|e-?mail|slug|profile)\b/i;
const SLUG = /^[\p{L}\p{N}%_-]+$/u;

const require = createRequire(import.meta.url);

/**
 * The records of a keep-list, each with its 1-based first line and its text: csv-parse splits
 * the cells at `,`, `;` or TAB outside double quotes, and a quoted cell may hold line breaks.
 * Blank lines and comment lines (`#`) are left out.
 */
function readRecords(
  lines: readonly string[],
): Array<{ line: number; text: string; cells: string[] }> {
  // Loaded with a keep-list: the commands that take none need no CSV parser.
  const { parse } = require("csv-parse/sync") as typeof import("csv-parse/sync");
  let records: Array<{ record: string[]; raw: string; info: { lines: number } }>;
  try {
    records = parse(lines.join("\n"), {
      delimiter: [",", ";", "\t"],
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      comment: "#",
      comment_no_infix: true,
      trim: true,
      raw: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    if ((error as { code?: string }).code !== "CSV_QUOTE_NOT_CLOSED") throw error;
    // A quote opened and never closed: the line it opens on names nobody.
    const line = unclosedQuoteLine(lines);
    throw new UnreadableKeepLine(line, (lines[line - 1] ?? "").trim());
  }
  return records.map(({ record, raw, info }) => {
    const text = raw.replace(/\n$/, "").trim();
    // info.lines is the line the record ends on.
    return { line: info.lines - (text.match(/\n/g)?.length ?? 0), text, cells: record };
  });
}

/** The 1-based line on which a quote opens that no later quote closes. */
function unclosedQuoteLine(lines: readonly string[]): number {
  let quotes = 0;
  let opened = 0;
  lines.forEach((line, i) => {
    const wasOpen = quotes % 2 === 1;
    quotes += line.match(/"/g)?.length ?? 0;
    if (!wasOpen && quotes % 2 === 1) opened = i;
  });
  return opened + 1;
}

/** A bare slug, or one in the form every table shows (`in/lena-voss-652`, `/in/…`). */
function slugKey(cell: string): string | null {
  const bare = cell.replace(/^\/?in\//i, "");
  if (!SLUG.test(bare)) return null;
  return toProfileSlug(`linkedin.com/in/${bare}`) ?? bare.toLowerCase();
}

/**
 * The people a keep-list names: profile URLs, e-mail addresses or bare slugs one a line, or a CSV
 * (LinkedIn's Connections.csv, `connections export`) with a URL or e-mail column. Blank lines and
 * lines starting with `#` are passed over; any other line that names nobody is an
 * UnreadableKeepLine, never skipped: a skipped line would withdraw someone meant to be kept.
 * In a CSV, a row whose URL and e-mail cells are empty (a hidden member) keeps nobody.
 */
export function parseKeepList(lines: readonly string[]): KeepList {
  const keep: KeepList = { slugs: new Set(), emails: new Set() };
  /** The columns the header names as URL, slug or e-mail columns; null before a header. */
  let keyColumns: number[] | null = null;
  /** After LinkedIn's `Notes:` line, the line it is on, until the `First Name` header. */
  let preamble: number | null = null;
  const add = (cell: string): boolean => {
    const slug = toProfileSlug(cell);
    const email = slug ? null : toEmail(cell);
    if (slug) keep.slugs.add(slug);
    else if (email) keep.emails.add(email);
    return slug !== null || email !== null;
  };
  for (const { line, text, cells } of readRecords(lines)) {
    if (keyColumns === null && preamble === null && text === "Notes:") {
      preamble = line;
      continue;
    }
    if (preamble !== null && !/^first name$/i.test(cells[0] ?? "")) continue;
    preamble = null;
    if (cells.length === 1) {
      const cell = cells[0] as string;
      if (add(cell)) continue;
      const slug = slugKey(cell);
      if (!slug) throw new UnreadableKeepLine(line, cell);
      keep.slugs.add(slug);
      continue;
    }
    const found = cells.map(add).some(Boolean);
    if (keyColumns === null) {
      const named = cells.flatMap((c, i) => (KEY_COLUMN.test(c) ? [i] : []));
      if (!found && named.length > 0) {
        keyColumns = named;
        continue;
      }
      if (!found) throw new UnreadableKeepLine(line, text);
      continue;
    }
    for (const column of keyColumns) {
      const cell = cells[column] ?? "";
      if (cell === "" || toProfileSlug(cell) || toEmail(cell)) continue;
      const slug = slugKey(cell);
      if (!slug) throw new UnreadableKeepLine(line, cell);
      keep.slugs.add(slug);
    }
  }
  if (preamble !== null) throw new UnreadableKeepLine(preamble, "Notes:");
  return keep;
}

/** --match's test of one invitation: the needle folded once, for every view asked. */
function textMatcher(needle: string): (view: InvitationView) => boolean {
  const key = toNameKey(needle);
  const lower = needle.trim().toLowerCase();
  const named = nameSearch(needle);
  return (view) => {
    if (named(view.name)) return true;
    const slug = toProfileSlug(view.profileUrl);
    if (slug?.includes(lower) || (key && toNameKey(slug ?? "")?.includes(key))) return true;
    return view.email?.includes(lower) ?? false;
  };
}

export function isKept(view: InvitationView, keep: KeepList): boolean {
  const slug = toProfileSlug(view.profileUrl);
  if (slug && keep.slugs.has(slug)) return true;
  return view.email !== null && keep.emails.has(view.email);
}

/**
 * The invitations in `states` (pending, unless asked otherwise) that every given flag lets
 * through, minus the keep-list.
 */
export function selectInvitations(
  views: readonly InvitationView[],
  selection: Selection,
  asOf: Date,
  states: readonly InvitationView["state"][] = ["pending"],
): InvitationView[] {
  return views.filter(invitationFilter(selection, asOf, states));
}

/** selectInvitations' test of one invitation: for views read one at a time. */
export function invitationFilter(
  selection: Selection,
  asOf: Date,
  states: readonly InvitationView["state"][] = ["pending"],
): (view: InvitationView) => boolean {
  const olderThan = selection.olderThan && subtractDuration(asOf, selection.olderThan).getTime();
  const matches = selection.match === undefined ? null : textMatcher(selection.match);
  return (v) => {
    if (!states.includes(v.state)) return false;
    const sent = Date.parse(v.sentAt);
    if (selection.batch === true && v.batch === null) return false;
    if (typeof selection.batch === "string" && v.batch !== selection.batch) return false;
    if (olderThan !== undefined && !(sent < olderThan)) return false;
    if (selection.sentBefore && !(sent < selection.sentBefore.getTime())) return false;
    if (selection.sentAfter && !(sent > selection.sentAfter.getTime())) return false;
    if (matches !== null && !matches(v)) return false;
    if (selection.addressBook && !v.addressBook) return false;
    if (selection.keep && isKept(v, selection.keep)) return false;
    return true;
  };
}
