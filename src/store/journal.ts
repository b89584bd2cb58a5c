/**
 * The journal of runs and of every request that changes something on the network. Each request
 * is an entry in three steps: the intent, on disk before the request leaves; the answer, as the
 * network gave it; and the outcome, decided only by a complete read of the live list that shows
 * whether the request took effect. A run killed at any instant leaves entries without outcome,
 * which the next run settles against the live list before it sends.
 *
 * Only the intent's commit waits for the disk (synchronous=FULL). Everything else is committed
 * at the connection's synchronous=NORMAL: in WAL mode such a commit survives the process being
 * killed and becomes durable against a power loss with the next intent's commit, which syncs
 * the whole log, or at the latest when the database is closed. A power loss can thus cost the
 * last answers and outcomes, never an intent: the next run settles those entries by the live
 * list, as it does after a kill between request and answer.
 */
import type { StopSignal } from "../errors.js";
import type { Db } from "./database.js";

export type JournalAction = "withdraw" | "remove";

/**
 * What the network answered to a request; null in the journal when no answer was recorded.
 * "turned-away" is a stop the answer itself proves refused (TurnedAwayError: the request did not
 * act); "stopped" is a stop after which the request may have acted.
 */
export type JournalAnswer =
  | "ok"
  | "not-found"
  | "refused"
  | "unexpected"
  | "lost"
  /** A refusal that may answer a copy the browser sent again on its own (driver.ts, unclear). */
  | "unclear"
  | "stopped"
  | "turned-away";

export type JournalOutcome =
  /** Answered done, and a later complete read no longer listed the item. */
  | "withdrawn"
  | "removed"
  /** No answer (a kill, a lost connection), and a later complete read no longer listed it. */
  | "settled-withdrawn"
  | "settled-removed"
  /** The network said the item was not there, and the read agreed: it is closed, not ours. */
  | "not-found"
  /** Answered done, but a complete read still listed the item. */
  | "not-done"
  | "refused"
  | "failed";

export const DONE_OUTCOMES: readonly JournalOutcome[] = [
  "withdrawn",
  "removed",
  "settled-withdrawn",
  "settled-removed",
];

export interface Unsettled {
  id: number;
  runId: number;
  /** The invitation's or connection's row id. */
  itemId: number | null;
  liveId: string;
  /** The list the live id was read from: ids of one list are not those of another. */
  surface: string | null;
  target: string;
  answer: JournalAnswer | null;
  /** What the network said with its answer (scrubbed), for the user. */
  answerDetail: string | null;
  /** When the request was about to go out. */
  intentAt: string;
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
  /** What stopped it (errors.ts StopSignal), for a stop by the network. */
  signal: string | null;
  planned: number;
  /** Items passed over without a request or answered not-found; null for a killed run. */
  skipped: number | null;
  /** The run's items by the outcome of their last request in it ("unsettled" for none yet). */
  counts: Record<string, number>;
  /** The requests it sent: more than its items where one was sent again. */
  requests: number;
}

