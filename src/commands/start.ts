/**
 * `invites start`: the whole rescue for someone whose reminders are going out, one step at a
 * time, in their language. Each step says what it does, shows the exact command it runs (so the
 * user learns the tool), and runs it as that command runs, here in the same process. Nothing
 * happens without a yes; without a terminal it prints the steps as a checklist instead.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join, relative, resolve } from "node:path";
import { DEFAULT_BATCH_RULES } from "../core/batches.js";
import { readEnv } from "../env.js";
import { ExitCode } from "../errors.js";
import { m } from "../i18n/index.js";
import { withDatabase } from "../store/database.js";
import { readBatchSummaries } from "../store/invitations.js";
import { type HeldExport, listSources, readHeldExport } from "../store/queries.js";
import type { Output } from "../ui/output.js";
import { printable } from "../ui/printable.js";
import { askChoice, askText, askYesNoOrCancel } from "../ui/prompts.js";
import { invitesCommand, shellWord } from "../ui/shell.js";
import { wrap } from "../ui/wrap.js";
import { freeName } from "../user-files.js";
import { type DatabaseOptions, databasePath } from "./options.js";

export interface StartOptions extends DatabaseOptions {}

/** A LinkedIn data export as it is downloaded. */
const EXPORT_NAME = /^(basic|complete)_linkedindataexport_.*\.zip$/i;
/** Files in a download folder that are most likely an address book. */
const ADDRESS_BOOK_NAME =
  /(contact|kontakt|adress|address|outlook|google|gmx|web\.de|thunderbird|icloud).*\.(csv|vcf|ldif|tab)$|\.(vcf|ldif)$/i;

/** Where browsers put downloads, in the order looked in. */
function downloadFolders(): string[] {
  const home = homedir();
  const folders = [
    readEnv("XDG_DOWNLOAD_DIR"),
    join(home, "Downloads"),
    join(home, "Download"),
    join(home, "Desktop"),
    join(home, "Schreibtisch"),
  ];
  return [...new Set(folders.filter((f): f is string => Boolean(f?.trim())))];
}

/** The exports (newest first) and address books in the download folders. */
function findDownloads(folders: readonly string[]): string[] {
  const found: Array<{ path: string; export: boolean; mtime: number }> = [];
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const isExport = EXPORT_NAME.test(name);
      if (!isExport && !ADDRESS_BOOK_NAME.test(name)) continue;
      const path = join(folder, name);
      const info = statSync(path, { throwIfNoEntry: false });
      if (info?.isFile()) found.push({ path, export: isExport, mtime: info.mtimeMs });
    }
  }
  return found
    .sort((a, b) => Number(b.export) - Number(a.export) || b.mtime - a.mtime)
    .map((f) => f.path);
}

/** A path as the command shows it: relative to here when it is below here. */
function nearPath(file: string): string {
  const near = relative(process.cwd(), file);
  return near.startsWith("..") ? file : near;
}

/**
 * What the database holds: LinkedIn's export, if one was imported, and how many files of any
 * kind (an address book alone is one, and no export).
 */
async function readImported(
  options: StartOptions,
): Promise<{ held: HeldExport | null; files: number }> {
  const path = databasePath(options);
  if (!existsSync(path)) return { held: null, files: 0 };
  return withDatabase(
    path,
    (db) => ({ held: readHeldExport(db), files: listSources(db).length }),
    "read",
  );
}

/** How a command the guide ran ended: its exit code, and the code of the error that ended it. */
export interface StepEnd {
  exitCode: number;
  /** AppError's code (errors.ts), or null when no error of the tool's own ended it. */
  error: string | null;
}

type Run = (argv: string[]) => Promise<StepEnd>;

interface Guide {
  output: Output;
  run: Run;
  /** `--db PATH` when start was given one, for every command it runs. */
  db: string[];
  /** The command that goes on from here: start as the user typed it, as a run's resume says. */
  again: string;
}

/**
 * Shows a command as the user would type it, then runs it: exactly as it is shown. Every command
 * but the login reads the database, and gets `--db` when start was given one.
 */
async function runShown(g: Guide, argv: string[], database = true): Promise<StepEnd> {
  const command = database ? [...argv, ...g.db] : argv;
  g.output.out(g.output.colour.bold(m().guide.running(invitesCommand(command))));
  return g.run(command);
}

/**
 * The guide's questions, Enter for yes unless told: null for Esc and Ctrl-C, which stop the
 * guide even where no goes on.
 */
