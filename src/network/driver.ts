/** What the tool asks of a network, whichever client answers: the real one or the emulation. */

export interface Account {
  /** The `/in/<slug>` of the logged-in member. */
  publicIdentifier: string;
  /** `urn:li:fsd_profile:<id>`. */
  profileUrn: string;
  name: string;
}

export interface LiveInvitation {
  /** The numeric withdraw id, as a string: it exceeds 2^53. */
  id: string;
  /** `urn:li:fsd_invitation:<id>` when the list came from the Dash surface; withdrawn through it. */
  urn?: string;
  sharedSecret: string | null;
  /** ISO 8601; empty when the surface gives only a relative age. */
  sentAt: string;
  name: string;
  /** Profile slug; null for an invitation sent to an email address. */
  slug: string | null;
  email: string | null;
  message: string | null;
}

export interface LiveConnection {
  /** `urn:li:fsd_profile:<id>`: what a removal names, and the journal's id for it. */
  id: string;
  slug: string | null;
  /** The connections list carries no address; here so that a connection matches like a person. */
  email: null;
  /** First and last name, as the list gives them. */
  name: string;
  firstName: string;
  lastName: string;
  /** ISO 8601, or null. */
  connectedAt: string | null;
}

/** The outcome of one withdrawal or removal. Account-level signals throw StoppedError instead. */
export type ItemOutcome =
  | { ok: true }
  | { ok: false; reason: "not-found" | "refused"; detail: string };

export interface NetworkDriver {
  /** Checks the session and tells whose it is; throws StoppedError when it does not work. */
  checkSession(): Promise<Account>;
  listSentInvitations(): Promise<LiveInvitation[]>;
  withdraw(invitation: LiveInvitation): Promise<ItemOutcome>;
  listConnections(): Promise<LiveConnection[]>;
  removeConnection(connection: LiveConnection): Promise<ItemOutcome>;
}
