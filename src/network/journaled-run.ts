/**
 * One journaled run of requests that change something on the network (withdrawals, removals).
 *
 * Nothing is recorded as done, closed or gone from an answer alone: an answer is journaled as
 * such, and the outcome is decided by a complete read of the live list that shows whether the
 * item is still there. That read runs at the start (settling what earlier runs left open), after
 * the first request of the run (the canary: a way of writing that answers but does not act is
 * dropped before it is used on everyone), after every VERIFY_EVERY requests, after any lost
 * answer (before anything is sent again), and at the end. A complete read costs a request a
 * page, so the regular reads wait for READ_SHARE_INVERSE requests for every page the last read
 * took: beyond the first read and the canary's, reading costs at most a quarter as many requests
 * as the run sends, however long the list (2,000 pending at LinkedIn's 10 a page, read every 25
 * withdrawals, would be eight page reads for every withdrawal).
 *
 * A request whose answer was lost is never repeated blindly: the re-read settles it, and a retry
 * goes out only for an item the list proves still pending, up to `maxTries` over all runs. A
 * request without an answer (lost, or its run killed) may still be under way at LinkedIn for a
 * while, and a read in that while proves nothing about it: the read that settles it waits until
 * `settleAfterMs` have passed since it went out, and one that comes sooner (Ctrl-C during the
 * wait) leaves it open.
 * Several failures in a row stop the run (exit 3), as a careful person would stop clicking.
 * There is no UI here: progress goes out through a callback.
 */
import type { LiveKeys, MatchResult, UncertainReason } from "../core/matching.js";
import { StoppedError, TurnedAwayError } from "../errors.js";
import { m } from "../i18n/index.js";
import type { Journal, JournalAction, JournalAnswer, JournalOutcome } from "../store/journal.js";
import type { ItemOutcomes } from "../store/outcomes.js";
import type { Account, ItemOutcome, LiveList, NetworkDriver } from "./driver.js";
import type { Pacer } from "./pacer.js";
import { STOP_ADVICE } from "./signals.js";
import { TransientNetworkError } from "./transport.js";

/** A planned item: its row id in the store and the name the user knows it by. */
export interface PlannedItem {
  id: number;
  name: string;
}

/** What one kind of run reads, sends and records. */
export interface RunAction<P extends PlannedItem, L extends LiveKeys> {
  /** The journal's name of the action. */
  name: JournalAction;
  /** The journal outcome of a request that took effect, answered and unanswered. */
  done: "withdrawn" | "removed";
  settledDone: "settled-withdrawn" | "settled-removed";

  list(driver: NetworkDriver): Promise<LiveList<L>>;
  /** Planned items to live rows; an item the list cannot show is uncertain, never unmatched. */
  match(planned: readonly P[], live: LiveList<L>): MatchResult<P, L>;
  send(driver: NetworkDriver, live: L): Promise<ItemOutcome>;
  /** Whether the driver has a way left for this item (driver.ts, canWithdraw). */
  canSend(driver: NetworkDriver, live: L): boolean;
  /**
   * Runs after the pacer's wait and before the request is journaled and sent, before every
   * attempt (the removed-connections CSV). Throwing ends the run with nothing sent.
   */
  beforeSend?(planned: P, live: L, at: string): void;
  /** Records in the store what a settled entry means for its item. */
  outcomes: ItemOutcomes;
}

export type RunEvent =
  | { kind: "session"; account: string }
  | {
      kind: "listed";
      live: number;
      matched: number;
      unmatched: number;
      settled: number;
      reopened: number;
    }
  | {
      kind: "item";
      name: string;
      /** "unclear": no answer that tells (lost, cut off, a server error); the list decides. */
      answer: "done" | "not-found" | "failed" | "unclear";
      /** The item's place in the run: a retry keeps the place of its first request. */
      done: number;
      total: number;
    }
  | { kind: "verified"; done: number; notDone: number; settled: number }
  /** A read waits for unanswered requests that may still be under way. */
  | { kind: "waiting"; ms: number; requests: number };

