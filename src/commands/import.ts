import { withDatabase } from "../store/database.js";
import { type ImportReport, importPaths } from "../store/importer.js";
import { type Output, printJson } from "../ui/output.js";
import { renderImportReport } from "../ui/tables.js";
import { type DatabaseOptions, databasePath } from "./options.js";

export interface ImportOptions extends DatabaseOptions {
  json?: boolean;
}

export async function runImport(
  paths: string[],
  options: ImportOptions,
  output: Output,
  now = new Date(),
): Promise<number> {
  const report = await withDatabase(databasePath(options), (db) => importPaths(db, paths, { now }));
  if (options.json) printJson(output, toJson(report));
  else output.out(renderImportReport(report, output.colour, output.width));
  return 0;
}

function toJson(report: ImportReport) {
  return {
    files: report.files.map((f) => ({
      path: f.label,
      kind: f.kind,
      format: f.description,
      encoding: f.encoding,
      outcome: f.outcome,
      rows: f.rows,
      imported: f.imported,
      new: f.added,
      skipped: f.skipped,
      skipReasons: f.skipReasons,
      droppedValues: f.droppedValues,
      closedInvitations: f.closedInvitations,
      goneConnections: f.goneConnections,
      replacedContacts: f.replacedContacts,
      ...(f.previouslyImportedAt ? { previouslyImportedAt: f.previouslyImportedAt } : {}),
    })),
    passedOver: report.passedOver,
  };
}
