/**
 * `invites connections remove <selection>`: plan, confirm, then remove connections through the
 * network, journaled like withdraw. Each person's row goes to the removed-connections CSV, on
 * disk, before their removal is requested.
 */
import {
  type ConnectionRow,
  compareByConnectedOn,
  countClosedBatchInvitations,
  selectConnections,
} from "../core/connections.js";
import { matchLive } from "../core/matching.js";
import { UsageError } from "../errors.js";
import type { LiveConnection, NetworkDriver } from "../network/driver.js";
import type { RunAction, RunSummary } from "../network/journaled-run.js";
import type { Pacer } from "../network/pacer.js";
import { type Db, withDatabase } from "../store/database.js";
import { Journal } from "../store/journal.js";
import { connectionOutcomes } from "../store/outcomes.js";
import { RemovedConnectionsFile } from "../store/removed-connections.js";
import { connectionName, renderConnectionTable } from "../ui/connections.js";
import type { Output } from "../ui/output.js";
import type { RunWords } from "../ui/run.js";
import { count } from "../ui/tables.js";
import {
  type ConnectionSelectionOptions,
  readConnectionRows,
  resolveConnectionSelection,
} from "./connections.js";
import {
  capPlan,
  confirmRun,
  exitCodeOf,
  type NetworkRunOptions,
  networkClient,
  printRunPlan,
  readNetworkRunOptions,
  resumeCommand,
  runAndReport,
} from "./journaled.js";
import { type DatabaseOptions, existingDatabasePath } from "./options.js";
import { resolveBatchRules } from "./selection.js";

export interface ConnectionsRemoveOptions
  extends DatabaseOptions,
    ConnectionSelectionOptions,
    NetworkRunOptions {
  out?: string;
  excel?: boolean;
  pick?: boolean;
}

export const DEFAULT_REMOVED_FILE = "removed-connections.csv";

export const REMOVE_WORDS: RunWords = {
  verb: "remove",
  noun: "connection",
  done: "removed",
  order: "longest-standing first",
  consequences:
    "They are not notified. Only you can connect again later, by inviting them; endorsements and recommendations between you are removed for good.",
};

/** A connection as a removal plans it: with the name the journal and the progress show. */
type PlannedConnection = ConnectionRow & { name: string };

/** Removing: the connections list, the removal request, and removed_at. */
export function removalAction(
  db: Db,
  record: RemovedConnectionsFile,
): RunAction<PlannedConnection, LiveConnection> {
  const store = connectionOutcomes(db);
  return {
    name: "remove",
    done: "removed",
    settledDone: "settled-removed",
    goneReason: "not a connection on LinkedIn any more",
    list: (driver) => driver.listConnections(),
    // The connections list has no addresses: a person is their profile, else a unique name.
    match: (planned, live) =>
      matchLive(planned, live, (c) => ({ slug: c.slug, email: null, name: c.name })),
    send: (driver, live) => driver.removeConnection(live),
    beforeSend: (c, live, at) =>
      record.record(
        {
          ...c,
          // Exports before the URL column had no profile address; the live list knows it.
          url: c.url ?? (live.slug ? `https://www.linkedin.com/in/${live.slug}` : null),
        },
        new Date(at),
      ),
    markDone: store.markRemoved,
    markGone: store.markGone,
  };
}

export async function runConnectionsRemove(
  options: ConnectionsRemoveOptions,
  output: Output,
  now = new Date(),
  argv: readonly string[] = process.argv.slice(2),
): Promise<number> {
  if (!options.batch && options.match === undefined && !options.connectedAfter && !options.pick) {
    throw new UsageError(
      "connections remove needs a selection",
      "add --batch, --match, --connected-after or --pick (see invites connections remove --help); invites connections export --batch shows whom --batch selects",
    );
  }
  if (options.pick && !output.isInteractive)
    throw new UsageError("--pick needs a terminal to choose in");
  const settings = readNetworkRunOptions(options, output, "removing connections");
  const selection = resolveConnectionSelection(options);
  const batchRules = resolveBatchRules(options);
  const record = new RemovedConnectionsFile(options.out ?? DEFAULT_REMOVED_FILE, {
    excel: options.excel === true,
  });
  const path = existingDatabasePath(options);

  return withDatabase(path, async (db) => {
    const { rows, views } = readConnectionRows(db, now, batchRules);
    let selected = selectConnections(rows, selection);
    if (options.pick) {
      const { pickConnections } = await import("../ui/pick-list.js");
      selected = await pickConnections(selected, {
        message: "Which connections do you want to remove?",
        preChecked: "batch",
      });
    }
    selected.sort(compareByConnectedOn);
    const journal = new Journal(db);
    const { plan, sentToday } = capPlan(selected, journal, "remove", settings, now);

    output.out(
      renderConnectionTable(plan, {
        colour: output.colour,
        width: output.width,
        maxRows: Math.max(5, output.height - 12),
      }),
    );
    printRunPlan(output, REMOVE_WORDS, settings, {
      selected: selected.length,
      planned: plan.length,
      sentToday,
    });
    const closed = options.batch ? countClosedBatchInvitations(views) : 0;
    if (closed > 0) {
      output.out(
        `${count(closed, "invitation")} of the accidental batch left the pending list after your export without being withdrawn here; whoever accepted them is not in this plan. Import a newer data export to include them.`,
      );
    }
    if (plan.length > 0) {
      const held = record.size > 0 ? ` (it holds ${count(record.size, "row")} already)` : "";
      output.out(`Before each removal the person's row is written to ${record.path}${held}.`);
    }
    if (options.dryRun || plan.length === 0 || settings.cookies === null) return 0;
    if (!options.yes) {
      await confirmRun(
        `Remove these ${count(plan.length, "connection")} now? They are not told, and only you can reconnect.`,
      );
    }

    const command = resumeCommand(argv);
    const summary = await removeAndReport(db, output, {
      driver: networkClient(settings, settings.cookies),
      journal,
      pacer: settings.pacer,
      plan,
      command,
      record,
    });
    return exitCodeOf(summary, command);
  });
}

/** Removes a plan with progress and the closing table; the command and the demo share it. */
export async function removeAndReport(
  db: Db,
  output: Output,
  run: {
    driver: NetworkDriver;
    journal: Journal;
    pacer: Pacer;
    plan: readonly ConnectionRow[];
    command: string;
    record: RemovedConnectionsFile;
  },
): Promise<RunSummary> {
  const summary = await runAndReport(output, REMOVE_WORDS, {
    action: removalAction(db, run.record),
    driver: run.driver,
    journal: run.journal,
    pacer: run.pacer,
    planned: run.plan.map((c) => ({ ...c, name: connectionName(c) })),
    command: run.command,
  });
  output.err(`Everyone whose removal was attempted is listed in ${run.record.path}.`);
  return summary;
}
