/** Command lines shown to the user, written so that a POSIX shell reads them back as they were. */

/** A word as it is where the shell leaves it alone, else in single quotes. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/** The `invites …` command line that `argv` is, as the user would type it. */
export function invitesCommand(argv: readonly string[]): string {
  return ["invites", ...argv.map(shellWord)].join(" ");
}
