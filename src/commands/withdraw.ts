/** `invites withdraw <selection>`: plan, confirm, then withdraw through the network, journaled. */
import { invitationKeys, matchLive, unseenAsUncertain } from "../core/matching.js";
import { compareOldestFirst, type InvitationView } from "../core/preview.js";
import { selectInvitations } from "../core/selection.js";
import { reinviteAfter } from "../core/states.js";
import { UsageError } from "../errors.js";
import type { LiveInvitation, NetworkDriver } from "../network/driver.js";
import type { RunAction, RunSummary } from "../network/journaled-run.js";
import type { Pacer } from "../network/pacer.js";
import { type Db, withDatabase } from "../store/database.js";
import { readPreview } from "../store/invitations.js";
import { Journal } from "../store/journal.js";
import { invitationOutcomes } from "../store/outcomes.js";
import type { Output } from "../ui/output.js";
import type { RunWords } from "../ui/run.js";
import {
  accountCheck,
  capPlan,
  confirmAndRun,
  type NetworkRunOptions,
  printRunPlan,
  readNetworkRunOptions,
  runAndReport,
  withRunLock,
} from "./journaled.js";
import { type DatabaseOptions, existingDatabasePath, parseAsOf } from "./options.js";
import { printPreview } from "./preview.js";
import {
  checkPickHasTerminal,
  resolveBatchRules,
  resolveSelection,
  type SelectionOptions,
} from "./selection.js";

export interface WithdrawOptions extends DatabaseOptions, SelectionOptions, NetworkRunOptions {
  asOf?: string;
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

export const WITHDRAW_WORDS: RunWords = {
  verb: "withdraw",
  noun: "invitation",
  done: "withdrawn",
  order: "oldest first",
  consequences:
    "Recipients are not notified; a withdrawn person can be invited again after 3 weeks.",
};

/** Said of an invitation to an address when the live list shows none: never taken as gone. */
export const UNLISTED_EMAIL_INVITEE =
  "LinkedIn's list does not show invitations sent to e-mail addresses: withdraw these by hand on LinkedIn's Sent page";

/** Withdrawing: the sent list, the withdraw request, and withdrawn_at with its re-invite date. */
export function withdrawalAction(db: Db): RunAction<InvitationView, LiveInvitation> {
  return {
    name: "withdraw",
    done: "withdrawn",
    settledDone: "settled-withdrawn",
    goneReason: "not pending on LinkedIn any more",
    list: (driver) => driver.listSentInvitations(),
    match: (planned, live) =>
      unseenAsUncertain(
        matchLive(planned, live.items, invitationKeys),
        (p) => live.showsEmailInvitees || invitationKeys(p).slug !== null,
        UNLISTED_EMAIL_INVITEE,
      ),
    send: (driver, live) => driver.withdraw(live),
    outcomes: invitationOutcomes(db, (at) => reinviteAfter(at)),
  };
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
  checkPickHasTerminal(options, output);
  const settings = readNetworkRunOptions(options, output, "withdrawing");
  const asOf = parseAsOf(options.asOf, now);
  const selection = resolveSelection(options);
  const batchRules = resolveBatchRules(options);
  const path = existingDatabasePath(options);

  return withDatabase(path, (db) =>
    withRunLock(db, path, "withdraw", options, argv, async () => {
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
      const { plan, sentToday } = capPlan(selected, journal, "withdraw", settings, now);

      printPreview(output, views, plan, asOf, Math.max(5, output.height - 12));
      printRunPlan(output, WITHDRAW_WORDS, settings, {
        selected: selected.length,
        planned: plan.length,
        sentToday,
      });
      return confirmAndRun(
        output,
        options,
        settings,
        plan.length,
        `Withdraw these ${plan.length} invitations now?`,
        argv,
        (driver, command) =>
          withdrawAndReport(db, output, {
            driver,
            journal,
            pacer: settings.pacer,
            plan,
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
    pacer: Pacer;
    plan: readonly InvitationView[];
    /** Every stored invitation: to settle earlier runs' requests and reopen closures. */
    known: readonly InvitationView[];
    command: string;
  },
): Promise<RunSummary> {
  const byId = new Map(run.known.map((v) => [v.id, v]));
  return runAndReport(output, WITHDRAW_WORDS, {
    action: withdrawalAction(db),
    driver: run.driver,
    journal: run.journal,
    pacer: run.pacer,
    planned: run.plan,
    known: (ids) => ids.flatMap((id) => byId.get(id) ?? []),
    checkAccount: accountCheck(db),
    command: run.command,
  });
}
