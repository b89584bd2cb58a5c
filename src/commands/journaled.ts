/**
 * What `withdraw` and `connections remove` share around the journaled run: their network
 * options, the daily cap, the confirmation, progress and summary, and how a stop is reported.
 */

import type { LiveKeys } from "../core/matching.js";
import { CancelledError, StoppedError, UsageError } from "../errors.js";
import { readSessionCookies, type SessionCookies } from "../network/cookies.js";
import type { NetworkDriver } from "../network/driver.js";
import {
  type PlannedItem,
  type RunOptions,
  type RunSummary,
  runJournaled,
} from "../network/journaled-run.js";
import { DEFAULT_BASE_URL, LinkedInClient } from "../network/linkedin-client.js";
import { DEFAULT_PACE, Pacer, parsePace, realSleep } from "../network/pacer.js";
import type { Journal, JournalAction } from "../store/journal.js";
import type { Output } from "../ui/output.js";
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
}

export interface NetworkRunSettings {
  pacer: Pacer;
  max: number;
  dailyCap: number;
  /** Null on a dry run, which reads no cookies and sends nothing. */
  cookies: SessionCookies | null;
  baseUrl: string;
}

/** Checks the options before anything is read; `gerund` names the action in errors. */
export function readNetworkRunOptions(
  options: NetworkRunOptions,
  output: Output,
  gerund: string,
): NetworkRunSettings {
  const pace = options.pace === undefined ? DEFAULT_PACE : parsePace(options.pace);
  if (!pace)
    throw new UsageError(
      `--pace "${options.pace}" is not a pace (expected e.g. 3s, 2-4s, 500ms or 0)`,
    );
  const max = wholeNumber("--max", options.max, 0, Number.POSITIVE_INFINITY);
  const dailyCap = wholeNumber("--daily-cap", options.dailyCap, 0, 100);
  if (!options.dryRun && !options.yes && !output.isInteractive) {
    throw new UsageError(
      `${gerund} asks for confirmation, and there is no terminal to ask in`,
      `add --yes to go ahead without asking, or --dry-run to see the plan only`,
    );
  }
  return {
    pacer: new Pacer({ pace, sleep: realSleep }),
    max,
    dailyCap,
    cookies: options.dryRun ? null : readSessionCookies(options.cookies),
    baseUrl: options.baseUrl ?? process.env.INVITES_BASE_URL ?? DEFAULT_BASE_URL,
  };
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
function networkClient(settings: NetworkRunSettings, cookies: SessionCookies): LinkedInClient {
  return new LinkedInClient({
    baseUrl: settings.baseUrl,
    cookies,
    beforePage: () => settings.pacer.beforeListPage(),
    ...(process.env.INVITES_GRAPHQL_QUERY_ID
      ? { graphqlQueryId: process.env.INVITES_GRAPHQL_QUERY_ID }
      : {}),
  });
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
  const summary = await runJournaled({
    ...run,
    now: () => new Date(),
    retries: 3,
    onEvent: (event) => {
      if (event.kind === "session") output.err(`Logged in as ${event.account}.`);
      if (event.kind === "listed" && event.settled > 0) {
        output.err(
          `Settled ${event.settled} request(s) an interrupted run left open: ${words.done}.`,
        );
      }
      if (event.kind === "item") {
        const outcome = event.outcome === "done" ? words.done : event.outcome;
        progress.item(event.done, event.total, `${outcome}: ${event.name}`);
      }
    },
  });
  progress.end();
  output.out(renderRunSummary(words, summary, output.colour));
  return summary;
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
  return summary.failed.length > 0 ? 1 : 0;
}

/** The command line to run again after a stop: it holds no secret, cookies never come by flag. */
function resumeCommand(argv: readonly string[]): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);
  return ["invites", ...argv.map(quote)].join(" ");
}

/**
 * What follows the printed plan: nothing is sent on --dry-run or when nothing is planned;
 * otherwise the user confirms (unless --yes), the run goes, and its summary is the exit code.
 */
export async function confirmAndRun(
  options: NetworkRunOptions,
  settings: NetworkRunSettings,
  planned: number,
  question: string,
  argv: readonly string[],
  run: (driver: NetworkDriver, command: string) => Promise<RunSummary>,
): Promise<number> {
  if (options.dryRun || planned === 0 || settings.cookies === null) return 0;
  if (!options.yes) await confirmRun(question);
  const command = resumeCommand(argv);
  const summary = await run(networkClient(settings, settings.cookies), command);
  return exitCodeOf(summary, command);
}
