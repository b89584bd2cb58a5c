/**
 * Typed errors. Commands throw these; only src/cli.ts turns them into output and an exit code.
 * Messages are one line, name the file and line where they apply, and never carry secrets.
 */
import { m } from "./i18n/index.js";

export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  input: 2,
  stopped: 3,
  cancelled: 130,
} as const;

export abstract class AppError extends Error {
  abstract readonly exitCode: number;
  constructor(
    message: string,
    readonly code: string,
    /** What the user can do next, ideally naming a command. */
    readonly suggestion?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command line itself is wrong: unknown flag combination, missing argument, no TTY for a prompt. */
export class UsageError extends AppError {
  readonly exitCode = ExitCode.usage;
  constructor(message: string, suggestion?: string) {
    super(message, "usage", suggestion);
  }
}

export interface InputLocation {
  /** The file as the user named it; for an archive entry, `archive.zip › entry.csv`. */
  file: string;
  line?: number;
}

/** A file the user gave us is not what it must be. Nothing was written. */
export class InputError extends AppError {
  readonly exitCode = ExitCode.input;
  constructor(
    readonly location: InputLocation,
    /** What is wrong and what was expected, without the location. */
    readonly problem: string,
    code = "bad-input",
    suggestion?: string,
  ) {
    super(`${formatLocation(location)}: ${problem}`, code, suggestion);
  }
}

/** `Kontakte.csv line 12`, `Kontakte.csv, Zeile 12`: in the language in use. */
export function formatLocation(location: InputLocation): string {
  return m().formats.location(location.file, location.line);
}

/** The user cancelled at a prompt (Esc, Ctrl-C). Nothing was changed. */
export class CancelledError extends AppError {
  readonly exitCode = ExitCode.cancelled;
  constructor() {
    super(m().help.errors.cancelled, "cancelled");
  }
}

/** What the network said that ends a run at once; README, `invites withdraw`, step 6. */
export type StopSignal =
  | "expired"
  | "csrf"
  | "challenge"
  | "throttled"
  | "blocked"
  | "restricted"
  | "forbidden"
  /** LinkedIn answered in a shape this tool cannot prove complete: nothing is marked or sent. */
  | "changed"
  /** Several requests in a row failed: the circuit breaker stops the run. */
  | "failing"
  /** The browser window the run acts in was closed, or the browser ended. */
  | "browser";

/** The network told us to stop. The run can be resumed later with the same command. */
export class StoppedError extends AppError {
  readonly exitCode = ExitCode.stopped;
  constructor(
    readonly signal: StopSignal,
    message: string,
    suggestion?: string,
  ) {
    super(message, `stopped-${signal}`, suggestion);
  }
}

/**
 * A stop the request's own answer gives by its status, its redirect or its error code (a 401,
 * 403, 429 or 999, a sign-in or checkpoint page, a restriction code): the network turned the
 * request away before acting on it. A stop from an answer in an unknown shape, or from a browser
 * window, is a plain StoppedError: that request may have taken effect.
 */
export class TurnedAwayError extends StoppedError {}

/**
 * The LinkedIn session belongs to another member than the data export in the database: acting
 * on it would withdraw or remove someone else's. Nothing was sent.
 */
export class AccountMismatchError extends AppError {
  readonly exitCode = ExitCode.usage;
  constructor(message: string, suggestion?: string) {
    super(message, "account-mismatch", suggestion);
  }
}

/**
 * What was pasted at the hidden cookie prompt is no session: nothing was sent. Its own code, so
 * that the guide (`invites start`) can offer the session's choice again instead of stopping.
 */
export class PasteError extends AppError {
  readonly exitCode = ExitCode.usage;
  constructor(message: string, suggestion?: string) {
    super(message, "bad-paste", suggestion);
  }
}

/** Another run of the same action holds this database. Nothing was read or sent. */
export class RunLockedError extends AppError {
  readonly exitCode = ExitCode.usage;
  constructor(message: string, suggestion?: string) {
    super(message, "run-locked", suggestion);
  }
}

/**
 * The database file cannot be used as it is: missing, not a database, from a newer version,
 * damaged, read-only, unreachable, or on a full disk. The message names the file and what to do.
 * Exit 2 when the file itself is not what it must be (the user names another, or imports first),
 * 1 when the disk or the file failed.
 */
export class DatabaseError extends AppError {
  constructor(
    readonly path: string,
    message: string,
    code: string,
    readonly exitCode: number,
  ) {
    super(message, code);
  }
}

/** The file system's code for a disk (or a quota) with no room left. */
export function isDiskFull(code: string | undefined): boolean {
  return code === "ENOSPC" || code === "EDQUOT";
}
