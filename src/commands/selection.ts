/**
 * The selection flags that preview, withdraw and the connection commands share, and their
 * translation into a core Selection. Every mistake in the flags is a usage error found before
 * anything is read; checkBatchExists is the one check made on what was read (the batches).
 */
import { type BatchRules, DEFAULT_BATCH_RULES } from "../core/batches.js";
import {
  type KeepList,
  parseDuration,
  parseKeepList,
  type Selection,
  UnreadableKeepLine,
} from "../core/selection.js";
import { InputError, UsageError } from "../errors.js";
import { m } from "../i18n/index.js";
import type { Output } from "../ui/output.js";
import { printable } from "../ui/printable.js";
import { truncateToWidth } from "../ui/wrap.js";
import { MiB, readOptionFile } from "../user-files.js";
import { parseDayOrTime, parseMatch, wholeNumber } from "./options.js";

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
  try {
    return parseKeepList(text.split(/\r?\n/));
  } catch (error) {
    if (!(error instanceof UnreadableKeepLine)) throw error;
    throw new InputError(
      { file: path, line: error.line },
      m().userFiles.keepLine(truncateToWidth(printable(error.text), 60)),
      "bad-keep-line",
    );
  }
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
  if (options.match !== undefined) selection.match = parseMatch(options.match);
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
