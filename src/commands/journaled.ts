/**
 * What `withdraw` and `connections remove` share around the journaled run: their network
 * options and the safety rules on them, the daily cap, the one-run-at-a-time lock, the check
 * that the session is the database's account, the confirmation, progress and summary, and how
 * a stop is reported.
 */

import { DAY_MS } from "../core/days.js";
import type { LiveKeys } from "../core/matching.js";
import {
  capSparingReminders,
  DEFAULT_DAILY_CAP,
  type Plannable,
  planDays,
  SAFE_DAILY_CAP,
  SAFE_MIN_PACE_MS,
} from "../core/plan.js";
import { readSetEnv } from "../env.js";
import {
  AccountMismatchError,
  CancelledError,
  ExitCode,
  StoppedError,
  UsageError,
} from "../errors.js";
import { m } from "../i18n/index.js";
import { resolveBaseUrl } from "../network/base-url.js";
import {
  type BrowserChoice,
  type BrowserWindow,
  checkProfileMade,
  findBrowser,
  openBrowser,
} from "../network/browser.js";
import { ClickDriver } from "../network/click-driver.js";
import {
  askSessionCookies,
  pastedBefore,
  readSessionCookies,
  type SessionCookies,
} from "../network/cookies.js";
import type { Account, NetworkDriver } from "../network/driver.js";
import {
  type PlannedItem,
  type RunOptions,
  type RunSummary,
  runJournaled,
  SETTLE_AFTER_MS,
} from "../network/journaled-run.js";
import { LinkedInClient, type LinkedInClientOptions } from "../network/linkedin-client.js";
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
import { askYesNo } from "../ui/prompts.js";
import {
  type RunOrder,
  type RunPlan,
  renderRunEnd,
  renderRunPlan,
  renderRunSummary,
} from "../ui/run.js";
import { invitesCommand } from "../ui/shell.js";
import { wrap } from "../ui/wrap.js";
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
}

/** A run's options with withdraw's own --strategy: `api` (the default) or `click`. */
export type StrategyOption = { strategy?: string };

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

/** How a run sends, as its requests go out: what runAndReport hands to the journaled run. */
export interface RunPace {
  pacer: Pacer;
  /** Requests a UTC day, over all runs: a retry counts as one too. */
  dailyCap: number;
  /** How long an unanswered request may still be under way (INVITES_SETTLE_AFTER). */
  settleAfterMs: number;
}

export interface NetworkRunSettings extends RunPace {
  max: number;
  /** Null on a dry run, which reads no cookies, opens no browser and sends nothing. */
  session: SessionSource | null;
  baseUrl: string;
  /** The base URL is LinkedIn itself, not the emulation or another address. */
  isLinkedIn: boolean;
}

