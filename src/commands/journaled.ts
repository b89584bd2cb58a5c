/**
 * What `withdraw` and `connections remove` share around the journaled run: their network
 * options and the safety rules on them, the daily cap, the one-run-at-a-time lock, the check
 * that the session is the database's account, the confirmation, progress and summary, and how
 * a stop is reported.
 */

import type { LiveKeys } from "../core/matching.js";
import { AccountMismatchError, CancelledError, StoppedError, UsageError } from "../errors.js";
import {
  type BrowserChoice,
  type BrowserWindow,
  findBrowser,
  openBrowser,
} from "../network/browser.js";
import { ClickDriver } from "../network/click-driver.js";
import { askSessionCookies, readSessionCookies, type SessionCookies } from "../network/cookies.js";
import type { Account, NetworkDriver } from "../network/driver.js";
import {
  type PlannedItem,
  type RunOptions,
  type RunSummary,
  runJournaled,
} from "../network/journaled-run.js";
import {
  DEFAULT_BASE_URL,
  LinkedInClient,
  type LinkedInClientOptions,
} from "../network/linkedin-client.js";
import { DEFAULT_PACE, Pacer, parsePace, realSleep } from "../network/pacer.js";
import { PageTransport } from "../network/page-transport.js";
import { SENT_PAGE_PATH } from "../network/sdui.js";
import { BROWSER_STOP_ADVICE } from "../network/signals.js";
import { TransientNetworkError } from "../network/transport.js";
import {
  clearLockHolder,
  readExportOwners,
  readLockHolder,
  readRecordedAccount,
  recordAccount,
  recordLockHolder,
} from "../store/account.js";
import type { Db } from "../store/database.js";
import type { Journal, JournalAction } from "../store/journal.js";
import { resolveBrowserProfilePath } from "../store/location.js";
import { acquireRunLock, type RunLock } from "../store/run-lock.js";
import { holdStdout, type Output } from "../ui/output.js";
import { printable } from "../ui/printable.js";
import { createProgress } from "../ui/progress.js";
import { type RunWords, renderRunPlan, renderRunSummary } from "../ui/run.js";
import { wholeNumber } from "./options.js";

export interface NetworkRunOptions {
  dryRun?: boolean;
  yes?: boolean;
  pace?: string;
  max?: string;
  dailyCap?: string;
  cookies?: string;
  baseUrl?: string;
  acceptRisk?: boolean;
  /** `--browser` alone (true), or a name or path. */
  browser?: string | boolean;
  browserProfile?: string;
  headless?: boolean;
  /** `api` (the default) or `click` (withdraw only). */
  strategy?: string;
}

/** How the run reaches LinkedIn: the user's cookies from Node, or the user's own browser. */
export type SessionSource =
  /** "ask": --cookies -, whose hidden prompt comes when the run starts. */
  | { kind: "cookies"; cookies: SessionCookies | "ask" }
  | {
      kind: "browser";
      browser: BrowserChoice;
      profileDir: string;
      headless: boolean;
      /** Withdraw by clicking the page's own controls (--strategy click). */
      click: boolean;
    };

export interface NetworkRunSettings {
  pacer: Pacer;
  max: number;
  dailyCap: number;
  /** Null on a dry run, which reads no cookies, opens no browser and sends nothing. */
  session: SessionSource | null;
  baseUrl: string;
  /** The base URL is LinkedIn itself, not the emulation or another address. */
  isLinkedIn: boolean;
}

/**
 * Below this pace, or above this daily cap, a run against linkedin.com acts faster than any
 * person clicks, which is what gets accounts restricted; the tool asks the user to say so.
 */
const SAFE_MIN_PACE_MS = 1000;
const SAFE_DAILY_CAP = 300;

function isLinkedInHost(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname.toLowerCase();
    return host === "linkedin.com" || host.endsWith(".linkedin.com");
  } catch {
    throw new UsageError(
      `--base-url "${baseUrl}" is not a URL (expected e.g. https://www.linkedin.com)`,
    );
  }
}

