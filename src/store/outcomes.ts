/**
 * What a journaled run writes about the items it acted on, beside the journal itself: done
 * (withdrawn, removed) and closures seen in a complete live read, each closure with the run that
 * saw it, so that a later complete read listing the item again takes it back. Statements are
 * prepared once a run.
 */
import type { Db } from "./database.js";

export interface ItemOutcomes {
  markDone(id: number, at: string): void;
  /** A complete live read no longer lists the item. */
  markGone(id: number, at: string, runId: number): void;
  /** Items a run closed: candidates for reopening. */
  closedByRuns(): number[];
  /** A complete live read lists these again: their run closures are taken back. */
  reopen(ids: readonly number[]): void;
}

export function invitationOutcomes(db: Db, reinviteAfter: (at: Date) => string): ItemOutcomes {
  const closed = db.prepare(
    "UPDATE invitations SET live_closed_at = coalesce(live_closed_at, ?), live_closed_run = coalesce(live_closed_run, ?) WHERE id = ?",
  );
  const withdrawn = db.prepare(
    "UPDATE invitations SET withdrawn_at = coalesce(withdrawn_at, ?), reinvite_after = ?, live_closed_at = NULL, live_closed_run = NULL WHERE id = ?",
  );
  const closedIds = db.prepare<[], { id: number }>(
    "SELECT id FROM invitations WHERE live_closed_run IS NOT NULL",
  );
  const reopen = db.prepare(
    "UPDATE invitations SET live_closed_at = NULL, live_closed_run = NULL WHERE id = ?",
  );
  return {
    markDone: (id, at) => void withdrawn.run(at, reinviteAfter(new Date(at)), id),
    markGone: (id, at, runId) => void closed.run(at, runId, id),
    closedByRuns: () => closedIds.all().map((r) => r.id),
    reopen: (ids) =>
      db.transaction(() => {
        for (const id of ids) reopen.run(id);
      })(),
  };
}

export function connectionOutcomes(db: Db): ItemOutcomes {
  const gone = db.prepare(
    "UPDATE connections SET live_gone_at = coalesce(live_gone_at, ?), live_gone_run = coalesce(live_gone_run, ?) WHERE id = ?",
  );
  const removed = db.prepare(
    "UPDATE connections SET removed_at = coalesce(removed_at, ?), live_gone_at = NULL, live_gone_run = NULL WHERE id = ?",
  );
  const goneIds = db.prepare<[], { id: number }>(
    "SELECT id FROM connections WHERE live_gone_run IS NOT NULL",
  );
  const reopen = db.prepare(
    "UPDATE connections SET live_gone_at = NULL, live_gone_run = NULL WHERE id = ?",
  );
  return {
    markDone: (id, at) => void removed.run(at, id),
    markGone: (id, at, runId) => void gone.run(at, runId, id),
    closedByRuns: () => goneIds.all().map((r) => r.id),
    reopen: (ids) =>
      db.transaction(() => {
        for (const id of ids) reopen.run(id);
      })(),
  };
}
