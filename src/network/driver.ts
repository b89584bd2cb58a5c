/** What the tool asks of a network, whichever client answers: the real one or the emulation. */

export interface Account {
  /** The `/in/<slug>` of the logged-in member. */
  publicIdentifier: string;
  /** `urn:li:fsd_profile:<id>`. */
  profileUrn: string;
  name: string;
}

/**
 * The generation of LinkedIn's web API a list came from, or "page": the
 * cards of the Sent page itself, read in the user's browser (the click strategy).
 */
export type Surface = "legacy" | "dash" | "graphql" | "sdui" | "page";

/** How a write went out; the journal records it per request. "click": the page's own controls. */
export type Via = "legacy" | "sdui" | "dash" | "dash-member" | "click";

export interface LiveInvitation {
  /**
   * The numeric withdraw id, as a string: it exceeds 2^53. On the page's list, which shows no
   * id, the card's person: `in/<slug>`, or `mailto:<address>`.
   */
  id: string;
  /** The list this row came from; it decides how the row is withdrawn. */
  surface: Surface;
  sharedSecret: string | null;
  /** ISO 8601; empty when the surface gives only a relative age. */
  sentAt: string;
  name: string;
  firstName: string;
  lastName: string;
  /** Profile slug; null for an invitation sent to an email address. */
  slug: string | null;
  /** `ACoAA…`: the invitee's profile id, where the list names it. */
  profileId: string | null;
  email: string | null;
  message: string | null;
}

export interface LiveConnection {
  /** `urn:li:fsd_profile:<id>`: what a removal names, and the journal's id for it. */
  id: string;
  /** `urn:li:fsd_connection:<id>`, for the removal that names the connection itself. */
  connectionUrn: string | null;
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

/**
 * A list read whole: every row LinkedIn has, proven by paging to an empty page and by the
 * totals it gives. A read that cannot prove that throws instead of returning fewer rows.
 */
export interface LiveList<T> {
  items: T[];
  surface: Surface;
  /**
   * Whether invitations sent to an e-mail address (non-members) appear in this list: the legacy
   * list and the page's cards show them. Where they do not, their absence proves nothing.
   */
  showsEmailInvitees: boolean;
  /** The requests (pages, or the page and its "Show more" clicks) the read took. */
  requests: number;
}

/** The outcome of one withdrawal or removal. Account-level signals throw StoppedError instead. */
export type ItemOutcome =
  | { ok: true; via: Via }
  | {
      ok: false;
      /**
       * not-found: the network says the item is not there (or not pending); refused: a 4xx;
       * unexpected: a success status with an answer that is not the surface's (a web page).
       */
      reason: "not-found" | "refused" | "unexpected";
      detail: string;
      via: Via;
      /**
       * The surface answered for this very item (an action's own failure text), so a retired
       * surface is not what spoke: no other way is tried.
       */
      definite?: true;
      /**
       * The answer does not tell: the browser may have sent the request a second time on its
       * own (transport.ts, mayResend), and "not there" may answer that copy after the first
       * took effect. The run settles it by reading the list, as a lost answer; a way that the
       * list then proves wrong is not used again in the run.
       */
      unclear?: true;
    };

export interface NetworkDriver {
  /** Checks the session and tells whose it is; throws StoppedError when it does not work. */
  checkSession(): Promise<Account>;
  listSentInvitations(): Promise<LiveList<LiveInvitation>>;
  withdraw(invitation: LiveInvitation): Promise<ItemOutcome>;
  listConnections(): Promise<LiveList<LiveConnection>>;
  removeConnection(connection: LiveConnection): Promise<ItemOutcome>;
  /**
   * Whether a way of sending is left in this run for this item: one that fits the list it came
   * from and has not been retired. Asked before a request is journaled: with none the run
   * stops, and no request is recorded that never went out.
   */
  canWithdraw(invitation: LiveInvitation): boolean;
  canRemove(connection: LiveConnection): boolean;
  /**
   * A write that went out through `via` answered but did not take effect (a re-read still lists
   * the item): that way is not used again in this run. False when no other way of that action
   * is left.
   */
  distrust(via: Via, action: "withdraw" | "remove"): boolean;
  /** The text with every secret of the session replaced, for anything shown or stored. */
  scrub(text: string): string;
}
