/**
 * Renderers for a run that withdraws or removes: its plan (how many, in which order, how long,
 * on how many days, what it means for the reminders), its closing table, and what is left when
 * it ends early; and the runs `invites history` lists. Data in, string out.
 */

import { type DayPlan, SAFE_DAILY_CAP } from "../core/plan.js";
import { m } from "../i18n/index.js";
import type { RunSummary } from "../network/journaled-run.js";
import { DONE_OUTCOMES, type JournalAction, type RunView } from "../store/journal.js";
import type { Colour } from "./colour.js";
import { printable } from "./printable.js";
import { type Column, fitTable, fitTableWithin, n, renderBlocks } from "./tables.js";
import { wrap } from "./wrap.js";

/** The order a run acts in. */
export type RunOrder = "reminder" | "oldest" | "connected";

/** A run as planned: the whole selection on days under the cap, and this run's part of it. */
export interface RunPlan<P> {
  action: JournalAction;
  order: RunOrder;
  /** Everything selected, in the order it goes out. */
  selected: readonly P[];
  /** What this run sends: within --max and what today's cap leaves. */
  plan: readonly P[];
  /** The selection placed on days under the daily cap, from --as-of's day. */
  days: DayPlan<P>;
  /** Requests of this action already sent on that day. */
  sentToday: number;
  dailyCap: number;
  max: number;
  meanDelayMs: number;
  /** The least cap that would spare the reminders this plan still lets go out. */
  spare: { cap: number; stillSent: number } | null;
  /** Today (YYYY-MM-DD, UTC), whose requests count against the cap, and the next day. */
  day: string;
  nextDay: string;
}

export function renderRunPlan<P>(p: RunPlan<P>, colour: Colour, width: number): string {
  const words = m().run;
  const a = words.actions[p.action];
  const w = words.plan;
  const lines = [colour.bold(w.title(a.verb, a.items(p.plan.length), words.order[p.order]))];
  const waiting = p.selected.length - p.plan.length;
  if (waiting > 0) {
    lines.push(
      w.waiting(
        waiting,
        p.plan.length === p.max ? w.byMax(p.max) : w.byCap(p.dailyCap, p.sentToday),
      ),
    );
  }
  if (p.plan.length > 0) {
    lines.push(w.takes(p.meanDelayMs, p.plan.length * p.meanDelayMs));
  }
  if (p.selected.length > 0) {
    if (p.dailyCap === 0) lines.push(w.noCap);
    else {
      const last = p.days.items.at(-1)?.plannedDay ?? p.nextDay;
      lines.push(w.days(p.selected.length, p.dailyCap, p.days.days, last));
    }
  }
  const toCome = p.days.remindersPrevented + p.days.remindersStillSent;
  if (p.action === "withdraw" && p.selected.length > 0 && toCome === 0) lines.push(w.noReminders);
  if (p.action === "withdraw" && p.selected.length > 0 && toCome > 0) {
    const still = p.days.peopleStillReminded;
    let line = w.reminders(p.days.remindersPrevented, still);
    if (still > 0) {
      if (p.spare === null) line += w.spareNone;
      else if (p.spare.stillSent === 0) line += w.spare(p.spare.cap, p.spare.cap > SAFE_DAILY_CAP);
      else line += w.spareSome(p.spare.cap, p.spare.stillSent);
    }
    lines.push(line);
  }
  if (p.plan.length > 0) lines.push(a.consequences);
  return wrap(lines.join("\n"), width);
}

/** Skipped people named in the closing notes, for each reason; the rest are counted. */
const SKIPPED_NAMED = 5;

export function renderRunSummary(
  action: JournalAction,
  s: RunSummary,
  colour: Colour,
  width: number,
): string {
  const words = m().run;
  const w = words.summary;
  const a = words.actions[action];
  const columns = w.head(a.head).map((head): Column => ({ head, align: "right" }));
  const counts = [
    colour.green(n(s.done.length)),
    s.notDone.length > 0 ? colour.red(n(s.notDone.length)) : "0",
    n(s.skipped.length),
    s.failed.length > 0 ? colour.red(n(s.failed.length)) : "0",
    n(s.unverified.length),
    n(s.remaining),
  ];
  const lines = [fitTable(columns, [counts], colour, width)];
  const notes: string[] = [];
  // Named, to be found by hand on LinkedIn: the first few of each reason.
  const reasons = new Map<string, string[]>();
  for (const k of s.skipped) {
    const names = reasons.get(k.reason);
    if (names) names.push(k.name);
    else reasons.set(k.reason, [k.name]);
  }
  for (const [reason, names] of reasons) {
    const shown = names.slice(0, SKIPPED_NAMED).map((name) => printable(name) || m().common.noName);
    notes.push(w.skipped(names.length, reason, shown));
  }
  // Names come from files and the network, details from the network: made printable.
  for (const f of s.notDone)
    notes.push(colour.red(w.notDone(printable(f.name), printable(f.detail))));
  for (const f of s.failed)
    notes.push(colour.red(w.failed(printable(f.name), printable(f.detail))));
  if (s.unverified.length > 0) notes.push(w.unverified(s.unverified.length));
  if (s.settled > 0) notes.push(w.settled(s.settled, a.done));
  if (s.reopened > 0) notes.push(w.reopened(a.items(s.reopened)));
  if (s.interrupted) notes.push(w.interrupted);
  if (notes.length > 0) lines.push(wrap(notes.join("\n"), width));
  return lines.join("\n");
}

