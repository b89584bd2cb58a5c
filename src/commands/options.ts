/** Options several commands share, parsed once. */
import { UsageError } from "../errors.js";
import { m } from "../i18n/index.js";
import type { Db } from "../store/database.js";
import { requireDatabase, resolveDatabasePath } from "../store/location.js";
import { newestSentAt } from "../store/queries.js";
import type { Output } from "../ui/output.js";

export interface DatabaseOptions {
  db?: string;
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

/** The years a date may fall in: an invitation's expiry and reminders stay within four digits. */
const FIRST_YEAR = 1970;
const LAST_YEAR = 2999;

/** A day as every date flag takes it: YYYY-MM-DD. */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A day as German writes it, day first: 22.11.2026 or 1.12.2026 (dots are no US form). */
const DOTTED_DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** The day `text` names, as YYYY-MM-DD, when it is written as one (DAY or DOTTED_DAY). */
function dayOf(text: string): string | null {
  if (DAY.test(text)) return text;
  const dotted = DOTTED_DAY.exec(text);
  if (!dotted) return null;
  const two = (n: string | undefined) => (n ?? "").padStart(2, "0");
  return `${dotted[3]}-${two(dotted[2])}-${two(dotted[1])}`;
}
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * A day (YYYY-MM-DD, or German D.M.YYYY; taken in UTC at its start or end) or an exact ISO
 * 8601 time with its zone. Nothing else: `03/11/2026` is the 3rd of November in Europe and the
 * 11th of March in the US, so such forms are refused rather than guessed.
 */
export function parseDayOrTime(flag: string, value: string, endOfDay: boolean): Date {
  const given = value.trim();
  const text = dayOf(given) ?? given;
  const day = DAY.exec(text);
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
  // A day that does not exist (2026-13-01, 2026-02-30) is no other day: Date.UTC would roll it
  // over, and take the years 0 to 99 for 1900 to 1999.
  if (Number.isNaN(date.getTime()) || (day && date.toISOString().slice(0, 10) !== text)) {
    throw new UsageError(m().help.errors.notDate(flag, value));
  }
  const year = date.getUTCFullYear();
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw new UsageError(m().help.errors.yearOutOfRange(flag, value, FIRST_YEAR, LAST_YEAR));
  }
  return date;
}

/** `--as-of`: a day (its end, UTC) or an exact time. */
export function parseAsOf(value: string | undefined, now: Date): Date {
  return value === undefined ? now : parseDayOrTime("--as-of", value, true);
}

/**
 * An `--as-of` before the newest invitation is refused: that invitation did not exist yet, and
 * its age would come out negative and its reminders before it was sent. The database is read
 * for it only when the flag was given.
 */
export function checkAsOf(db: Db, value: string | undefined, asOf: Date): void {
  if (value === undefined) return;
  const newest = newestSentAt(db);
  if (newest !== null && Date.parse(newest) > asOf.getTime()) {
    const exact = dayOf(value.trim()) === null;
    throw new UsageError(m().help.errors.asOfBeforeSends(value, new Date(newest), exact));
  }
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
    throw new UsageError(m().help.errors.notWholeNumber(flag, value, min));
  }
  return n;
}

/**
 * `--match TEXT`, which must not be blank: an empty text (an unset variable in a script) is found
 * in every name, address and profile, and would select everyone.
 */
export function parseMatch(value: string): string {
  if (value.trim() === "") throw new UsageError(m().help.errors.blankMatch(value));
  return value;
}

/**
 * The rows a long list shows: a screenful, less the lines around the table; every one with
 * --all, or where stdout is no terminal (its height is then Infinity).
 */
export function screenful(options: { all?: boolean }, output: Pick<Output, "height">): number {
  return options.all ? Number.POSITIVE_INFINITY : Math.max(5, output.height - 10);
}
