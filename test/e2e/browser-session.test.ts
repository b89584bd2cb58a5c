/**
 * invites login and the browser's session, in Chromium against the emulation
 * (test/support/browser.ts): login and logout, a profile that is not logged in, a run that holds
 * the profile, a window closed mid-run, and no cookie value anywhere invites writes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { PROFILE_MARKER } from "../../src/network/browser.js";
import { parseFaults } from "../../src/sandbox/faults.js";
import { ENV, useBrowserRuns } from "../support/browser.js";
import { DEMO_EXPORT as DEMO, runBinary, runCli } from "../support/cli.js";

const { temp, emulation, profile, login, withdrawArgs, withdraw, browsersOnProfile } =
  useBrowserRuns();

/** The profile as `invites login` makes it, before any login is done in it. */
function makeProfile(): void {
  mkdirSync(profile(), { recursive: true, mode: 0o700 });
  writeFileSync(join(profile(), PROFILE_MARKER), "made by invites login\n", { mode: 0o600 });
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

describe("invites login and the browser's session, in Chromium", () => {
  it("logs in, names the account, keeps the profile 0700, and logs out after asking", async () => {
    await emulation.start(DEMO, { autoLogin: true });
    const result = await login();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("Logged in as katrin-boehm-4711\n");
    // Told as prose, wrapped to the width: one space for each break.
    expect(result.stderr.replace(/\s+/g, " ")).toContain(
      `the browser profile of invites at ${profile()}.`,
    );
    expect(statSync(profile()).mode & 0o777).toBe(0o700);
    const noTerminal = await runCli(["logout", "--browser-profile", profile()], {
      cwd: temp.dir,
    });
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.stderr).toContain("there is no terminal to ask in");
    expect(existsSync(profile())).toBe(true);
    const out = await runCli(["logout", "--yes", "--browser-profile", profile()], {
      cwd: temp.dir,
    });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toContain(`Deleted the browser profile of invites at ${profile()}`);
    expect(existsSync(profile())).toBe(false);
    // A folder invites did not make is never deleted.
    const foreign = await runCli(["logout", "--yes", "--browser-profile", temp.dir], {
      cwd: temp.dir,
    });
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain("is not empty and was not made by invites");
    expect(existsSync(temp.db)).toBe(true);
  });

  it("refuses before any browser opens when invites has no profile yet (never logged in, or logged out)", async () => {
    await emulation.start(DEMO);
    const result = await withdraw();
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(
      `invites: there is no login of invites in its browser profile ${profile()} yet; nothing was sent`,
    );
    expect(result.stderr).toContain("log in once with: invites login");
    expect(existsSync(profile())).toBe(false);
    expect((await emulation.state()).requests).toBe(0);
    const history = JSON.parse((await runCli(["history", "--db", temp.db, "--json"])).stdout);
    expect(history).toEqual([]);
  });

  it("stops with the login to do when the profile is not logged in", async () => {
    await emulation.start(DEMO);
    makeProfile();
    const result = await withdraw();
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("not logged in");
    expect(result.stderr).toContain("invites login");
    expect((await emulation.state()).invitations.every((i) => i.withdrawCalls === 0)).toBe(true);
  });

  it("says in German, with --lang de, that the login is to do, and where to do it", async () => {
    await emulation.start(DEMO);
    makeProfile();
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
});
