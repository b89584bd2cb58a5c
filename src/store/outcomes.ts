/**
 * What a journaled run writes about the items it acted on, beside the journal itself. Statements
 * are prepared once a run.
 */
import type { Db } from "./database.js";

export function invitationOutcomes(db: Db) {
  const closed = db.prepare(
    "UPDATE invitations SET closed_at = coalesce(closed_at, ?) WHERE id = ?",
  );
  const withdrawn = db.prepare(
    "UPDATE invitations SET withdrawn_at = coalesce(withdrawn_at, ?), reinvite_after = ? WHERE id = ?",
  );
  return {
    /** LinkedIn no longer lists the invitation as pending. */
    markClosed: (id: number, at: string) => void closed.run(at, id),
    markWithdrawn: (id: number, at: string, reinviteAfter: string) =>
      void withdrawn.run(at, reinviteAfter, id),
  };
}

export function connectionOutcomes(db: Db) {
  const gone = db.prepare("UPDATE connections SET gone_at = coalesce(gone_at, ?) WHERE id = ?");
  const removed = db.prepare(
    "UPDATE connections SET removed_at = coalesce(removed_at, ?) WHERE id = ?",
  );
  return {
    /** LinkedIn no longer lists the person as a connection. */
    markGone: (id: number, at: string) => void gone.run(at, id),
    markRemoved: (id: number, at: string) => void removed.run(at, id),
  };
}
