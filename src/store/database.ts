/**
 * The one module that opens SQLite: file mode 0600, WAL, foreign keys, migrations by
 * PRAGMA user_version.
 */
import { closeSync, existsSync, mkdirSync, openSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS } from "./schema.js";

export type Db = Database.Database;

export interface OpenedDatabase {
  db: Db;
  path: string;
  /** True when this call created the file: a failed first command removes it again. */
  created: boolean;
}

export function openDatabase(path: string): OpenedDatabase {
  const created = path !== ":memory:" && !existsSync(path);
  if (created) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // Create the file ourselves so that it is private from the first byte; SQLite gives its
    // -wal and -shm files the same mode.
    closeSync(openSync(path, "wx", 0o600));
  }
  const db = new Database(path);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("synchronous = NORMAL");
    db.pragma("busy_timeout = 5000");
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, path, created };
}

export function migrate(db: Db): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(
      `the database was written by a newer version of invites (schema ${version}, this one knows ${MIGRATIONS.length})`,
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
 * created the file, the file is removed: a failed first import leaves no trace.
 */
export async function withDatabase<T>(
  path: string,
  fn: (db: Db) => Promise<T> | T,
  mode: "write" | "read" = "write",
): Promise<T> {
  // Looking at a database that does not exist yet shows an empty one and creates no file.
  const opened = openDatabase(mode === "read" && !existsSync(path) ? ":memory:" : path);
  try {
    const result = await fn(opened.db);
    opened.db.close();
    return result;
  } catch (error) {
    opened.db.close();
    if (opened.created) removeDatabaseFiles(opened.path);
    throw error;
  }
}
