/**
 * Which connections an export or removal acts on, in which order, where each came from, and how
 * a cell is made safe for Excel. Pure.
 */
import { nameSearch, toProfileSlug } from "./identity.js";
import type { InvitationView } from "./preview.js";
import type { KeepList } from "./selection.js";

export interface ConnectionRow {
  id: number;
  firstName: string;
  lastName: string;
  url: string | null;
  slug: string | null;
  email: string | null;
  company: string;
  position: string;
  /** ISO date or null. */
  connectedOn: string | null;
  source: string;
  /** The batch of the accidental invitation this connection accepted, if any. */
  batch: string | null;
  active: boolean;
}

/** A connection's name as the journal, the plan and the pick-list give it. */
export function connectionName(c: Pick<ConnectionRow, "firstName" | "lastName">): string {
  return `${c.firstName} ${c.lastName}`.trim();
}

export interface ConnectionSelection {
  /** Only connections that came from accepted invitations of a detected batch. */
  batch?: boolean;
  match?: string;
  /** Connected after this moment. */
  connectedAfter?: Date;
  keep?: KeepList;
}

/** What BatchOrigins needs of an invitation: its batch, its state and its invitee's address. */
type BatchOrigin = Pick<InvitationView, "batch" | "state" | "profileUrl" | "email">;

/**
 * Where connections came from, taken an invitation at a time: a connection came from an
 * accidental batch when it accepted one of the batch's invitations (same profile, else same
 * address). It also counts the invitations of a batch that left LinkedIn's pending list without
 * being withdrawn here (closed), whose invitee the export does not show as a connection: some
 * may have accepted since.
 */
export class BatchOrigins {
  readonly #batchOf = new Map<string, string>();
  #closed = 0;

  /** Takes `invitation` into account: a later one to the same person wins. */
  add(invitation: BatchOrigin): void {
    if (invitation.batch === null) return;
    if (invitation.state === "closed") this.#closed++;
    if (invitation.state !== "accepted") return;
    const slug = toProfileSlug(invitation.profileUrl);
    if (slug) this.#batchOf.set(`s:${slug}`, invitation.batch);
    if (invitation.email) this.#batchOf.set(`e:${invitation.email}`, invitation.batch);
  }

