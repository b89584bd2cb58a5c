/**
 * The import engine: every table of the named paths into the database, in one transaction, so
 * that a bad file the user named, an unreadable file or a damaged archive leaves the database
 * exactly as it was. A bad table inside a folder or archive is refused on its own (see
 * RefusedTableError): what it wrote is rolled back to its savepoint, the other tables stay.
 */
import { type InputTable, RefusedTableError } from "../formats/inputs.js";
import { readInputsInWorker } from "../formats/worker-inputs.js";
import type { Db } from "./database.js";
import { ImportWriter, type SourceRow, type WriteOutcome } from "./import-writer.js";

export interface FileReport {
  label: string;
  kind: string;
  description: string;
  encoding: string;
  /** When the code page was a close call: the others almost as likely. */
  alsoLikely: string[];
  /** `imported`, or `unchanged` when the same content was imported before. */
  outcome: "imported" | "unchanged";
  /** When the same content was imported before. */
  previouslyImportedAt?: string;
  rows: number;
  imported: number;
  /** Of the imported rows, how many were not in the database before. */
  added: number;
  skipped: number;
  skipReasons: Record<string, number>;
  /** Values in email columns that are not addresses (Exchange X.500 strings, labels). */
  droppedValues: { x500: number; notEmail: number };
  /** Outgoing invitations a newer export no longer lists, closed by this import. */
  closedInvitations: number;
  /** Connections a newer export no longer lists. */
  goneConnections: number;
  /** Contacts of an older copy of the same address book, replaced by this one. */
  replacedContacts: number;
}

/** A table inside a folder or archive that was not imported because of what is in it. */
export interface RefusedFile {
  label: string;
  kind: string;
  description: string;
  line: number | null;
  /** What is wrong and what was expected, without the location. */
  problem: string;
}

export interface ImportReport {
  files: FileReport[];
  refused: RefusedFile[];
  passedOver: Array<{ label: string; reason: string }>;
}

export interface ImportEngineOptions {
  /** The moment recorded as the import time. */
  now: Date;
  /** `--encoding`: read every file without a byte-order mark in this encoding. */
  encoding?: string | null;
}

export async function importPaths(
  db: Db,
  paths: readonly string[],
  options: ImportEngineOptions,
): Promise<ImportReport> {
  const writer = new ImportWriter(db);
  const report: ImportReport = { files: [], refused: [], passedOver: [] };
  // One transaction for the whole import: a 64 MiB page cache keeps it from spilling to the WAL.
  db.pragma("cache_size = -65536");
  db.exec("BEGIN IMMEDIATE");
  try {
    for await (const item of readInputsInWorker(paths, { encoding: options.encoding ?? null })) {
      if ("passedOver" in item) {
        report.passedOver.push({ label: item.label, reason: item.reason });
        continue;
      }
      db.exec("SAVEPOINT input_table");
      try {
        report.files.push(await importTable(writer, item, options.now));
      } catch (error) {
        if (!(error instanceof RefusedTableError)) throw error;
        db.exec("ROLLBACK TO input_table");
        report.refused.push({
          label: item.info.label,
          kind: item.info.kind,
          description: item.info.description,
          line: error.location.line ?? null,
          problem: error.problem,
        });
      }
      db.exec("RELEASE input_table");
    }
    db.exec("COMMIT");
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
  return report;
}

async function importTable(
  writer: ImportWriter,
  table: InputTable,
  now: Date,
): Promise<FileReport> {
  const { info } = table;
  const file: FileReport = {
    label: info.label,
    kind: info.kind,
    description: info.description,
    encoding: info.encoding,
    alsoLikely: info.alsoLikely,
    outcome: "imported",
    rows: 0,
    imported: 0,
    added: 0,
    skipped: 0,
    skipReasons: {},
    droppedValues: { x500: 0, notEmail: 0 },
    closedInvitations: 0,
    goneConnections: 0,
    replacedContacts: 0,
  };
  const importedAt = writer.findImportedAt(info.sha256);
  if (importedAt) {
    table.discard();
    file.outcome = "unchanged";
    file.previouslyImportedAt = importedAt;
    return file;
  }
  const source: SourceRow = {
    ...info,
    writtenAt: info.writtenAt ?? now.toISOString(),
    importedAt: now.toISOString(),
  };
  const sourceId = writer.insertSource(source);
  const skip = (reason: string) => {
    file.skipped++;
    file.skipReasons[reason] = (file.skipReasons[reason] ?? 0) + 1;
  };
  // Duplicates within the file are told apart by the database, so memory does not grow with rows.
  const count = (outcome: WriteOutcome) => {
    if (outcome === "duplicate") return skip("duplicate row");
    file.imported++;
    if (outcome === "new") file.added++;
  };
  for await (const batch of table.batches()) {
    for (const record of batch) {
      file.rows++;
      switch (record.type) {
        case "skip":
          skip(record.reason);
          break;
        case "contact":
          writer.writeContact(sourceId, record);
          file.imported++;
          file.added++;
          file.droppedValues.x500 += record.dropped.x500;
          file.droppedValues.notEmail += record.dropped.notEmail;
          break;
        case "invitation":
          count(writer.writeInvitation(sourceId, source.writtenAt, record));
          break;
        case "connection":
          count(writer.writeConnection(sourceId, source.writtenAt, record));
          break;
      }
    }
  }
  writer.finishSource(sourceId, {
    rows: file.rows,
    imported: file.imported,
    skipped: file.skipped,
  });
  if (info.kind === "linkedin-invitations") file.closedInvitations = writer.settleInvitations();
  if (info.kind === "linkedin-connections") file.goneConnections = writer.settleConnections();
  if (info.kind !== "linkedin-invitations" && info.kind !== "linkedin-connections") {
    file.replacedContacts = writer.replaceOlderContacts(sourceId, source);
  }
  return file;
}
