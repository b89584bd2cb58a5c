/**
 * One journaled run of requests that change something on the network (withdrawals, removals):
 * check the session, settle what an interrupted run left in flight, match the plan to the live
 * list, then act on one item at a time through the pacer, journaling each request around the
 * call. What differs between withdrawing and removing is a RunAction; there is no UI here:
 * progress goes out through a callback.
 */
import type { LiveKeys, MatchResult } from "../core/matching.js";
import { StoppedError } from "../errors.js";
import type { Journal, JournalAction } from "../store/journal.js";
import type { ItemOutcome, NetworkDriver } from "./driver.js";
import { TransientNetworkError } from "./linkedin-client.js";
import type { Pacer } from "./pacer.js";

/** A planned item: its row id in the store and the name the user knows it by. */
export interface PlannedItem {
  id: number;
  name: string;
}

/** What one kind of run reads, sends and records. */
export interface RunAction<P extends PlannedItem, L extends LiveKeys> {
  /** The journal's name of the action. */
  name: JournalAction;
  /** The journal outcome of a request that took effect. */
  done: "withdrawn" | "removed";
  /** The outcome of an interrupted run's request that took effect. */
  settledDone: "settled-withdrawn" | "settled-removed";
  /** Why a planned item the network no longer lists is skipped. */
  goneReason: string;
  list(driver: NetworkDriver): Promise<L[]>;
  match(planned: readonly P[], live: readonly L[]): MatchResult<P, L>;
  send(driver: NetworkDriver, live: L): Promise<ItemOutcome>;
  /**
   * Runs after the pacer's wait and before the request is journaled and sent, before every
   * attempt (the removed-connections CSV). Throwing ends the run with nothing sent.
   */
  beforeSend?(planned: P, live: L, at: string): void;
  /** Records in the store that the item was done; runs inside the journal's transaction. */
  markDone(itemId: number, at: string): void;
  /** Records that the network no longer lists the item. */
  markGone(itemId: number, at: string): void;
}

export type RunEvent =
  | { kind: "session"; account: string }
  | { kind: "listed"; live: number; matched: number; unmatched: number; settled: number }
  | {
      kind: "item";
      name: string;
      outcome: "done" | "skipped" | "failed";
      done: number;
      total: number;
    };

export interface RunOptions<P extends PlannedItem, L extends LiveKeys> {
  action: RunAction<P, L>;
  driver: NetworkDriver;
  journal: Journal;
  pacer: Pacer;
  /** The items to act on, in order. */
  planned: readonly P[];
  /** The command line to resume with; holds no secret. */
  command: string;
  now: () => Date;
  /** Retries of a request that failed in passing (reset, timeout, 5xx). */
  retries: number;
  onEvent?: (event: RunEvent) => void;
}

export interface RunSummary {
  runId: number;
  account: string | null;
  /** Names of the items the network confirmed: withdrawn or removed. */
  done: string[];
  skipped: Array<{ name: string; reason: string }>;
  failed: Array<{ name: string; detail: string }>;
  /** Planned but not attempted because the run stopped. */
  remaining: number;
  /** Requests of an interrupted earlier run, settled against the live list as done. */
  settled: number;
  stopped: StoppedError | null;
}

async function withRetries<T>(
  pacer: Pacer,
  retries: number,
  call: () => Promise<T>,
): Promise<{ value: T; retried: boolean }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return { value: await call(), retried: attempt > 0 };
    } catch (error) {
      if (!(error instanceof TransientNetworkError) || attempt >= retries) throw error;
      await pacer.beforeRetry(attempt + 1);
    }
  }
}