/** Checks the options of a run of `action` before anything is read. */
export function readNetworkRunOptions(
  options: NetworkRunOptions & StrategyOption,
  output: Output,
  action: JournalAction,
): NetworkRunSettings {
  const w = m().run.options;
  const paceText = options.pace;
  const pace = paceText === undefined ? DEFAULT_PACE : parsePace(paceText);
  if (!pace) {
    const bare =
      paceText !== undefined && /^\s*\d+(\.\d+)?(\s*-\s*\d+(\.\d+)?)?\s*$/.test(paceText);
    throw new UsageError(
      bare ? w.paceNoUnit(paceText, paceText.replace(/\s/g, "")) : w.paceBad(paceText ?? ""),
    );
  }
  const max = wholeNumber("--max", options.max, 0, Number.POSITIVE_INFINITY);
  const dailyCap = wholeNumber("--daily-cap", options.dailyCap, 0, DEFAULT_DAILY_CAP);
  const settleAfterMs = readSettleAfter();
  const { baseUrl, isLinkedIn } = resolveBaseUrl(options.baseUrl);
  const risks = [
    ...(pace.minMs < SAFE_MIN_PACE_MS ? [w.riskPace(paceText ?? "")] : []),
    ...(dailyCap > SAFE_DAILY_CAP ? [w.riskCap(dailyCap)] : []),
  ];
  if (isLinkedIn && risks.length > 0) {
    const why = w.risk(risks);
    if (!options.acceptRisk) throw new UsageError(why, w.riskFix);
    output.err(wrap(w.riskTaken(why), output.width));
  }
  if (!options.dryRun && !options.yes && !output.isInteractive) {
    throw new UsageError(w.noTerminal(m().run.actions[action].gerund), w.noTerminalFix);
  }
  const session = readSessionSource(options, output, isLinkedIn);
  return {
    pacer: new Pacer({ pace, sleep: realSleep }),
    max,
    dailyCap,
    settleAfterMs,
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
  options: NetworkRunOptions & StrategyOption,
  output: Output,
  isLinkedIn: boolean,
  env: NodeJS.ProcessEnv = process.env,
): () => SessionSource {
  const w = m().run.options;
  const strategy = options.strategy ?? "api";
  if (strategy !== "api" && strategy !== "click") throw new UsageError(w.badStrategy(strategy));
  const flagged = options.browser !== undefined && options.browser !== false;
  if (flagged && options.cookies !== undefined) {
    throw new UsageError(w.browserOrCookies, w.browserOrCookiesFix);
  }
  const browser =
    flagged || (options.cookies === undefined && readSetEnv("INVITES_BROWSER", env) !== undefined);
  for (const [given, flag] of [
    [strategy === "click", "--strategy click"],
    [options.headless, "--headless"],
    [options.browserProfile !== undefined, "--browser-profile"],
  ] as const) {
    if (given && !browser) {
      throw new UsageError(w.browserOnly(flag), w.addBrowser);
    }
  }
  if (browser && options.headless && isLinkedIn) {
    // A headless browser tells LinkedIn it is one (HeadlessChrome).
    if (!options.acceptRisk) throw new UsageError(w.headlessRisk, w.headlessFix);
    output.err(wrap(w.riskTaken(w.headlessRisk), output.width));
  }
  return () => {
    if (browser) {
      const found = findBrowser(typeof options.browser === "string" ? options.browser : true, env);
      const profileDir = resolveBrowserProfilePath(options.browserProfile, env);
      checkProfileMade(profileDir);
      return {
        kind: "browser",
        browser: found,
        profileDir,
        headless: options.headless === true,
        click: strategy === "click",
      };
    }
    return {
      kind: "cookies",
      cookies: readSessionCookies(options.cookies, output.isInteractive, env, (line) =>
        output.err(line),
      ),
    };
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
      m().run.session.lockHolder(process.pid, new Date().toISOString(), invitesCommand(argv)),
    );
    return await fn();
  } finally {
    if (lock) {
      clearLockHolder(db, action);
      lock.release();
    }
  }
}

/**
 * A run's plan: the selection in its order, this run's part of it (within --max and what the
 * daily cap leaves today), and the whole selection placed on days under the cap from `asOf`'s
 * day, with what that means for the reminders. Today's requests count against the first day.
 */
export function makeRunPlan<P>(
  selected: readonly P[],
  o: {
    action: JournalAction;
    order: RunOrder;
    journal: Journal;
    settings: NetworkRunSettings;
    /** The day the plan's days start on (--as-of's, for the reminders). */
    asOf: Date;
    /** The clock: the daily cap counts the requests sent on its day (UTC). */
    now: Date;
    /** When an item was sent, for its reminders; null for what has none. */
    sentAt: (item: P) => string | null;
  },
): RunPlan<P> {
  const day = o.now.toISOString().slice(0, 10);
  const sentToday = o.journal.requestsOn(o.action, day);
  const capLeft = Math.max(0, o.settings.dailyCap - sentToday);
  const rules = { asOf: o.asOf, dailyCap: o.settings.dailyCap, alreadyToday: sentToday };
  const items = selected.map((item): Plannable & { item: P } => ({ item, sentAt: o.sentAt(item) }));
  const days = planDays(items, rules);
  return {
    action: o.action,
    order: o.order,
    selected,
    plan: selected.slice(0, Math.min(o.settings.max, capLeft)),
    days: { ...days, items: days.items.map((d) => ({ ...d, item: d.item.item })) },
    sentToday,
    dailyCap: o.settings.dailyCap,
    max: o.settings.max,
    meanDelayMs: o.settings.pacer.meanDelayMs,
    spare: o.action === "withdraw" ? capSparingReminders(items, rules) : null,
    day,
    nextDay: new Date(Date.parse(day) + DAY_MS).toISOString().slice(0, 10),
  };
}

