/**
 * One withdrawal run: check the session, settle what an interrupted run left in flight, match
 * the plan to the live list, then withdraw one at a time through the pacer, journaling each
 * request around the call. No UI: progress goes out through a callback.
 */
import { matchLive } from "../core/matching.js";
import type { InvitationView } from "../core/preview.js";
import { StoppedError } from "../errors.js";
import type { Journal } from "../store/journal.js";
import type { ItemOutcome, LiveInvitation, NetworkDriver } from "./driver.js";
import { TransientNetworkError } from "./linkedin-client.js";
import type { Pacer } from "./pacer.js";

export type WithdrawEvent =
  | { kind: "session"; account: string }
  | { kind: "listed"; live: number; matched: number; unmatched: number; settled: number }
  | {
      kind: "item";
      name: string;
      outcome: "withdrawn" | "skipped" | "failed";
      done: number;
      total: number;
    };

export interface WithdrawRunOptions {
  driver: NetworkDriver;
  journal: Journal;
  pacer: Pacer;
  /** Pending invitations to withdraw, in the order to withdraw them (oldest first). */
  planned: readonly InvitationView[];
  /** The command line to resume with; holds no secret. */
  command: string;
  now: () => Date;
  reinviteDays: number;
  /** Retries of a request that failed in passing (reset, timeout, 5xx). */
  retries: number;
  /** Marks an invitation the network no longer lists as closed. */
  markClosed: (invitationId: number, at: string) => void;
  onEvent?: (event: WithdrawEvent) => void;
}

export interface WithdrawSummary {
  runId: number;
  account: string | null;
  withdrawn: string[];
  skipped: Array<{ name: string; reason: string }>;
  failed: Array<{ name: string; detail: string }>;
  /** Planned but not attempted because the run stopped. */
  remaining: number;
  /** Requests of an interrupted earlier run, settled against the live list. */
  settled: number;
  stopped: StoppedError | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

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

export async function runWithdrawals(o: WithdrawRunOptions): Promise<WithdrawSummary> {
  const iso = () => o.now().toISOString();
  const summary: WithdrawSummary = {
    runId: o.journal.startRun({
      command: o.command,
      action: "withdraw",
      planned: o.planned.length,
      at: iso(),
    }),
    account: null,
    withdrawn: [],
    skipped: [],
    failed: [],
    remaining: 0,
    settled: 0,
    stopped: null,
  };
  let pending: Array<{ planned: InvitationView; live: LiveInvitation }> = [];
  try {
    const account = (await withRetries(o.pacer, o.retries, () => o.driver.checkSession())).value;
    summary.account = account.publicIdentifier;
    o.journal.setAccount(summary.runId, account.publicIdentifier);
    o.onEvent?.({ kind: "session", account: account.publicIdentifier });
    const live = (await withRetries(o.pacer, o.retries, () => o.driver.listSentInvitations()))
      .value;

    // A request that an earlier run sent without recording its answer: if the invitation is
    // gone from the live list it was withdrawn; if it is still there the request never took
    // effect, and it is planned again below. Either way nothing is sent twice blindly.
    const liveIds = new Set(live.map((l) => l.id));
    const settledIds = new Set<number>();
    for (const entry of o.journal.inFlight("withdraw")) {
      if (liveIds.has(entry.liveId)) {
        o.journal.settle(entry.id, "failed", "interrupted before the answer; still pending", iso());
      } else {
        o.journal.recordWithdrawn(
          entry.id,
          "settled-withdrawn",
          "interrupted; gone from the live list",
          {
            invitationId: entry.invitationId,
            at: iso(),
            reinviteAfter: reinviteAfter(o),
          },
        );
        if (entry.invitationId !== null) settledIds.add(entry.invitationId);
        summary.settled++;
      }
    }
    const planned = o.planned.filter((p) => !settledIds.has(p.id));
    const { matched, unmatched } = matchLive(planned, live);
    for (const p of unmatched) {
      o.markClosed(p.id, iso());
      summary.skipped.push({ name: p.name, reason: "not pending on LinkedIn any more" });
    }
    o.onEvent?.({
      kind: "listed",
      live: live.length,
      matched: matched.length,
      unmatched: unmatched.length,
      settled: summary.settled,
    });
    pending = [...matched];
    let done = 0;

    while (pending.length > 0) {
      const next = pending[0];
      if (!next) break;
      await o.pacer.beforeRequest();
      const entryId = o.journal.intend({
        runId: summary.runId,
        action: "withdraw",
        invitationId: next.planned.id,
        liveId: next.live.id,
        target: next.planned.name,
        at: iso(),
      });
      let outcome: ItemOutcome;
      let retried = false;
      try {
        ({ value: outcome, retried } = await withRetries(o.pacer, o.retries, () =>
          o.driver.withdraw(next.live),
        ));
      } catch (error) {
        if (error instanceof StoppedError) {
          o.journal.settle(entryId, "failed", `stopped: ${error.signal}`, iso());
          throw error;
        }
        if (!(error instanceof TransientNetworkError)) throw error;
        outcome = { ok: false, reason: "refused", detail: error.message };
      }
      pending.shift();
      done++;
      const name = next.planned.name;
      // A 404 right after a lost answer means the lost request did withdraw it.
      if (outcome.ok || (retried && outcome.reason === "not-found")) {
        o.journal.recordWithdrawn(
          entryId,
          "withdrawn",
          outcome.ok ? null : "confirmed by a 404 after a lost answer",
          { invitationId: next.planned.id, at: iso(), reinviteAfter: reinviteAfter(o) },
        );
        summary.withdrawn.push(name);
        o.onEvent?.({
          kind: "item",
          name,
          outcome: "withdrawn",
          done,
          total: matched.length,
        });
      } else if (outcome.reason === "not-found") {
        o.journal.settle(entryId, "not-found", outcome.detail, iso());
        o.markClosed(next.planned.id, iso());
        summary.skipped.push({ name, reason: "not pending on LinkedIn any more" });
        o.onEvent?.({
          kind: "item",
          name,
          outcome: "skipped",
          done,
          total: matched.length,
        });
      } else {
        o.journal.settle(entryId, "refused", outcome.detail, iso());
        summary.failed.push({ name, detail: outcome.detail });
        o.onEvent?.({
          kind: "item",
          name,
          outcome: "failed",
          done,
          total: matched.length,
        });
      }
    }
    o.journal.finishRun(summary.runId, "done", `${summary.withdrawn.length} withdrawn`, iso());
  } catch (error) {
    if (!(error instanceof StoppedError)) {
      o.journal.finishRun(
        summary.runId,
        "failed",
        error instanceof Error ? error.message : String(error),
        iso(),
      );
      throw error;
    }
    summary.stopped = error;
    summary.remaining = pending.length;
    o.journal.finishRun(summary.runId, "stopped", `${error.signal}: ${error.message}`, iso());
  }
  return summary;
}

function reinviteAfter(o: WithdrawRunOptions): string {
  return new Date(o.now().getTime() + o.reinviteDays * DAY_MS).toISOString().slice(0, 10);
}
