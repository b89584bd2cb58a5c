/**
 * Where the database lives: `--db`, else INVITES_DB, else the platform's user data directory;
 * and the browser profile of `--browser`: `--browser-profile`, else `browser-profile` in that
 * same directory (whatever --db says: the profile is the user's, not a database's).
 */
import { statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { readEnv, readSetEnv } from "../env.js";
import { DatabaseError, ExitCode } from "../errors.js";
import { m } from "../i18n/index.js";
import { toDatabaseError } from "./database-errors.js";

export function defaultDatabasePath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === "win32") {
    return join(
      readEnv("APPDATA", env) ?? join(home, "AppData", "Roaming"),
      "invites",
      "invites.db",
    );
  }
  if (platform === "darwin") {
    return join(home, "Library", "Application Support", "invites", "invites.db");
  }
  const base = readSetEnv("XDG_DATA_HOME", env) ?? join(home, ".local", "share");
  return join(base, "invites", "invites.db");
}

export function resolveDatabasePath(option: string | undefined, env = process.env): string {
  if (option?.trim()) return option;
  const fromEnv = readSetEnv("INVITES_DB", env);
  if (fromEnv !== undefined) return fromEnv;
  return defaultDatabasePath(env);
}

/**
 * For commands that only look at imported data: without a database there is nothing to show,
 * and an empty picture would look like "nothing pending".
 */
export function requireDatabase(path: string): void {
  let found: boolean;
  try {
    found = statSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch (error) {
    throw toDatabaseError(path, error);
  }
  if (!found) {
    const shown = resolve(path);
    throw new DatabaseError(
      shown,
      `${m().store.noDatabase(shown)}; ${m().store.importFirst}`,
      "no-database",
      ExitCode.usage,
    );
  }
}

export function defaultBrowserProfilePath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  return join(dirname(defaultDatabasePath(env, platform, home)), "browser-profile");
}

export function resolveBrowserProfilePath(option: string | undefined, env = process.env): string {
  return option?.trim() ? option : defaultBrowserProfilePath(env);
}