export interface RunOptions<P extends PlannedItem, L extends LiveKeys> {
  action: RunAction<P, L>;
  driver: NetworkDriver;
  journal: Journal;
  pacer: Pacer;
  /** The items to act on, in order. */
  planned: readonly P[];
  /** Any stored item by id, planned or not: to settle earlier runs' entries and reopen. */
  known: (ids: readonly number[]) => P[];
  /** The command line to resume with; holds no secret. */
  command: string;
  now: () => Date;
  /** Retries of a read that failed in passing (reset, timeout, 5xx): reads change nothing. */
  retries: number;
  /** Requests for one item, over all runs, before it is left to the user. */
  maxTries?: number;
  /** Failed requests in a row that stop the run. */
  breaker?: number;
  /**
   * Requests of this action a UTC day, over all runs: the plan holds no more items than it
   * leaves, and a retry that would go past it waits, with what is left, for another day.
   */
  dailyCap?: number;
  /** How long after it went out an unanswered request may still be under way: SETTLE_AFTER_MS. */
  settleAfterMs?: number;
  /** Throws when the session is not the account the data belongs to; before any write. */
  checkAccount?: (account: Account) => void;
  /**
   * Aborted, ends the run before its next request (Ctrl-C), also during the pause before it. The
   * request under way is finished and recorded first; what it left open is settled by the next
   * run.
   */
  stop?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
}

export interface RunSummary {
  runId: number;
  account: string | null;
  /** Items this run's requests did, verified by a read that no longer lists them. */
  done: string[];
  /** Answered as done, but LinkedIn still lists them: pending again for the next run. */
  notDone: Array<{ name: string; detail: string }>;
  skipped: Array<{ name: string; reason: string }>;
  failed: Array<{ name: string; detail: string }>;
  /** Answered, but the run stopped before a read could verify them; the next run settles them. */
  unverified: string[];
  /** Planned but not attempted because the run stopped. */
  remaining: number;
  /** Requests of an interrupted earlier run, settled against the live list as done. */
  settled: number;
  /** Items an earlier run took for closed that LinkedIn lists again. */
  reopened: number;
  stopped: StoppedError | null;
  /** Ended by the user (Ctrl-C) between two requests. */
  interrupted: boolean;
}

export const DEFAULT_MAX_TRIES = 3;
export const DEFAULT_BREAKER = 3;
/** Requests between two verifying reads of the live list, at the least. */
const VERIFY_EVERY = 25;
/** Regular reads wait for this many requests for every page the last read took. */
const READ_SHARE_INVERSE = 4;

/** Why a request that did not take effect failed, in the network's words. */
function stillListed(s: { answer: JournalAnswer | null; answerDetail: string | null }): string {
  const r = m().run.reasons;
  return r.stillListed(s.answer === null ? r.noAnswer : r.answers[s.answer], s.answerDetail);
}

/** Why an item is left to the user, in the language in use. */
function uncertainReason(reason: UncertainReason): string {
  const r = m().run.reasons;
  const said = {
    "no-keys": r.noKeys,
    namesakes: r.namesakes,
    "other-profile": r.otherProfile,
    "unlisted-email": r.unlistedEmail,
  }[reason];
  return r.byHand(said);
}

async function withRetries<T>(pacer: Pacer, retries: number, call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof TransientNetworkError) || attempt >= retries) throw error;
      await pacer.beforeRetry(attempt + 1);
    }
  }
}

/** A request of this run waiting for the read that decides it. */
interface Sent<P, L> {
  planned: P;
  live: L;
  via: string | null;
  /**
   * The refusal came in the surface's own words (driver.ts, definite): the way that answered
   * serves, and an item it leaves listed is refused, not a reason to retire that way.
   */
  definite?: boolean;
}

/**
 * How long after it went out a request without an answer may still be under way at LinkedIn:
 * twice the transports' 30 s timeout, so that one given up on has had as long again to arrive.
 */
