/**
 * One run of an action per database at a time. Two withdrawals started together would each read
 * the same live list and send every request twice; so a run holds an exclusive SQLite lock on a
 * small file beside the database for as long as it runs. The operating system releases such a
 * lock when the process ends however it ends (kill -9 included), so a crash leaves nothing to
 * clear by hand, and a second run finds out at once. The file itself holds nothing; who holds
 * the lock is written to the database by the holder, for the second run's message.
 */
import { realpathSync, statSync } from "node:fs";
import { RunLockedError } from "../errors.js";
import { m } from "../i18n/index.js";
import type { JournalAction } from "./journal.js";
import { openSqlite } from "./sqlite.js";

export interface RunLock {
  release(): void;
}

/**
 * The lock file beside the database's real file: a run given the database through a symbolic
 * link, or a folder that is one, takes the same lock as a run given its real path. A hard link
 * is a second real name, which no path can tell: a database with one is refused a run
 * (acquireRunLock).
 */
export function lockPath(databasePath: string, action: JournalAction): string {
  let real = databasePath;
  try {
    real = realpathSync(databasePath);
  } catch {
    // No database there (yet): then no other name leads to it either.
  }
  return `${real}.${action}.lock`;
}

/** How many names (hard links) the database file has; 1 when there is no file (yet). */
function namesOf(databasePath: string): number {
  try {
    return statSync(databasePath).nlink;
  } catch {
    return 1;
  }
}

/**
 * Takes the lock of `action` on the database, or throws RunLockedError; `describeHolder` names
 * the run that holds it (from the journal), for the message.
 */
export function acquireRunLock(
  databasePath: string,
  action: JournalAction,
  describeHolder: () => string | undefined,
): RunLock {
  // Two runs through two names of one file would take two locks, and SQLite would keep a log
  // beside each name: refused before any lock, read or request.
  const names = namesOf(databasePath);
  if (names > 1) {
    throw new RunLockedError(m().store.hardLinked(databasePath, names), m().store.hardLinkedFix);
  }
  const lock = takeFileLock(lockPath(databasePath, action));
  if (lock === null) {
    throw new RunLockedError(m().store.runLocked(action, describeHolder()), m().store.runLockedFix);
  }
  return lock;
}

/**
 * An exclusive SQLite lock on the file at `path` (made if need be), held until released or
 * until the process ends however it ends; null when another process holds it. The run locks
 * and the browser profile's lock (network/browser.ts) are such locks.
 */
export function takeFileLock(path: string): RunLock | null {
  const lock = openSqlite(path, { timeout: 0 });
  try {
    lock.pragma("journal_mode = DELETE");
    lock.exec("BEGIN EXCLUSIVE");
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
    return null;
  }
  return {
    release() {
      if (!lock.open) return;
      // The file stays: deleting it would let a process that opened it just before lock a file
      // that no longer has a name while another creates a new one.
      lock.exec("ROLLBACK");
      lock.close();
    },
  };
}
