/**
 * The user's own browser: which one (an installed Chrome, Edge or Chromium, or the one named),
 * its dedicated profile, and launching it with playwright-core, which downloads no browser.
 * The profile is never the user's everyday one (Chrome 136 and later refuse automation there):
 * it is a folder of its own, made 0700, marked as ours so that
 * `invites logout` deletes nothing else, and locked while a command uses it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { readEnv, readSetEnv } from "../env.js";
import { RunLockedError, UsageError } from "../errors.js";
import { m } from "../i18n/index.js";
import { takeFileLock } from "../store/run-lock.js";
import { printable } from "../ui/printable.js";

export const BROWSER_NAMES = ["chrome", "edge", "chromium"] as const;
export type BrowserName = (typeof BROWSER_NAMES)[number];

const ALIASES: Record<string, BrowserName> = {
  chrome: "chrome",
  "google-chrome": "chrome",
  edge: "edge",
  msedge: "edge",
  "microsoft-edge": "edge",
  chromium: "chromium",
};

export interface BrowserChoice {
  executablePath: string;
  /** What the messages call it: "Google Chrome", or the path given. */
  label: string;
}

/** Where each browser is installed on each platform, the usual places first. */
export function installLocations(
  name: BrowserName,
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home: string,
): string[] {
  if (platform === "win32") {
    const roots = [
      readEnv("PROGRAMFILES", env),
      readEnv("PROGRAMFILES(X86)", env),
      readEnv("LOCALAPPDATA", env),
    ].filter((r): r is string => Boolean(r));
    const tail = {
      chrome: ["Google", "Chrome", "Application", "chrome.exe"],
      edge: ["Microsoft", "Edge", "Application", "msedge.exe"],
      chromium: ["Chromium", "Application", "chrome.exe"],
    }[name];
    return roots.map((root) => [root, ...tail].join("\\"));
  }
  if (platform === "darwin") {
    const app = {
      chrome: "Google Chrome.app/Contents/MacOS/Google Chrome",
      edge: "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
      chromium: "Chromium.app/Contents/MacOS/Chromium",
    }[name];
    return [`/Applications/${app}`, join(home, "Applications", app)];
  }
  return {
    chrome: [
      "/usr/bin/google-chrome",
      "/usr/bin/google-chrome-stable",
      "/opt/google/chrome/chrome",
    ],
    edge: [
      "/usr/bin/microsoft-edge",
      "/usr/bin/microsoft-edge-stable",
      "/opt/microsoft/msedge/msedge",
    ],
    chromium: ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium"],
  }[name];
}

const LABELS: Record<BrowserName, string> = {
  chrome: "Google Chrome",
  edge: "Microsoft Edge",
  chromium: "Chromium",
};

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The browser to drive: `--browser` (a name, a path, or nothing for "find one"), else
 * INVITES_BROWSER, else the first installed of Chrome, Edge and Chromium. A usage error names
 * everything that was looked for when none is there.
 */
export function findBrowser(
  wanted: string | true | undefined,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = isFile,
  home: string = homedir(),
): BrowserChoice {
  const words = m().network.browser;
  const given = typeof wanted === "string" ? wanted : readSetEnv("INVITES_BROWSER", env)?.trim();
  const from = typeof wanted === "string" ? "--browser" : "INVITES_BROWSER";
  if (given !== undefined) {
    const name = ALIASES[given.toLowerCase()];
    if (!name) {
      if (exists(given)) return { executablePath: given, label: given };
      throw new UsageError(words.unknown(from, given, BROWSER_NAMES), words.unknownFix);
    }
    const paths = installLocations(name, platform, env, home);
    const found = paths.find(exists);
    if (found) return { executablePath: found, label: LABELS[name] };
    throw new UsageError(words.notInstalled(LABELS[name], paths), words.notInstalledFix);
  }
  const looked: string[] = [];
  for (const name of BROWSER_NAMES) {
    const paths = installLocations(name, platform, env, home);
    looked.push(...paths);
    const found = paths.find(exists);
    if (found) return { executablePath: found, label: LABELS[name] };
  }
  throw new UsageError(words.none(looked), words.noneFix);
}

