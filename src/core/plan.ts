/**
 * When each selected item can go out under the daily cap, and what that means for the reminders
 * LinkedIn sends about one and two weeks after an invitation (REMINDER_DAYS): how many the plan
 * prevents, how many people still get one before their turn, and the cap that would spare them.
 * Pure: the items, "today", the cap and what went out today already come in.
 */

import { DAY_MS, REMINDER_DAYS } from "./days.js";

/**
 * Above this daily cap, or below this pace, a run against linkedin.com acts faster than any
 * person clicks, which is what gets accounts restricted: the user has to say so (--accept-risk).
 */
export const SAFE_DAILY_CAP = 300;
export const SAFE_MIN_PACE_MS = 1000;

/** Requests a day when --daily-cap is not given. */
export const DEFAULT_DAILY_CAP = 100;

export interface Plannable {
  /** ISO 8601 send time of an invitation; null for what has no reminders (a connection). */
  sentAt: string | null;
}

export interface PlannedDay<T> {
  item: T;
  /** YYYY-MM-DD (UTC) on which the cap lets it go out; null when the cap is 0. */
  plannedDay: string | null;
  /** The next reminder after today while it stays pending, or null past the last one. */
  nextReminder: string | null;
}

export interface DayPlan<T> {
  items: Array<PlannedDay<T>>;
  /** Distinct planned days. */
  days: number;
  /** Reminders still to come that go out after the item's planned day: spared. */
  remindersPrevented: number;
  /** Reminders still to come on or before the item's planned day: sent all the same. */
  remindersStillSent: number;
  /** People who get at least one of those. */
  peopleStillReminded: number;
}

export interface PlanRules {
  asOf: Date;
  dailyCap: number;
  /** Requests of this action already sent on asOf's day. */
  alreadyToday: number;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The reminders of an invitation still to come after `asOf`, as days. */
function remindersAfter(sentAt: string | null, asOf: Date): string[] {
  if (sentAt === null) return [];
  const sent = Date.parse(sentAt);
  return REMINDER_DAYS.map((d) => sent + d * DAY_MS)
    .filter((at) => at > asOf.getTime())
    .map(isoDay);
}

/**
 * Places the items, in their order, on days: what today's cap leaves first, then the full cap
 * each day after. A reminder on the very day an item is planned counts as sent: it may go out
 * before the run does.
 */
export function planDays<T extends Plannable>(items: readonly T[], rules: PlanRules): DayPlan<T> {
  const today = Date.UTC(
    rules.asOf.getUTCFullYear(),
    rules.asOf.getUTCMonth(),
    rules.asOf.getUTCDate(),
  );
  const plan: DayPlan<T> = {
    items: [],
    days: 0,
    remindersPrevented: 0,
    remindersStillSent: 0,
    peopleStillReminded: 0,
  };
  let day = 0;
  let left = Math.max(0, rules.dailyCap - rules.alreadyToday);
  const days = new Set<string>();
  for (const item of items) {
    const reminders = remindersAfter(item.sentAt, rules.asOf);
    let plannedDay: string | null = null;
    if (rules.dailyCap > 0) {
      while (left === 0) {
        day++;
        left = rules.dailyCap;
      }
      left--;
      plannedDay = isoDay(today + day * DAY_MS);
      days.add(plannedDay);
    }
    const sent = plannedDay === null ? reminders : reminders.filter((r) => r <= plannedDay);
    plan.remindersStillSent += sent.length;
    plan.remindersPrevented += reminders.length - sent.length;
    if (sent.length > 0) plan.peopleStillReminded++;
    plan.items.push({ item, plannedDay, nextReminder: reminders[0] ?? null });
  }
  plan.days = days.size;
  return plan;
}

/**
 * Each item's reminders still to come, as days after asOf's day (0 is asOf's own), in one flat
 * list with each item's count beside it: what the search for a cap counts over and over, without
 * a date or a string.
 */
function reminderOffsets(items: readonly Plannable[], asOf: Date) {
  const today = Math.floor(asOf.getTime() / DAY_MS);
  const counts = new Uint8Array(items.length);
  const offsets: number[] = [];
  items.forEach((item, i) => {
    if (item.sentAt === null) return;
    const sent = Date.parse(item.sentAt);
    for (const d of REMINDER_DAYS) {
      const at = sent + d * DAY_MS;
      if (at > asOf.getTime()) {
        offsets.push(Math.floor(at / DAY_MS) - today);
        counts[i] = (counts[i] ?? 0) + 1;
      }
    }
  });
  return { counts, offsets };
}

/** planDays's remindersStillSent at `cap`, from the offsets: the same placing, by arithmetic. */
function stillSentAt(
  { counts, offsets }: ReturnType<typeof reminderOffsets>,
  cap: number,
  alreadyToday: number,
): number {
  if (cap <= 0) return offsets.length;
  const firstDay = Math.max(0, cap - alreadyToday);
  let sent = 0;
  let next = 0;
  for (let i = 0; i < counts.length; i++) {
    const day = i < firstDay ? 0 : 1 + Math.floor((i - firstDay) / cap);
    const end = next + (counts[i] ?? 0);
    for (; next < end; next++) if ((offsets[next] ?? 0) <= day) sent++;
  }
  return sent;
}

/**
 * The smallest daily cap at which the plan sends no more reminders than it must (those due
 * today, which no cap prevents), rounded up to a ten; null when the cap in use does that already.
 */
export function capSparingReminders<T extends Plannable>(
  items: readonly T[],
  rules: PlanRules,
): { cap: number; stillSent: number } | null {
  if (items.length === 0) return null;
  const reminders = reminderOffsets(items, rules.asOf);
  const at = (cap: number) => stillSentAt(reminders, cap, rules.alreadyToday);
  const best = at(rules.alreadyToday + items.length);
  if (at(rules.dailyCap) <= best) return null;
  // Fewer reminders the higher the cap: the least cap that reaches the best, by bisection.
  let low = Math.max(1, rules.dailyCap);
  let high = rules.alreadyToday + items.length;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (at(mid) <= best) high = mid;
    else low = mid + 1;
  }
  return { cap: Math.ceil(low / 10) * 10, stillSent: best };
}
