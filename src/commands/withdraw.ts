/** `invites withdraw <selection>`: plan, confirm, then withdraw through the network, journaled. */
import { existsSync } from "node:fs";
import { compareOldestFirst, type InvitationView } from "../core/preview.js";
import { selectInvitations } from "../core/selection.js";
import { DEFAULT_RULES } from "../core/states.js";
import { CancelledError, StoppedError, UsageError } from "../errors.js";
import { readSessionCookies } from "../network/cookies.js";
import type { NetworkDriver } from "../network/driver.js";
import { DEFAULT_BASE_URL, LinkedInClient } from "../network/linkedin-client.js";
import { DEFAULT_PACE, Pacer, parsePace, realSleep } from "../network/pacer.js";
import { runWithdrawals, type WithdrawSummary } from "../network/withdraw-run.js";
import { type Db, withDatabase } from "../store/database.js";
import { readPreview } from "../store/invitations.js";
import { Journal } from "../store/journal.js";
import type { Output } from "../ui/output.js";
import { createProgress } from "../ui/progress.js";
import { renderWithdrawPlan, renderWithdrawSummary } from "../ui/withdraw.js";
import { type DatabaseOptions, databasePath, parseAsOf, wholeNumber } from "./options.js";
import { printPreview } from "./preview.js";
import { resolveBatchRules, resolveSelection, type SelectionOptions } from "./selection.js";

export interface WithdrawOptions extends DatabaseOptions, SelectionOptions {
  asOf?: string;
  dryRun?: boolean;
  yes?: boolean;
  pace?: string;
  max?: string;
  dailyCap?: string;
  cookies?: string;
  baseUrl?: string;
}

const SELECTION_FLAGS = [
  "allPending",
  "batch",
  "olderThan",
  "sentBefore",
  "sentAfter",
  "match",
  "addressBook",
  "pick",
] as const;

/** The command line to run again after a stop: it holds no secret, cookies never come by flag. */
export function resumeCommand(argv: readonly string[]): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`);
  return ["invites", ...argv.map(quote)].join(" ");
}

export async function runWithdraw(
  options: WithdrawOptions,
  output: Output,
  now = new Date(),
  argv: readonly string[] = process.argv.slice(2),
): Promise<number> {
  if (!SELECTION_FLAGS.some((flag) => options[flag])) {
    throw new UsageError(
      "withdraw needs a selection",
      "add --batch, --all-pending, --older-than, --match, … (see invites withdraw --help); invites preview shows what each selects",
    );
  }
  const pace = options.pace === undefined ? DEFAULT_PACE : parsePace(options.pace);
  if (!pace)
    throw new UsageError(
      `--pace "${options.pace}" is not a pace (expected e.g. 3s, 2-4s, 500ms or 0)`,
    );
  const max = wholeNumber("--max", options.max, 0, Number.POSITIVE_INFINITY);
  const dailyCap = wholeNumber("--daily-cap", options.dailyCap, 0, 100);
  if (options.pick && !output.isInteractive)
    throw new UsageError("--pick needs a terminal to choose in");
  if (!options.dryRun && !options.yes && !output.isInteractive) {
    throw new UsageError(
      "withdrawing asks for confirmation, and there is no terminal to ask in",
      "add --yes to withdraw without asking, or --dry-run to see the plan only",
    );
  }
  const asOf = parseAsOf(options.asOf, now);
  const selection = resolveSelection(options);
  const batchRules = resolveBatchRules(options);
  const cookies = options.dryRun ? null : readSessionCookies(options.cookies);
  const baseUrl = options.baseUrl ?? process.env.INVITES_BASE_URL ?? DEFAULT_BASE_URL;
  const path = databasePath(options);
  if (!existsSync(path)) {
    throw new UsageError(
      `there is no database at ${path}`,
      "import your data export first: invites import <export.zip>",
    );
  }

  return withDatabase(path, async (db) => {
    const { views, batches } = readPreview(db, { asOf, batchRules });
    if (typeof selection.batch === "string" && !batches.some((b) => b.id === selection.batch)) {
      throw new UsageError(`there is no batch ${selection.batch}`, "invites batches lists them");
    }
    let selected = selectInvitations(views, selection, asOf);
    if (options.pick) {
      const { pickInvitations } = await import("../ui/pick-list.js");
      selected = await pickInvitations(selected, {
        message: "Which invitations do you want to withdraw?",
      });
    }
    selected.sort(compareOldestFirst);
    const journal = new Journal(db);
    const sentToday = journal.requestsOn("withdraw", now.toISOString().slice(0, 10));
    const capLeft = Math.max(0, dailyCap - sentToday);
    const plan = selected.slice(0, Math.min(max, capLeft));
    const pacer = new Pacer({ pace, sleep: realSleep });

    printPreview(output, views, plan, asOf, Math.max(5, output.height - 12));
    output.out(
      renderWithdrawPlan(
        {
          selected: selected.length,
          planned: plan.length,
          max,
          dailyCap,
          sentToday,
          meanDelayMs: pacer.meanDelayMs,
        },
        output.colour,
      ),
    );
    if (options.dryRun || plan.length === 0 || cookies === null) return 0;
    if (!options.yes) {
      const { confirm } = await import("@inquirer/prompts");
      const answer = await confirm(
        { message: `Withdraw these ${plan.length} invitations now?`, default: false },
        { output: process.stderr },
      ).catch(() => false);
      if (!answer) throw new CancelledError();
    }

    const summary = await withdrawAndReport(db, output, {
      driver: new LinkedInClient({
        baseUrl,
        cookies,
        ...(process.env.INVITES_GRAPHQL_QUERY_ID
          ? { graphqlQueryId: process.env.INVITES_GRAPHQL_QUERY_ID }
          : {}),
      }),
      journal,
      pacer,
      plan,
      command: resumeCommand(argv),
    });

    if (summary.stopped) {
      throw new StoppedError(
        summary.stopped.signal,
        `stopped: ${summary.stopped.message}`,
        `${summary.stopped.suggestion ?? ""}; to resume: ${resumeCommand(argv)}`,
      );
    }
    return summary.failed.length > 0 ? 1 : 0;
  });
}

/**
 * Runs the withdrawals of a plan with progress on stderr and the closing table on stdout; the
 * command and the demo share it. Returns the summary; stopping is the caller's to report.
 */
export async function withdrawAndReport(
  db: Db,
  output: Output,
  run: {
    driver: NetworkDriver;
    journal: Journal;
    pacer: Pacer;
    plan: readonly InvitationView[];
    command: string;
  },
): Promise<WithdrawSummary> {
  const progress = createProgress(output);
  const summary = await runWithdrawals({
    driver: run.driver,
    journal: run.journal,
    pacer: run.pacer,
    planned: run.plan,
    command: run.command,
    now: () => new Date(),
    reinviteDays: DEFAULT_RULES.reinviteDays,
    retries: 3,
    markClosed: (id, at) =>
      db
        .prepare("UPDATE invitations SET closed_at = coalesce(closed_at, ?) WHERE id = ?")
        .run(at, id),
    onEvent: (event) => {
      if (event.kind === "session") output.err(`Logged in as ${event.account}.`);
      if (event.kind === "listed" && event.settled > 0) {
        output.err(`Settled ${event.settled} request(s) an interrupted run left open: withdrawn.`);
      }
      if (event.kind === "item")
        progress.item(event.done, event.total, `${event.outcome}: ${event.name}`);
    },
  });
  progress.end();
  output.out(renderWithdrawSummary(summary, output.colour));
  return summary;
}
