/** Where the database lives: `--db`, else INVITES_DB, else the platform's user data directory. */
import { homedir } from "node:os";
import { join } from "node:path";

export function defaultDatabasePath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === "win32") {
    return join(env.APPDATA ?? join(home, "AppData", "Roaming"), "invites", "invites.db");
  }
  if (platform === "darwin") {
    return join(home, "Library", "Application Support", "invites", "invites.db");
  }
  const base = env.XDG_DATA_HOME?.trim() ? env.XDG_DATA_HOME : join(home, ".local", "share");
  return join(base, "invites", "invites.db");
}

export function resolveDatabasePath(option: string | undefined, env = process.env): string {
  if (option?.trim()) return option;
  if (env.INVITES_DB?.trim()) return env.INVITES_DB;
  return defaultDatabasePath(env);
}
