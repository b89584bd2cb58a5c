/**
 * The journal of runs and of every request that changes something on the network: the intent is
 * written (synchronous=FULL) before the request, the outcome after. A run killed at any instant
 * leaves at most one entry without outcome per item, which the next run settles before sending.
 */
import type { Db } from "./database.js";

export type JournalOutcome = "withdrawn" | "not-found" | "refused" | "failed" | "settled-withdrawn";

export interface InFlight {
  id: number;
  invitationId: number | null;
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
  counts: Record<string, number>;
}

export class Journal {
  constructor(private readonly db: Db) {
    // Every intent must be on disk before its request leaves.
    db.pragma("synchronous = FULL");
  }

  startRun(run: { command: string; action: string; planned: number; at: string }): number {
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

  finishRun(runId: number, outcome: "done" | "stopped" | "failed", detail: string, at: string) {
    this.db
      .prepare("UPDATE runs SET ended_at = ?, outcome = ?, detail = ? WHERE id = ?")
      .run(at, outcome, detail, runId);
  }

  intend(entry: {
    runId: number;
    action: string;
    invitationId: number | null;
    liveId: string;
    target: string;
    at: string;
  }): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO journal (run_id, action, invitation_id, live_id, target, intent_at)
           VALUES (@runId, @action, @invitationId, @liveId, @target, @at)`,
        )
        .run(entry).lastInsertRowid,
    );
  }

  settle(entryId: number, outcome: JournalOutcome, detail: string | null, at: string): void {
    this.db
      .prepare("UPDATE journal SET outcome = ?, detail = ?, outcome_at = ? WHERE id = ?")
      .run(outcome, detail, at, entryId);
  }

  inFlight(action: string): InFlight[] {
    return this.db
      .prepare<[string], InFlight>(
        `SELECT id, invitation_id AS invitationId, live_id AS liveId, target
         FROM journal WHERE action = ? AND outcome IS NULL ORDER BY id`,
      )
      .all(action);
  }

  /** Requests of this action sent on a UTC day, the daily cap's measure. */
  requestsOn(action: string, day: string): number {
    return (
      this.db
        .prepare<[string, string], { n: number }>(
          "SELECT count(*) AS n FROM journal WHERE action = ? AND substr(intent_at, 1, 10) = ?",
        )
        .get(action, day)?.n ?? 0
    );
  }

  /**
   * Settles an entry as withdrawn and marks its invitation so, in one transaction: a kill between
   * the two would leave an invitation the network withdrew looking merely closed.
   */
  recordWithdrawn(
    entryId: number,
    outcome: "withdrawn" | "settled-withdrawn",
    detail: string | null,
    withdrawn: { invitationId: number | null; at: string; reinviteAfter: string },
  ): void {
    this.db.transaction(() => {
      this.settle(entryId, outcome, detail, withdrawn.at);
      if (withdrawn.invitationId !== null) {
        this.db
          .prepare(
            "UPDATE invitations SET withdrawn_at = coalesce(withdrawn_at, ?), reinvite_after = ? WHERE id = ?",
          )
          .run(withdrawn.at, withdrawn.reinviteAfter, withdrawn.invitationId);
      }
    })();
  }

  runs(): RunView[] {
    const runs = this.db
      .prepare<[], Omit<RunView, "counts">>(
        `SELECT id, command, action, account, started_at AS startedAt, ended_at AS endedAt, outcome,
                detail, planned FROM runs ORDER BY id`,
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
