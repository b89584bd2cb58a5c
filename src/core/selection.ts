/**
 * Which pending invitations a command acts on. Every flag narrows the selection (they combine as
 * AND); the keep-list always wins. Pure: the views and "today" come in.
 */
import { toEmail, toNameKey, toProfileSlug } from "./identity.js";
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

/** The keys a keep-list line or cell stands for: a profile URL, an email, or a bare slug. */
export function parseKeepList(lines: readonly string[]): KeepList {
  const keep: KeepList = { slugs: new Set(), emails: new Set() };
  for (const line of lines) {
    const cells = line
      .split(/[,;\t]/)
      .map((c) =>
        c
          .trim()
          .replace(/^"(.*)"$/, "$1")
          .trim(),
      )
      .filter((c) => c !== "");
    for (const cell of cells) {
      const slug = toProfileSlug(cell);
      const email = toEmail(cell);
      if (slug) keep.slugs.add(slug);
      else if (email) keep.emails.add(email);
      // A line that holds one word alone is a slug written without its URL.
      else if (cells.length === 1 && /^[\p{L}\p{N}%_-]+$/u.test(cell)) {
        keep.slugs.add(toProfileSlug(`linkedin.com/in/${cell}`) ?? cell.toLowerCase());
      }
    }
  }
  return keep;
}

function matchesText(view: InvitationView, needle: string): boolean {
  const key = toNameKey(needle);
  const lower = needle.trim().toLowerCase();
  if (key && (toNameKey(view.name) ?? "").includes(key)) return true;
  const slug = toProfileSlug(view.profileUrl);
  if (slug?.includes(lower) || (key && toNameKey(slug ?? "")?.includes(key))) return true;
  return view.email?.includes(lower) ?? false;
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
  const olderThan = selection.olderThan && subtractDuration(asOf, selection.olderThan).getTime();
  return views.filter((v) => {
    if (!states.includes(v.state)) return false;
    const sent = Date.parse(v.sentAt);
    if (selection.batch === true && v.batch === null) return false;
    if (typeof selection.batch === "string" && v.batch !== selection.batch) return false;
    if (olderThan !== undefined && !(sent < olderThan)) return false;
    if (selection.sentBefore && !(sent < selection.sentBefore.getTime())) return false;
    if (selection.sentAfter && !(sent > selection.sentAfter.getTime())) return false;
    if (selection.match !== undefined && !matchesText(v, selection.match)) return false;
    if (selection.addressBook && !v.addressBook) return false;
    if (selection.keep && isKept(v, selection.keep)) return false;
    return true;
  });
}
