/**
 * `invites connections export` and `remove`: the connections, kept safe in a CSV, and removed
 * through the network, journaled like withdraw, each person's row written to the
 * removed-connections CSV, on disk, before their removal is requested.
 */
import type { BatchRules } from "../core/batches.js";
import {
  assignBatches,
  type ConnectionRow,
  type ConnectionSelection,
  compareByConnectedOn,
  connectionName,
  LINKEDIN_COLUMNS,
  selectConnections,
  toLinkedInCells,
} from "../core/connections.js";
import { hasNoKeys, matchLive, type PersonKeys, sharedNameKeys } from "../core/matching.js";
import { INVITES_EXPORT_COLUMNS } from "../core/records.js";
import { UsageError } from "../errors.js";
import { m } from "../i18n/index.js";
import type { LiveConnection, NetworkDriver } from "../network/driver.js";
import type { RunAction, RunSummary } from "../network/journaled-run.js";
import { type Db, withDatabase } from "../store/database.js";
import { readBatchOrigins } from "../store/invitations.js";
import { Journal } from "../store/journal.js";
import { connectionOutcomes } from "../store/outcomes.js";
import { readConnections } from "../store/queries.js";
import { RemovedConnectionsFile } from "../store/removed-connections.js";
import { renderConnectionTable } from "../ui/connections.js";
import type { Output } from "../ui/output.js";
import { printable } from "../ui/printable.js";
import { wrap } from "../ui/wrap.js";
import {
  checkNewFile,
  checkNotStandardOutput,
  freeName,
  STANDARD_OUTPUT,
  writeCsv,
  writtenTo,
} from "../user-files.js";
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
  withRunLock,
} from "./journaled.js";
import {
  type DatabaseOptions,
  databasePath,
  existingDatabasePath,
  parseDayOrTime,
  parseMatch,
} from "./options.js";
import { checkPickHasTerminal, readKeepFile, resolveBatchRules } from "./selection.js";

export interface ConnectionSelectionOptions {
  batch?: boolean;
  match?: string;
  connectedAfter?: string;
  keep?: string;
  pick?: boolean;
  batchGap?: string;
  batchMin?: string;
}

export interface ConnectionsExportOptions extends DatabaseOptions, ConnectionSelectionOptions {
  out?: string;
  excel?: boolean;
}

/** LinkedIn's own columns first, so that the file reads like its export, then what we know. */
export const EXPORT_COLUMNS = [...LINKEDIN_COLUMNS, ...INVITES_EXPORT_COLUMNS];

export function toExportCells(c: ConnectionRow): string[] {
  return [...toLinkedInCells(c), c.source, c.batch ?? ""];
}

/** The selection flags export and remove share, checked before anything is read. */
export function resolveConnectionSelection(
  options: ConnectionSelectionOptions,
): ConnectionSelection {
  const connectedAfter =
    options.connectedAfter === undefined
      ? undefined
      : parseDayOrTime("--connected-after", options.connectedAfter, true);
  const keep = options.keep === undefined ? undefined : readKeepFile(options.keep);
  return {
    ...(options.batch ? { batch: true } : {}),
    ...(options.match !== undefined ? { match: parseMatch(options.match) } : {}),
    ...(connectedAfter ? { connectedAfter } : {}),
    ...(keep ? { keep } : {}),
  };
}

/**
 * Every stored connection with the batch it came from, and how many of the batches'
 * invitations closed (BatchOrigins).
 */
export function readConnectionRows(
  db: Db,
  now: Date,
  batchRules: BatchRules,
): { rows: ConnectionRow[]; closedInBatches: number } {
  return db.transaction(() => {
    const origins = readBatchOrigins(db, { asOf: now, batchRules });
    return { rows: assignBatches(readConnections(db), origins), closedInBatches: origins.closed };
  })();
}

