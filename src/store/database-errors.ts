/**
 * What a database that cannot be used tells the user: SQLite's and the file system's codes as one
 * line naming the file and what to do. Kept apart from database.ts so that checking a path does
 * not load SQLite.
 */
import { accessSync, constants, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { AppError, DatabaseError, ExitCode, isDiskFull } from "../errors.js";
import { m } from "../i18n/index.js";

/** Exit 2 when the file is not what it must be, 1 when it or the disk failed; a bug passes through. */
export function toDatabaseError(path: string, error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return error;
  const shown = resolve(path);
  const said = error instanceof Error ? ` (${error.message.split("\n")[0]})` : "";
  const fail = (message: string, kind: string, exitCode: number = ExitCode.failure) =>
    new DatabaseError(shown, message, kind, exitCode);

  const blocker = code === "ENOTDIR" || code === "SQLITE_CANTOPEN" ? fileOnTheWay(shown) : null;
  if (blocker) {
    return fail(m().store.fileOnTheWay(shown, blocker), "database-path", ExitCode.usage);
  }
  if (code === "SQLITE_NOTADB") {
    return fail(m().store.notDatabase(shown, said), "database-not-sqlite", ExitCode.usage);
  }
  if (code.startsWith("SQLITE_CORRUPT")) {
    return fail(m().store.corrupt(shown, said), "database-corrupt");
  }
  if (code === "SQLITE_FULL" || isDiskFull(code)) {
    return fail(m().store.full(shown, said), "database-full");
  }
  if (code.startsWith("SQLITE_READONLY") || code === "EROFS" || isReadOnlyOpen(code, shown)) {
    return fail(m().store.readOnly(shown, said), "database-read-only");
  }
  if (
    code === "EACCES" ||
    code === "EPERM" ||
    code === "SQLITE_PERM" ||
    code === "SQLITE_AUTH" ||
    (code.startsWith("SQLITE_CANTOPEN") && !isAccessible(shown, constants.R_OK))
  ) {
    return fail(m().store.permission(shown, said), "database-permission");
  }
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return fail(m().store.busy(shown), "database-busy");
  }
  if (code.startsWith("SQLITE_IOERR")) {
    return fail(m().store.io(shown, said), "database-io");
  }
  if (code.startsWith("SQLITE_CANTOPEN")) {
    return fail(m().store.cannotOpen(shown, said), "database-cannot-open");
  }
  return error;
}

/** The nearest existing part of `path` when it is a file where a folder is needed. */
function fileOnTheWay(path: string): string | null {
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const info = statSync(dir, { throwIfNoEntry: false });
      if (info) return info.isDirectory() ? null : dir;
    } catch {
      // ENOTDIR: a part further up is the file; keep climbing.
    }
  }
  return null;
}

/**
 * SQLite opens a file it may only read, but in WAL mode it must still create the -shm file beside
 * it: a readable file in a folder it cannot write fails to open.
 */
function isReadOnlyOpen(code: string, path: string): boolean {
  return (
    code.startsWith("SQLITE_CANTOPEN") &&
    isAccessible(path, constants.R_OK) &&
    (!isAccessible(path, constants.W_OK) || !isAccessible(dirname(path), constants.W_OK))
  );
}

function isAccessible(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}
