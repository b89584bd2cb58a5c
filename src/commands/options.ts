/** Options several commands share, parsed once. */
import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { requireDatabase, resolveDatabasePath } from "../store/location.js";

export interface DatabaseOptions {
  db?: string;
}

export function addDatabaseOption(command: Command): Command {
  return command.option(
    "--db <path>",
    "database file (default: $INVITES_DB, else the user data directory)",
  );
}

export function databasePath(options: DatabaseOptions): string {
  return resolveDatabasePath(options.db);
}

/** The database of a command that acts on imported data: without one there is nothing to do. */
export function existingDatabasePath(options: DatabaseOptions): string {
  const path = databasePath(options);
  requireDatabase(path);
  return path;
}

/** The options of a run that sends requests: withdraw and connections remove. */
export function addNetworkRunOptions(command: Command, noun: string): Command {
  return command
    .option("--dry-run", "print the plan and stop; nothing is sent")
    .option("-y, --yes", "do not ask for confirmation")
    .option(
      "--pace <delay>",
      "delay between requests, with its unit: 2-4s (default), 3s, 1500ms; 0 for the emulation",
    )
    .option("--max <n>", `at most this many ${noun} in this run`)
    .option("--daily-cap <n>", "at most this many such requests a day, over all runs", "100")
    .option(
      "--browser [name-or-path]",
      "act through your own browser, logged in once with invites login: chrome, edge, chromium or the program's path (default: the first of them installed, or $INVITES_BROWSER)",
    )
    .option(
      "--browser-profile <dir>",
      "with --browser: the browser profile of invites (default: browser-profile in the user data directory)",
    )
    .option("--headless", "with --browser: no window; for the emulation and tests only")
    .option(
      "--cookies <file>",
      'instead of --browser: your LinkedIn cookies in a file (a Cookie line, cookies.txt, "Copy as cURL", rows of the DevTools cookie table, or the li_at and JSESSIONID values), or - to paste them at a hidden prompt (else $INVITES_COOKIES)',
    )
    .option(
      "--base-url <url>",
      "the network's address (default https://www.linkedin.com, or $INVITES_BASE_URL)",
    )
    .option(
      "--accept-risk",
      "allow a pace under 1 s, a daily cap over 300 or --headless against linkedin.com, which risks a restriction",
    );
}

export function addAsOfOption(command: Command): Command {
  return command.option("--as-of <date>", "take this date as today (YYYY-MM-DD; default: now)");
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * A day (YYYY-MM-DD, taken in UTC at its start or end) or an exact ISO 8601 time with its zone.
 * Nothing else: `03.11.2026` is the 3rd of November to a German and the 11th of March to
 * JavaScript's Date, so such forms are refused rather than guessed.
 */
export function parseDayOrTime(flag: string, value: string, endOfDay: boolean): Date {
  const text = value.trim();
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = day
    ? new Date(
        Date.UTC(
          Number(day[1]),
          Number(day[2]) - 1,
          Number(day[3]),
          ...(endOfDay ? [23, 59, 59, 999] : [0, 0, 0, 0]),
        ),
      )
    : ISO_TIME.test(text)
      ? new Date(text)
      : new Date(Number.NaN);
  if (Number.isNaN(date.getTime()) || (day && date.getUTCDate() !== Number(day[3]))) {
    throw new UsageError(
      `${flag} "${value}" is not a date (expected YYYY-MM-DD, e.g. 2026-11-22, or an ISO 8601 time)`,
    );
  }
  return date;
}

/** `--as-of`: a day (its end, UTC) or an exact time. */
export function parseAsOf(value: string | undefined, now: Date): Date {
  return value === undefined ? now : parseDayOrTime("--as-of", value, true);
}

/** A whole-number option of at least `min`; `fallback` when it was not given. */
export function wholeNumber(
  flag: string,
  value: string | undefined,
  min: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n < min) {
    throw new UsageError(`${flag} "${value}" is not a whole number of at least ${min}`);
  }
  return n;
}