export class Journal {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      syncFull: db.prepare("PRAGMA synchronous = FULL"),
      syncNormal: db.prepare("PRAGMA synchronous = NORMAL"),
      startRun: db.prepare(
        "INSERT INTO runs (command, action, started_at, planned, pid) VALUES (@command, @action, @at, @planned, @pid)",
      ),
      setAccount: db.prepare("UPDATE runs SET account = ? WHERE id = ?"),
      finishRun: db.prepare(
        "UPDATE runs SET ended_at = ?, outcome = ?, detail = ?, skipped = ?, signal = ? WHERE id = ?",
      ),
      intend: {
        withdraw: db.prepare(
          `INSERT INTO journal (run_id, action, invitation_id, live_id, surface, target, intent_at)
           VALUES (@runId, @action, @itemId, @liveId, @surface, @target, @at)`,
        ),
        remove: db.prepare(
          `INSERT INTO journal (run_id, action, connection_id, live_id, surface, target, intent_at)
           VALUES (@runId, @action, @itemId, @liveId, @surface, @target, @at)`,
        ),
      },
      answer: db.prepare(
        "UPDATE journal SET answer = ?, via = ?, answer_detail = ?, answer_at = ? WHERE id = ?",
      ),
      settle: db.prepare("UPDATE journal SET outcome = ?, detail = ?, outcome_at = ? WHERE id = ?"),
      unsettled: {
        withdraw: db.prepare<[string], Unsettled>(
          `SELECT id, run_id AS runId, invitation_id AS itemId, live_id AS liveId, surface, target,
                  answer, answer_detail AS answerDetail, intent_at AS intentAt
           FROM journal WHERE action = ? AND outcome IS NULL ORDER BY id`,
        ),
        remove: db.prepare<[string], Unsettled>(
          `SELECT id, run_id AS runId, connection_id AS itemId, live_id AS liveId, surface, target,
                  answer, answer_detail AS answerDetail, intent_at AS intentAt
           FROM journal WHERE action = ? AND outcome IS NULL ORDER BY id`,
        ),
      },
      attempts: {
        withdraw: db.prepare<[number], { n: number }>(
          "SELECT count(*) AS n FROM journal WHERE action = 'withdraw' AND invitation_id = ?",
        ),
        remove: db.prepare<[number], { n: number }>(
          "SELECT count(*) AS n FROM journal WHERE action = 'remove' AND connection_id = ?",
        ),
      },
      requestsOn: db.prepare<[string, string], { n: number }>(
        "SELECT count(*) AS n FROM journal WHERE action = ? AND substr(intent_at, 1, 10) = ?",
      ),
      running: db.prepare<
        [string],
        { id: number; command: string; startedAt: string; pid: number | null }
      >(
        `SELECT id, command, started_at AS startedAt, pid FROM runs
         WHERE action = ? AND ended_at IS NULL ORDER BY id DESC LIMIT 1`,
      ),
    };
  }

  startRun(run: { command: string; action: JournalAction; planned: number; at: string }): number {
    return Number(this.s.startRun.run({ ...run, pid: process.pid }).lastInsertRowid);
  }

  setAccount(runId: number, account: string): void {
    this.s.setAccount.run(account, runId);
  }

  finishRun(
    runId: number,
    outcome: "done" | "stopped" | "failed",
    detail: string,
    at: string,
    skipped: number,
    signal: StopSignal | null = null,
  ) {
    this.s.finishRun.run(at, outcome, detail, skipped, signal, runId);
  }

  intend(entry: {
    runId: number;
    action: JournalAction;
    itemId: number | null;
    liveId: string;
    surface: string;
    target: string;
    at: string;
  }): number {
    // Inside a transaction the commit, and with it the sync, would come after the request.
    if (this.db.inTransaction) throw new Error("an intent is committed on its own");
    this.s.syncFull.run();
    try {
      return Number(this.s.intend[entry.action].run(entry).lastInsertRowid);
    } finally {
      this.s.syncNormal.run();
    }
  }

  /** What the network answered; the entry stays unsettled until a read decides it. */
  answer(
    entryId: number,
    answer: JournalAnswer,
    via: string | null,
    detail: string | null,
    at: string,
  ) {
    this.s.answer.run(answer, via, detail, at, entryId);
  }

  settle(entryId: number, outcome: JournalOutcome, detail: string | null, at: string): void {
    this.s.settle.run(outcome, detail, at, entryId);
  }

  unsettled(action: JournalAction): Unsettled[] {
    return this.s.unsettled[action].all(action);
  }

  /** How many requests of this action have gone out for an item, over all runs. */
  attempts(action: JournalAction, itemId: number): number {
    return this.s.attempts[action].get(itemId)?.n ?? 0;
  }

  /** Requests of this action sent on a UTC day, the daily cap's measure. */
  requestsOn(action: JournalAction, day: string): number {
    return this.s.requestsOn.get(action, day)?.n ?? 0;
  }

  /** The newest run of this action that has not ended (running now, or killed). */
  runningRun(action: JournalAction) {
    return this.s.running.get(action);
  }

  /**
   * Settles an entry and applies what that means to the item (withdrawn_at, removed_at, a
   * closure) in one transaction: a kill between the two would leave the records disagreeing.
   */
  settleWith(
    entryId: number,
    outcome: JournalOutcome,
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
      .prepare<[], Omit<RunView, "counts" | "requests">>(
        `SELECT id, command, action, account, started_at AS startedAt, ended_at AS endedAt, outcome,
                detail, signal, planned, skipped FROM runs ORDER BY id`,
      )
      .all();
    // An item sent again within a run (its first answer lost, the list showing it still there)
    // counts once, by its last request, as the run's closing table counts it; every request
    // counts in `requests`. One pass over the journal.
    const counts = this.db
      .prepare<[], { runId: number; outcome: string | null; n: number; requests: number }>(
        `SELECT runId, outcome, sum(last) AS n, count(*) AS requests FROM (
           SELECT run_id AS runId, outcome,
                  row_number() OVER (
                    PARTITION BY run_id, action, coalesce(invitation_id, connection_id, live_id)
                    ORDER BY id DESC) = 1 AS last
           FROM journal)
         GROUP BY runId, outcome`,
      )
      .all();
    return runs.map((run) => {
      const own = counts.filter((c) => c.runId === run.id);
      return {
        ...run,
        counts: Object.fromEntries(
          own.filter((c) => c.n > 0).map((c) => [c.outcome ?? "unsettled", c.n]),
        ),
        requests: own.reduce((sum, c) => sum + c.requests, 0),
      };
    });
  }
}