/** Checks the options before anything is read; `gerund` names the action in errors. */
export function readNetworkRunOptions(
  options: NetworkRunOptions,
  output: Output,
  gerund: string,
): NetworkRunSettings {
  const paceText = options.pace;
  const pace = paceText === undefined ? DEFAULT_PACE : parsePace(paceText);
  if (!pace) {
    const bare =
      paceText !== undefined && /^\s*\d+(\.\d+)?(\s*-\s*\d+(\.\d+)?)?\s*$/.test(paceText);
    throw new UsageError(
      bare
        ? `--pace "${paceText}" has no unit: did you mean ${paceText.replace(/\s/g, "")}s (seconds) or ${paceText.replace(/\s/g, "")}ms?`
        : `--pace "${paceText}" is not a pace (expected e.g. 3s, 2-4s, 500ms or 0)`,
    );
  }
  const max = wholeNumber("--max", options.max, 0, Number.POSITIVE_INFINITY);
  const dailyCap = wholeNumber("--daily-cap", options.dailyCap, 0, 100);
  const baseUrl = options.baseUrl ?? process.env.INVITES_BASE_URL ?? DEFAULT_BASE_URL;
  const isLinkedIn = isLinkedInHost(baseUrl);
  const risks = [
    ...(pace.minMs < SAFE_MIN_PACE_MS ? [`a pace under 1 s (--pace ${paceText})`] : []),
    ...(dailyCap > SAFE_DAILY_CAP
      ? [`more than ${SAFE_DAILY_CAP} requests a day (--daily-cap ${dailyCap})`]
      : []),
  ];
  if (isLinkedIn && risks.length > 0) {
    const why = `${risks.join(" and ")} against linkedin.com is faster than a person clicks, and LinkedIn restricts accounts for that`;
    if (!options.acceptRisk) {
      throw new UsageError(why, "keep the defaults, or add --accept-risk if you really mean it");
    }
    output.err(`Warning: ${why}. Going ahead because of --accept-risk.`);
  }
  if (!options.dryRun && !options.yes && !output.isInteractive) {
    throw new UsageError(
      `${gerund} asks for confirmation, and there is no terminal to ask in`,
      `add --yes to go ahead without asking, or --dry-run to see the plan only`,
    );
  }
  const session = readSessionSource(options, output, isLinkedIn);
  return {
    pacer: new Pacer({ pace, sleep: realSleep }),
    max,
    dailyCap,
    session: options.dryRun ? null : session(),
    baseUrl,
    isLinkedIn,
  };
}

/**
 * The checks of --browser, --cookies and their companions, at once; the browser is looked for
 * (or the cookie source checked) when the returned function is called, which a dry run never
 * does. --cookies wins over INVITES_BROWSER, as a flag over the environment.
 */
function readSessionSource(
  options: NetworkRunOptions,
  output: Output,
  isLinkedIn: boolean,
  env: NodeJS.ProcessEnv = process.env,
): () => SessionSource {
  const strategy = options.strategy ?? "api";
  if (strategy !== "api" && strategy !== "click") {
    throw new UsageError(`--strategy "${strategy}" must be api or click`);
  }
  const flagged = options.browser !== undefined && options.browser !== false;
  if (flagged && options.cookies !== undefined) {
    throw new UsageError(
      "--browser and --cookies are two ways to reach LinkedIn: give one of them",
      "--browser uses the login of invites login (recommended); --cookies uses cookies you copied",
    );
  }
  const browser =
    flagged || (options.cookies === undefined && Boolean(env.INVITES_BROWSER?.trim()));
  for (const [given, flag] of [
    [strategy === "click", "--strategy click"],
    [options.headless, "--headless"],
    [options.browserProfile !== undefined, "--browser-profile"],
  ] as const) {
    if (given && !browser) {
      throw new UsageError(`${flag} works with --browser only`, "add --browser");
    }
  }
  if (browser && options.headless && isLinkedIn) {
    // A headless browser tells LinkedIn it is one (HeadlessChrome, NETWORK-2026.md §4.3).
    const why =
      "--headless against linkedin.com shows LinkedIn a browser without a window, which it can tell from a person's";
    if (!options.acceptRisk) {
      throw new UsageError(
        why,
        "leave out --headless (it is for the emulation and tests), or add --accept-risk",
      );
    }
    output.err(`Warning: ${why}. Going ahead because of --accept-risk.`);
  }
  return () =>
    browser
      ? {
          kind: "browser",
          browser: findBrowser(typeof options.browser === "string" ? options.browser : true, env),
          profileDir: resolveBrowserProfilePath(options.browserProfile, env),
          headless: options.headless === true,
          click: strategy === "click",
        }
      : {
          kind: "cookies",
          cookies: readSessionCookies(options.cookies, output.isInteractive, env),
        };
}

/**
 * Holds the action's lock on the database while `fn` runs (not on a dry run, which sends
 * nothing): a second run of the same action refuses at once, naming this one.
 */
export async function withRunLock<T>(
  db: Db,
  databasePath: string,
  action: JournalAction,
  options: NetworkRunOptions,
  argv: readonly string[],
  fn: () => Promise<T>,
): Promise<T> {
  if (options.dryRun) return fn();
  let lock: RunLock | null = null;
  try {
    lock = acquireRunLock(databasePath, action, () => readLockHolder(db, action) ?? undefined);
    recordLockHolder(
      db,
      action,
      `process ${process.pid}, started ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC: ${resumeCommand(argv)}`,
    );
    return await fn();
  } finally {
    if (lock) {
      clearLockHolder(db, action);
      lock.release();
    }
  }
}

