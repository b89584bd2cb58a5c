/** What the readers in src/formats produce and src/store keeps: one row of an input file. */

export type Direction = "OUTGOING" | "INCOMING";

export interface InvitationRecord {
  type: "invitation";
  line: number;
  direction: Direction;
  fromName: string;
  toName: string;
  /** ISO 8601 UTC. */
  sentAt: string;
  message: string | null;
  inviterUrl: string | null;
  inviteeUrl: string | null;
  /** For an invitation sent to an email address (a non-member): the address. */
  inviteeEmail: string | null;
  /** The other side (invitee when outgoing, inviter when incoming): profile slug and name key. */
  peerSlug: string | null;
  peerNameKey: string | null;
  /** Key of this invitation across exports (core/identity.ts). */
  identity: string;
}

export interface ConnectionRecord {
  type: "connection";
  line: number;
  firstName: string;
  lastName: string;
  url: string | null;
  email: string | null;
  company: string;
  position: string;
  /** ISO date, or null when the row has none. */
  connectedOn: string | null;
  slug: string | null;
  nameKey: string | null;
  /** Key of this connection across exports (core/identity.ts). */
  identity: string;
}

export interface ContactRecord {
  type: "contact";
  line: number;
  /** The name as the file spells it, for display. */
  displayName: string;
  firstName: string;
  lastName: string;
  company: string;
  title: string;
  /** Normalised (trimmed, lower-cased), de-duplicated, in file order. */
  emails: string[];
  phones: string[];
  nameKey: string | null;
  /** Values found in email columns that are not addresses and were left out. */
  dropped: { x500: number; notEmail: number };
}

/**
 * Why a row was read and not imported. Each is a code, counted by it and named by it in
 * `--json`'s skipReasons, so it stays as it is written here; the words shown for it, in the
 * language in use, are the catalogue's (src/i18n/formats.ts). The last two are the importer's.
 */
export type SkipReason =
  | "empty row"
  | "row without name, email or phone"
  | "row with only an Exchange X.500 name"
  | "row without recipient"
  | "card without name, email or phone"
  | "entry without name, email or phone"
  | "mailing list"
  | "duplicate row"
  | "duplicate contact";

/** The skip reason of a contact row that repeats an earlier row of the same file exactly. */
export const DUPLICATE_CONTACT = "duplicate contact" satisfies SkipReason;

/** A row that was read and deliberately not imported, counted by its reason. */
export interface SkippedRecord {
  type: "skip";
  line: number;
  reason: SkipReason;
}

export type ImportRecord = InvitationRecord | ConnectionRecord | ContactRecord | SkippedRecord;

/** The columns invites adds after LinkedIn's own, to its record of removals and to its export. */
export const REMOVAL_COLUMN = "Removal Attempted At";
export const INVITES_EXPORT_COLUMNS = ["Source", "Batch"] as const;
/**
 * `connections export` read back: its rows are connections, but it is no export of LinkedIn's,
 * complete as of a day, so it marks nothing gone (store/derived.ts) nor sees anything anew.
 */
export const INVITES_CONNECTIONS = "invites-connections";
export const INVITES_CONNECTIONS_DESCRIPTION = "Connections exported by invites";