/**
 * Every selected item waits for another run (the daily cap): the plan's lines say why, where a
 * table of the items this run sends would be empty and say that nothing matches.
 */
export function allWaiting<P>(plan: RunPlan<P>): boolean {
  return plan.plan.length === 0 && plan.selected.length > 0;
}

/** The plan's closing lines. */
export function printRunPlan<P>(output: Output, plan: RunPlan<P>): void {
  output.out(renderRunPlan(plan, output.colour, output.width));
}

/** What `--dry-run --json` prints: the plan as data, each item with the day it goes out. */
export function printPlanJson<P>(
  output: Output,
  plan: RunPlan<P>,
  describe: (item: P) => {
    name: string;
    profileUrl: string | null;
    email: string | null;
    sentAt: string | null;
  },
): void {
  const sentNow = new Set(plan.plan);
  output.out(
    JSON.stringify(
      {
        action: plan.action,
        total: plan.selected.length,
        // What this run would send: within --max and what today's cap leaves.
        thisRun: plan.plan.length,
        dailyCap: plan.dailyCap,
        alreadyToday: plan.sentToday,
        days: plan.days.days,
        remindersPrevented: plan.days.remindersPrevented,
        remindersStillSent: plan.days.remindersStillSent,
        items: plan.days.items.map((d) => ({
          ...describe(d.item),
          nextReminder: d.nextReminder,
          plannedDay: d.plannedDay,
          thisRun: sentNow.has(d.item),
        })),
      },
      null,
      2,
    ),
  );
}

/** Asks on stderr; anything but yes cancels (exit 130) with nothing sent. */
async function confirmRun(message: string): Promise<void> {
  if (!(await askYesNo(message, false))) throw new CancelledError();
}

/** The client for linkedin.com (or --base-url), reading long lists at the pacer's list pace. */
function clientOptions(settings: NetworkRunSettings): LinkedInClientOptions {
  const graphqlQueryId = readSetEnv("INVITES_GRAPHQL_QUERY_ID");
  return {
    beforePage: () => settings.pacer.beforeListPage(),
    ...(graphqlQueryId === undefined ? {} : { graphqlQueryId }),
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
    let cookies = session.cookies;
    if (cookies === "ask") {
      const before = pastedBefore(settings.baseUrl);
      if (before) output.err(wrap(m().run.session.pastedBefore, output.width));
      cookies = before ?? (await askSessionCookies(settings.baseUrl));
    }
    return run(
      new LinkedInClient({ ...clientOptions(settings), baseUrl: settings.baseUrl, cookies }),
    );
  }
  output.err(
    wrap(
      m().run.session.opening(
        printable(session.browser.label),
        session.headless,
        printable(session.profileDir),
      ),
      output.width,
    ),
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
  output.err(wrap(m().run.session.handToUser, output.width));
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
      output.err(m().run.session.worksAgain(printable(account.publicIdentifier), command));
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
        m().run.session.mismatch(session, expected),
        m().run.session.mismatchFix(expected),
      );
    }
    if (recorded === null) recordAccount(db, session);
  };
}

/**
 * Runs a plan with progress on stderr and the closing table on stdout; the commands and the demo
 * share it. Ctrl-C during the run finishes the request under way, records it, reads the list
 * once more to decide what was sent, and ends the run there (the summary says so; the command
 * exits 130). Returns the summary; stopping is the
 * caller's to report.
 */
