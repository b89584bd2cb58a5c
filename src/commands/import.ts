import { homedir } from "node:os";
import { isAbsolute, relative, resolve } from "node:path";
import { CancelledError, ExitCode, InputError, UsageError } from "../errors.js";
import { knownEncoding } from "../formats/bytes.js";
import { m } from "../i18n/index.js";
import { withDatabase } from "../store/database.js";
import {
  type ImportReport,
  importPaths,
  type MassClosure,
  NothingImportedError,
} from "../store/importer.js";
import { type Output, printJson } from "../ui/output.js";
import { askYesNo } from "../ui/prompts.js";
import { renderMassClosures } from "../ui/sources.js";
import { renderImportReport, renderRefusedFiles } from "../ui/tables.js";
import { type DatabaseOptions, databasePath } from "./options.js";

/**
 * A folder is read with every folder inside it: the home folder (`~` typed at the guide's
 * question), or one that holds it, would import every address book and CSV of every project
 * there. Refused before anything is read; the export's zip or folder is what to name.
 */
function checkNotWholeHome(path: string): void {
  const home = resolve(homedir());
  const within = relative(resolve(path), home);
  if (within === "" || (!within.startsWith("..") && !isAbsolute(within))) {
    throw new InputError({ file: path }, m().commands.wholeHome, "bad-input");
  }
}

export interface ImportOptions extends DatabaseOptions {
  json?: boolean;
  yes?: boolean;
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
    throw new UsageError(m().commands.unknownEncoding(options.encoding));
  }
  for (const path of paths) checkNotWholeHome(path);
  let report: ImportReport;
  try {
    report = await withDatabase(databasePath(options), (db) =>
      importPaths(db, paths, {
        now,
        encoding,
        confirmMassClosures: (closures) => confirmMassClosures(closures, options, output),
      }),
    );
  } catch (error) {
    if (!(error instanceof NothingImportedError)) throw error;
    report = error.report;
  }
  if (options.json) printJson(output, toJson(report));
  else output.out(renderImportReport(report, output.colour, output.width));
  if (report.refused.length === 0) return ExitCode.ok;
  output.err(renderRefusedFiles(report.refused, report.files.length > 0));
  return ExitCode.input;
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
    throw new UsageError(m().commands.massClosureRefused(what), m().commands.massClosureYes);
  }
  output.err(output.colour.yellow(m().commands.massClosureWarn(what)));
  if (!(await askYesNo(m().commands.massClosureAsk, false))) {
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
      sameAsOtherFormat: f.sameAsOtherFormat,
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
