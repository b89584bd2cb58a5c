/**
 * The one module that opens SQLite: file mode 0600, WAL, foreign keys, migrations by
 * PRAGMA user_version. A database that cannot be used becomes one DatabaseError
 * (database-errors.ts).
 */
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type Database from "better-sqlite3";
import { DatabaseError, ExitCode } from "../errors.js";
import { m } from "../i18n/index.js";
import { toDatabaseError } from "./database-errors.js";
import { requireDatabase } from "./location.js";
import { MIGRATIONS } from "./schema.js";
import { openSqlite } from "./sqlite.js";

export type Db = Database.Database;

export interface OpenedDatabase {
  db: Db;
  path: string;
  /** True when this call created the file: a failed first command removes it again. */
  created: boolean;
}

export function openDatabase(path: string): OpenedDatabase {
  try {
    return openFile(path);
  } catch (error) {
    throw toDatabaseError(path, error);
  }
}

function openFile(path: string): OpenedDatabase {
  const created = path !== ":memory:" && !existsSync(path);
  if (created) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // Create the file ourselves so that it is private from the first byte; SQLite gives its
    // -wal and -shm files the same mode.
    closeSync(openSync(path, "wx", 0o600));
  } else if (path !== ":memory:") {
    refuseNonDatabaseFile(path);
  }
  let db: Db | null = null;
  try {
    db = openSqlite(path);
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("synchronous = NORMAL");
    db.pragma("busy_timeout = 5000");
    migrate(db);
  } catch (error) {
    db?.close();
    // An empty file left behind would be refused next time.
    if (created) removeDatabaseFiles(path);
    throw error;
  }
  return { db, path, created };
}

/**
 * SQLite takes an empty file for a new database and would fill it silently: an empty file where
 * the database should be is more likely one that lost its content, so it is refused. Only a WAL
 * beside it (an interrupted first run) makes an empty file a database.
 */
function refuseNonDatabaseFile(path: string): void {
  const info = statSync(path);
  const shown = resolve(path);
  if (info.isDirectory()) {
    throw new DatabaseError(
      shown,
      m().store.isFolder(shown, join(shown, "invites.db")),
      "database-is-folder",
      ExitCode.usage,
    );
  }
  const wal = statSync(`${path}-wal`, { throwIfNoEntry: false });
  if (info.size === 0 && !(wal && wal.size > 0)) {
    throw new DatabaseError(shown, m().store.empty(shown), "database-empty", ExitCode.usage);
  }
}

export function migrate(db: Db): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    const shown = resolve(db.name);
    throw new DatabaseError(
      shown,
      m().store.newer(shown, version, MIGRATIONS.length),
      "database-newer",
      ExitCode.usage,
    );
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** Removes a database file this run created, with its WAL and shared-memory files. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Runs `fn` with the database open and closes it afterwards. When the run fails and this call
 * created the file, the file is removed: a failed first import leaves no trace. In "read" mode
 * the database must exist already.
 */
export async function withDatabase<T>(
  path: string,
  fn: (db: Db) => Promise<T> | T,
  mode: "write" | "read" = "write",
): Promise<T> {
  if (mode === "read") requireDatabase(path);
  const opened = openDatabase(path);
  let result: T;
  try {
    // A read scans its tables about once: SQLite's own default page cache of 2 MiB, not
    // better-sqlite3's 16, keeps the pages it read out of this process (the system's file cache
    // holds them anyway). Measured on 100,000 invitations: preview 26 MiB less, and no slower.
    // A sort (the preview's, by reminder) may merge on a helper thread: 1,000,000 invitations
    // sorted 0.3 s sooner, for 2 MiB.
    if (mode === "read") {
      opened.db.pragma("cache_size = -2048");
      opened.db.pragma("threads = 1");
    }
    result = await fn(opened.db);
  } catch (error) {
    closeQuietly(opened.db);
    if (opened.created) removeDatabaseFiles(opened.path);
    throw toDatabaseError(path, error);
  }
  try {
    opened.db.close();
  } catch (error) {
    throw toDatabaseError(path, error);
  }
  return result;
}

function closeQuietly(db: Db): void {
  try {
    db.close();
  } catch {
    // The error that brought us here is the one to report.
  }
}