export async function runAndReport<P extends PlannedItem, L extends LiveKeys>(
  output: Output,
  action: JournalAction,
  run: Omit<RunOptions<P, L>, "now" | "retries" | "onEvent" | "stop">,
): Promise<RunSummary> {
  const words = m().run;
  const a = words.actions[action];
  const progress = createProgress(output);
  // A reader that goes away (`invites withdraw … | head`) must not end a run half way.
  const release = holdStdout();
  const interrupted = new AbortController();
  // The first Ctrl-C ends the run after the request under way; a second one, Node's own way.
  const onInterrupt = () => {
    interrupted.abort();
    process.off("SIGINT", onInterrupt);
    progress.note(words.progress.stopping);
  };
  process.on("SIGINT", onInterrupt);
  /** Confirmed by the run's reads so far: each read's note counts on from the last. */
  let confirmed = 0;
  try {
    const summary = await runJournaled({
      ...run,
      now: () => new Date(),
      retries: 3,
      stop: interrupted.signal,
      onEvent: (event) => {
        const p = words.progress;
        if (event.kind === "session") output.err(p.session(printable(event.account)));
        if (event.kind === "waiting") progress.note(p.waiting(event.requests, event.ms));
        if (event.kind === "listed" && event.settled > 0) {
          output.err(p.settled(event.settled, a.done));
        }
        if (event.kind === "listed" && event.reopened > 0) {
          output.err(p.reopened(a.items(event.reopened)));
        }
        if (event.kind === "item") {
          const answer =
            event.answer === "done"
              ? p.done(a.done)
              : event.answer === "not-found"
                ? p.notThere
                : event.answer === "unclear"
                  ? p.unclear
                  : p.failed;
          progress.item(event.done, event.total, `${answer}: ${event.name}`);
        }
        if (event.kind === "verified" && (event.done > 0 || event.notDone > 0)) {
          confirmed += event.done;
          progress.note(p.verified(event.done, confirmed, a.done, event.notDone));
        }
      },
    });
    progress.end();
    output.out(renderRunSummary(action, summary, output.colour, output.width));
    return summary;
  } finally {
    process.off("SIGINT", onInterrupt);
    progress.end();
    release();
  }
}

/**
 * INVITES_SETTLE_AFTER, a duration as --pace takes it, checked with the other options before
 * anything is read: how long after it went out an unanswered request may still be under way
 * (SETTLE_AFTER_MS unless set). The emulation answers at once, and the tests that kill runs and
 * resume them at once set it to 0.
 */
function readSettleAfter(): number {
  const value = readSetEnv("INVITES_SETTLE_AFTER");
  if (value === undefined) return SETTLE_AFTER_MS;
  const pace = parsePace(value.trim());
  if (pace === null || pace.minMs !== pace.maxMs) {
    throw new UsageError(m().run.badSettleAfter(value));
  }
  return pace.minMs;
}

/** The exit code of a finished run: 3 (thrown) with the resume command when it stopped. */
function exitCodeOf(summary: RunSummary, command: string): number {
  if (summary.stopped) {
    throw new StoppedError(
      summary.stopped.signal,
      m().run.stop.stopped(summary.stopped.message),
      m().run.stop.resume(summary.stopped.suggestion ?? "", command),
    );
  }
  if (summary.interrupted) return ExitCode.cancelled;
  return summary.failed.length > 0 || summary.notDone.length > 0 ? 1 : 0;
}

/**
 * What follows the printed plan: nothing is sent on --dry-run or when nothing is planned;
 * otherwise the user confirms (unless --yes), the run goes, what is left is said, and the
 * summary is the exit code.
 */
export async function confirmAndRun<P>(
  output: Output,
  options: NetworkRunOptions,
  settings: NetworkRunSettings,
  plan: RunPlan<P>,
  journal: Journal,
  argv: readonly string[],
  run: (driver: NetworkDriver, command: string) => Promise<RunSummary>,
): Promise<number> {
  const { session } = settings;
  if (options.dryRun || plan.plan.length === 0 || session === null) return 0;
  if (!settings.isLinkedIn) {
    const origin = new URL(settings.baseUrl).origin;
    output.err(
      session.kind === "browser"
        ? m().run.session.browserOn(origin)
        : m().run.session.sendingTo(origin),
    );
  }
  if (!options.yes) await confirmRun(m().run.actions[plan.action].confirm(plan.plan.length));
  // The command line to run again after a stop: it holds no secret, cookies never come by flag.
  const command = invitesCommand(argv);
  const summary = await withDriver(output, settings, session, command, (driver) =>
    run(driver, command),
  );
  const end = renderRunEnd(
    plan,
    summary,
    {
      command,
      capReached: plan.dailyCap > 0 && journal.requestsOn(plan.action, plan.day) >= plan.dailyCap,
    },
    output.width,
  );
  if (end !== "" && !summary.stopped) output.err(end);
  return exitCodeOf(summary, command);
}
