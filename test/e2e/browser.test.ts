/**
 * The browser transport as a user runs it: the built binary drives a real Chromium (Debian's,
 * headless) against the emulation on 127.0.0.1, logged in with `invites login`, with no cookie
 * given to invites at all. The emulation's own counts are the judge of what reached it. Every
 * profile lives in the test's temporary folder, and no browser outlives its test.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { chromium } from "playwright-core";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseFaults } from "../../src/sandbox/faults.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/server.js";
import { BIN, fixture, type RunResult, runBinary, useTempDatabase } from "../support/cli.js";
import { useEmulation } from "../support/emulation.js";
import { killRepeatedly, type RequestObserver } from "../support/kills.js";

const CHROMIUM = process.env.INVITES_CHROMIUM || "/usr/bin/chromium";
const DEMO = fixture("demo", "Basic_LinkedInDataExport_11-20-2026.zip");
const temp = useTempDatabase();
const emulation = useEmulation();
/** Another emulation of the same world, for a resume after a latched challenge. */
let second: RunningSandbox | null = null;

/** No cookie reaches invites but through the browser; the browser sandbox is off as root. */
const ENV = { INVITES_COOKIES: "", INVITES_BROWSER: "", INVITES_BROWSER_ARGS: "--no-sandbox" };

const profile = () => join(temp.dir, "profile");

function browserArgs(url: string): string[] {
  return ["--browser", CHROMIUM, "--headless", "--browser-profile", profile(), "--base-url", url];
}

function login(url = emulation.sandbox.url): Promise<RunResult> {
  return runBinary(["login", ...browserArgs(url)], { env: ENV, cwd: temp.dir, timeoutMs: 60_000 });
}

function withdrawArgs(url: string, ...flags: string[]): string[] {
  return [
    "withdraw",
    "--db",
    temp.db,
    "--as-of",
    "2026-11-20",
    "--batch",
    "--yes",
    "--pace",
    "0",
    ...browserArgs(url),
    ...flags,
  ];
}

function withdraw(...flags: string[]): Promise<RunResult> {
  return runBinary(withdrawArgs(emulation.sandbox.url, ...flags), {
    env: ENV,
    cwd: temp.dir,
    timeoutMs: 120_000,
  });
}

/** Browsers still running on this test's profile: none may outlive the command that started it. */
function browsersOnProfile(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (cmdline.includes(profile())) pids.push(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return pids;
}

async function noBrowserLeft(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (browsersOnProfile().length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const left = browsersOnProfile();
  for (const pid of left) process.kill(pid, "SIGKILL");
  expect(left, "browser processes left running on the test's profile").toEqual([]);
}

/** Every file under `dir`, but the browser's own profile (the browser's store, not ours). */
function filesWeWrote(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== profile()) out.push(...filesWeWrote(path));
    } else out.push(path);
  }
  return out;
}