export async function runConnectionsExport(
  options: ConnectionsExportOptions,
  output: Output,
  now = new Date(),
): Promise<number> {
  // A name of its own choosing never stops the export: a second one that day writes beside it.
  const out = options.out ?? freeName(`linkedin-connections-${localDay(now)}.csv`);
  checkNewFile(out, "--out");
  checkPickHasTerminal(options, output);
  const selection = resolveConnectionSelection(options);
  const batchRules = resolveBatchRules(options);
  const rows = await withDatabase(
    databasePath(options),
    (db) => readConnectionRows(db, now, batchRules).rows,
    "read",
  );
  let selected = selectConnections(rows, selection);
  if (options.pick) {
    const { pickConnections } = await import("../ui/pick-list.js");
    selected = await pickConnections(selected, {
      message: m().run.connections.pickExport,
      preChecked: "all",
    });
  }
  // A file of no one is no record of anyone: none is made (standard output still gets the header).
  if (selected.length === 0 && out !== STANDARD_OUTPUT) {
    output.err(wrap(m().run.connections.noneToWrite, output.width));
    return 0;
  }
  await writeConnectionsCsv(output, out, selected, options.excel === true);
  output.err(
    wrap(
      m().run.connections.wrote(selected.length, writtenTo(out), options.excel === true),
      output.width,
    ),
  );
  return 0;
}

/**
 * The day of `now` on the user's clock, for a file's name: the tool's dates are UTC, but a file
 * made in the evening in California and named after tomorrow is hard to find.
 */
