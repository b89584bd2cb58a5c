/**
 * The import engine: every table of the named paths into the database, in one transaction, so
 * that a bad file anywhere leaves the database exactly as it was.
 */
import { toNameKey, toProfileSlug } from "../core/identity.js";
import type { ConnectionRecord } from "../core/records.js";
import { type InputTable, type PassedOver, readInputs } from "../formats/inputs.js";
import type { Db } from "./database.js";
import { ImportWriter, invitationIdentity, type SourceRow } from "./import-writer.js";

export interface FileReport {
  label: string;
  kind: string;
  description: string;
  encoding: string;
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

export interface ImportReport {
  files: FileReport[];
  passedOver: Array<{ label: string; reason: string }>;
}

export interface ImportOptions {
  now: Date;
  /** Called after each table, for progress output. */
  onFile?: (file: FileReport) => void;
}

export async function importPaths(
  db: Db,
  paths: readonly string[],
  options: ImportOptions,
): Promise<ImportReport> {
  const writer = new ImportWriter(db);
  const report: ImportReport = { files: [], passedOver: [] };
  db.exec("BEGIN IMMEDIATE");
  try {
    for await (const item of readInputs(paths)) {
      if ("passedOver" in item) {
        report.passedOver.push(passed(item));
        continue;
      }
      const file = await importTable(writer, item, options.now);
      report.files.push(file);
      options.onFile?.(file);
    }
    db.exec("COMMIT");
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
  return report;
}

function passed(item: PassedOver): { label: string; reason: string } {
  return { label: item.label, reason: item.reason };
}

async function importTable(
  writer: ImportWriter,
  table: InputTable,
  now: Date,
): Promise<FileReport> {
  const file: FileReport = {
    label: table.source.label,
    kind: table.kind,
    description: table.description,
    encoding: table.encoding,
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
  const before = writer.findSourceByHash(table.inspection.sha256);
  if (before) {
    file.outcome = "unchanged";
    file.previouslyImportedAt = before.importedAt;
    return file;
  }
  const source: SourceRow = {
    label: table.source.label,
    path: table.source.path,
    entry: table.source.entry,
    kind: table.kind,
    description: table.description,
    encoding: table.encoding,
    sha256: table.inspection.sha256,
    writtenAt: (table.writtenAt ?? now).toISOString(),
    importedAt: now.toISOString(),
  };
  const sourceId = writer.insertSource(source);
  const seen = new Set<string>();
  const hiddenPerDay = new Map<string, number>();
  const skip = (reason: string) => {
    file.skipped++;
    file.skipReasons[reason] = (file.skipReasons[reason] ?? 0) + 1;
  };
  const count = (identity: string, write: () => "new" | "known") => {
    if (seen.has(identity)) return skip("duplicate row");
    seen.add(identity);
    file.imported++;
    if (write() === "new") file.added++;
  };
  for await (const record of table.records()) {
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
        count(invitationIdentity(record), () =>
          writer.writeInvitation(sourceId, source.writtenAt, record),
        );
        break;
      case "connection": {
        const identity = connectionIdentity(record, hiddenPerDay);
        count(identity, () => writer.writeConnection(sourceId, source.writtenAt, identity, record));
        break;
      }
    }
  }
  writer.finishSource(sourceId, {
    rows: file.rows,
    imported: file.imported,
    skipped: file.skipped,
  });
  if (table.kind === "linkedin-invitations") file.closedInvitations = writer.settleInvitations();
  if (table.kind === "linkedin-connections") file.goneConnections = writer.settleConnections();
  if (table.kind !== "linkedin-invitations" && table.kind !== "linkedin-connections") {
    file.replacedContacts = writer.replaceOlderContacts(sourceId, source);
  }
  return file;
}

/**
 * A connection's key across exports: profile slug, else email, else name and date. Members who
 * hid their profile have only the date; the n-th such row of a day keeps its place across exports.
 */
function connectionIdentity(r: ConnectionRecord, hiddenPerDay: Map<string, number>): string {
  const slug = toProfileSlug(r.url);
  if (slug) return `s:${slug}`;
  if (r.email) return `e:${r.email}`;
  const name = toNameKey(r.firstName, r.lastName);
  if (name) return `n:${name}|${r.connectedOn ?? ""}`;
  const day = r.connectedOn ?? "";
  const n = (hiddenPerDay.get(day) ?? 0) + 1;
  hiddenPerDay.set(day, n);
  return `h:${day}#${n}`;
}
