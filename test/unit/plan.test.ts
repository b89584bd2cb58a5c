import { describe, expect, it } from "vitest";
import {
  capSparingReminders,
  type Plannable,
  type PlanRules,
  planDays,
} from "../../src/core/plan.js";
import { random } from "../support/random.js";

const asOf = new Date("2026-11-20T23:59:59Z");
/** Invitations sent `daysAgo` days before asOf's morning. */
const sent = (count: number, daysAgo: number) =>
  Array.from({ length: count }, () => ({
    sentAt: new Date(Date.parse("2026-11-20T09:00:00Z") - daysAgo * 86_400_000).toISOString(),
  }));

describe("placing a plan on days under the daily cap", () => {
  it("takes 25 days for 2,450 invitations at 100 a day", () => {
    const plan = planDays(sent(2450, 20), { asOf, dailyCap: 100, alreadyToday: 0 });
    expect(plan.days).toBe(25);
    expect(plan.items[0]?.plannedDay).toBe("2026-11-20");
    expect(plan.items[99]?.plannedDay).toBe("2026-11-20");
    expect(plan.items[100]?.plannedDay).toBe("2026-11-21");
    expect(plan.items.at(-1)?.plannedDay).toBe("2026-12-14");
  });

  it("fills today only with what the cap leaves after the requests sent today", () => {
    const plan = planDays(sent(100, 20), { asOf, dailyCap: 100, alreadyToday: 40 });
    expect(plan.items.filter((i) => i.plannedDay === "2026-11-20")).toHaveLength(60);
    expect(plan.items.filter((i) => i.plannedDay === "2026-11-21")).toHaveLength(40);
    expect(plan.days).toBe(2);
  });

  it("counts the reminders a plan spares and those that go out before an item's turn", () => {
    // Sent 6 days ago: reminders tomorrow and in 8 days. Sent 20 days ago: none left.
    const items = [...sent(3, 6), ...sent(2, 20)];
    const plan = planDays(items, { asOf, dailyCap: 2, alreadyToday: 0 });
    expect(plan.items.map((i) => i.plannedDay)).toEqual([
      "2026-11-20",
      "2026-11-20",
      "2026-11-21",
      "2026-11-21",
      "2026-11-22",
    ]);
    expect(plan.items[0]?.nextReminder).toBe("2026-11-21");
    expect(plan.items[4]?.nextReminder).toBeNull();
    // The first two spare both reminders; the third goes out on its first reminder's day.
    expect(plan.remindersPrevented).toBe(2 + 2 + 1);
    expect(plan.remindersStillSent).toBe(1);
    expect(plan.peopleStillReminded).toBe(1);
  });

  it("plans nothing at a cap of 0, and every reminder still goes out", () => {
    const plan = planDays(sent(3, 6), { asOf, dailyCap: 0, alreadyToday: 0 });
    expect(plan.days).toBe(0);
    expect(plan.items.every((i) => i.plannedDay === null)).toBe(true);
    expect(plan.remindersStillSent).toBe(6);
  });

  it("names the cap that would spare the reminders, rounded up to a ten", () => {
    const items = sent(250, 6);
    const rules = { asOf, dailyCap: 100, alreadyToday: 0 };
    expect(planDays(items, rules).peopleStillReminded).toBe(150);
    expect(capSparingReminders(items, rules)).toEqual({ cap: 250, stillSent: 0 });
    expect(capSparingReminders(sent(95, 6), rules)).toBeNull();
    // A reminder due later today goes out whatever the cap: the best is what a cap can reach.
    const morning = { ...rules, asOf: new Date("2026-11-20T08:00:00Z") };
    expect(capSparingReminders([...sent(30, 7), ...items], morning)).toEqual({
      cap: 280,
      stillSent: 30,
    });
  });
});

describe("the cap that spares the reminders, against planDays", () => {
  /** The search as planDays itself answers it, cap by cap: slow, and plainly right. */
  function byPlanDays(items: Plannable[], rules: PlanRules) {
    const stillSent = (dailyCap: number) =>
      planDays(items, { ...rules, dailyCap }).remindersStillSent;
    const best = stillSent(rules.alreadyToday + items.length);
    if (stillSent(rules.dailyCap) <= best) return null;
    let cap = Math.max(1, rules.dailyCap);
    while (stillSent(cap) > best) cap++;
    return { cap: Math.ceil(cap / 10) * 10, stillSent: best };
  }

  it("finds what trying every cap finds, over random plans", () => {
    const { next } = random(7);
    const asOf = new Date("2026-11-20T15:30:00Z");
    let capped = 0;
    for (let round = 0; round < 60; round++) {
      const items: Plannable[] = Array.from({ length: 1 + Math.floor(next() * 120) }, () => ({
        sentAt:
          next() < 0.1
            ? null
            : new Date(asOf.getTime() - Math.floor(next() * 20 * 86_400_000)).toISOString(),
      }));
      const rules = {
        asOf,
        dailyCap: Math.floor(next() * 40),
        alreadyToday: Math.floor(next() * 30),
      };
      const expected = byPlanDays(items, rules);
      expect(capSparingReminders(items, rules), JSON.stringify(rules)).toEqual(expected);
      if (expected) capped++;
    }
    // Most rounds have a cap that spares reminders, so the comparison is rarely of two nulls.
    expect(capped).toBeGreaterThan(40);
  });
});
