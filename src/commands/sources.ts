/** `invites sources`: what was imported and what each import changed; `sources forget` takes one back. */
import { CancelledError, UsageError } from "../errors.js";
import { m } from "../i18n/index.js";
import { withDatabase } from "../store/database.js";
import { forgetSource, type ImportedSource, listImportedSources } from "../store/sources.js";
import { type Output, printJson } from "../ui/output.js";
import { printable } from "../ui/printable.js";
import { askYesNo } from "../ui/prompts.js";
import { renderForgetReport, renderImportedSources } from "../ui/sources.js";
import { type DatabaseOptions, databasePath, existingDatabasePath } from "./options.js";

export interface SourcesOptions extends DatabaseOptions {
  json?: boolean;
}

export async function runSources(options: SourcesOptions, output: Output): Promise<number> {
  const sources = await withDatabase(databasePath(options), listImportedSources, "read");
  if (options.json) printJson(output, sources.map(toJson));
  else output.out(renderImportedSources(sources, output.colour, output.width));
  return 0;
}

function toJson(s: ImportedSource) {
  return {
    id: s.id,
    path: s.path,
    kind: s.kind,
    format: s.description,
    rows: s.rows,
    imported: s.imported,
    skipped: s.skipped,
    writtenAt: s.writtenAt,
    importedAt: s.importedAt,
    replacedBy: s.replacedBy,
    closedInvitations: s.closedInvitations,
    goneConnections: s.goneConnections,
    replacedContacts: s.replacedContacts,
  };
}

export interface SourcesForgetOptions extends DatabaseOptions {
  yes?: boolean;
}

export async function runSourcesForget(
  number: string,
  options: SourcesForgetOptions,
  output: Output,
): Promise<number> {
  const id = Number(number);
  if (!/^\d+$/.test(number.trim()) || !Number.isSafeInteger(id)) {
    throw new UsageError(m().commands.notImportNumber(number), m().commands.sourcesListsImports);
  }
  const path = existingDatabasePath(options);
  const report = await withDatabase(path, (db) =>
    forgetSource(db, id, async (plan) => {
      output.out(renderForgetReport(plan, output.colour, output.width));
      if (options.yes) return;
      if (!output.isInteractive) {
        throw new UsageError(m().commands.forgetNeedsTerminal, m().commands.forgetAddYes);
      }
      if (!(await askYesNo(m().commands.forgetAsk(id), false))) throw new CancelledError();
    }),
  );
  output.err(m().commands.tookBack(report.source.id, printable(report.source.path)));
  return 0;
}
