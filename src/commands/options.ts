/** Options several commands share, parsed once. */
import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { resolveDatabasePath } from "../store/location.js";

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

export function addAsOfOption(command: Command): Command {
  return command.option("--as-of <date>", "take this date as today (YYYY-MM-DD; default: now)");
}

/** `--as-of`: a calendar date (end of that day, UTC) or a full ISO timestamp. */
export function parseAsOf(value: string | undefined, now: Date): Date {
  if (value === undefined) return now;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = day
    ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 23, 59, 59))
    : new Date(value);
  if (Number.isNaN(date.getTime()) || (day && date.getUTCDate() !== Number(day[3]))) {
    throw new UsageError(`--as-of "${value}" is not a date (expected YYYY-MM-DD, e.g. 2026-11-22)`);
  }
  return date;
}