/** The part of a selection this run may send: within --max and what the daily cap leaves. */
export function capPlan<T>(
  selected: readonly T[],
  journal: Journal,
  action: JournalAction,
  settings: NetworkRunSettings,
  now: Date,
): { plan: T[]; sentToday: number } {
  const sentToday = journal.requestsOn(action, now.toISOString().slice(0, 10));
  const capLeft = Math.max(0, settings.dailyCap - sentToday);
  return { plan: selected.slice(0, Math.min(settings.max, capLeft)), sentToday };
}

/** The plan's closing lines: how many, in which order, how long, and what it means for others. */
export function printRunPlan(
  output: Output,
  words: RunWords,
  settings: NetworkRunSettings,
  counts: { selected: number; planned: number; sentToday: number },
): void {
  output.out(
    renderRunPlan(
      words,
      {
        ...counts,
        max: settings.max,
        dailyCap: settings.dailyCap,
        meanDelayMs: settings.pacer.meanDelayMs,
      },
      output.colour,
    ),
  );
}

/** Asks on stderr; anything but yes cancels (exit 130) with nothing sent. */
async function confirmRun(message: string): Promise<void> {
  const { confirm } = await import("@inquirer/prompts");
  const answer = await confirm({ message, default: false }, { output: process.stderr }).catch(
    () => false,
  );
  if (!answer) throw new CancelledError();
}

/** The client for linkedin.com (or --base-url), reading long lists at the pacer's list pace. */
function clientOptions(settings: NetworkRunSettings): LinkedInClientOptions {
  return {
    beforePage: () => settings.pacer.beforeListPage(),
    ...(process.env.INVITES_GRAPHQL_QUERY_ID
      ? { graphqlQueryId: process.env.INVITES_GRAPHQL_QUERY_ID }
      : {}),
  };
}

/** How long the user has to solve a login wall or a check in the window after a stop. */
const SOLVE_MS = 10 * 60_000;

/**
 * Runs `run` with the driver of the session source: the cookie client, or the user's browser
 * opened on its profile (closed again whatever happens). When the browser run stops at a login
 * wall or a security check, the window comes to the front for the user to solve it there, and
 * stays open until the session works again (or ten minutes, or until it is closed); the run
 * itself is not resumed by this process.
 */
async function withDriver(
  output: Output,
  settings: NetworkRunSettings,
  session: SessionSource,
  command: string,
  run: (driver: NetworkDriver) => Promise<RunSummary>,
): Promise<RunSummary> {
  if (session.kind === "cookies") {
    const cookies = session.cookies === "ask" ? await askSessionCookies() : session.cookies;
    return run(
      new LinkedInClient({ ...clientOptions(settings), baseUrl: settings.baseUrl, cookies }),
    );
  }
  output.err(
    `Opening ${printable(session.browser.label)}${session.headless ? " (headless)" : ""} with the browser profile of invites at ${printable(session.profileDir)}.`,
  );
  const window = await openBrowser({
    browser: session.browser,
    profileDir: session.profileDir,
    headless: session.headless,
    url: new URL(SENT_PAGE_PATH, settings.baseUrl).href,
    holder: command,
  });
  try {
    const api = new LinkedInClient({
      ...clientOptions(settings),
      transport: new PageTransport({ page: window.page, baseUrl: settings.baseUrl }),
    });
    const driver = session.click
      ? new ClickDriver({
          page: window.page,
          baseUrl: settings.baseUrl,
          api,
          beforePage: () => settings.pacer.beforeListPage(),
        })
      : api;
    const summary = await run(driver);
    const stop = summary.stopped;
    if (stop) {
      summary.stopped = new StoppedError(
        stop.signal,
        stop.message,
        BROWSER_STOP_ADVICE[stop.signal] ?? stop.suggestion,
      );
      if (
        !window.headless &&
        (stop.signal === "expired" || stop.signal === "challenge" || stop.signal === "csrf")
      ) {
        await handToUser(output, window, api, settings, command);
      }
    }
    return summary;
  } finally {
    await window.close();
  }
}

/** The window in front, on the page LinkedIn wants the user on, until the session works again. */
async function handToUser(
  output: Output,
  window: BrowserWindow,
  api: LinkedInClient,
  settings: NetworkRunSettings,
  command: string,
): Promise<void> {
  output.err(
    "LinkedIn wants you in the browser window of invites: it is in front now. Log in or complete the check there; invites waits up to 10 minutes, or until you close the window.",
  );
  await window.page
    .goto(new URL(SENT_PAGE_PATH, settings.baseUrl).href, { waitUntil: "domcontentloaded" })
    .catch(() => undefined);
  await window.bringToFront();
  const deadline = Date.now() + SOLVE_MS;
  while (!window.closed && Date.now() < deadline) {
    await realSleep(3000);
    if (window.closed) break;
    try {
      const account = await api.checkSession();
      output.err(
        `The session works again (${printable(account.publicIdentifier)}). Run the same command when you are ready: ${command}`,
      );
      return;
    } catch (error) {
      if (!(error instanceof StoppedError || error instanceof TransientNetworkError)) throw error;
    }
  }
}

