/**
 * withdraw and connections remove --browser through the page's own requests, in Chromium against
 * the emulation (test/support/browser.ts): exactly the batch, once each, on either surface, and
 * through kill -9 of the CLI at random instants. The emulation's own counts are the judge.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFaults } from "../../src/sandbox/faults.js";
import { ENV, useBrowserRuns } from "../support/browser.js";
import { BIN, binaryEnv, DEMO_EXPORT as DEMO, runBinary, runCli } from "../support/cli.js";
import { killRepeatedly, type RequestObserver } from "../support/kills.js";

const { temp, emulation, browserArgs, login, withdrawArgs, withdraw, noBrowserLeft } =
  useBrowserRuns();

/** connections remove --batch --yes through the browser against the emulation, unpaced. */
function remove(...flags: string[]) {
  return runBinary(
    [
      "connections",
      "remove",
      "--db",
      temp.db,
      "--batch",
      "--yes",
      "--pace",
      "0",
      ...browserArgs(emulation.sandbox.url),
      ...flags,
    ],
    { env: ENV, cwd: temp.dir, timeoutMs: 120_000 },
  );
}

describe("withdraw and connections remove --browser through the page's requests, in Chromium", () => {
  it.each([
    ["legacy", 38, "legacy"],
    // The server-driven list shows no invitation sent to an e-mail address: 6 of the batch.
    ["sdui", 32, "sdui"],
  ] as const)(
    "withdraws exactly the batch through the page's requests with --surfaces %s, once each",
    async (surface, expected, via) => {
      await emulation.start(DEMO, { autoLogin: true, surfaces: [surface] });
      expect((await login()).code).toBe(0);
      const result = await withdraw();
      expect(result.code, result.stderr).toBe(0);
      const after = await emulation.state();
      const withdrawn = after.invitations.filter((i) => i.state === "withdrawn");
      expect(withdrawn).toHaveLength(expected);
      expect(withdrawn.every((i) => i.withdrawCalls === 1 && i.via === via)).toBe(true);
      expect(
        after.invitations.filter((i) => i.state !== "withdrawn" && i.withdrawCalls > 0),
      ).toEqual([]);
      const status = JSON.parse(
        (await runCli(["status", "--db", temp.db, "--json", "--as-of", "2026-11-20"])).stdout,
      );
      expect(status.invitations.withdrawn).toBe(expected);
    },
  );

  it("settles a lost answer that Chromium resent by reading the list: one request, recorded withdrawn", async () => {
    // Request 6 is the first withdrawal (after the login's one and the run's reads): carried out, and the connection closes before the
    // answer. Chromium sends it again on its own, and that copy is answered 404.
    await emulation.start(DEMO, { autoLogin: true, faults: parseFaults("lost@6") });
    expect((await login()).code).toBe(0);
    const result = await withdraw("--max", "2");
    expect(result.code, result.stderr).toBe(0);
    const after = await emulation.state();
    const touched = after.invitations.filter((i) => i.withdrawCalls > 0);
    expect(touched.map((i) => i.state)).toEqual(["withdrawn", "withdrawn"]);
    // Three calls reached the emulation: one each, and Chromium's own copy of the lost one.
    // Before, the run took that copy's 404 for a retired call and sent the server-driven action
    // as well.
    expect(touched.map((i) => i.withdrawCalls).sort()).toEqual([1, 2]);
    expect(touched.every((i) => i.via === "legacy")).toBe(true);
    const history = JSON.parse(
      (await runCli(["history", "--db", temp.db, "--json"])).stdout,
    ) as Array<{ counts: Record<string, number> }>;
    expect(history[0]?.counts).toEqual({ "settled-withdrawn": 1, withdrawn: 1 });
    const status = JSON.parse(
      (await runCli(["status", "--db", temp.db, "--json", "--as-of", "2026-11-20"])).stdout,
    );
    expect(status.invitations.withdrawn).toBe(2);
    expect(status.invitations.closed ?? 0).toBe(0);
  });

  it("takes the server-driven action's own 'Failed to withdraw' for a still-listed person as that person's refusal, not as a way gone", async () => {
    // Only the server-driven UI serves, and its first write answers 200 "Failed to withdraw"
    // without acting, as LinkedIn's sometimes does. The list shows the person still there: the
    // action spoke, so it is not retired; retired, no way would be left for anyone, and the run
    // would journal requests it never sent until the breaker stopped it.
    await emulation.start(DEMO, {
      autoLogin: true,
      surfaces: ["sdui"],
      faults: parseFaults("fail200@1"),
    });
    expect((await login()).code).toBe(0);
    const result = await withdraw("--max", "3");
    // 1: one failed; not 3, the breaker's stop.
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/Failed: Lena Voß/);
    const after = await emulation.state();
    const touched = after.invitations.filter((i) => i.withdrawCalls > 0);
    expect(touched.map((i) => i.withdrawCalls)).toEqual([1, 1, 1]);
    expect(touched.map((i) => i.state).sort()).toEqual(["pending", "withdrawn", "withdrawn"]);
    expect(after.writes).toBe(3);
    const history = JSON.parse(
      (await runCli(["history", "--db", temp.db, "--json"])).stdout,
    ) as Array<{ counts: Record<string, number>; requests: number }>;
    // As many requests journaled as reached LinkedIn.
    expect(history[0]?.requests).toBe(3);
    expect(history[0]?.counts).toEqual({ failed: 1, withdrawn: 2 });
  }, 120_000);

  it("stops before journaling a request when every way that fits is retired: none recorded that never went out", async () => {
    // Only the GraphQL list is served: both ways of withdrawing answer 404, as retired calls do.
    await emulation.start(DEMO, { autoLogin: true, surfaces: ["graphql"] });
    expect((await login()).code).toBe(0);
    let posts = 0;
    emulation.sandbox.server.on("request", (req) => {
      if (req.method === "POST" && !(req.url ?? "").includes("pagination")) posts++;
    });
    const result = await withdraw("--max", "4");
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toContain("nothing more was sent");
    // The first person's legacy call, then its server-driven retry; nobody else was tried.
    expect(posts).toBe(2);
    const history = JSON.parse(
      (await runCli(["history", "--db", temp.db, "--json"])).stdout,
    ) as Array<{ counts: Record<string, number>; requests: number }>;
    expect(history[0]?.requests).toBe(2);
    expect(history[0]?.counts).toEqual({ failed: 1 });
    const status = JSON.parse(
      (await runCli(["status", "--db", temp.db, "--json", "--as-of", "2026-11-20"])).stdout,
    );
    expect(status.unconfirmed.withdrawals).toBe(0);
    expect(result.stdout + result.stderr).not.toContain("not yet checked");
  }, 120_000);

  it("ends on Ctrl-C as a run should: the request under way finished, the list read through the browser", async () => {
    await emulation.start(DEMO, { autoLogin: true });
    expect((await login()).code).toBe(0);
    const child = spawn(
      process.execPath,
      [BIN, ...withdrawArgs(emulation.sandbox.url, "--pace", "1s")],
      {
        cwd: temp.dir,
        env: binaryEnv(ENV),
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    let stdout = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    const guard = setTimeout(() => child.kill("SIGKILL"), 90_000);
    // Ctrl-C once two have gone out: the run, not the browser, decides what happens next.
    while (!/2\/38 withdrawn/.test(stderr) && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill("SIGINT");
    const code = await new Promise<number | null>((done) => child.once("close", done));
    clearTimeout(guard);
    expect(code, stderr).toBe(130);
    expect(stdout + stderr).toContain("Stopped with Ctrl-C");
    expect(stdout + stderr).not.toContain("browser window was closed");
    const after = await emulation.state();
    const withdrawn = after.invitations.filter((i) => i.state === "withdrawn");
    expect(withdrawn.every((i) => i.withdrawCalls === 1)).toBe(true);
    // Every request it sent was read back as done: nothing is left to verify.
    const status = JSON.parse(
      (await runCli(["status", "--db", temp.db, "--json", "--as-of", "2026-11-20"])).stdout,
    );
    expect(status.invitations.withdrawn).toBe(withdrawn.length);
    expect(status.unconfirmed.withdrawals).toBe(0);
    await noBrowserLeft();
  });

  it("removes connections through the page's requests, and has no click strategy for them", async () => {
    await emulation.start(DEMO, { autoLogin: true });
    expect((await login()).code).toBe(0);
    expect((await remove("--strategy", "click")).code).toBe(2);
    const result = await remove();
    expect(result.code, result.stderr).toBe(0);
    const removed = (await emulation.state()).connections.filter((c) => c.state === "removed");
    expect(removed).toHaveLength(6);
    expect(removed.every((c) => c.removeCalls === 1 && c.via === "dash")).toBe(true);
  }, 120_000);

  it("after a 404 from a removal call the page may have sent twice, reads the list before it tries the next way", async () => {
    // Only the server-driven UI is left: the Voyager removal answers 404, as a retired call does
    // and as Chromium's own second copy of a removal that worked would.
    await emulation.start(DEMO, { autoLogin: true, surfaces: ["sdui"] });
    expect((await login()).code).toBe(0);
    const seen: string[] = [];
    emulation.sandbox.server.on("request", (req) => {
      const path = (req.url ?? "").split("?")[0] ?? "";
      if (req.method === "POST") seen.push(path.endsWith("server-request") ? "sdui" : "voyager");
      else if (path.endsWith("/dash/connections")) seen.push("read");
    });
    const result = await remove("--out", "removed.csv");
    expect(result.code, result.stderr).toBe(0);
    const removed = (await emulation.state()).connections.filter((c) => c.state === "removed");
    expect(removed).toHaveLength(6);
    expect(removed.every((c) => c.removeCalls === 1 && c.via === "sdui")).toBe(true);
    const history = JSON.parse(
      (await runCli(["history", "--db", temp.db, "--json"])).stdout,
    ) as Array<{ counts: Record<string, number>; requests: number }>;
    // Seven requests: the first removal's 404, still listed after, and its retry the other way.
    expect(history[0]?.counts).toEqual({ removed: 6 });
    expect(history[0]?.requests).toBe(7);
    // The 404 is not taken for a retired call until a read shows the connection still there.
    const between = seen.slice(seen.indexOf("voyager") + 1, seen.indexOf("sdui"));
    expect(between.length).toBeGreaterThan(0);
    expect(between.every((s) => s === "read")).toBe(true);
    expect(seen.filter((s) => s === "voyager")).toHaveLength(1);
    const record = readFileSync(join(temp.dir, "removed.csv"), "utf8").trim().split("\n");
    expect(record).toHaveLength(7);
  }, 120_000);

  it("survives kill -9 of the CLI at random instants: every one withdrawn, none requested twice", async ({
    signal,
  }) => {
    const observer: RequestObserver = { current: null };
    await emulation.start(DEMO, {
      autoLogin: true,
      ratePerMinute: 10_000,
      onChangeRequest: () => observer.current?.(),
    });
    expect((await login()).code).toBe(0);
    const { kills, killedInFlight } = await killRepeatedly({
      args: [BIN, ...withdrawArgs(emulation.sandbox.url, "--pace", "50ms")],
      env: ENV,
      cwd: temp.dir,
      observer,
      seed: 4242,
      signal,
      rounds: 12,
    });
    expect(kills).toBeGreaterThan(4);
    expect(killedInFlight).toBeGreaterThan(0);
    await noBrowserLeft();
    const finish = await withdraw();
    expect(finish.code, finish.stderr).toBe(0);
    const after = await emulation.state();
    expect(after.invitations.filter((i) => i.state === "withdrawn")).toHaveLength(38);
    expect(after.invitations.filter((i) => i.withdrawCalls > 1)).toEqual([]);
  }, 180000);
});
