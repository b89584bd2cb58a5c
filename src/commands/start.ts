/**
 * `invites start`: the whole rescue for someone whose reminders are going out, one step at a
 * time, in their language. Each step says what it does, shows the exact command it runs (so the
 * user learns the tool), and runs it as that command runs, here in the same process. Nothing
 * happens without a yes; without a terminal it prints the steps as a checklist instead.
 */
import { readdirSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join, relative, resolve } from "node:path";
import { DEFAULT_BATCH_RULES } from "../core/batches.js";
import { readEnv } from "../env.js";
import { ExitCode } from "../errors.js";
import { m } from "../i18n/index.js";
import { withDatabase } from "../store/database.js";
import { readBatchSummaries } from "../store/invitations.js";
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

type Run = (argv: string[]) => Promise<number>;

interface Guide {
  output: Output;
  run: Run;
  /** `--db PATH` when start was given one, for every command it runs. */
  db: string[];
}

/**
 * Shows a command as the user would type it, then runs it: exactly as it is shown. Every command
 * but the login reads the database, and gets `--db` when start was given one.
 */
async function runShown(g: Guide, argv: string[], database = true): Promise<number> {
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

function heading(g: Guide, n: number, title: string): void {
  g.output.out(`\n${g.output.colour.bold(wrap(m().guide.step(n, 5, title), g.output.width))}`);
}

function stop(g: Guide): number {
  g.output.out(wrap(m().guide.stopHere, g.output.width));
  return 0;
}

/**
 * The login question, and the login if one is chosen: the flags a network command then takes
 * (`--browser`, or `--cookies -` when the user pastes them or the browser's login failed), null
 * for "later", which only the first asking offers, or "stop" for Esc or Ctrl-C, which stop the
 * guide as at every other question.
 */
async function logIn(g: Guide, offerLater: boolean): Promise<string[] | null | "stop"> {
  const words = m().guide;
  const how = await askChoice(
    words.loginChoice,
    [
      { name: words.loginChoices.browser, value: "browser" },
      { name: words.loginChoices.cookies, value: "cookies" },
      ...(offerLater ? [{ name: words.loginChoices.later, value: "later" as const }] : []),
    ],
    "stop",
  );
  if (how === "stop") return "stop";
  if (how === "later") return null;
  if (how === "browser") {
    // The login is of the browser profile alone: `invites login` takes no --db.
    if ((await runShown(g, ["login"], false)) === 0) return ["--browser"];
    g.output.out(wrap(words.loginFailed, g.output.width));
  }
  g.output.out(wrap(words.loginCookies, g.output.width));
  return ["--cookies", "-"];
}

export async function runStart(options: StartOptions, output: Output, run: Run): Promise<number> {
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
  const g: Guide = { output, run, db: options.db ? ["--db", options.db] : [] };
  output.out(output.colour.bold(wrap(words.title, output.width)));

  heading(g, 1, words.happened.title);
  output.out(wrap(words.happened.text.join("\n"), output.width));
  if (!(await ask(words.next))) return stop(g);

  heading(g, 2, words.export.title);
  output.out(wrap(words.export.text.join("\n"), output.width));
  const found = findDownloads(downloadFolders());
  output.out(wrap(words.found(found.length), output.width));
  const chosen: string[] = [];
  for (const file of found) {
    const answer = await ask(words.importThis(printable(file)));
    if (answer === null) return stop(g);
    if (answer) chosen.push(file);
  }
  while (chosen.length === 0) {
    const typed = typedPath(await askText(words.askPath));
    if (typed === "") return stop(g);
    // A typo is asked again; an empty answer stops.
    if (statSync(resolve(typed), { throwIfNoEntry: false })) chosen.push(typed);
    else output.err(wrap(words.noFile(printable(typed)), output.width));
  }

  heading(g, 3, words.importStep);
  const files = chosen.map((f) => {
    const near = relative(process.cwd(), f);
    return near.startsWith("..") ? f : near;
  });
  if ((await runShown(g, ["import", ...files])) !== 0) return stop(g);
  await runShown(g, ["batches"]);
  await runShown(g, ["preview", "--batch"]);
  if (!(await ask(words.next))) return stop(g);

  heading(g, 4, words.loginStep);
  output.out(wrap(words.loginBrowser, output.width));
  // Without a login the plan can still be shown: a dry run sends nothing.
  let session = await logIn(g, true);
  if (session === "stop") return stop(g);

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
      "later",
    );
    if (choice === "later") return stop(g);
    if (choice === "skip") break;
    if (choice === "dry-run") {
      await runShown(g, ["withdraw", "--batch", "--dry-run"]);
      continue;
    }
    // Seen the plan, and ready now: the login step again, without "later".
    if (choice === "log-in") {
      const again = await logIn(g, false);
      if (again === "stop") return stop(g);
      session = again;
      continue;
    }
    const withdrawn = await runShown(g, ["withdraw", "--batch", ...(session ?? [])]);
    // "No" at the withdrawal's own question sent nothing: the choice again.
    if (withdrawn === ExitCode.cancelled) continue;
    if (withdrawn !== 0) return stop(g);
    break;
  }

  output.out(`\n${output.colour.bold(wrap(words.connectionsStep, output.width))}`);
  const exportThem = await ask(words.exportConnections);
  if (exportThem === null) return stop(g);
  if (exportThem) await runShown(g, ["connections", "export", "--batch"]);
  const removeThem = await ask(words.removeConnections, false);
  if (removeThem === null) return stop(g);
  if (removeThem) await runShown(g, ["connections", "remove", "--batch", ...(session ?? [])]);
  const apologize = await ask(words.apologize);
  if (apologize === null) return stop(g);
  if (apologize) {
    // A file of an earlier guided run stays as it is: this one is written beside it.
    await runShown(g, ["apologize", "--out", freeName(words.apologyFile)]);
  }
  await runShown(g, ["reinvite-list"]);
  output.out(`\n${wrap(words.forgetAddressBook, output.width)}`);
  output.out(`\n${wrap(words.done, output.width)}`);
  return 0;
}