/** The everyday profile folders of Chrome, Edge and Chromium, which automation must not use. */
export function everydayProfiles(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string[] {
  if (platform === "win32") {
    const local = readEnv("LOCALAPPDATA", env) ?? join(home, "AppData", "Local");
    return [
      join(local, "Google", "Chrome", "User Data"),
      join(local, "Microsoft", "Edge", "User Data"),
      join(local, "Chromium", "User Data"),
    ];
  }
  if (platform === "darwin") {
    const support = join(home, "Library", "Application Support");
    return [
      join(support, "Google", "Chrome"),
      join(support, "Microsoft Edge"),
      join(support, "Chromium"),
    ];
  }
  const config = readSetEnv("XDG_CONFIG_HOME", env) ?? join(home, ".config");
  return ["google-chrome", "microsoft-edge", "chromium"].map((d) => join(config, d));
}

/** The file that marks a folder as a profile this tool made; logout deletes only such a folder. */
export const PROFILE_MARKER = "invites-browser-profile.txt";
const LOCK_FILE = "invites-profile.lock";
const HOLDER_FILE = "invites-profile-holder.txt";

/** A profile folder this tool may use: new, or made by it; never an everyday profile. */
export function checkProfileDir(dir: string, everyday: readonly string[] = everydayProfiles()) {
  const path = resolve(dir);
  const shown = printable(path);
  const words = m().network.browser;
  if (everyday.some((p) => path === resolve(p) || path.startsWith(`${resolve(p)}/`))) {
    throw new UsageError(words.everyday(shown), words.everydayFix);
  }
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) throw new UsageError(words.notFolder(shown));
  if (existsSync(join(path, PROFILE_MARKER))) return;
  if (readdirSync(path).length > 0) throw new UsageError(words.notOurs(shown), words.notOursFix);
}

/**
 * Refuses a run in a profile invites never made (no login yet, or logged out), before a browser
 * opens or a run is recorded: `invites login` makes it. A profile that was made and whose login
 * has expired is the network's to tell (401), with the login to do.
 */
export function checkProfileMade(dir: string): void {
  if (!existsSync(join(resolve(dir), PROFILE_MARKER))) {
    const words = m().network.browser;
    throw new UsageError(words.noLogin(printable(resolve(dir))), words.noLoginFix);
  }
}

