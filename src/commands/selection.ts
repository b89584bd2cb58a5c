/**
 * The selection flags that preview, withdraw and the connection commands share, and their
 * translation into a core Selection. Every mistake here is a usage error: nothing is read yet.
 */
import { type Command, Option, type OptionValues } from "@commander-js/extra-typings";
import { type BatchRules, DEFAULT_BATCH_RULES } from "../core/batches.js";
import { type KeepList, parseDuration, parseKeepList, type Selection } from "../core/selection.js";
import { UsageError } from "../errors.js";
import { m } from "../i18n/index.js";
import type { Output } from "../ui/output.js";
import { MiB, readOptionFile } from "../user-files.js";
import { parseDayOrTime, wholeNumber } from "./options.js";

export interface SelectionOptions {
  allPending?: boolean;
  batch?: true | string;
  olderThan?: string;
  sentBefore?: string;
  sentAfter?: string;
  match?: string;
  addressBook?: boolean;
  keep?: string;
  pick?: boolean;
  batchGap?: string;
  batchMin?: string;
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

/** `--pick` asks in the terminal; without one it is a usage error before anything is read. */
export function checkPickHasTerminal(options: { pick?: boolean }, output: Output): void {
  if (options.pick && !output.isInteractive) {
    throw new UsageError(m().help.errors.pickNeedsTerminal, m().help.errors.pickWithFlags);
  }
}

/**
 * A keep list names at most the 30,000 connections LinkedIn allows: a few MiB even when it is a
 * whole Connections.csv. 16 MiB leaves room for that and refuses what is no keep list.
 */
const KEEP_FILE_MAX_BYTES = 16 * MiB;

export function readKeepFile(path: string): KeepList {
  const text = readOptionFile(path, {
    what: m().userFiles.keepList,
    maxBytes: KEEP_FILE_MAX_BYTES,
  });
  return parseKeepList(text.replace(/^\uFEFF/, "").split(/\r?\n/));
}

export function resolveSelection(options: SelectionOptions): Selection {
  const selection: Selection = {};
  if (options.batch !== undefined) {
    selection.batch = options.batch === true ? true : options.batch.trim().toUpperCase();
  }
  if (options.olderThan !== undefined) {
    const duration = parseDuration(options.olderThan);
    if (!duration) {
      throw new UsageError(m().help.errors.notDuration(options.olderThan));
    }
    selection.olderThan = duration;
  }
  if (options.sentBefore)
    selection.sentBefore = parseDayOrTime("--sent-before", options.sentBefore, false);
  if (options.sentAfter)
    selection.sentAfter = parseDayOrTime("--sent-after", options.sentAfter, true);
  if (options.match !== undefined) selection.match = options.match;
  if (options.addressBook) selection.addressBook = true;
  if (options.keep !== undefined) selection.keep = readKeepFile(options.keep);
  return selection;
}

export function resolveBatchRules(options: { batchGap?: string; batchMin?: string }): BatchRules {
  return {
    gapMinutes: wholeNumber("--batch-gap", options.batchGap, 1, DEFAULT_BATCH_RULES.gapMinutes),
    minSize: wholeNumber("--batch-min", options.batchMin, 1, DEFAULT_BATCH_RULES.minSize),
  };
}

/** Refuses a `--batch ID` that names no batch, naming those there are (or that none was found). */
export function checkBatchExists(selection: Selection, batches: readonly { id: string }[]): void {
  if (typeof selection.batch !== "string" || batches.some((b) => b.id === selection.batch)) return;
  throw new UsageError(
    m().commands.noBatch(selection.batch),
    batches.length > 0
      ? m().commands.batchesAre(batches.map((b) => b.id))
      : m().commands.noBatchDetected,
  );
}