/**
 * The check that the session acts for the member whose data this is: the owner of the
 * exported invitations, else the account the first run recorded (which this run records).
 */
export function accountCheck(db: Db): (account: Account) => void {
  return (account) => {
    const session = account.publicIdentifier.toLowerCase();
    const owners = readExportOwners(db);
    const recorded = readRecordedAccount(db);
    const expected = owners.length > 0 ? owners : recorded ? [recorded] : [];
    if (expected.length > 0 && !expected.includes(session)) {
      throw new AccountMismatchError(
        `the LinkedIn session is ${session}'s, but the data in this database is ${expected.join(" and ")}'s: nothing was sent`,
        `log in to LinkedIn as ${expected.join(" or ")}, or use that account's own database (--db)`,
      );
    }
    if (recorded === null) recordAccount(db, session);
  };
}

/**
 * Runs a plan with progress on stderr and the closing table on stdout; the commands and the demo
 * share it. Returns the summary; stopping is the caller's to report.
 */
export async function runAndReport<P extends PlannedItem, L extends LiveKeys>(
  output: Output,
  words: RunWords,
  run: Omit<RunOptions<P, L>, "now" | "retries" | "onEvent">,
): Promise<RunSummary> {
  const progress = createProgress(output);
  // A reader that goes away (`invites withdraw … | head`) must not end a run half way.
  const release = holdStdout();
  try {
    const summary = await runJournaled({
      ...run,
      now: () => new Date(),
      retries: 3,
      onEvent: (event) => {
        if (event.kind === "session") output.err(`Logged in as ${printable(event.account)}.`);
        if (event.kind === "listed" && event.settled > 0) {
          output.err(
            `Settled ${event.settled} request(s) an interrupted run left open: ${words.done}.`,
          );
        }
        if (event.kind === "listed" && event.reopened > 0) {
          output.err(
            `LinkedIn lists ${event.reopened} ${words.noun}(s) again that an earlier run found gone: open again.`,
          );
        }
        if (event.kind === "item") {
          const answer =
            event.answer === "done"
              ? words.done
              : event.answer === "not-found"
                ? "not there"
                : "failed";
          progress.item(event.done, event.total, `${answer}: ${event.name}`);
        }
        if (event.kind === "verified" && (event.done > 0 || event.notDone > 0)) {
          progress.note(
            `Checked LinkedIn's list: ${event.done} ${words.done}${event.notDone > 0 ? `, ${event.notDone} still listed (not done)` : ""}.`,
          );
        }
      },
    });
    progress.end();
    output.out(renderRunSummary(words, summary, output.colour));
    return summary;
  } finally {
    progress.end();
    release();
  }
}

/** The exit code of a finished run: 3 (thrown) with the resume command when it stopped. */
function exitCodeOf(summary: RunSummary, command: string): number {
  if (summary.stopped) {
    throw new StoppedError(
      summary.stopped.signal,
      `stopped: ${summary.stopped.message}`,
      `${summary.stopped.suggestion ?? ""}; to resume: ${command}`,
    );
  }
  return summary.failed.length > 0 || summary.notDone.length > 0 ? 1 : 0;
}

/** The command line to run again after a stop: it holds no secret, cookies never come by flag. */
export function resumeCommand(argv: readonly string[]): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);
  return ["invites", ...argv.map(quote)].join(" ");
}

/**
 * What follows the printed plan: nothing is sent on --dry-run or when nothing is planned;
 * otherwise the user confirms (unless --yes), the run goes, and its summary is the exit code.
 */
export async function confirmAndRun(
  output: Output,
  options: NetworkRunOptions,
  settings: NetworkRunSettings,
  planned: number,
  question: string,
  argv: readonly string[],
  run: (driver: NetworkDriver, command: string) => Promise<RunSummary>,
): Promise<number> {
  const { session } = settings;
  if (options.dryRun || planned === 0 || session === null) return 0;
  if (!settings.isLinkedIn) {
    output.err(
      session.kind === "browser"
        ? `The browser acts on ${new URL(settings.baseUrl).origin}, not on linkedin.com.`
        : `Sending your LinkedIn session to ${new URL(settings.baseUrl).origin}, not to linkedin.com.`,
    );
  }
  if (!options.yes) await confirmRun(question);
  const command = resumeCommand(argv);
  const summary = await withDriver(output, settings, session, command, (driver) =>
    run(driver, command),
  );
  return exitCodeOf(summary, command);
}
