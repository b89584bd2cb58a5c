/**
 * Withdraw and remove against the emulation as LinkedIn behaves in 2026: pages capped well below
 * what is asked, the list in another envelope or in one no client knows, only the server-driven
 * UI left, answers that lie. The built command line against real HTTP on 127.0.0.1; the emulation's
 * own count of the requests that reached each item is the judge.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it } from "vitest";
import { parseFaults } from "../../src/sandbox/faults.js";
import type { SandboxOptions } from "../../src/sandbox/server.js";
import { DEMO_EXPORT as DEMO, fixture, runCli, useTempDatabase } from "../support/cli.js";
import { useEmulation } from "../support/emulation.js";

const EXPORT = fixture("export-300");
const temp = useTempDatabase();
const emulation = useEmulation();

async function importExport(path: string) {
  const imported = await runCli(["import", "--db", temp.db, path]);
  expect(imported.code, imported.stderr).toBe(0);
}

/** A command against the emulation, as of the exports' day, unpaced. */
function network(...args: string[]) {
  return runCli([...args, "--db", temp.db, "--base-url", emulation.sandbox.url, "--pace", "0"], {
    env: { INVITES_COOKIES: emulation.sandbox.cookie },
    cwd: temp.dir,
  });
}

async function status() {
  const result = await runCli(["status", "--db", temp.db, "--json", "--as-of", "2026-11-20"]);
  return JSON.parse(result.stdout) as {
    invitations: { pending: number; withdrawn: number };
    connections: { active: number; removed: number; gone: number };
  };
}

async function history() {
  const result = await runCli(["history", "--db", temp.db, "--json"]);
  return JSON.parse(result.stdout) as Array<{ outcome: string; counts: Record<string, number> }>;
}

const PERSONAL = /, schön, dass wir uns getroffen haben/;

describe("withdraw --batch on an export of 306 invitations, as LinkedIn answers in 2026", () => {
  beforeEach(() => importExport(EXPORT));

  it.each<[string, Partial<SandboxOptions>, number]>([
    ["--page-cap 10", { pageCap: 10 }, 240],
    // The server-driven list shows no invitation sent to an e-mail address: 20 of the batch.
    ["--page-cap 10 --surfaces sdui", { pageCap: 10, surfaces: ["sdui"] }, 220],
    ["--envelope wrapped", { envelope: "wrapped" }, 240],
  ])("withdraws exactly the batch against %s, once each", async (_, options, expected) => {
    await emulation.start(EXPORT, { ...options, ratePerMinute: 100_000 });
    const personal = readFileSync(join(EXPORT, "Invitations.csv"), "utf8")
      .split("\n")
      .filter((line) => PERSONAL.test(line)).length;
    expect(personal).toBe(25);
    const result = await network(
      "withdraw",
      "--batch",
      "--yes",
      "--as-of",
      "2026-11-20",
      "--daily-cap",
      "300",
    );
    expect(result.code, result.stderr).toBe(0);
    const after = await emulation.state();
    const withdrawn = after.invitations.filter((i) => i.state === "withdrawn");
    expect(withdrawn).toHaveLength(expected);
    expect(after.invitations.filter((i) => i.withdrawCalls > 1)).toEqual([]);
    // Nothing but the batch: the 20 personal invitations still pending are untouched.
    const pending = after.invitations.filter((i) => i.state === "pending");
    expect(pending.filter((i) => i.profileUrl !== null)).toHaveLength(20);
    expect(pending.every((i) => i.withdrawCalls === 0)).toBe(true);
    expect(result.stdout).toMatch(new RegExp(`│\\s+${expected} │\\s+0 │`));
    if (expected === 220) {
      expect(pending.filter((i) => i.profileUrl === null)).toHaveLength(20);
      // Free text is wrapped to the terminal's width.
      // The first five named, to be found by hand; the rest counted.
      expect(result.stdout.replace(/\s+/g, " ")).toMatch(
        /Skipped 20 \((\S+@\S+, ){4}\S+@\S+,? and 15 more\): LinkedIn's list does not show invitations sent to e-mail addresses: withdraw these by hand on LinkedIn's Sent page/,
      );
      expect(withdrawn.every((i) => i.via === "sdui")).toBe(true);
    } else expect(withdrawn.every((i) => i.via === "legacy")).toBe(true);
    // The database agrees with the network.
    expect(await status()).toMatchObject({
      invitations: { pending: pending.length, withdrawn: expected },
    });
  });

  it("stops on a list in an envelope no client knows: exit 3, nothing sent, nothing marked", async () => {
    await emulation.start(EXPORT, { envelope: "unknown" });
    const before = await status();
    const result = await network("withdraw", "--batch", "--yes", "--as-of", "2026-11-20");
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("LinkedIn's answer changed shape; nothing was marked or sent");
    expect((await emulation.state()).invitations.every((i) => i.withdrawCalls === 0)).toBe(true);
    expect((await status()).invitations.pending).toBe(before.invitations.pending);
    expect(before.invitations.pending).toBe(260);
  });

  it("removes exactly the 40 who accepted a batch invitation, with pages capped at 40", async () => {
    await emulation.start(EXPORT, { pageCap: 40, ratePerMinute: 100_000 });
    const result = await network("connections", "remove", "--batch", "--yes");
    expect(result.code, result.stderr).toBe(0);
    const after = await emulation.state();
    const removed = after.connections.filter((c) => c.state === "removed");
    expect(removed).toHaveLength(40);
    expect(removed.every((c) => c.removeCalls === 1)).toBe(true);
    expect(
      after.connections.filter((c) => c.state !== "removed").every((c) => c.removeCalls === 0),
    ).toBe(true);
    // Every one of them accepted an invitation of the 14 November burst (slug numbers < 380).
    expect(removed.every((c) => Number(/-(\d+)$/.exec(c.profileUrl ?? "")?.[1]) < 380)).toBe(true);
    const rows = parse(readFileSync(join(temp.dir, "removed-connections.csv"))) as string[][];
    expect(rows).toHaveLength(41);
    expect((await status()).connections).toEqual({ active: 110, removed: 40, gone: 0 });
  });
});

