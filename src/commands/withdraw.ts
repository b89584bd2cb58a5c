/** `invites withdraw <selection>`: plan, confirm, then withdraw through the network, journaled. */
import { invitationKeys, matchLive, sharedNameKeys, unseenAsUncertain } from "../core/matching.js";
import {
  compareByReminder,
  compareOldestFirst,
  type InvitationView,
  summarize,
} from "../core/preview.js";
import { selectInvitations } from "../core/selection.js";
import { reinviteAfter } from "../core/states.js";
import { UsageError } from "../errors.js";
import { m } from "../i18n/index.js";
import type { LiveInvitation, NetworkDriver } from "../network/driver.js";
import type { RunAction, RunSummary } from "../network/journaled-run.js";
import { type Db, withDatabase } from "../store/database.js";
import { readPreview } from "../store/invitations.js";
import { Journal } from "../store/journal.js";
import { invitationOutcomes } from "../store/outcomes.js";
import type { Output } from "../ui/output.js";
import { printPreview } from "../ui/preview.js";
import type { RunOrder } from "../ui/run.js";
import {
  accountCheck,
  allWaiting,
  confirmAndRun,
  makeRunPlan,
  type NetworkRunOptions,
  printPlanJson,
  printRunPlan,
  type RunPace,
  readNetworkRunOptions,
  runAndReport,
  type StrategyOption,
  withRunLock,
} from "./journaled.js";
import { checkAsOf, type DatabaseOptions, existingDatabasePath, parseAsOf } from "./options.js";
import {
  checkBatchExists,
  checkPickHasTerminal,
  resolveBatchRules,
  resolveSelection,
  type SelectionOptions,
} from "./selection.js";

export interface WithdrawOptions
  extends DatabaseOptions,
    SelectionOptions,
    NetworkRunOptions,
    StrategyOption {
  asOf?: string;
  /** `reminder` (the default: the soonest reminder first) or `oldest`. */
  order?: string;
  /** With --dry-run: the plan as data. */
  json?: boolean;
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

/** Withdrawing: the sent list, the withdraw request, and withdrawn_at with its re-invite date. */
export function withdrawalAction(
  db: Db,
  known: readonly InvitationView[],
): RunAction<InvitationView, LiveInvitation> {
  const sharedNames = sharedNameKeys(known, invitationKeys);
  return {
    name: "withdraw",
    done: "withdrawn",
    settledDone: "settled-withdrawn",
    list: (driver) => driver.listSentInvitations(),
    match: (planned, live) =>
      unseenAsUncertain(
        matchLive(planned, live.items, invitationKeys, sharedNames),
        (p) => live.showsEmailInvitees || invitationKeys(p).slug !== null,
      ),
    send: (driver, live) => driver.withdraw(live),
    canSend: (driver, live) => driver.canWithdraw(live),
    outcomes: invitationOutcomes(db, (at) => reinviteAfter(at)),
  };
}

/** `--order`: the soonest reminder first (the default), or the oldest first. */
function readOrder(value: string | undefined): RunOrder {
  if (value === undefined || value === "reminder") return "reminder";
  if (value === "oldest") return "oldest";
  throw new UsageError(m().run.badOrder(value));
}

export async function runWithdraw(
  options: WithdrawOptions,
  output: Output,
  now = new Date(),
  argv: readonly string[] = process.argv.slice(2),
): Promise<number> {
  const words = m().run.actions.withdraw;
  if (!SELECTION_FLAGS.some((flag) => options[flag])) {
    throw new UsageError(words.needsSelection, words.selectionHint);
  }
  if (options.json && !options.dryRun) throw new UsageError(m().run.options.jsonNeedsDryRun);
  checkPickHasTerminal(options, output);
  const order = readOrder(options.order);
  const settings = readNetworkRunOptions(options, output, "withdraw");
  const asOf = parseAsOf(options.asOf, now);
  const selection = resolveSelection(options);
  const batchRules = resolveBatchRules(options);
  const path = existingDatabasePath(options);

  return withDatabase(path, (db) =>
    withRunLock(db, path, "withdraw", options, argv, async () => {
      checkAsOf(db, options.asOf, asOf);
      const { views, batches } = readPreview(db, { asOf, batchRules });
      checkBatchExists(selection, batches);
      let selected = selectInvitations(views, selection, asOf);
      if (options.pick) {
        const { pickInvitations } = await import("../ui/pick-list.js");
        selected = await pickInvitations(selected, { message: words.pick });
      }
      // Reminders go out a week and two weeks after sending: the soonest first spares the most.
      selected.sort(order === "reminder" ? compareByReminder : compareOldestFirst);
      const journal = new Journal(db);
      const plan = makeRunPlan(selected, {
        action: "withdraw",
        order,
        journal,
        settings,
        asOf,
        now,
        sentAt: (v) => v.sentAt,
      });
      if (options.json) {
        printPlanJson(output, plan, (v) => ({
          name: v.name,
          profileUrl: v.profileUrl,
          email: v.email,
          sentAt: v.sentAt,
        }));
        return 0;
      }
      if (!allWaiting(plan)) {
        await printPreview(output, [...plan.plan], {
          summary: summarize(views, asOf),
          asOf,
          maxRows: Math.max(5, output.height - 12),
          hasAll: false,
          inAll: plan.selected.length,
        });
      }
      printRunPlan(output, plan);
      return confirmAndRun(output, options, settings, plan, journal, argv, (driver, command) =>
        withdrawAndReport(db, output, {
          driver,
          journal,
          pace: settings,
          plan: plan.plan,
          known: views,
          command,
        }),
      );
    }),
  );
}

/** Withdraws a plan with progress and the closing table; the command and the demo share it. */
export function withdrawAndReport(
  db: Db,
  output: Output,
  run: {
    driver: NetworkDriver;
    journal: Journal;
    pace: RunPace;
    plan: readonly InvitationView[];
    /** Every stored invitation: to settle earlier runs' requests and reopen closures. */
    known: readonly InvitationView[];
    command: string;
  },
): Promise<RunSummary> {
  const byId = new Map(run.known.map((v) => [v.id, v]));
  return runAndReport(output, "withdraw", {
    action: withdrawalAction(db, run.known),
    driver: run.driver,
    journal: run.journal,
    ...run.pace,
    planned: run.plan,
    known: (ids) => ids.flatMap((id) => byId.get(id) ?? []),
    checkAccount: accountCheck(db),
    command: run.command,
  });
}
