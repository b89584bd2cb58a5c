/** Renderers for the plan of a journaled run (withdraw, remove) and its closing summary. */
import type { ChalkInstance } from "chalk";
import type { RunSummary } from "../network/journaled-run.js";
import { printable } from "./printable.js";
import { count, n, table } from "./tables.js";

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (ms < 60_000) return `${Math.max(1, Math.round(ms / 1000))} s`;
  return minutes < 90 ? `${minutes} min` : `${(minutes / 60).toFixed(1)} h`;
}

/** How a run names what it does: "withdraw" / "invitation", "remove" / "connection". */
export interface RunWords {
  verb: string;
  noun: string;
  /** Past tense, for the summary's first column. */
  done: string;
  /** The order items are acted on, e.g. "oldest first". */
  order: string;
  /** Said when anything is planned: what the other side sees and what cannot be undone. */
  consequences: string;
}

export function renderRunPlan(
  words: RunWords,
  p: {
    selected: number;
    planned: number;
    max: number;
    dailyCap: number;
    sentToday: number;
    meanDelayMs: number;
  },
  colour: ChalkInstance,
): string {
  const lines = [
    colour.bold(`Plan: ${words.verb} ${count(p.planned, words.noun)}, ${words.order}.`),
  ];
  if (p.planned < p.selected) {
    const why =
      p.planned === p.max
        ? `--max ${n(p.max)}`
        : `the daily cap of ${n(p.dailyCap)} (${n(p.sentToday)} sent today; --daily-cap changes it)`;
    lines.push(`${n(p.selected - p.planned)} more are selected but wait for another run: ${why}.`);
  }
  if (p.planned > 0) {
    lines.push(
      `At ${(p.meanDelayMs / 1000).toFixed(1)} s a request this takes about ${duration(p.planned * p.meanDelayMs)}.`,
      words.consequences,
    );
  }
  return lines.join("\n");
}

export function renderRunSummary(words: RunWords, s: RunSummary, colour: ChalkInstance): string {
  const head = words.done.charAt(0).toUpperCase() + words.done.slice(1);
  const t = table(
    [`${head}, verified`, "Not done", "Skipped", "Failed", "To verify", "Remaining"],
    colour,
    { colAligns: ["right", "right", "right", "right", "right", "right"] },
  );
  t.push([
    colour.green(n(s.done.length)),
    s.notDone.length > 0 ? colour.red(n(s.notDone.length)) : "0",
    n(s.skipped.length),
    s.failed.length > 0 ? colour.red(n(s.failed.length)) : "0",
    n(s.unverified.length),
    n(s.remaining),
  ]);
  const lines = [t.toString()];
  const reasons = new Map<string, number>();
  for (const k of s.skipped) reasons.set(k.reason, (reasons.get(k.reason) ?? 0) + 1);
  for (const [reason, times] of reasons) lines.push(`Skipped ${n(times)}: ${reason}.`);
  // Names come from files and the network, details from the network: made printable.
  for (const f of s.notDone) {
    lines.push(
      colour.red(
        `Not done: ${printable(f.name)}: ${printable(f.detail)}; it stays pending for the next run.`,
      ),
    );
  }
  for (const f of s.failed) {
    lines.push(colour.red(`Failed: ${printable(f.name)}: ${printable(f.detail)}`));
  }
  if (s.unverified.length > 0) {
    lines.push(
      `${count(s.unverified.length, "request")} answered but not yet checked against LinkedIn's list; the next run checks them before it sends anything.`,
    );
  }
  if (s.settled > 0)
    lines.push(`${count(s.settled, "request")} of an interrupted run settled as ${words.done}.`);
  if (s.reopened > 0)
    lines.push(
      `${count(s.reopened, words.noun)} an earlier run found gone LinkedIn lists again: open again.`,
    );
  return lines.join("\n");
}
