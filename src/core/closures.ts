/**
 * When an import closes so much that it is more likely a cut-off download than news: an
 * Invitations.csv cut at a row boundary, or holding only its header, reads as valid and would
 * close nearly everything pending. Such an import is confirmed by the user, not taken silently.
 */
import {
  type ConnectionIndex,
  DEFAULT_RULES,
  invitationState,
  type LifecycleRules,
  type OutgoingInvitationFacts,
} from "./states.js";

/** Fewer closures than this are ordinary news, however small the picture. */
export const MASS_CLOSURE_MIN = 10;

export interface ClosureShare {
  /** How many of those open before the import it closes. */
  closing: number;
  /** How many were open before it. */
  open: number;
}

/** More than half of what was open, and at least MASS_CLOSURE_MIN. */
export function isMassClosure(share: ClosureShare): boolean {
  return share.closing >= MASS_CLOSURE_MIN && share.closing * 2 > share.open;
}

/**
 * Of the invitations pending before an import, how many it closes. `invitations` are as they are
 * after it: those in `closed` were open before it, those in `reopened` closed. Pending is the
 * state rule's (states.ts): an accepted or expired invitation that an export drops is no loss.
 */
export function pendingClosedShare(
  invitations: Iterable<OutgoingInvitationFacts & { id: number }>,
  changes: { closed: ReadonlySet<number>; reopened: ReadonlySet<number> },
  connections: ConnectionIndex,
  asOf: Date,
  rules: LifecycleRules = DEFAULT_RULES,
): ClosureShare {
  const share: ClosureShare = { closing: 0, open: 0 };
  for (const inv of invitations) {
    const closedBefore =
      !changes.closed.has(inv.id) && (changes.reopened.has(inv.id) || inv.closedAt !== null);
    // The state rule reads only whether there is a closure, not when.
    const before = { ...inv, closedAt: closedBefore ? (inv.closedAt ?? asOf.toISOString()) : null };
    if (invitationState(before, connections, asOf, rules) !== "pending") continue;
    share.open++;
    if (changes.closed.has(inv.id)) share.closing++;
  }
  return share;
}
