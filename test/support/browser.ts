/**
 * What the browser tests share (test/e2e/browser-*.test.ts): the built binary drives a real
 * Chromium (Debian's, headless) against the emulation on 127.0.0.1, logged in with
 * `invites login`, with no cookie given to invites at all. Every profile lives in the test's
 * temporary folder, and no browser outlives its test.
 *
 * The runs that start a browser go to the binary: `timeoutMs` can kill a run that hangs only in
 * a process of its own, and a browser is checked to end with the command that started it. The
 * import before each test, and the reads after, run in process.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, expect } from "vitest";
import { importDemo, type RunResult, runBinary, useTempDatabase } from "./cli.js";
import { type Emulation, useEmulation } from "./emulation.js";

export const CHROMIUM = process.env.INVITES_CHROMIUM || "/usr/bin/chromium";

/** No cookie reaches invites but through the browser; the browser sandbox is off as root. */
export const ENV = {
  INVITES_COOKIES: "",
  INVITES_BROWSER: "",
  INVITES_BROWSER_ARGS: "--no-sandbox",
};

export interface BrowserRuns {
  temp: { readonly dir: string; readonly db: string };
  emulation: Emulation;
  /** The test's browser profile, in its temporary folder. */
  profile(): string;
  browserArgs(url: string): string[];
  login(url?: string): Promise<RunResult>;
  withdrawArgs(url: string, ...flags: string[]): string[];
  /** withdraw --batch --yes through the browser against the emulation. */
  withdraw(...flags: string[]): Promise<RunResult>;
  /** Browsers still running on this test's profile. */
  browsersOnProfile(): number[];
  /** Waits a little for the test's browsers to end; fails (and kills them) if any is left. */
  noBrowserLeft(): Promise<void>;
}

/** Fails, saying how to install it, when there is no Chromium to test with: nothing is skipped. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium, and there is none at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set INVITES_CHROMIUM to a Chrome, Edge or Chromium program).`,
    );
  }
}

/** The processes whose command line names `profileDir`: the browsers running on it. */
export function browsersUsing(profileDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (cmdline.includes(profileDir)) pids.push(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return pids;
}

/** Waits a little for the browsers on `profileDir` to end; fails (and kills them) if any is left. */
export async function noBrowserLeftOn(profileDir: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (browsersUsing(profileDir).length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const left = browsersUsing(profileDir);
  for (const pid of left) process.kill(pid, "SIGKILL");
  expect(left, "browser processes left running on the test's profile").toEqual([]);
}

/**
 * For a browser test file: a temporary folder and database with the demo export and its Outlook
 * contacts imported before each test, the emulation, Chromium required, and after each test no
 * browser left on the test's profile.
 */
export function useBrowserRuns(): BrowserRuns {
  const temp = useTempDatabase();
  const emulation = useEmulation();
  const profile = () => join(temp.dir, "profile");

  const browserArgs = (url: string) => [
    "--browser",
    CHROMIUM,
    "--headless",
    "--browser-profile",
    profile(),
    "--base-url",
    url,
  ];

  const withdrawArgs = (url: string, ...flags: string[]) => [
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

  const browsersOnProfile = () => browsersUsing(profile());
  const noBrowserLeft = () => noBrowserLeftOn(profile());

  beforeAll(requireChromium);

  beforeEach(() => importDemo(temp.db));

  // Registered after the folder's and the emulation's: it runs before both are gone.
  afterEach(noBrowserLeft);

  return {
    temp,
    emulation,
    profile,
    browserArgs,
    login: (url = emulation.sandbox.url) =>
      runBinary(["login", ...browserArgs(url)], { env: ENV, cwd: temp.dir, timeoutMs: 60_000 }),
    withdrawArgs,
    withdraw: (...flags) =>
      runBinary(withdrawArgs(emulation.sandbox.url, ...flags), {
        env: ENV,
        cwd: temp.dir,
        timeoutMs: 120_000,
      }),
    browsersOnProfile,
    noBrowserLeft,
  };
}
