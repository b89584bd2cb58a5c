import { ExitCode } from "../errors.js";
import { withDatabase } from "../store/database.js";
import { type ImportReport, importPaths } from "../store/importer.js";
import { type Output, printJson } from "../ui/output.js";
import { renderImportReport, renderRefusedFiles } from "../ui/tables.js";
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
  if (report.refused.length === 0) return ExitCode.ok;
  output.err(renderRefusedFiles(report.refused));
  return ExitCode.input;
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
    refused: report.refused.map((f) => ({
      path: f.label,
      kind: f.kind,
      format: f.description,
      line: f.line,
      reason: f.problem,
    })),
    passedOver: report.passedOver,
  };
}
