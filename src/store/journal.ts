/**
 * The journal of runs and of every request that changes something on the network: the intent is
 * written (synchronous=FULL) before the request, the outcome after. A run killed at any instant
 * leaves at most one entry without outcome per item, which the next run settles before sending.
 */
import type { Db } from "./database.js";

export type JournalAction = "withdraw" | "remove";

export type JournalOutcome =
  | "withdrawn"
  | "removed"
  | "not-found"
  | "refused"
  | "failed"
  | "settled-withdrawn"
  | "settled-removed";

/** The table row a journal entry concerns: an invitation for withdraw, a connection for remove. */
const SUBJECT: Record<JournalAction, "invitation_id" | "connection_id"> = {
  withdraw: "invitation_id",
  remove: "connection_id",
};

export interface InFlight {
  id: number;
  /** The invitation's or connection's row id. */
  itemId: number | null;
  liveId: string;
  target: string;
}

export interface RunView {
  id: number;
  command: string;
  action: string;
  account: string | null;
  startedAt: string;
  endedAt: string | null;
  outcome: string | null;
  detail: string | null;
  planned: number;
  /** Items passed over without a request or answered not-found; null for a killed run. */
  skipped: number | null;
  /** Journal entries by outcome ("in flight" for none). */
  counts: Record<string, number>;
}

export class Journal {
  constructor(private readonly db: Db) {
    // Every intent must be on disk before its request leaves.
    db.pragma("synchronous = FULL");
  }

  startRun(run: { command: string; action: JournalAction; planned: number; at: string }): number {
    return Number(
      this.db
        .prepare(
          "INSERT INTO runs (command, action, started_at, planned) VALUES (@command, @action, @at, @planned)",
        )
        .run(run).lastInsertRowid,
    );
  }

  setAccount(runId: number, account: string): void {
    this.db.prepare("UPDATE runs SET account = ? WHERE id = ?").run(account, runId);
  }

  finishRun(
    runId: number,
    outcome: "done" | "stopped" | "failed",
    detail: string,
    at: string,
    skipped: number,
  ) {
    this.db
      .prepare("UPDATE runs SET ended_at = ?, outcome = ?, detail = ?, skipped = ? WHERE id = ?")
      .run(at, outcome, detail, skipped, runId);
  }

  intend(entry: {
    runId: number;
    action: JournalAction;
    itemId: number | null;
    liveId: string;
    target: string;
    at: string;
  }): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO journal (run_id, action, ${SUBJECT[entry.action]}, live_id, target, intent_at)
           VALUES (@runId, @action, @itemId, @liveId, @target, @at)`,
        )
        .run(entry).lastInsertRowid,
    );
  }

  settle(entryId: number, outcome: JournalOutcome, detail: string | null, at: string): void {
    this.db
      .prepare("UPDATE journal SET outcome = ?, detail = ?, outcome_at = ? WHERE id = ?")
      .run(outcome, detail, at, entryId);
  }

  inFlight(action: JournalAction): InFlight[] {
    return this.db
      .prepare<[string], InFlight>(
        `SELECT id, ${SUBJECT[action]} AS itemId, live_id AS liveId, target
         FROM journal WHERE action = ? AND outcome IS NULL ORDER BY id`,
      )
      .all(action);
  }

  /** Requests of this action sent on a UTC day, the daily cap's measure. */
  requestsOn(action: JournalAction, day: string): number {
    return (
      this.db
        .prepare<[string, string], { n: number }>(
          "SELECT count(*) AS n FROM journal WHERE action = ? AND substr(intent_at, 1, 10) = ?",
        )
        .get(action, day)?.n ?? 0
    );
  }

  /**
   * Settles an entry as done and applies what that means to the item (withdrawn_at, removed_at)
   * in one transaction: a kill between the two would leave an item the network changed looking
   * merely closed.
   */
  recordDone(
    entryId: number,
    outcome: "withdrawn" | "removed" | "settled-withdrawn" | "settled-removed",
    detail: string | null,
    at: string,
    apply: () => void,
  ): void {
    this.db.transaction(() => {
      this.settle(entryId, outcome, detail, at);
      apply();
    })();
  }

  runs(): RunView[] {
    const runs = this.db
      .prepare<[], Omit<RunView, "counts">>(
        `SELECT id, command, action, account, started_at AS startedAt, ended_at AS endedAt, outcome,
                detail, planned, skipped FROM runs ORDER BY id`,
      )
      .all();
    const counts = this.db
      .prepare<[], { runId: number; outcome: string | null; n: number }>(
        "SELECT run_id AS runId, outcome, count(*) AS n FROM journal GROUP BY run_id, outcome",
      )
      .all();
    return runs.map((run) => ({
      ...run,
      counts: Object.fromEntries(
        counts.filter((c) => c.runId === run.id).map((c) => [c.outcome ?? "in flight", c.n]),
      ),
    }));
  }
}