/**
 * What is left after a run that did not do all that was selected: how many, when the cap allows
 * the next run, how long the rest takes, and the command to continue. Empty when nothing is left.
 */
export function renderRunEnd<P>(
  p: RunPlan<P>,
  s: RunSummary,
  end: { command: string; capReached: boolean },
  width: number,
): string {
  const words = m().run;
  const w = words.summary;
  // Still to do by a later run: neither done (now or by an earlier run), nor given up, nor
  // answered and waiting for the next run's check.
  const left = Math.max(
    0,
    p.selected.length - s.done.length - s.settled - s.skipped.length - s.unverified.length,
  );
  if (left === 0) return "";
  const lines = [w.left(words.actions[p.action].items(left))];
  if (end.capReached) lines.push(w.capToday(p.nextDay));
  if (p.dailyCap > 0) {
    // Today's cap counts this run's requests too: what it leaves goes out today, the rest on
    // the days after (the plan's days say the same before the run).
    const sent = s.done.length + s.notDone.length + s.failed.length + s.unverified.length;
    const room = end.capReached ? 0 : Math.max(0, p.dailyCap - p.sentToday - sent);
    if (left <= room) lines.push(w.restToday(p.dailyCap));
    else {
      const days = (room > 0 ? 1 : 0) + Math.ceil((left - room) / p.dailyCap);
      lines.push(w.restTakes(days, p.dailyCap));
    }
  }
  lines.push(w.continue(end.command));
  return wrap(lines.join("\n"), width);
}

/** `invites history`: each run, what it did, when, and how it ended. */
export function renderHistory(runs: readonly RunView[], colour: Colour, width: number): string {
  const words = m().history;
  if (runs.length === 0) return colour.dim(words.none);
  const gives: Column["give"][] = ["none", "none", "none", "end"];
  const columns = words.head.map(
    (head, i): Column => ({
      head,
      align: i === 0 || (i >= 4 && i < 10) ? "right" : "left",
      give: i === 10 ? "wrap" : (gives[i] ?? "none"),
    }),
  );
  // Every "done" is verified: a complete re-read of LinkedIn's list no longer showed the item.
  const counted = runs.map((r) => {
    const c = r.counts;
    return {
      run: r,
      done: DONE_OUTCOMES.reduce((sum, outcome) => sum + (c[outcome] ?? 0), 0),
      notDone: c["not-done"] ?? 0,
      skipped: r.skipped ?? c["not-found"] ?? 0,
      failed: (c.refused ?? 0) + (c.failed ?? 0),
      unsettled: c.unsettled ?? 0,
    };
  });
  /** The cells both layouts begin with: the run, when, what, whose, how many planned. */
  const lead = (r: RunView) => [
    String(r.id),
    m().fmt.dayTime(r.startedAt),
    words.action(r.action),
    printable(r.account ?? ""),
    n(r.planned),
  ];
  const ended = (r: RunView) =>
    r.outcome === null ? words.interrupted : printable(words.ended(r.outcome, r.detail));
  const full = fitTableWithin(
    columns,
    counted.map((k) => [
      ...lead(k.run),
      n(k.done),
      n(k.notDone),
      n(k.skipped),
      n(k.failed),
      n(k.unsettled),
      ended(k.run),
    ]),
    colour,
    width,
  );
  if (full !== undefined) return full;
  // Too wide: the counts that are not 0 in one column, the start's day above its time.
  const [id, start, action, account, planned, , , , , , end] = columns as Column[];
  const c = words.counts;
  const result = (k: (typeof counted)[number]) =>
    [
      c.done(k.done),
      k.notDone > 0 ? c.notDone(k.notDone) : "",
      k.skipped > 0 ? c.skipped(k.skipped) : "",
      k.failed > 0 ? c.failed(k.failed) : "",
      k.unsettled > 0 ? c.unsettled(k.unsettled) : "",
    ]
      .filter(Boolean)
      .join(", ");
  const compact = fitTableWithin(
    [
      id as Column,
      { ...(start as Column), give: "wrap" },
      action as Column,
      account as Column,
      planned as Column,
      { head: words.result, give: "wrap" },
      end as Column,
    ],
    counted.map((k) => [...lead(k.run), result(k), ended(k.run)]),
    colour,
    width,
  );
  if (compact !== undefined) return compact;
  // Narrower still: each run as lines of a label and its value, under its number and start.
  const head = (column: Column | undefined) => column?.head.replace(/\s+/g, " ") ?? "";
  return renderBlocks(
    counted.map((k) => {
      const [number, started, what, whose, many] = lead(k.run);
      return {
        title: `${colour.bold(`#${number}`)}  ${words.startedUtc(started ?? "")}  ${what}`,
        fields: [
          [head(account), whose ?? ""],
          [head(planned), many ?? ""],
          [words.result, result(k)],
          [head(end), ended(k.run)],
        ] as const,
      };
    }),
    width,
  );
}
