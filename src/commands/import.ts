import { CancelledError, UsageError } from "../errors.js";
import { withDatabase } from "../store/database.js";
import { type ImportReport, importPaths, type MassClosure } from "../store/importer.js";
import { type Output, printJson } from "../ui/output.js";
import { askToGoAhead, renderMassClosures } from "../ui/sources.js";
import { renderImportReport } from "../ui/tables.js";
import { type DatabaseOptions, databasePath } from "./options.js";

export interface ImportOptions extends DatabaseOptions {
  json?: boolean;
  yes?: boolean;
}

export async function runImport(
  paths: string[],
  options: ImportOptions,
  output: Output,
  now = new Date(),
): Promise<number> {
  const report = await withDatabase(databasePath(options), (db) =>
    importPaths(db, paths, {
      now,
      confirmMassClosures: (closures) => confirmMassClosures(closures, options, output),
    }),
  );
  if (options.json) printJson(output, toJson(report));
  else output.out(renderImportReport(report, output.colour, output.width));
  return 0;
}

/**
 * A cut-off download reads as a valid file that lists almost nothing: before it closes more than
 * half of what is pending, the user says yes (or gave --yes). Throwing takes the import back.
 */
async function confirmMassClosures(
  closures: MassClosure[],
  options: ImportOptions,
  output: Output,
): Promise<void> {
  if (options.yes) return;
  const what = renderMassClosures(closures);
  if (!output.isInteractive) {
    throw new UsageError(
      `${what}: more than half, as a cut-off download would; nothing was imported`,
      "if the file is complete, run the same command with --yes (invites sources forget takes an import back later)",
    );
  }
  output.err(output.colour.yellow(`${what}: more than half, as a cut-off download would.`));
  if (!(await askToGoAhead("Is the file complete? Import it and close them?"))) {
    throw new CancelledError();
  }
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