function localDay(now: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/**
 * Writes the export to a new file, as every file for the user is written (src/user-files.ts),
 * or to standard output with `-`.
 */
export function writeConnectionsCsv(
  output: Output,
  out: string,
  rows: readonly ConnectionRow[],
  excel: boolean,
): Promise<number> {
  return writeCsv(output, out, EXPORT_COLUMNS, rows.map(toExportCells), { flag: "--out", excel });
}

export interface ConnectionsRemoveOptions
  extends DatabaseOptions,
    ConnectionSelectionOptions,
    NetworkRunOptions {
  out?: string;
  excel?: boolean;
  pick?: boolean;
  /** With --dry-run: the plan as data. */
  json?: boolean;
}

export const DEFAULT_REMOVED_FILE = "removed-connections.csv";

/** A connection as a removal plans it: with the name the journal and the progress show. */
type PlannedConnection = ConnectionRow & { name: string };

/**
 * Whom a removal looks for on the connections list, which has no addresses: a person is their
 * profile, else a name that one live connection and no other stored one has.
 */
function removalKeys(c: ConnectionRow): PersonKeys {
  return { slug: c.slug, email: null, name: connectionName(c) };
}

/** Removing: the connections list, the removal request, and removed_at. */
export function removalAction(
  db: Db,
  record: RemovedConnectionsFile,
  known: readonly PlannedConnection[],
): RunAction<PlannedConnection, LiveConnection> {
  const sharedNames = sharedNameKeys(known, removalKeys);
  return {
    name: "remove",
    done: "removed",
    settledDone: "settled-removed",
    list: (driver) => driver.listConnections(),
    match: (planned, live) => matchLive(planned, live.items, removalKeys, sharedNames),
    send: (driver, live) => driver.removeConnection(live),
    canSend: (driver, live) => driver.canRemove(live),
    beforeSend: (c, live, at) =>
      record.record(
        {
          ...c,
          // Exports before the URL column had no profile address; the live list knows it.
          url: c.url ?? (live.slug ? `https://www.linkedin.com/in/${live.slug}` : null),
        },
        new Date(at),
      ),
    outcomes: connectionOutcomes(db),
  };
}

export async function runConnectionsRemove(
  options: ConnectionsRemoveOptions,
  output: Output,
  now = new Date(),
  argv: readonly string[] = process.argv.slice(2),
): Promise<number> {
  const words = m().run.actions.remove;
  if (!options.batch && options.match === undefined && !options.connectedAfter && !options.pick) {
    throw new UsageError(words.needsSelection, words.selectionHint);
  }
  if (options.json && !options.dryRun) throw new UsageError(m().run.options.jsonNeedsDryRun);
  if (options.out !== undefined) checkNotStandardOutput(options.out, "--out");
  checkPickHasTerminal(options, output);
  const settings = readNetworkRunOptions(options, output, "remove");
  const selection = resolveConnectionSelection(options);
  const batchRules = resolveBatchRules(options);
  const record = new RemovedConnectionsFile(options.out ?? DEFAULT_REMOVED_FILE, {
    excel: options.excel === true,
  });
  const path = existingDatabasePath(options);

  return withDatabase(path, (db) =>
    withRunLock(db, path, "remove", options, argv, async () => {
      const { rows, closedInBatches } = readConnectionRows(db, now, batchRules);
      // A hidden profile has nothing the live list could be matched on (removalKeys): the run
      // would pass it over, so the plan leaves it out and says so, and --pick never offers it.
      const chosen = selectConnections(rows, selection);
      const hidden = chosen.filter((c) => hasNoKeys(removalKeys(c)));
      let selected = chosen.filter((c) => !hasNoKeys(removalKeys(c)));
      if (options.pick) {
        const { pickConnections } = await import("../ui/pick-list.js");
        selected = await pickConnections(selected, {
          message: words.pick,
          preChecked: "batch",
        });
      }
      selected.sort(compareByConnectedOn);
      const journal = new Journal(db);
      const plan = makeRunPlan(selected, {
        action: "remove",
        order: "connected",
        journal,
        settings,
        asOf: now,
        now,
        // Connections get no reminders.
        sentAt: () => null,
      });
      if (options.json) {
        printPlanJson(output, plan, (c) => ({
          name: connectionName(c),
          profileUrl: c.url,
          email: c.email,
          sentAt: null,
        }));
        return 0;
      }
      const w = m().run.connections;
      if (!allWaiting(plan)) {
        output.out(
          renderConnectionTable(plan.plan, {
            colour: output.colour,
            width: output.width,
            maxRows: Math.max(5, output.height - 12),
          }),
        );
      }
      printRunPlan(output, plan);
      if (hidden.length > 0) {
        const which = hidden.map((c) => w.hiddenOne(c.connectedOn, printable(c.company)));
        output.out(wrap(w.hidden(hidden.length, which), output.width));
      }
      const closed = options.batch ? closedInBatches : 0;
      if (closed > 0) output.out(wrap(w.closedAfterExport(closed), output.width));
      if (plan.plan.length > 0) {
        output.out(wrap(w.beforeEach(printable(record.path), record.size), output.width));
        if (record.keepsCommas) output.out(wrap(w.keepsCommas, output.width));
      }
      return confirmAndRun(output, options, settings, plan, journal, argv, (driver, command) =>
        removeAndReport(db, output, {
          driver,
          journal,
          pace: settings,
          plan: plan.plan,
          known: rows,
          command,
          record,
        }),
      );
    }),
  );
}

/** Removes a plan with progress and the closing table; the command and the demo share it. */
export async function removeAndReport(
  db: Db,
  output: Output,
  run: {
    driver: NetworkDriver;
    journal: Journal;
    pace: RunPace;
    plan: readonly ConnectionRow[];
    /** Every stored connection: to settle earlier runs' requests and reopen closures. */
    known: readonly ConnectionRow[];
    command: string;
    record: RemovedConnectionsFile;
  },
): Promise<RunSummary> {
  const named = (c: ConnectionRow): PlannedConnection => ({ ...c, name: connectionName(c) });
  const byId = new Map(run.known.map((c) => [c.id, c]));
  const summary = await runAndReport(output, "remove", {
    action: removalAction(db, run.record, run.known.map(named)),
    driver: run.driver,
    journal: run.journal,
    ...run.pace,
    planned: run.plan.map(named),
    known: (ids) =>
      ids.flatMap((id) => {
        const c = byId.get(id);
        return c ? [named(c)] : [];
      }),
    checkAccount: accountCheck(db),
    command: run.command,
  });
  // Only this run's requests: an earlier run's went to the file that run named (history).
  if (run.record.recordedNow > 0) {
    output.err(wrap(m().run.connections.everyone(printable(run.record.path)), output.width));
  }
  return summary;
}