export const SETTLE_AFTER_MS = 60_000;

export async function runJournaled<P extends PlannedItem, L extends LiveKeys>(
  o: RunOptions<P, L>,
): Promise<RunSummary> {
  const { action, journal, driver } = o;
  const maxTries = o.maxTries ?? DEFAULT_MAX_TRIES;
  const breaker = o.breaker ?? DEFAULT_BREAKER;
  const settleAfter = o.settleAfterMs ?? SETTLE_AFTER_MS;
  /** An entry whose request got no answer and may still be under way. */
  const underWay = (e: { answer: JournalAnswer | null; intentAt: string }) =>
    (e.answer === null || e.answer === "lost") &&
    o.now().getTime() - Date.parse(e.intentAt) < settleAfter;
  let verifyEvery = VERIFY_EVERY;
  const iso = () => o.now().toISOString();
  const scrub = (text: string) => driver.scrub(text);
  const summary: RunSummary = {
    runId: journal.startRun({
      command: o.command,
      action: action.name,
      planned: o.planned.length,
      at: iso(),
    }),
    account: null,
    done: [],
    notDone: [],
    skipped: [],
    failed: [],
    unverified: [],
    remaining: 0,
    settled: 0,
    reopened: 0,
    stopped: null,
    interrupted: false,
  };
  const words = m().run;
  const gone = words.actions[action.name].gone;
  const runId = summary.runId;
  /** This run's requests by journal entry, until a read settles them. */
  const sent = new Map<number, Sent<P, L>>();
  let queue: Array<{ planned: P; live: L }> = [];
  /** Whether the queue was made from the live list: before that, nothing planned was sent. */
  let listed = false;
  /** Until one request of this run is verified done, every request is verified at once. */
  let canary = true;

  const readLive = async () => {
    const live = await withRetries(o.pacer, o.retries, () => action.list(driver));
    verifyEvery = Math.max(VERIFY_EVERY, READ_SHARE_INVERSE * live.requests);
    return live;
  };

  /**
   * Settles every open entry of this action by the complete live list: gone after an answer
   * that could have done it means done; gone after "not there" means closed; still listed
   * means not done. Entries whose item the list cannot show stay open. Returns the items of
   * this run's entries that are still pending, with how their request went out.
   */
  const settleAll = (live: LiveList<L>) => {
    const entries = journal.unsettled(action.name);
    const items = new Map(
      o.known(entries.flatMap((e) => (e.itemId === null ? [] : [e.itemId]))).map((p) => [p.id, p]),
    );
    const { matched, unmatched } = action.match([...items.values()], live);
    const present = new Set(matched.map((m) => m.planned.id));
    const absent = new Set(unmatched.map((p) => p.id));
    const liveIds = new Set(live.items.map((l) => l.id));
    const stillPending: Array<
      Sent<P, L> & { answer: JournalAnswer | null; answerDetail: string | null }
    > = [];
    let done = 0;
    let notDone = 0;
    let settled = 0;
    /** Items this read showed done: an earlier run's request took effect. */
    const doneIds = new Set<number>();
    for (const e of entries) {
      const at = iso();
      const item = e.itemId === null ? undefined : items.get(e.itemId);
      // The request's own live id decides, where it comes from the same list: exact, and blind
      // to namesakes. An id of another list (LinkedIn changed surfaces since) is no proof, so
      // the person is matched as a plan is.
      const byId = e.surface === live.surface || !item;
      const isPresent = byId ? liveIds.has(e.liveId) : present.has(item.id);
      const isAbsent = byId ? !liveIds.has(e.liveId) : absent.has(item.id);
      const mine = sent.get(e.id);
      // Still listed proves nothing while the request may yet arrive: it stays open.
      if (isPresent && underWay(e)) continue;
      if (isPresent) {
        const outcome: JournalOutcome =
          e.answer === "ok"
            ? "not-done"
            : e.answer === null ||
                e.answer === "lost" ||
                e.answer === "unclear" ||
                e.answer === "stopped"
              ? "failed"
              : "refused";
        const detail =
          e.answer === "ok"
            ? words.reasons.notDone
            : e.answer === null
              ? words.reasons.interrupted
              : stillListed(e);
        journal.settle(e.id, outcome, detail, at);
        if (mine) {
          stillPending.push({ ...mine, answer: e.answer, answerDetail: e.answerDetail });
          if (outcome === "not-done") {
            notDone++;
            summary.notDone.push({ name: mine.planned.name, detail });
          }
          sent.delete(e.id);
        }
      } else if (isAbsent) {
        if (e.answer === "not-found" || e.answer === "refused" || e.answer === "turned-away") {
          journal.settleWith(e.id, "not-found", words.reasons.notListed, at, () => {
            if (e.itemId !== null) action.outcomes.markGone(e.itemId, at, runId);
          });
          if (mine) summary.skipped.push({ name: mine.planned.name, reason: gone });
        } else {
          const outcome = e.answer === "ok" ? action.done : action.settledDone;
          journal.settleWith(
            e.id,
            outcome,
            e.answer === "ok"
              ? null
              : e.answer === "unclear"
                ? words.reasons.settledUnclear
                : words.reasons.settledNoAnswer,
            at,
            () => {
              if (e.itemId !== null) action.outcomes.markDone(e.itemId, at);
            },
          );
          if (e.itemId !== null) doneIds.add(e.itemId);
          if (mine) {
            summary.done.push(mine.planned.name);
            done++;
          } else {
            summary.settled++;
            settled++;
          }
        }
        sent.delete(e.id);
      }
    }
    return { stillPending, done, notDone, settled, doneIds };
  };

  /** Items an earlier run took for closed that this complete read lists again. */
  const reopen = (live: LiveList<L>) => {
    const closed = o.known(action.outcomes.closedByRuns());
    const listed = action.match(closed, live).matched.map((m) => m.planned.id);
    if (listed.length > 0) action.outcomes.reopen(listed);
    summary.reopened += listed.length;
  };

  /**
   * A complete read, once no unanswered request can still be under way (underWay): before then
   * it could not tell whether one took effect. Ctrl-C ends the wait; such requests stay open.
   */
  const readSettled = async () => {
    const waiting = journal.unsettled(action.name).filter(underWay);
    if (waiting.length > 0) {
      const youngest = Math.max(...waiting.map((e) => Date.parse(e.intentAt)));
      const ms = youngest + settleAfter - o.now().getTime();
      if (ms > 0) {
        o.onEvent?.({ kind: "waiting", ms, requests: waiting.length });
        await o.pacer.wait(ms, o.stop);
      }
    }
    return readLive();
  };

  /** A complete re-read that decides this run's open requests; returns the still pending. */
  const verify = async () => {
    const live = await readSettled();
    const result = settleAll(live);
    reopen(live);
    o.onEvent?.({
      kind: "verified",
      done: result.done,
      notDone: result.notDone,
      settled: result.settled,
    });
    if (result.done > 0) canary = false;
    for (const s of result.stillPending) {
      if (!canary || s.answer !== "ok" || s.via === null) continue;
      // The first request of the run answered done and did nothing: that way is not used on
      // anyone else. The item waits for the next run.
      if (!driver.distrust(s.via as ItemOutcome["via"], action.name)) {
        throw new StoppedError(
          "changed",
          words.reasons.noWayLeft(s.planned.name),
          STOP_ADVICE.changed,
        );
      }
    }
    return result.stillPending;
  };

  /**
   * Requests a read found without effect: failed, but for the one whose answer was lost or
   * unclear, which goes again while its tries last. (Answered done but still listed is "not
   * done".) An unclear "not there" for an item still listed came from a way that does not
   * serve: the retry goes another way, and with no other way left it fails.
   */
  const failStillPending = (
    stillPending: Awaited<ReturnType<typeof verify>>,
    retryId: number | null,
  ) => {
    for (const s of stillPending) {
      if (s.answer === "ok") continue;
      const retry =
        s.planned.id === retryId &&
        journal.attempts(action.name, s.planned.id) < maxTries &&
        !(
          s.answer === "unclear" &&
          s.via !== null &&
          // The surface's own "Failed to withdraw" for an item still listed: that way serves,
          // LinkedIn refused this item. Retiring the way would leave the rest of the run none.
          (s.definite === true || !driver.distrust(s.via as ItemOutcome["via"], action.name))
        );
      if (retry) queue.unshift({ planned: s.planned, live: s.live });
      else summary.failed.push({ name: s.planned.name, detail: stillListed(s) });
    }
  };

  try {
    const account = await withRetries(o.pacer, o.retries, () => driver.checkSession());
    // Checked before the run records the account: a session of another member is refused, and
    // the history does not name that member as the run's.
    o.checkAccount?.(account);
    summary.account = account.publicIdentifier;
    journal.setAccount(runId, account.publicIdentifier);
    o.onEvent?.({ kind: "session", account: account.publicIdentifier });

    const live = await readSettled();
    const { doneIds } = settleAll(live);
    reopen(live);
    const open = new Set(
      journal.unsettled(action.name).flatMap((e) => (e.itemId === null ? [] : [e.itemId])),
    );
    // Planned from the store before the read: what the read just settled as done is done.
    const planned = o.planned.filter((p) => {
      if (doneIds.has(p.id)) return false;
      if (!open.has(p.id)) return true;
      summary.skipped.push({ name: p.name, reason: words.reasons.unsettled });
      return false;
    });
    const { matched, unmatched, uncertain } = action.match(planned, live);
    for (const p of unmatched) {
      action.outcomes.markGone(p.id, iso(), runId);
      summary.skipped.push({ name: p.name, reason: gone });
    }
    for (const { planned: p, reason } of uncertain) {
      summary.skipped.push({ name: p.name, reason: uncertainReason(reason) });
    }
    queue = matched.filter(({ planned: p }) => {
      if (journal.attempts(action.name, p.id) < maxTries) return true;
      summary.skipped.push({ name: p.name, reason: words.reasons.tried(maxTries) });
      return false;
    });
    o.onEvent?.({
      kind: "listed",
      live: live.items.length,
      matched: queue.length,
      unmatched: unmatched.length + uncertain.length,
      settled: summary.settled,
      reopened: summary.reopened,
    });

    const total = queue.length;
    listed = true;
    /** Each item's place in the run, from its first request. */
    const places = new Map<number, number>();
    let failures = 0;
    /** What the network said when a request got no answer that tells (scrubbed). */
    let unclear: string | null = null;
    let sinceVerify = 0;
    while (queue.length > 0) {
      if (!o.stop?.aborted) await o.pacer.beforeRequest(o.stop);
      // Asked after the pause as well: a Ctrl-C during it sends nothing more.
      if (o.stop?.aborted) {
        summary.interrupted = true;
        break;
      }
      if (
        o.dailyCap !== undefined &&
        journal.requestsOn(action.name, iso().slice(0, 10)) >= o.dailyCap
      ) {
        break;
      }
      const next = queue.shift();
      if (!next) break;
      // Every way that fits this item was retired in this run: stopped before anything is
      // journaled or written, so that no request is recorded that never went out.
      if (!action.canSend(driver, next.live)) {
        queue.unshift(next);
        throw new StoppedError(
          "changed",
          words.reasons.noWayFor(next.planned.name),
          STOP_ADVICE.changed,
        );
      }
      action.beforeSend?.(next.planned, next.live, iso());
      const entryId = journal.intend({
        runId,
        action: action.name,
        itemId: next.planned.id,
        liveId: next.live.id,
        surface: live.surface,
        target: next.planned.name,
        at: iso(),
      });
      sent.set(entryId, { ...next, via: null });
      let outcome: ItemOutcome | null = null;
      try {
        outcome = await action.send(driver, next.live);
      } catch (error) {
        if (error instanceof StoppedError) {
          // Left open: the next run's read tells whether it took effect before the stop. A
          // request the answer turned away did not, whatever that read shows.
          const answer = error instanceof TurnedAwayError ? "turned-away" : "stopped";
          journal.answer(entryId, answer, null, scrub(error.message), iso());
          // In the closing table too: turned away, it is still to do (not reached); else it
          // stays to verify, as the next run's read will.
          if (answer === "turned-away") {
            sent.delete(entryId);
            queue.unshift(next);
          }
          throw error;
        }
        if (!(error instanceof TransientNetworkError)) throw error;
        unclear = scrub(error.message);
        journal.answer(entryId, "lost", null, unclear, iso());
      }
      const place = places.get(next.planned.id) ?? places.size + 1;
      places.set(next.planned.id, place);
      const name = next.planned.name;
      /** No answer that tells (lost, or unclear): the list decides before anything more. */
      const undecided = outcome === null || (!outcome.ok && outcome.unclear === true);
      if (outcome) {
        const answer: JournalAnswer = outcome.ok
          ? "ok"
          : outcome.unclear
            ? "unclear"
            : outcome.reason;
        journal.answer(
          entryId,
          answer,
          outcome.via,
          outcome.ok ? null : scrub(outcome.detail),
          iso(),
        );
        const mine = sent.get(entryId) as Sent<P, L>;
        mine.via = outcome.via;
        if (!outcome.ok && outcome.definite) mine.definite = true;
      }
      failures = outcome?.ok ? 0 : failures + 1;
      o.onEvent?.({
        kind: "item",
        name,
        answer:
          outcome === null || undecided
            ? "unclear"
            : outcome.ok
              ? "done"
              : outcome.reason === "not-found"
                ? "not-found"
                : "failed",
        done: place,
        total,
      });
      if (failures >= breaker) {
        throw new StoppedError(
          "failing",
          words.reasons.breaker(
            failures,
            outcome
              ? outcome.ok
                ? ""
                : scrub(outcome.detail)
              : (unclear ?? words.reasons.noAnswer),
          ),
          STOP_ADVICE.failing,
        );
      }
      sinceVerify++;
      if (undecided || canary || sinceVerify >= verifyEvery) {
        sinceVerify = 0;
        // A lost or unclear answer is settled by the read; an item it proves still pending may
        // be sent again, within the bound over all runs.
        failStillPending(await verify(), undecided ? next.planned.id : null);
      }
    }
    // The end's complete read decides this run's requests, after Ctrl-C too: it only reads.
    if (sent.size > 0) failStillPending(await verify(), null);
    // Requests whose item the list cannot show either way stay open for a later read.
    summary.unverified = [...sent.values()].map((s) => s.planned.name);
    summary.remaining = queue.length;
    const verified = words.reasons.verifiedDone(
      summary.done.length,
      words.actions[action.name].done,
    );
    journal.finishRun(
      runId,
      summary.interrupted ? "stopped" : "done",
      summary.interrupted ? words.reasons.byCtrlC(verified) : verified,
      iso(),
      summary.skipped.length,
    );
  } catch (error) {
    summary.unverified = [...sent.values()].map((s) => s.planned.name);
    if (!(error instanceof StoppedError)) {
      journal.finishRun(
        runId,
        // LinkedIn out of reach ends the run as a stop does: the same command resumes it.
        error instanceof TransientNetworkError ? "stopped" : "failed",
        scrub(error instanceof Error ? error.message : String(error)),
        iso(),
        summary.skipped.length,
      );
      throw error;
    }
    summary.stopped = error;
    // Stopped before the list was read: everything planned is still to do.
    summary.remaining = listed ? queue.length : o.planned.length;
    journal.finishRun(
      runId,
      "stopped",
      scrub(error.message),
      iso(),
      summary.skipped.length,
      error.signal,
    );
  }
  return summary;
}
