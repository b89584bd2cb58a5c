/** Options several commands share, parsed once. */
import { UsageError } from "../errors.js";
import { m } from "../i18n/index.js";
import { requireDatabase, resolveDatabasePath } from "../store/location.js";

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
    throw new UsageError(m().help.errors.notDate(flag, value));
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