/** Creates the profile folder (0700) with its marker, if it is not there yet. */
export function makeProfileDir(dir: string): void {
  checkProfileDir(dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const marker = join(dir, PROFILE_MARKER);
  if (!existsSync(marker)) {
    writeFileSync(marker, m().network.browser.marker, { mode: 0o600 });
  }
}

export interface ProfileLock {
  release(): void;
}

/**
 * Holds the profile for this process: a second command on the same profile (a login during a
 * run) is told at once who has it, instead of meeting the browser's own lock. As the run lock
 * (src/store/run-lock.ts), an exclusive SQLite lock that the system drops when the process ends.
 */
export function lockProfile(dir: string, holder: string): ProfileLock {
  const lock = takeFileLock(join(dir, LOCK_FILE));
  if (lock === null) {
    const who = readHolder(join(dir, HOLDER_FILE));
    const words = m().network.browser;
    throw new RunLockedError(words.inUse(printable(dir), printable(who)), words.inUseFix);
  }
  writeFileSync(join(dir, HOLDER_FILE), `${m().network.browser.holder(process.pid, holder)}\n`, {
    mode: 0o600,
  });
  return lock;
}

/** Who holds the profile, as its holder wrote it; empty when that cannot be read. */
function readHolder(path: string): string {
  try {
    return statSync(path).size < 4096 ? readFileSync(path, "utf8").trim() : "";
  } catch {
    return "";
  }
}

export interface BrowserWindow {
  /** The page every request and click runs in. */
  readonly page: Page;
  readonly headless: boolean;
  /** Brings the window to the front, where there is one, for the user to act in it. */
  bringToFront(): Promise<void>;
  /** Whether the user closed the window (or the browser ended). */
  readonly closed: boolean;
  close(): Promise<void>;
}

export interface OpenBrowserOptions {
  browser: BrowserChoice;
  profileDir: string;
  headless: boolean;
  /** The page to open first. */
  url: string;
  /** What holds the profile, for a second command's message (no secret). */
  holder: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * The launch flags. Headless is for the emulation and CI: without a GPU, and with none of the
 * browser's own calls home (a machine without a network would retry them without end). The
 * browser's sandbox stays on, but as root on Linux, where Chromium refuses to start with it.
 * INVITES_BROWSER_ARGS adds flags for a setup of one's own (e.g. --no-sandbox in a container).
 */
export function launchFlags(
  headless: boolean,
  env: NodeJS.ProcessEnv = process.env,
  isRoot: boolean = process.platform === "linux" && process.getuid?.() === 0,
): { args: string[]; chromiumSandbox: boolean } {
  const args = [
    // navigator.webdriver stays false, as in the browser the user knows.
    "--disable-blink-features=AutomationControlled",
    ...(headless ? ["--disable-gpu", "--disable-background-networking"] : []),
    ...(readSetEnv("INVITES_BROWSER_ARGS", env)?.trim().split(/\s+/) ?? []),
  ];
  return { args, chromiumSandbox: !isRoot };
}

/**
 * A window needs a screen: without one on Linux the user is told so instead of meeting the
 * browser's crash. Also asked before a command says it opens a window.
 */
export function checkScreen(headless: boolean, env: NodeJS.ProcessEnv = process.env): void {
  if (
    !headless &&
    process.platform === "linux" &&
    readSetEnv("DISPLAY", env) === undefined &&
    readSetEnv("WAYLAND_DISPLAY", env) === undefined
  ) {
    const words = m().network.browser;
    throw new UsageError(words.noScreen, words.noScreenFix);
  }
}

/** Opens the browser on its profile (made and locked first) and the page `url` (checkScreen). */
export async function openBrowser(o: OpenBrowserOptions): Promise<BrowserWindow> {
  const env = o.env ?? process.env;
  checkScreen(o.headless, env);
  makeProfileDir(o.profileDir);
  const lock = lockProfile(o.profileDir, o.holder);
  const { chromium } = await import("playwright-core");
  const { args, chromiumSandbox } = launchFlags(o.headless, env);
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(o.profileDir, {
      executablePath: o.browser.executablePath,
      headless: o.headless,
      args,
      chromiumSandbox,
      // Without the automation banner and switch, the window is the browser the user knows.
      ignoreDefaultArgs: ["--enable-automation"],
      viewport: null,
      timeout: 60_000,
      // Ctrl-C is the run's to handle: it finishes the request under way and reads the list
      // once more through this browser. Playwright's own handler closed the browser first, and
      // the run stopped as if the user had closed the window.
      handleSIGINT: false,
    });
  } catch (error) {
    lock.release();
    throw launchFailure(error, o);
  }
  let closed = false;
  context.on("close", () => {
    closed = true;
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("close", () => {
    closed = true;
  });
  const window: BrowserWindow = {
    page,
    headless: o.headless,
    get closed() {
      return closed;
    },
    async bringToFront() {
      if (!o.headless && !closed) await page.bringToFront().catch(() => undefined);
    },
    async close() {
      try {
        if (!closed) await context.close();
      } finally {
        closed = true;
        lock.release();
      }
    },
  };
  try {
    await page.goto(o.url, { waitUntil: "domcontentloaded", timeout: 60_000 });
  } catch (error) {
    await window.close();
    const words = m().network.browser;
    throw new UsageError(
      words.cannotOpen(printable(o.url), printable(firstLine(error))),
      words.cannotOpenFix,
    );
  }
  return window;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

/** A launch that failed, in words a user can act on. */
function launchFailure(error: unknown, o: OpenBrowserOptions): Error {
  const message = error instanceof Error ? error.message : String(error);
  const words = m().network.browser;
  if (/ProcessSingleton|already in use|profile.*in use|SingletonLock/i.test(message)) {
    return new RunLockedError(words.openElsewhere(printable(o.profileDir)), words.openElsewhereFix);
  }
  return new UsageError(
    words.didNotStart(printable(o.browser.label), printable(firstLine(error))),
    words.didNotStartFix,
  );
}

/** Whether a page of the base URL's site is a login wall or a security check. */
export function isAuthBlocker(path: string): boolean {
  return /^\/(login|authwall|checkpoint|challenge|uas\/login|uas\/consumer-email-challenge)(\/|\?|$)/i.test(
    path,
  );
}
