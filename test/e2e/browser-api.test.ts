/**
 * withdraw and connections remove --browser through the page's own requests, in Chromium against
 * the emulation (test/support/browser.ts): exactly the batch, once each, on either surface, and
 * through kill -9 of the CLI at random instants. The emulation's own counts are the judge.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ENV, useBrowserRuns } from "../support/browser.js";
import { BIN, binaryEnv, DEMO_EXPORT as DEMO, runBinary, runCli } from "../support/cli.js";
import { killRepeatedly, type RequestObserver } from "../support/kills.js";

const { temp, emulation, browserArgs, login, withdrawArgs, withdraw, noBrowserLeft } =
  useBrowserRuns();

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
    const remove = (...flags: string[]) =>
      runBinary(
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
    expect((await remove("--strategy", "click")).code).toBe(2);
    const result = await remove();
    expect(result.code, result.stderr).toBe(0);
    const removed = (await emulation.state()).connections.filter((c) => c.state === "removed");
    expect(removed).toHaveLength(6);
    expect(removed.every((c) => c.removeCalls === 1 && c.via === "dash")).toBe(true);
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