  /** The batch `connection` came from, or null. */
  of(connection: Pick<ConnectionRow, "slug" | "email">): string | null {
    const { slug, email } = connection;
    return (
      (slug && this.#batchOf.get(`s:${slug}`)) || (email && this.#batchOf.get(`e:${email}`)) || null
    );
  }

  /** The closed invitations of a batch. */
  get closed(): number {
    return this.#closed;
  }
}

/** Each connection with the batch it came from. */
export function assignBatches(
  connections: ReadonlyArray<Omit<ConnectionRow, "batch">>,
  origins: BatchOrigins,
): ConnectionRow[] {
  return connections.map((c) => ({ ...c, batch: origins.of(c) }));
}

/** Longest-standing first, unknown dates last, then by name: the same order every run. */
export function compareByConnectedOn(a: ConnectionRow, b: ConnectionRow): number {
  const x = a.connectedOn ?? "9999";
  const y = b.connectedOn ?? "9999";
  if (x !== y) return x < y ? -1 : 1;
  return `${a.firstName} ${a.lastName}`.localeCompare(`${b.firstName} ${b.lastName}`, "de");
}

export function selectConnections(
  rows: readonly ConnectionRow[],
  selection: ConnectionSelection,
): ConnectionRow[] {
  const named = selection.match === undefined ? null : nameSearch(selection.match);
  const lower = selection.match?.trim().toLowerCase() ?? "";
  return rows.filter((c) => {
    if (!c.active) return false;
    if (selection.batch && c.batch === null) return false;
    if (named !== null) {
      const hit =
        named(c.firstName, c.lastName) ||
        (c.slug ?? "").includes(lower) ||
        (c.email ?? "").includes(lower);
      if (!hit) return false;
    }
    if (selection.connectedAfter) {
      if (c.connectedOn === null) return false;
      if (!(Date.parse(`${c.connectedOn}T00:00:00Z`) > selection.connectedAfter.getTime()))
        return false;
    }
    if (selection.keep) {
      if (c.slug && selection.keep.slugs.has(c.slug)) return false;
      if (c.email && selection.keep.emails.has(c.email)) return false;
    }
    return true;
  });
}

/** A file's delimiter: its cells are split on it, and a spreadsheet may take the other. */
export type Delimiter = "," | ";";

/**
 * What a spreadsheet runs as a formula when a cell starts with it (`=`, `+`, `-`, `@`, TAB, CR),
 * after any apostrophes: those are escaped as well, so that taking one back gives the data.
 */
const RUNS = "'*[=+\\-@\\t\\r]";

/**
 * Where a cell of its own starts inside one: after the other delimiter than the file's (and
 * spaces). A comma file opened by a double click in German Excel is split on semicolons, and a
 * semicolon file in an English one on commas, whatever the quotes say: `ACME;=1+2` became a
 * live `=1+2`. The file's own delimiter is quoted, and a spreadsheet that splits on it keeps
 * the quotes.
 */
function insideAfter(delimiter: Delimiter, withApostrophe: boolean): RegExp {
  const other = delimiter === "," ? ";" : ",";
  return new RegExp(`(${other} *)${withApostrophe ? "'" : ""}(?=${RUNS})`, "g");
}
const START = new RegExp(`^(?=${RUNS})`);
const STARTS_ESCAPED = new RegExp(`^'(?=${RUNS})`);
const INSIDE = { ",": insideAfter(",", false), ";": insideAfter(";", false) };
const INSIDE_ESCAPED = { ",": insideAfter(",", true), ";": insideAfter(";", true) };

/**
 * A cell of a file split on `delimiter` that a spreadsheet would run as a formula (at its
 * start, or after the other delimiter inside it) gets an apostrophe there, which Excel and
 * LibreOffice show as text (OWASP's advice).
 */
export function neutralizeFormula(cell: string, delimiter: Delimiter): string {
  return cell.replace(INSIDE[delimiter], "$1'").replace(START, "'");
}

/**
 * A cell as it was before neutralizeFormula, in a file invites wrote itself and reads back: one
 * apostrophe taken where it put one, so the round trip gives the very data (`'=x@example.org`
 * is stored as `=x@example.org`, and `''=x` as `'=x`).
 */
export function restoreFormula(cell: string, delimiter: Delimiter): string {
  return cell.replace(STARTS_ESCAPED, "").replace(INSIDE_ESCAPED[delimiter], "$1");
}

/** The columns of LinkedIn's own Connections.csv, in its order. */
export const LINKEDIN_COLUMNS = [
  "First Name",
  "Last Name",
  "URL",
  "Email Address",
  "Company",
  "Position",
  "Connected On",
] as const;

/** What LinkedIn's columns hold of a person. */
export type LinkedInPerson = Pick<
  ConnectionRow,
  "firstName" | "lastName" | "url" | "email" | "company" | "position" | "connectedOn"
>;

/** A person's cells under LINKEDIN_COLUMNS, as LinkedIn writes them (dates as `08 Feb 2026`). */
export function toLinkedInCells(c: LinkedInPerson): string[] {
  return [
    c.firstName,
    c.lastName,
    c.url ?? "",
    c.email ?? "",
    c.company,
    c.position,
    linkedInDate(c.connectedOn),
  ];
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2026-02-08` → `08 Feb 2026`, the form LinkedIn's Connections.csv uses. */
export function linkedInDate(iso: string | null): string {
  if (!iso) return "";
  const [y, m, d] = iso.split("-");
  return `${d} ${MONTHS[Number(m) - 1] ?? ""} ${y}`;
}