beforeAll(() => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium, and there is none at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set INVITES_CHROMIUM to a Chrome, Edge or Chromium program).`,
    );
  }
});

beforeEach(async () => {
  const imported = await runBinary([
    "import",
    "--db",
    temp.db,
    DEMO,
    fixture("demo", "Outlook-Kontakte.CSV"),
  ]);
  expect(imported.code, imported.stderr).toBe(0);
});

afterEach(async () => {
  await second?.close();
  second = null;
  await noBrowserLeft();
});

describe("invites login and withdraw --browser against the emulation, in Chromium", () => {
  it("logs in, names the account, keeps the profile 0700, and logs out after asking", async () => {
    await emulation.start(DEMO, { autoLogin: true });
    const result = await login();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("Logged in as katrin-boehm-4711\n");
    expect(result.stderr).toContain(`the browser profile of invites at ${profile()}`);
    expect(statSync(profile()).mode & 0o777).toBe(0o700);
    const noTerminal = await runBinary(["logout", "--browser-profile", profile()], {
      cwd: temp.dir,
    });
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.stderr).toContain("there is no terminal to ask in");
    expect(existsSync(profile())).toBe(true);
    const out = await runBinary(["logout", "--yes", "--browser-profile", profile()], {
      cwd: temp.dir,
    });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toContain(`Deleted the browser profile of invites at ${profile()}`);
    expect(existsSync(profile())).toBe(false);
    // A folder invites did not make is never deleted.
    const foreign = await runBinary(["logout", "--yes", "--browser-profile", temp.dir], {
      cwd: temp.dir,
    });
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain("is not empty and was not made by invites");
    expect(existsSync(temp.db)).toBe(true);
  });

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
        (await runBinary(["status", "--db", temp.db, "--json", "--as-of", "2026-11-20"])).stdout,
      );
      expect(status.invitations.withdrawn).toBe(expected);
    },
  );

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
    const history = JSON.parse((await runBinary(["history", "--db", temp.db, "--json"])).stdout);
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

  it("stops when the browser window is closed mid-run, exit 3, and resumes sending nothing twice", async () => {
    let writes = 0;
    await emulation.start(DEMO, { autoLogin: true, onChangeRequest: () => void writes++ });
    expect((await login()).code).toBe(0);
    const running = runBinary(withdrawArgs(emulation.sandbox.url, "--pace", "200ms"), {
      env: ENV,
      cwd: temp.dir,
      timeoutMs: 120_000,
    });
    const deadline = Date.now() + 60_000;
    while (writes < 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The browser itself (not its helpers): what closing its window ends.
    const main = browsersOnProfile().filter(
      (pid) => !readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--type="),
    );
    expect(main.length).toBeGreaterThan(0);
    for (const pid of main) process.kill(pid, "SIGTERM");
    const stopped = await running;
    expect(stopped.code, stopped.stderr).toBe(3);
    expect(stopped.stderr).toContain("the browser window was closed");
    expect(stopped.stderr).toContain("keep the browser window open until the run ends");
    const resumed = await withdraw();
    expect(resumed.code, resumed.stderr).toBe(0);
    const after = await emulation.state();
    expect(after.invitations.filter((i) => i.state === "withdrawn")).toHaveLength(38);
    expect(after.invitations.filter((i) => i.withdrawCalls > 1)).toEqual([]);
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

  it("never has a cookie value in the database, its WAL, any output or any file it wrote", async () => {
    await emulation.start(DEMO, { autoLogin: true, faults: parseFaults("429@20") });
    const { liAt, jsessionid } = emulation.world.account;
    const secrets = [liAt, jsessionid.replace(/"/g, ""), jsessionid.replace(/\D/g, "")];
    const loggedIn = await login();
    expect(loggedIn.code).toBe(0);
    const stopped = await withdraw();
    expect(stopped.code).toBe(3);
    const clicked = await withdraw("--strategy", "click", "--max", "2");
    const files = filesWeWrote(temp.dir);
    expect(files.map((f) => relative(temp.dir, f))).toEqual(
      expect.arrayContaining(["invites.db", "invites.db.withdraw.lock"]),
    );
    // And the few files invites itself put into the profile folder.
    const ours = readdirSync(profile())
      .filter((f) => f.startsWith("invites-"))
      .map((f) => join(profile(), f));
    expect(ours).toHaveLength(3);
    for (const secret of secrets) {
      for (const run of [loggedIn, stopped, clicked]) {
        expect(run.stdout + run.stderr).not.toContain(secret);
      }
      for (const file of [...files, ...ours]) {
        expect(readFileSync(file).includes(secret), file).toBe(false);
      }
    }
  }, 120000);

  it("stops with the login to do when the profile is not logged in", async () => {
    await emulation.start(DEMO);
    const result = await withdraw();
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("not logged in");
    expect(result.stderr).toContain("invites login");
    expect((await emulation.state()).invitations.every((i) => i.withdrawCalls === 0)).toBe(true);
  });

  it("says in German, with --lang de, that the login is to do, and where to do it", async () => {
    await emulation.start(DEMO);
    const result = await withdraw("--lang", "de");
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("LinkedIn: nicht angemeldet (401)");
    expect(result.stderr).toContain(
      "Melden Sie sich im Browserfenster von invites erneut an (invites login öffnet es) und führen Sie dann denselben Befehl erneut aus",
    );
    expect(result.stderr).not.toContain("not logged in");
    expect((await emulation.state()).invitations.every((i) => i.withdrawCalls === 0)).toBe(true);
  });

  it("refuses a login while a run holds the profile, naming the run", async () => {
    await emulation.start(DEMO, { autoLogin: true });
    expect((await login()).code).toBe(0);
    const running = runBinary(withdrawArgs(emulation.sandbox.url, "--pace", "2s", "--max", "3"), {
      env: ENV,
      cwd: temp.dir,
      timeoutMs: 60_000,
    });
    const holder = join(profile(), "invites-profile-holder.txt");
    const deadline = Date.now() + 30_000;
    while (!readFileSync(holder, "utf8").includes("invites withdraw") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const busy = await login();
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(/the browser profile .* is in use: process \d+: invites withdraw/);
    const done = await running;
    expect(done.code, done.stderr).toBe(0);
    expect((await emulation.state()).invitations.filter((i) => i.withdrawCalls > 0)).toHaveLength(
      3,
    );
  }, 90000);

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
