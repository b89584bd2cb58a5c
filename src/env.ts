/**
 * Every environment variable invites reads, in one place: `readEnv` takes only the names listed
 * here, so a variable cannot be read without being added (and documented: the README's
 * "Language, width and environment" lists every one, the help's Environment section in src/i18n/help.ts the tool's
 * own; test/unit/env.test.ts holds both to this list). Most functions that read one take the
 * environment as a parameter, `process.env` by default, for the tests.
 */
export const VARIABLES = {
  /** The database file, when --db is not given. */
  INVITES_DB: "invites",
  /** The language, before the locale's (`de…` is German). */
  INVITES_LANG: "invites",
  /** The browser for --browser; set, it stands for --browser when --cookies is not given. */
  INVITES_BROWSER: "invites",
  /** Extra flags for that browser. */
  INVITES_BROWSER_ARGS: "invites",
  /** The LinkedIn cookies, when --cookies is not given. */
  INVITES_COOKIES: "invites",
  /** The network's address, when --base-url is not given. */
  INVITES_BASE_URL: "invites",
  /** The queryId of LinkedIn's GraphQL sent list, for the last fallback. */
  INVITES_GRAPHQL_QUERY_ID: "invites",
  /** How long an unanswered request may still be under way before a read decides it. */
  INVITES_SETTLE_AFTER: "invites",
  /** Set: an unexpected error prints its stack trace too. */
  INVITES_DEBUG: "invites",
  /** The locale, POSIX order: LC_ALL, LC_MESSAGES, LANG. */
  LC_ALL: "system",
  LC_MESSAGES: "system",
  LANG: "system",
  /** No colours (https://no-color.org); FORCE_COLOR forces them where no terminal is. */
  NO_COLOR: "system",
  FORCE_COLOR: "system",
  /** The width output is laid out in, over the terminal's; LINES, the height of a screenful. */
  COLUMNS: "system",
  LINES: "system",
  /** Where the database, the browser profile and the download folder are. */
  XDG_DATA_HOME: "system",
  XDG_CONFIG_HOME: "system",
  XDG_DOWNLOAD_DIR: "system",
  APPDATA: "system",
  LOCALAPPDATA: "system",
  PROGRAMFILES: "system",
  "PROGRAMFILES(X86)": "system",
  /** A graphical session, without which a headed browser cannot open. */
  DISPLAY: "system",
  WAYLAND_DISPLAY: "system",
  /** npm's: `exec` when npx started invites, whose commands to copy then start `npx invites`. */
  npm_command: "system",
} as const;

export type Variable = keyof typeof VARIABLES;

/** The variable's value as it is set (each reader decides what an empty value means). */
export function readEnv(name: Variable, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[name];
}

/** The variable's value where it holds more than spaces, else undefined. */
export function readSetEnv(
  name: Variable,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const value = env[name];
  return value?.trim() ? value : undefined;
}

/**
 * The program as the user starts it, for commands to copy: `npx invites` when npx started this
 * one (a bare `invites` is then no command their shell knows), else `invites`.
 */
export function invitesProgram(env: NodeJS.ProcessEnv = process.env): string {
  return readEnv("npm_command", env) === "exec" ? "npx invites" : "invites";
}
