/** `invites connections export`: the connections, for safekeeping before anyone is removed. */
import { closeSync, existsSync, fsyncSync, openSync, writeSync } from "node:fs";
import { stringify } from "csv-stringify/sync";
import type { BatchRules } from "../core/batches.js";
import {
  assignBatches,
  type ConnectionRow,
  type ConnectionSelection,
  LINKEDIN_COLUMNS,
  neutralizeFormula,
  selectConnections,
  toLinkedInCells,
} from "../core/connections.js";
import type { InvitationView } from "../core/preview.js";
import { UsageError } from "../errors.js";
import { type Db, withDatabase } from "../store/database.js";
import { readPreview } from "../store/invitations.js";
import { readConnections } from "../store/queries.js";
import type { Output } from "../ui/output.js";
import { type DatabaseOptions, databasePath, parseDayOrTime } from "./options.js";
import { readKeepFile, resolveBatchRules } from "./selection.js";

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
export const EXPORT_COLUMNS = [...LINKEDIN_COLUMNS, "Source", "Batch"];

export function toExportCells(c: ConnectionRow): string[] {
  return [...toLinkedInCells(c), c.source, c.batch ?? ""].map(neutralizeFormula);
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
    ...(options.match !== undefined ? { match: options.match } : {}),
    ...(connectedAfter ? { connectedAfter } : {}),
    ...(keep ? { keep } : {}),
  };
}

/** Every stored connection with the batch it came from, and the invitations' views. */
export function readConnectionRows(
  db: Db,
  now: Date,
  batchRules: BatchRules,
): { rows: ConnectionRow[]; views: InvitationView[] } {
  const { views } = readPreview(db, { asOf: now, batchRules });
  return { rows: assignBatches(readConnections(db), views), views };
}

export async function runConnectionsExport(
  options: ConnectionsExportOptions,
  output: Output,
  now = new Date(),
): Promise<number> {
  const out = options.out ?? `linkedin-connections-${now.toISOString().slice(0, 10)}.csv`;
  if (existsSync(out)) {
    throw new UsageError(
      `${out} exists already`,
      "name another file with --out; an export never overwrites one",
    );
  }
  if (options.pick && !output.isInteractive)
    throw new UsageError("--pick needs a terminal to choose in");
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
      message: "Which connections do you want to export?",
      preChecked: "all",
    });
  }
  writeConnectionsCsv(out, selected, options.excel === true);
  output.err(
    `Wrote ${selected.length} connection(s) to ${out}${options.excel ? " (for Excel: UTF-8 with BOM, semicolons)" : ""}.`,
  );
  return 0;
}

/** Writes the export to a new file (never over an existing one) and flushes it to disk. */
export function writeConnectionsCsv(out: string, rows: readonly ConnectionRow[], excel: boolean) {
  // German Excel opens a semicolon file with a BOM cleanly; everything else reads plain UTF-8 CSV.
  const text = stringify([EXPORT_COLUMNS, ...rows.map(toExportCells)], {
    delimiter: excel ? ";" : ",",
    record_delimiter: excel ? "windows" : "unix",
  });
  const fd = openSync(out, "wx", 0o600);
  try {
    writeSync(fd, excel ? `\uFEFF${text}` : text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
