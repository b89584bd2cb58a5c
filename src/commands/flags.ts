/**
 * The flags several commands share, as the command table (cli.ts) declares them. Declaring only:
 * this module loads at every start, so it imports no parser of what the flags say
 * (options.ts and selection.ts do that when a command runs).
 */
import { type Command, Option, type OptionValues } from "@commander-js/extra-typings";
import { DEFAULT_BATCH_RULES } from "../core/batches.js";
import { DEFAULT_DAILY_CAP } from "../core/plan.js";
import { m } from "../i18n/index.js";

export function addDatabaseOption<
  A extends unknown[],
  O extends OptionValues,
  G extends OptionValues,
>(command: Command<A, O, G>) {
  return command.option("--db <path>", m().help.options.db);
}

/**
 * The options of a run that sends requests: withdraw and connections remove. `noun` names what
 * the run does, for the text of --max.
 */
export function addNetworkRunOptions<
  A extends unknown[],
  O extends OptionValues,
  G extends OptionValues,
>(command: Command<A, O, G>, noun: "withdrawals" | "removals") {
  const h = m().help.options;
  return command
    .option("--dry-run", h.dryRun)
    .option("-y, --yes", h.yes)
    .option("--pace <delay>", h.pace)
    .option("--max <n>", h.max[noun])
    .option("--daily-cap <n>", h.dailyCap, String(DEFAULT_DAILY_CAP))
    .option("--browser [name-or-path]", h.browser)
    .option("--browser-profile <dir>", h.browserProfile)
    .option("--headless", h.headless)
    .option("--cookies <file>", h.cookies)
    .option("--base-url <url>", h.baseUrl)
    .option("--accept-risk", h.acceptRisk);
}

export function addAsOfOption<A extends unknown[], O extends OptionValues, G extends OptionValues>(
  command: Command<A, O, G>,
) {
  return command.option("--as-of <date>", m().help.options.asOf);
}

export function addSelectionOptions<
  A extends unknown[],
  O extends OptionValues,
  G extends OptionValues,
>(command: Command<A, O, G>) {
  const h = m().help.selection;
  return addBatchRuleOptions(
    command
      .option("--all-pending", h.allPending)
      .option("--batch [id]", h.batch)
      .option("--older-than <duration>", h.olderThan)
      .option("--sent-before <date>", h.sentBefore)
      .option("--sent-after <date>", h.sentAfter)
      .option("--match <text>", h.match)
      .option("--address-book", h.addressBook)
      .option("--keep <file>", h.keep)
      .option("--pick", h.pick),
  );
}

/** The batch rules' two flags, on every command that finds batches. */
export function addBatchRuleOptions<
  A extends unknown[],
  O extends OptionValues,
  G extends OptionValues,
>(command: Command<A, O, G>) {
  const h = m().help.selection;
  return command
    .addOption(
      new Option("--batch-gap <minutes>", h.batchGap).default(
        String(DEFAULT_BATCH_RULES.gapMinutes),
      ),
    )
    .addOption(
      new Option("--batch-min <count>", h.batchMin).default(String(DEFAULT_BATCH_RULES.minSize)),
    );
}

/** The selection flags of `connections export` and `connections remove`. */
export function addConnectionSelectionOptions<
  A extends unknown[],
  O extends OptionValues,
  G extends OptionValues,
>(command: Command<A, O, G>) {
  const h = m().help.selection;
  return addBatchRuleOptions(
    command
      .option("--batch", h.connections.batch)
      .option("--match <text>", h.match)
      .option("--connected-after <date>", h.connections.connectedAfter)
      .option("--keep <file>", h.connections.keep)
      .option("--pick", h.pick),
  );
}