export async function runJournaled<P extends PlannedItem, L extends LiveKeys>(
  o: RunOptions<P, L>,
): Promise<RunSummary> {
  const { action, journal } = o;
  const iso = () => o.now().toISOString();
  const summary: RunSummary = {
    runId: journal.startRun({
      command: o.command,
      action: action.name,
      planned: o.planned.length,
      at: iso(),
    }),
    account: null,
    done: [],
    skipped: [],
    failed: [],
    remaining: 0,
    settled: 0,
    stopped: null,
  };
  let pending: Array<{ planned: P; live: L }> = [];
  try {
    const account = (await withRetries(o.pacer, o.retries, () => o.driver.checkSession())).value;
    summary.account = account.publicIdentifier;
    journal.setAccount(summary.runId, account.publicIdentifier);
    o.onEvent?.({ kind: "session", account: account.publicIdentifier });
    const live = (await withRetries(o.pacer, o.retries, () => action.list(o.driver))).value;

    // A request that an earlier run sent without recording its answer: if the item is gone from
    // the live list the request took effect; if it is still there it never did, and the item is
    // planned again below. Either way nothing is sent twice blindly.
    const liveIds = new Set(live.map((l) => l.id));
    const settledIds = new Set<number>();
    for (const entry of journal.inFlight(action.name)) {
      if (liveIds.has(entry.liveId)) {
        journal.settle(entry.id, "failed", "interrupted before the answer; still listed", iso());
      } else {
        const at = iso();
        journal.recordDone(
          entry.id,
          action.settledDone,
          "interrupted; gone from the live list",
          at,
          () => {
            if (entry.itemId !== null) action.markDone(entry.itemId, at);
          },
        );
        if (entry.itemId !== null) settledIds.add(entry.itemId);
        summary.settled++;
      }
    }
    const planned = o.planned.filter((p) => !settledIds.has(p.id));
    const { matched, unmatched, uncertain } = action.match(planned, live);
    for (const p of unmatched) {
      action.markGone(p.id, iso());
      summary.skipped.push({ name: p.name, reason: action.goneReason });
    }
    for (const { planned: p, reason } of uncertain) {
      summary.skipped.push({ name: p.name, reason: `${reason}; left for you to do by hand` });
    }
    o.onEvent?.({
      kind: "listed",
      live: live.length,
      matched: matched.length,
      unmatched: unmatched.length + uncertain.length,
      settled: summary.settled,
    });
    pending = [...matched];
    let done = 0;
    const report = (name: string, outcome: "done" | "skipped" | "failed") =>
      o.onEvent?.({ kind: "item", name, outcome, done, total: matched.length });

    while (pending.length > 0) {
      const next = pending[0];
      if (!next) break;
      await o.pacer.beforeRequest();
      action.beforeSend?.(next.planned, next.live, iso());
      const entryId = journal.intend({
        runId: summary.runId,
        action: action.name,
        itemId: next.planned.id,
        liveId: next.live.id,
        target: next.planned.name,
        at: iso(),
      });
      let outcome: ItemOutcome;
      let retried = false;
      try {
        ({ value: outcome, retried } = await withRetries(o.pacer, o.retries, () =>
          action.send(o.driver, next.live),
        ));
      } catch (error) {
        if (error instanceof StoppedError) {
          journal.settle(entryId, "failed", `stopped: ${error.signal}`, iso());
          throw error;
        }
        if (!(error instanceof TransientNetworkError)) throw error;
        outcome = { ok: false, reason: "refused", detail: error.message };
      }
      pending.shift();
      done++;
      const name = next.planned.name;
      const at = iso();
      // A 404 right after a lost answer means the lost request took effect.
      if (outcome.ok || (retried && outcome.reason === "not-found")) {
        journal.recordDone(
          entryId,
          action.done,
          outcome.ok ? null : "confirmed by a 404 after a lost answer",
          at,
          () => action.markDone(next.planned.id, at),
        );
        summary.done.push(name);
        report(name, "done");
      } else if (outcome.reason === "not-found") {
        journal.settle(entryId, "not-found", outcome.detail, at);
        action.markGone(next.planned.id, at);
        summary.skipped.push({ name, reason: action.goneReason });
        report(name, "skipped");
      } else {
        journal.settle(entryId, "refused", outcome.detail, at);
        summary.failed.push({ name, detail: outcome.detail });
        report(name, "failed");
      }
    }
    journal.finishRun(
      summary.runId,
      "done",
      `${summary.done.length} ${action.done}`,
      iso(),
      summary.skipped.length,
    );
  } catch (error) {
    if (!(error instanceof StoppedError)) {
      journal.finishRun(
        summary.runId,
        "failed",
        error instanceof Error ? error.message : String(error),
        iso(),
        summary.skipped.length,
      );
      throw error;
    }
    summary.stopped = error;
    summary.remaining = pending.length;
    journal.finishRun(
      summary.runId,
      "stopped",
      `${error.signal}: ${error.message}`,
      iso(),
      summary.skipped.length,
    );
  }
  return summary;
}
