import { describe, expect, it } from "vitest";
import { DEFAULT_PACE, Pacer, parsePace } from "../../src/network/pacer.js";

function pacer(pace = DEFAULT_PACE, random = () => 0.5) {
  const waits: number[] = [];
  const p = new Pacer({ pace, sleep: async (ms) => void waits.push(ms), random });
  return { p, waits };
}

describe("the pacer", () => {
  it("sends the first request at once, then waits 2 to 4 s with jitter", async () => {
    let r = 0;
    const draws = [0, 1, 0.25];
    const { p, waits } = pacer(DEFAULT_PACE, () => draws[r++] ?? 0);
    for (let i = 0; i < 4; i++) await p.beforeRequest();
    expect(waits).toEqual([2000, 4000, 2500]);
    expect(p.meanDelayMs).toBe(3000);
  });

  it("reads list pages 0.5 to 1.5 s apart, never slower than the pace between requests", async () => {
    const slow = pacer(DEFAULT_PACE, () => 1);
    await slow.p.beforeListPage();
    expect(slow.waits).toEqual([1500]);
    const quick = pacer({ minMs: 20, maxMs: 20 });
    await quick.p.beforeListPage();
    expect(quick.waits).toEqual([20]);
    const none = pacer({ minMs: 0, maxMs: 0 });
    await none.p.beforeListPage();
    await none.p.beforeRequest();
    await none.p.beforeRequest();
    expect(none.waits).toEqual([]);
  });

  it("backs off fourfold before each retry, to at most five minutes", async () => {
    const { p, waits } = pacer();
    for (const attempt of [1, 2, 3, 4, 5]) await p.beforeRetry(attempt);
    expect(waits).toEqual([4000, 16000, 64000, 256000, 300000]);
    const emulation = pacer({ minMs: 0, maxMs: 0 });
    await emulation.p.beforeRetry(2);
    expect(emulation.waits).toEqual([200]);
  });

  it("reads paces as a user writes them, and refuses anything else", () => {
    expect(parsePace("3s")).toEqual({ minMs: 3000, maxMs: 3000 });
    expect(parsePace("2-4s")).toEqual({ minMs: 2000, maxMs: 4000 });
    expect(parsePace("500ms")).toEqual({ minMs: 500, maxMs: 500 });
    expect(parsePace("1.5s")).toEqual({ minMs: 1500, maxMs: 1500 });
    expect(parsePace("0")).toEqual({ minMs: 0, maxMs: 0 });
    for (const bad of ["fast", "4-2s", "-1s", "3 minutes", ""]) expect(parsePace(bad)).toBeNull();
  });
});
