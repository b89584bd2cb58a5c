/**
 * Invitation states: pure rules, "today" passed in.
 * Precedence: withdrawn (our own act) > accepted (the invitee is a connection) > expired (183 days)
 * > closed (a newer export no longer lists it) > pending.
 */
import { DAY_MS } from "./days.js";

export type InvitationState = "pending" | "accepted" | "expired" | "withdrawn" | "closed";

export interface LifecycleRules {
  /** An unanswered invitation expires this many days after it was sent. */
  expiryDays: number;
  /** After a withdrawal the same person can be invited again after this many days. */
  reinviteDays: number;
}

export const DEFAULT_RULES: LifecycleRules = { expiryDays: 183, reinviteDays: 21 };

export interface OutgoingInvitationFacts {
  peerSlug: string | null;
  inviteeEmail: string | null;
  peerNameKey: string | null;
  /** ISO 8601. */
  sentAt: string;
  withdrawnAt: string | null;
  closedAt: string | null;
}

export interface ConnectionKeys {
  slug: string | null;
  email: string | null;
  nameKey: string | null;
}

/** Who is a connection, by every key an invitation can be matched on. */
export interface ConnectionIndex {
  slugs: Set<string>;
  emails: Set<string>;
  /** How many connections carry each name key, counting only those without a profile URL. */
  unlinkedNames: Map<string, number>;
  /** How many connections carry each name key. */
  names: Map<string, number>;
}

export function indexConnections(connections: Iterable<ConnectionKeys>): ConnectionIndex {
  const index: ConnectionIndex = {
    slugs: new Set(),
    emails: new Set(),
    unlinkedNames: new Map(),
    names: new Map(),
  };
  for (const c of connections) {
    if (c.slug) index.slugs.add(c.slug);
    if (c.email) index.emails.add(c.email);
    if (c.nameKey) {
      index.names.set(c.nameKey, (index.names.get(c.nameKey) ?? 0) + 1);
      if (!c.slug)
        index.unlinkedNames.set(c.nameKey, (index.unlinkedNames.get(c.nameKey) ?? 0) + 1);
    }
  }
  return index;
}

/**
 * Whether the invitee has become a connection: by profile slug; else by email; else by a name
 * key that exactly one connection carries. An invitation with a profile URL is matched by name
 * only against connections whose row has no URL (exports before mid-2023 had no URL column).
 */
export function isAccepted(inv: OutgoingInvitationFacts, index: ConnectionIndex): boolean {
  if (inv.peerSlug && index.slugs.has(inv.peerSlug)) return true;
  if (inv.inviteeEmail && index.emails.has(inv.inviteeEmail)) return true;
  if (!inv.peerNameKey) return false;
  const names = inv.peerSlug ? index.unlinkedNames : index.names;
  return names.get(inv.peerNameKey) === 1;
}

/** The day (YYYY-MM-DD, UTC) from which a person withdrawn at `at` can be invited again. */
export function reinviteAfter(at: Date, rules: LifecycleRules = DEFAULT_RULES): string {
  return new Date(at.getTime() + rules.reinviteDays * DAY_MS).toISOString().slice(0, 10);
}

/** The moment (milliseconds) an invitation sent at `sentMs` expires. */
export function expiresAtMs(sentMs: number, rules: LifecycleRules = DEFAULT_RULES): number {
  return sentMs + rules.expiryDays * DAY_MS;
}

export function invitationState(
  inv: OutgoingInvitationFacts,
  index: ConnectionIndex,
  asOf: Date,
  rules: LifecycleRules = DEFAULT_RULES,
): InvitationState {
  if (inv.withdrawnAt) return "withdrawn";
  if (isAccepted(inv, index)) return "accepted";
  if (expiresAtMs(Date.parse(inv.sentAt), rules) <= asOf.getTime()) return "expired";
  if (inv.closedAt) return "closed";
  return "pending";
}