describe("answers that lie, and lists that are not lists", () => {
  beforeEach(() => importExport(DEMO));

  it("counts a withdrawal answered 200 that did nothing as not done, and does it next run", async () => {
    // The 5th write answers as if done and changes nothing; only the re-read can tell.
    await emulation.start(DEMO, { faults: parseFaults("fail200@5") });
    const first = await network("withdraw", "--batch", "--yes", "--as-of", "2026-11-20");
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/│\s+37 │\s+1 │/);
    expect(first.stdout).toMatch(
      /Not done: .+ LinkedIn answered that it was done, but still lists it/,
    );
    const emulated = (await emulation.state()).invitations.filter((i) => i.state === "withdrawn");
    expect(emulated).toHaveLength(37);
    expect((await status()).invitations.withdrawn).toBe(37);
    expect((await history())[0]?.counts).toEqual({ withdrawn: 37, "not-done": 1 });
    const second = await network("withdraw", "--batch", "--yes", "--as-of", "2026-11-20");
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("Plan: withdraw 1 invitation, the soonest reminder first.");
    const after = await emulation.state();
    expect(after.invitations.filter((i) => i.state === "withdrawn")).toHaveLength(38);
    expect(after.invitations.filter((i) => i.withdrawCalls > 1)).toHaveLength(1);
  });

  it("drops a way of withdrawing whose first answer did not verify, and goes on another way", async () => {
    // The run's first withdrawal (the canary) answers 200 through the legacy call and does nothing.
    await emulation.start(DEMO, { faults: parseFaults("fail200@1") });
    const result = await network("withdraw", "--batch", "--yes", "--as-of", "2026-11-20");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/│\s+37 │\s+1 │/);
    const withdrawn = (await emulation.state()).invitations.filter((i) => i.state === "withdrawn");
    expect(withdrawn).toHaveLength(37);
    expect(withdrawn.every((i) => i.via === "sdui")).toBe(true);
    expect((await status()).invitations.withdrawn).toBe(37);
  });

  it.each(["html", "empty", "malformed", "cut"])(
    "takes a sent list answered 200 with %s for no list: exit 3, nothing marked, the next run plans all",
    async (fault) => {
      // Request 1 checks the session; 2 is the list's first page.
      await emulation.start(DEMO, { faults: parseFaults(`${fault}@2`) });
      const result = await network("withdraw", "--batch", "--yes", "--as-of", "2026-11-20");
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(
        "LinkedIn's answer changed shape; nothing was marked or sent",
      );
      expect((await status()).invitations.pending).toBe(41);
      expect((await emulation.state()).invitations.every((i) => i.withdrawCalls === 0)).toBe(true);
      const healthy = await network("withdraw", "--batch", "--yes", "--as-of", "2026-11-20");
      expect(healthy.code, healthy.stderr).toBe(0);
      expect(healthy.stdout).toContain("Plan: withdraw 38 invitations");
      expect((await status()).invitations).toMatchObject({ pending: 3, withdrawn: 38 });
    },
  );

  it("takes back a closure when a later complete read lists the invitation again", async () => {
    let hidden = "";
    await emulation.start(DEMO, {}, (world) => {
      // One of the oldest of the batch is not on the list for the first run (accepted, say).
      const members = world.invitations.filter(
        (i) =>
          i.state === "pending" &&
          i.memberId !== null &&
          i.message === null &&
          i.sentAt > Date.parse("2026-11-01"),
      );
      const oldest = Math.min(...members.map((i) => i.sentAt));
      const one = members.find((i) => i.sentAt === oldest);
      if (!one) throw new Error("nothing pending");
      one.state = "accepted";
      hidden = one.id;
    });
    const args = ["withdraw", "--batch", "--yes", "--as-of", "2026-11-20"];
    const first = await network(...args, "--max", "10");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Skipped 1 \(\S[^)]*\): not pending on LinkedIn any more\./);
    expect((await status()).invitations).toMatchObject({ pending: 41 - 10, withdrawn: 9 });
    const again = emulation.world.invitations.find((i) => i.id === hidden);
    if (again) again.state = "pending";
    // The next run's complete read lists it again: it is pending again, for this run's plan or
    // the next one's.
    const second = await network(...args);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain(
      "LinkedIn lists 1 invitation again that an earlier run found gone",
    );
    expect((await status()).invitations).toMatchObject({ pending: 4, withdrawn: 37 });
    const third = await network(...args);
    expect(third.stdout).toContain("Plan: withdraw 1 invitation, the soonest reminder first.");
    const after = await emulation.state();
    expect(after.invitations.find((i) => i.id === hidden)).toMatchObject({
      state: "withdrawn",
      withdrawCalls: 1,
    });
    expect((await status()).invitations).toMatchObject({ pending: 3, withdrawn: 38 });
  });
});
