/** Command lines shown to the user, written so that a POSIX shell reads them back as they were. */
import { invitesProgram } from "../env.js";

/** A word as it is where the shell leaves it alone, else in single quotes. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/**
 * The `invites …` command line that `argv` is, as the user would type it: `npx invites …` when
 * npx started this one, since a bare `invites` is then no command their shell knows.
 */
export function invitesCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): string {
  return [invitesProgram(env), ...argv.map(shellWord)].join(" ");
}