const ask = (message: string, fallback = true) => askYesNoOrCancel(message, fallback);

/**
 * A path as people type it or drop it from a file manager into the terminal: in quotes, with a
 * trailing space, spaces escaped by backslashes, or starting with ~ (the shell's home, which no
 * shell expands here).
 */
export function typedPath(text: string): string {
  let path = text.trim();
  if (path.length >= 2 && /^(['"]).*\1$/s.test(path)) path = path.slice(1, -1);
  else if (process.platform !== "win32") path = path.replace(/\\(?=[ ()'"&])/g, "");
  if (path === "~" || path.startsWith("~/")) path = join(homedir(), path.slice(1));
  return path;
}

/**
 * An answer to a path question that is more likely LinkedIn's cookies, pasted a question too
 * early (the cookie prompt comes at the login): a session cookie's name (as in a Cookie line, a
 * row of the browser's cookie table or a "Copy as cURL"), JSESSIONID's `ajax:` value, cookies
 * as `name=value; name=value`, or one long token such as li_at's value, which no file name is.
 */
export function looksLikeCookies(text: string): boolean {
  const t = text.trim();
  return (
    /\b(li_at|jsessionid|li_rm|bcookie|bscookie|lidc)\b/i.test(t) ||
    /ajax:\d{6,}/i.test(t) ||
    /^curl(\.exe)?\s/i.test(t) ||
    /^[^=;\s]+=[^;]*;\s*[^=;\s]+=/.test(t) ||
    /^"?[\w\-+%=]{40,}"?$/.test(t)
  );
}

/**
 * A file the user types the path of, "" for an empty answer (or Esc and Ctrl-C). A typo is asked
 * again; so are cookies pasted here, which are neither shown nor kept, and the message about
 * them does not repeat them.
 */
async function askFile(g: Guide, message: string): Promise<string> {
  const words = m().guide;
  for (;;) {
    const answer = await askText(message, { when: looksLikeCookies, shown: words.notShown });
    if (looksLikeCookies(answer)) {
      g.output.err(wrap(words.cookiesNotAFile, g.output.width));
      continue;
    }
    const typed = typedPath(answer);
    if (typed === "" || statSync(resolve(typed), { throwIfNoEntry: false })) return typed;
    g.output.err(wrap(words.noFile(printable(typed)), g.output.width));
  }
}

function heading(g: Guide, n: number, title: string): void {
  g.output.out(`\n${g.output.colour.bold(wrap(m().guide.step(n, 5, title), g.output.width))}`);
}

/**
 * Ends the guide with the exit code of what ended it (README, exit codes): 0 for a "no" or
 * "stop here", 130 for Esc or Ctrl-C, and a step's own code when it failed.
 */
function stop(g: Guide, code: number = ExitCode.ok): number {
  g.output.out(wrap(m().guide.stopHere(g.again), g.output.width));
  return code;
}

/** The end at a question: its "no" (false), or Esc and Ctrl-C (null). */
function stopAt(g: Guide, answer: boolean | null): number {
  return stop(g, answer === null ? ExitCode.cancelled : ExitCode.ok);
}

/**
 * The end after a step that failed, with its exit code. A network run that stopped (3), or that
 * Ctrl-C ended (130 without an error), has said how to go on, with the guide's own command: once
 * is enough, and the menu after it would only confuse.
 */
function stopAfter(g: Guide, end: StepEnd): number {
  const told =
    end.error?.startsWith("stopped-") === true ||
    (end.exitCode === ExitCode.cancelled && end.error === null);
  return told ? end.exitCode : stop(g, end.exitCode);
}

/**
 * The login question, and the login if one is chosen: the flags a network command then takes
 * (`--browser`, or `--cookies -` when the user pastes them or the browser's login failed), null
 * for "later", offered as `later` says (not after the plan's "log in now"), or "stop" for Esc or
 * Ctrl-C, which stop the guide as at every other question.
 */
async function logIn(g: Guide, later: string | null): Promise<string[] | null | "stop"> {
  const words = m().guide;
  const how = await askChoice(
    words.loginChoice,
    [
      { name: words.loginChoices.browser, value: "browser" },
      { name: words.loginChoices.cookies, value: "cookies" },
      ...(later === null ? [] : [{ name: later, value: "later" as const }]),
    ],
    "stop",
  );
  if (how === "stop") return "stop";
  if (how === "later") return null;
  if (how === "browser") {
    // The login is of the browser profile alone: `invites login` takes no --db.
    if ((await runShown(g, ["login"], false)).exitCode === 0) return ["--browser"];
    g.output.out(wrap(words.loginFailed, g.output.width));
  }
  g.output.out(wrap(words.loginCookies, g.output.width));
  return ["--cookies", "-"];
}

export async function runStart(
  options: StartOptions,
  output: Output,
  run: Run,
  /** The command line as the user typed it, to go on with after a stop. */
  commandLine: readonly string[],
): Promise<number> {
  const words = m().guide;
  if (!output.isInteractive) {
    output.out(wrap(words.checklist, output.width));
    words.checklistSteps.forEach((step, i) => {
      output.out(wrap(`${i + 1}. ${step}`, output.width));
    });
    // Without it, the commands would read another database than the one start was given.
    if (options.db)
      output.out(wrap(words.checklistDb(`--db ${shellWord(options.db)}`), output.width));
    return 0;
  }
  const g: Guide = {
    output,
    run,
    db: options.db ? ["--db", options.db] : [],
    again: invitesCommand(commandLine),
  };
  output.out(output.colour.bold(wrap(words.title, output.width)));

  heading(g, 1, words.happened.title);
  output.out(wrap(words.happened.text.join("\n"), output.width));
  const first = await ask(words.next);
  if (!first) return stopAt(g, first);

  heading(g, 2, words.export.title);
  // An export imported before (a guided run stopped, and this one goes on): on with it, whose
  // zip may have been moved since, unless the user has more or newer files to add.
  const before = (await readImported(options)).held;
  let importNow = true;
  if (before) {
    output.out(wrap(words.held(before.sent, before.writtenAt), output.width));
    const how = await askChoice(
      words.heldChoice,
      [
        { name: words.heldChoices.goOn, value: "go-on" },
        { name: words.heldChoices.more, value: "more" },
        { name: words.heldChoices.stop, value: "stop" },
      ],
      "cancel",
    );
    if (how === "cancel") return stop(g, ExitCode.cancelled);
    if (how === "stop") return stop(g);
    importNow = how === "more";
  }
  const chosen: string[] = [];
  if (importNow) {
    output.out(wrap(words.export.text.join("\n"), output.width));
    const found = findDownloads(downloadFolders());
    output.out(wrap(words.found(found.length), output.width));
    for (const file of found) {
      const answer = await ask(words.importThis(printable(file)));
      if (answer === null) return stopAt(g, answer);
      if (answer) chosen.push(file);
    }
    // With an export held, nothing new is fine: the guide goes on with what it holds.
    while (chosen.length === 0 && !before) {
      const typed = await askFile(g, words.askPath);
      if (typed === "") return stop(g);
      chosen.push(typed);
    }
    // An address book that is not in the download folders (an Outlook CSV elsewhere): it finds
    // the e-mail addresses of the export's invitations. Optional; an empty answer is no.
    for (;;) {
      const more = await askFile(g, words.askMore);
      if (more === "") break;
      if (!chosen.includes(more)) chosen.push(more);
    }
  }

  heading(g, 3, words.importStep);
  // Ends by its own break or return: an export imported, or a stop.
  for (;;) {
    if (chosen.length > 0) {
      const imported = await runShown(g, ["import", ...chosen.map(nearPath)]);
      if (imported.exitCode !== 0) return stopAfter(g, imported);
    }
    const { held, files } = await readImported(options);
    if (held) break;
    // Only an address book, or nothing: without the export there is no batch, and every step
    // after this one would find nothing and still end in "done".
    output.out(wrap(words.noExport(files), output.width));
    const typed = await askFile(g, words.askPath);
    if (typed === "") return stop(g);
    chosen.splice(0, chosen.length, typed);
  }
  for (const step of [["batches"], ["preview", "--batch"]]) {
    const shown = await runShown(g, step);
    if (shown.exitCode !== 0) return stopAfter(g, shown);
  }
  const planSeen = await ask(words.next);
  if (!planSeen) return stopAt(g, planSeen);

  heading(g, 4, words.loginStep);
  output.out(wrap(words.loginBrowser, output.width));
  // Without a login the plan can still be shown: a dry run sends nothing.
  let session = await logIn(g, words.loginChoices.later);
  if (session === "stop") return stop(g, ExitCode.cancelled);

  heading(g, 5, words.withdrawStep);
  // A second guided run, after the withdrawal: no plan of nothing, no menu that only loops.
  const pending = await withDatabase(
    databasePath(options),
    (db) =>
      readBatchSummaries(db, { asOf: new Date(), batchRules: DEFAULT_BATCH_RULES }).reduce(
        (n, batch) => n + batch.pending,
        0,
      ),
    "read",
  );
  if (pending === 0) output.out(wrap(words.nothingToWithdraw, output.width));
  // Ends by its own break or return: a withdrawal, or a stop.
  while (pending > 0) {
    const choice = await askChoice(
      words.withdrawChoice,
      [
        { name: words.choices.dryRun, value: "dry-run" },
        session
          ? { name: words.choices.withdraw, value: "withdraw" as const }
          : { name: words.choices.logIn, value: "log-in" as const },
        { name: words.choices.skip, value: "skip" },
        { name: words.choices.later, value: "later" },
      ],
      "stop",
    );
    if (choice === "stop") return stop(g, ExitCode.cancelled);
    if (choice === "later") return stop(g);
    if (choice === "skip") break;
    if (choice === "dry-run") {
      const dryRun = await runShown(g, ["withdraw", "--batch", "--dry-run"]);
      if (dryRun.exitCode !== 0) return stopAfter(g, dryRun);
      continue;
    }
    // Seen the plan, and ready now: the login step again, without "later".
    if (choice === "log-in") {
      const again = await logIn(g, null);
      if (again === "stop") return stop(g, ExitCode.cancelled);
      session = again;
      continue;
    }
    const withdrawn = await runShown(g, ["withdraw", "--batch", ...(session ?? [])]);
    // A paste the withdrawal refused sent nothing: its error said what was wrong, and the
    // session's choice comes again, instead of the whole guide from the start.
    if (withdrawn.error === "bad-paste") {
      output.out(wrap(words.pasteAgain, output.width));
      const again = await logIn(g, words.loginChoices.backToChoice);
      if (again === "stop") return stop(g, ExitCode.cancelled);
      session = again;
      continue;
    }
    // "No" at the withdrawal's own question (or Esc at its cookie prompt) sent nothing: the
    // choice again.
    if (withdrawn.error === "cancelled") continue;
    if (withdrawn.exitCode !== 0) return stopAfter(g, withdrawn);
    break;
  }

  output.out(`\n${output.colour.bold(wrap(words.connectionsStep, output.width))}`);
  const exportThem = await ask(words.exportConnections);
  if (exportThem === null) return stopAt(g, exportThem);
  if (exportThem) {
    const exported = await runShown(g, ["connections", "export", "--batch"]);
    if (exported.exitCode !== 0) return stopAfter(g, exported);
  }
  const removeThem = await ask(words.removeConnections, false);
  if (removeThem === null) return stopAt(g, removeThem);
  // Ends by its own break or return: a removal, a "no" or "not now", or a stop.
  while (removeThem) {
    // Without a session the removal could only fail: the session's question first, as for the
    // withdrawal (a second guided run, whose login step said "not now", comes here so).
    if (session === null) {
      session = await logIn(g, words.loginChoices.keepConnections);
      if (session === "stop") return stop(g, ExitCode.cancelled);
      if (session === null) break;
    }
    const removed = await runShown(g, ["connections", "remove", "--batch", ...session]);
    // As at the withdrawal: a refused paste sent nothing, and the session's choice comes again.
    if (removed.error === "bad-paste") {
      output.out(wrap(words.pasteAgain, output.width));
      session = null;
      continue;
    }
    // "No" at the removal's own question sent nothing: on to the apology.
    if (removed.exitCode !== 0 && removed.error !== "cancelled") return stopAfter(g, removed);
    break;
  }
  const apologize = await ask(words.apologize);
  if (apologize === null) return stopAt(g, apologize);
  if (apologize) {
    // A file of an earlier guided run stays as it is: this one is written beside it.
    const written = await runShown(g, ["apologize", "--out", freeName(words.apologyFile)]);
    if (written.exitCode !== 0) return stopAfter(g, written);
  }
  const listed = await runShown(g, ["reinvite-list"]);
  if (listed.exitCode !== 0) return stopAfter(g, listed);
  // The export is here by now (the import step goes on only with one): whether it brought the
  // address book LinkedIn read decides whether removing it there loses the only copy.
  const { held } = await readImported(options);
  output.out(`\n${wrap(words.forgetAddressBook(held?.addressBook === true), output.width)}`);
  // The commands to look with read the database the guide was given.
  const look = (command: string) => invitesCommand([command, ...g.db]);
  output.out(`\n${wrap(words.done(look("status"), look("history")), output.width)}`);
  return 0;
}
