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

/** A row that was read and deliberately not imported; `reason` is shown to the user, counted. */
export interface SkippedRecord {
  type: "skip";
  line: number;
  reason: string;
}

export type ImportRecord = InvitationRecord | ConnectionRecord | ContactRecord | SkippedRecord;
