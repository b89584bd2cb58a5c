/**
 * better-sqlite3's Database, made with its addon named where npm's build puts it: that spares
 * the `bindings` package's search of a dozen folders, some 4 ms of every command's start (issue
 * 13's start-up goal). An addon anywhere else is found by that search, as without this.
 */
import { createRequire } from "node:module";
import Database from "better-sqlite3";

let addon: string | null | undefined;

/** The addon's file where npm's build put it, or null (then better-sqlite3 searches). */
export function addonPath(): string | null {
  if (addon === undefined) {
    try {
      addon = createRequire(import.meta.url).resolve(
        "better-sqlite3/build/Release/better_sqlite3.node",
      );
    } catch {
      addon = null;
    }
  }
  return addon;
}

export function openSqlite(path: string, options: Database.Options = {}): Database.Database {
  const nativeBinding = addonPath();
  return new Database(path, nativeBinding === null ? options : { ...options, nativeBinding });
}
