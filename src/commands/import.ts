import { ExitCode, UsageError } from "../errors.js";
import { knownEncoding } from "../formats/bytes.js";
import { withDatabase } from "../store/database.js";
import { type ImportReport, importPaths } from "../store/importer.js";
import { type Output, printJson } from "../ui/output.js";
import { renderImportReport, renderRefusedFiles } from "../ui/tables.js";
import { type DatabaseOptions, databasePath } from "./options.js";

export interface ImportOptions extends DatabaseOptions {
  json?: boolean;
  encoding?: string;
}

export async function runImport(
  paths: string[],
  options: ImportOptions,
  output: Output,
  now = new Date(),
): Promise<number> {
  const encoding = options.encoding === undefined ? null : knownEncoding(options.encoding);
  if (options.encoding !== undefined && encoding === null) {
    throw new UsageError(
      `--encoding "${options.encoding}" is not an encoding this tool can read (expected a name like utf-8, windows-1252, windows-1250, macintosh, iso-8859-15 or utf-16le)`,
    );
  }
  const report = await withDatabase(databasePath(options), (db) =>
    importPaths(db, paths, { now, encoding }),
  );
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
      encodingAlsoLikely: f.alsoLikely,
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
