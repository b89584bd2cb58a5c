/**
 * withdraw --browser --strategy click, in Chromium against the emulation
 * (test/support/browser.ts): clicks reach whom no list of the API shows, and a security check or
 * a dialog on the page stops the run, which resumes sending nothing twice; the emulation's page
 * counts only a trusted click.
 */
import { chromium } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { parseFaults } from "../../src/sandbox/faults.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/server.js";
import { CHROMIUM, ENV, useBrowserRuns } from "../support/browser.js";
import { DEMO_EXPORT as DEMO, runBinary, runCli } from "../support/cli.js";

const { temp, emulation, profile, login, withdrawArgs, withdraw } = useBrowserRuns();
/** Another emulation of the same world, for a resume after a latched challenge. */
let second: RunningSandbox | null = null;

afterEach(async () => {
  await second?.close();
  second = null;
});

describe("withdraw --browser --strategy click, in Chromium", () => {
  it("withdraws by clicks: 5 with --max 5, then the e-mail invitees no API list shows", async () => {
    await emulation.start(DEMO, { autoLogin: true, surfaces: ["sdui"] });
    expect((await login()).code).toBe(0);
    const five = await withdraw("--strategy", "click", "--max", "5");
    expect(five.code, five.stderr).toBe(0);
    let after = await emulation.state();
    expect(after.invitations.filter((i) => i.via === "click")).toHaveLength(5);
    expect(after.invitations.filter((i) => i.state === "withdrawn")).toHaveLength(5);
    // Through the API the e-mail invitees are left to the user; by clicks they are reached.
    expect((await withdraw()).code).toBe(0);
    after = await emulation.state();
    const email = after.invitations.filter((i) => i.email !== null);
    expect(email.map((i) => i.state)).toEqual(Array(6).fill("pending"));
    const clicks = await withdraw("--strategy", "click");
    expect(clicks.code, clicks.stderr).toBe(0);
    after = await emulation.state();
    expect(after.invitations.filter((i) => i.email !== null && i.via === "click")).toHaveLength(6);
    expect(after.invitations.filter((i) => i.state === "withdrawn")).toHaveLength(38);
    expect(after.invitations.every((i) => i.withdrawCalls <= 1)).toBe(true);
  }, 120000);

  it("reads the page again when the page's own request was lost and Chromium resent it: recorded withdrawn, not closed", async () => {
    // Request 9 is the first click's withdrawal: carried out, and the connection closes before
    // the answer. Chromium sends it again, and the page shows "Failed to withdraw invitation".
    await emulation.start(DEMO, {
      autoLogin: true,
      surfaces: ["sdui"],
      faults: parseFaults("lost@9"),
    });
    expect((await login()).code).toBe(0);
    const result = await withdraw("--strategy", "click", "--max", "2");
    expect(result.code, result.stderr).toBe(0);
    const touched = (await emulation.state()).invitations.filter((i) => i.withdrawCalls > 0);
    expect(touched.map((i) => [i.state, i.via])).toEqual([
      ["withdrawn", "click"],
      ["withdrawn", "click"],
    ]);
    // One click each; the 2 is Chromium's own copy.
    expect(touched.map((i) => i.withdrawCalls).sort()).toEqual([1, 2]);
    const history = JSON.parse((await runCli(["history", "--db", temp.db, "--json"])).stdout);
    expect(history[0].counts).toEqual({ "settled-withdrawn": 1, withdrawn: 1 });
    expect(history[0].requests).toBe(2);
  }, 120000);

  it("stops at a security check on the page mid-run, exit 3, and resumes sending nothing twice", async () => {
    // Request 1 is the login's session check; 2-3 the run's first page and session check; 4-8
    // the Sent page, its Show more and the first click; then the canary's re-read. The 12th
    // lands among the later clicks.
    await emulation.start(DEMO, { autoLogin: true, faults: parseFaults("challenge@12") });
    expect((await login()).code).toBe(0);
    const stopped = await withdraw("--strategy", "click");
    expect(stopped.code, stopped.stderr).toBe(3);
    expect(stopped.stderr).toContain("LinkedIn asks for a security check");
    expect(stopped.stderr).toContain("complete LinkedIn's security check in the browser window");
    expect(stopped.stderr).toMatch(/to resume: invites withdraw --db \S+ .*--strategy click/);
    const before = await emulation.state();
    const done = before.invitations.filter((i) => i.state === "withdrawn").length;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(38);
    // The check is solved (a new emulation of the same world, without the latch): resume.
    second = await startSandbox({ world: emulation.world, autoLogin: true });
    const resumed = await runBinary(withdrawArgs(second.url, "--strategy", "click"), {
      env: ENV,
      cwd: temp.dir,
      timeoutMs: 120_000,
    });
    expect(resumed.code, resumed.stderr).toBe(0);
    const after = emulation.world.invitations;
    expect(after.filter((i) => i.state === "withdrawn")).toHaveLength(38);
    expect(after.filter((i) => i.withdrawCalls > 1)).toEqual([]);
    const history = JSON.parse((await runCli(["history", "--db", temp.db, "--json"])).stdout);
    expect(history.map((run: { outcome: string }) => run.outcome)).toEqual(["stopped", "done"]);
  }, 120000);

  it("stops for a security check that came after a Show more that added nothing, not for a changed page", async () => {
    // Request 1 is the login's session check; 2-3 the run's first page and session check; 4 the
    // Sent page; 5 its first "Show more", answered 500 (the page only says "Something went
    // wrong"); 6, the Sent page opened afresh, meets the check.
    await emulation.start(DEMO, { autoLogin: true, faults: parseFaults("500@5,challenge@6") });
    expect((await login()).code).toBe(0);
    const stopped = await withdraw("--strategy", "click");
    expect(stopped.code, stopped.stderr).toBe(3);
    expect(stopped.stderr).toContain("LinkedIn asks for a security check");
    expect(stopped.stderr).not.toContain("changed");
    expect((await emulation.state()).invitations.every((i) => i.withdrawCalls === 0)).toBe(true);
  }, 60_000);

  it('stops when the Sent page shows the "Take care" dialog, and clicks nothing', async () => {
    // Request 1 is the login's session check; then the run's first page (2), its session
    // check (3), and the Sent page the click strategy reads (4).
    await emulation.start(DEMO, { autoLogin: true, faults: parseFaults("modal@4") });
    expect((await login()).code).toBe(0);
    const result = await withdraw("--strategy", "click");
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toContain(
      'LinkedIn shows a message that needs you: "Take care when connecting"',
    );
    expect(result.stderr).toContain("to resume: invites withdraw");
    expect((await emulation.state()).invitations.every((i) => i.withdrawCalls === 0)).toBe(true);
  }, 60_000);

  it("the page withdraws on a trusted click only, and records it as a click", async () => {
    await emulation.start(DEMO, { autoLogin: true });
    const context = await chromium.launchPersistentContext(profile(), {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${emulation.sandbox.url}/login`);
      expect(new URL(page.url()).pathname).toBe("/feed/");
      const cookies = await page.evaluate(
        () => (globalThis as unknown as { document: { cookie: string } }).document.cookie,
      );
      expect(cookies).toContain("JSESSIONID=");
      expect(cookies).not.toContain("li_at");
      await page.goto(`${emulation.sandbox.url}/mynetwork/invitation-manager/sent/`);
      const controls = page.locator('[data-view-name="sent-invitations-withdraw-single"]');
      const cards = await controls.count();
      await controls.first().click();
      const confirm = page.locator("dialog[open] [data-test-dialog-primary-btn]");
      // A script's click is ignored, as LinkedIn's controls ignore it.
      await confirm.evaluate((el) => (el as unknown as { click(): void }).click());
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await emulation.state()).invitations.every((i) => i.withdrawCalls === 0)).toBe(true);
      await confirm.click();
      await expect.poll(() => controls.count()).toBe(cards - 1);
      const clicked = (await emulation.state()).invitations.filter((i) => i.withdrawCalls > 0);
      expect(clicked).toMatchObject([{ state: "withdrawn", via: "click", withdrawCalls: 1 }]);
    } finally {
      await context.close();
    }
  });
});
