/**
 * The import engine: every table of the named paths into the database, in one transaction, so
 * that a bad file the user named, an unreadable file or a damaged archive leaves the database
 * exactly as it was. A bad table inside a folder or archive is refused on its own (see
 * RefusedTableError): what it wrote is rolled back to its savepoint, the other tables stay.
 */
import {
  type ClosureShare,
  isMassClosure,
  MASS_CLOSURE_MIN,
  pendingClosedShare,
} from "../core/closures.js";
import {
  type ContactRecord,
  DUPLICATE_CONTACT,
  INVITES_CONNECTIONS,
  type SkipReason,
} from "../core/records.js";
import { indexConnections, invitationState } from "../core/states.js";
import { InputError } from "../errors.js";
import { type InputTable, RefusedTableError } from "../formats/inputs.js";
import { readInputsInWorker } from "../formats/worker-inputs.js";
import { m } from "../i18n/index.js";
import type { Db } from "./database.js";
import {
  countActiveConnectionsBefore,
  countContactsOf,
  settleConnectionClosures,
  settleInvitationClosures,
  settleReplacements,
} from "./derived.js";
import { ImportWriter, type SourceRow, type WriteOutcome } from "./import-writer.js";
import { outgoingInvitations, readConnectionKeys } from "./queries.js";
import { lastRowId, mergeAcrossFormats } from "./same-person.js";

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
  /** That was another file of this same import (named twice, or a copy beside it). */
  sameImport?: boolean;
  rows: number;
  imported: number;
  /** Of the imported rows, how many were not in the database before. */
  added: number;
  skipped: number;
  /** How many rows each reason skipped; `--json` prints it as it is. */
  skipReasons: Partial<Record<SkipReason, number>>;
  /** Values in email columns that are not addresses (Exchange X.500 strings, labels). */
  droppedValues: { x500: number; notEmail: number };
  /** Outgoing invitations a newer export no longer lists, closed by this import. */
  closedInvitations: number;
  /** Of those, how many are accepted or expired once the whole import is in (states.ts). */
  closedAs: { accepted: number; expired: number };
  /** Connections a newer export no longer lists. */
  goneConnections: number;
  /** Contacts of older copies of the same address book, hidden (not deleted) by this one. */
  replacedContacts: number;
  /** Rows taken as the same people as stored rows of the other export format (same-person.ts). */
  sameAsOtherFormat: number;
  /** A LinkedIn table dated by its file's modification time (TableInfo.datedByFile): that time. */
  datedByFile: string | null;
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

/** A file whose import would close more than half of what is open (core/closures.ts). */
export interface MassClosure extends ClosureShare {
  label: string;
  /** Pending invitations, or active connections. */
  noun: "invitations" | "connections";
}

export interface ImportEngineOptions {
  /** The moment recorded as the import time. */
  now: Date;
  /**
   * Called before the import is committed when files in it would close more than half of what is
   * open; it throws to take the whole import back. Without it such an import goes ahead.
   */
  confirmMassClosures?: (closures: MassClosure[]) => Promise<void>;
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
  const massClosures: MassClosure[] = [];
  const closures: Closures[] = [];
  const passedOver = new Set<string>();
  // One transaction for the whole import, with a 32 MiB page cache: 64 MiB kept the pages of
  // 100,000 invitations from spilling to the WAL before the commit, but measured no faster and
  // took up to 37 MiB more memory at its peak (260 against 223 MiB at 1,000,000 invitations).
  db.pragma("cache_size = -32768");
  db.exec("BEGIN IMMEDIATE");
  try {
    for await (const item of readInputsInWorker(paths, { encoding: options.encoding ?? null })) {
      if ("passedOver" in item) {
        // The same archive named twice passes its other files over twice: they are told once.
        if (!passedOver.has(item.label)) {
          passedOver.add(item.label);
          report.passedOver.push({ label: item.label, reason: item.reason });
        }
        continue;
      }
      db.exec("SAVEPOINT input_table");
      const closuresBefore = massClosures.length;
      const closedBefore = closures.length;
      try {
        report.files.push(
          await importTable(db, writer, item, options.now, { massClosures, closures }),
        );
      } catch (error) {
        if (!(error instanceof RefusedTableError)) throw error;
        db.exec("ROLLBACK TO input_table");
        // What the refused table would have closed is rolled back with it.
        massClosures.length = closuresBefore;
        closures.length = closedBefore;
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
    const [refused] = report.refused;
    if (report.files.length === 0) {
      if (refused === undefined) throw nothingToImport(paths, report.passedOver);
      // Committing would leave a database behind (a new one too) for an import of nothing.
      throw new NothingImportedError(report, refused);
    }
    if (closures.length > 0) tellClosures(db, closures, options.now);
    if (massClosures.length > 0) await options.confirmMassClosures?.(massClosures);
    db.exec("COMMIT");
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
  return report;
}

/**
 * Every table found was refused, so the import was taken back as a whole: a database created for
 * it is removed again. The command reports the refused tables as it does beside imported ones.
 */
export class NothingImportedError extends InputError {
  constructor(
    readonly report: ImportReport,
    first: RefusedFile,
  ) {
    super(
      first.line === null ? { file: first.label } : { file: first.label, line: first.line },
      first.problem,
      "nothing-imported",
    );
  }
}

/**
 * Named files that are not importable fail on their own (formats/inputs.ts); what is left to
 * end here are folders with no table in them, which must not look like a successful import.
 */
function nothingToImport(paths: readonly string[], passedOver: ImportReport["passedOver"]) {
  const names = passedOver.slice(0, 3).map((p) => p.label.replace(/^.*[/\\]/, ""));
  return new InputError(
    { file: paths.join(", ") },
    m().store.nothingToImport(paths.length, names, passedOver.length - names.length),
    "nothing-to-import",
  );
}

/** Exact duplicates: the same name as written, emails, phones, company and title. */
function isFirstSighting(seen: Set<string>, c: ContactRecord): boolean {
  const key = JSON.stringify([c.displayName, c.emails, c.phones, c.company, c.title]);
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** The invitations an Invitations.csv closed, and its report. */
interface Closures {
  file: FileReport;
  ids: number[];
}

/**
 * How many of each file's closures are accepted or expired: known only once the whole import is
 * in, as the Connections.csv beside an Invitations.csv comes after it.
 */
function tellClosures(db: Db, closures: readonly Closures[], now: Date): void {
  const fileOf = new Map<number, FileReport>();
  for (const { file, ids } of closures) for (const id of ids) fileOf.set(id, file);
  const connections = indexConnections(readConnectionKeys(db));
  for (const inv of outgoingInvitations(db, "AND closed_at IS NOT NULL")) {
    const file = fileOf.get(inv.id);
    if (file === undefined) continue;
    const state = invitationState(inv, connections, now);
    if (state === "accepted" || state === "expired") file.closedAs[state]++;
  }
}

async function importTable(
  db: Db,
  writer: ImportWriter,
  table: InputTable,
  now: Date,
  found: { massClosures: MassClosure[]; closures: Closures[] },
): Promise<FileReport> {
  const { massClosures } = found;
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
    closedAs: { accepted: 0, expired: 0 },
    goneConnections: 0,
    replacedContacts: 0,
    sameAsOtherFormat: 0,
    datedByFile: null,
  };
  const importedAt = writer.findImportedAt(info.sha256);
  if (importedAt) {
    table.discard();
    file.outcome = "unchanged";
    file.previouslyImportedAt = importedAt;
    if (importedAt === now.toISOString()) file.sameImport = true;
    return file;
  }
  const source: SourceRow = {
    ...info,
    writtenAt: info.writtenAt ?? now.toISOString(),
    importedAt: now.toISOString(),
  };
  const sourceId = writer.insertSource(source);
  const skip = (reason: SkipReason) => {
    file.skipped++;
    file.skipReasons[reason] = (file.skipReasons[reason] ?? 0) + 1;
  };
  // Duplicates within the file are told apart by the database, so memory does not grow with rows.
  const count = (outcome: WriteOutcome) => {
    if (outcome === "duplicate") return skip("duplicate row");
    file.imported++;
    if (outcome === "new") file.added++;
  };
  // A phone book synced several times repeats every contact; address books are small enough
  // (thousands, not the millions an export can hold) to tell repeats apart in memory.
  const contactsSeen = new Set<string>();
  const network =
    info.kind === "linkedin-invitations"
      ? "invitations"
      : info.kind === "linkedin-connections" || info.kind === INVITES_CONNECTIONS
        ? "connections"
        : null;
  // A file invites wrote sees nothing as of its day (records.ts INVITES_CONNECTIONS): a row
  // only it lists is closed by the first export that leaves it out.
  const seenAt = info.kind === INVITES_CONNECTIONS ? "" : source.writtenAt;
  // Which of two exports is newer goes by this date: a copied or unpacked file's is a guess.
  if (info.datedByFile && seenAt !== "" && network !== null) file.datedByFile = seenAt;
  const lastIdBefore = network === null ? 0 : lastRowId(db, network);
  for await (const batch of table.batches()) {
    for (const record of batch) {
      file.rows++;
      switch (record.type) {
        case "skip":
          skip(record.reason);
          break;
        case "contact":
          if (!isFirstSighting(contactsSeen, record)) {
            skip(DUPLICATE_CONTACT);
            break;
          }
          writer.writeContact(sourceId, record);
          file.imported++;
          file.added++;
          file.droppedValues.x500 += record.dropped.x500;
          file.droppedValues.notEmail += record.dropped.notEmail;
          break;
        case "invitation":
          count(writer.writeInvitation(sourceId, seenAt, record));
          break;
        case "connection":
          count(writer.writeConnection(sourceId, seenAt, record));
          break;
      }
    }
  }
  if (network !== null) {
    file.sameAsOtherFormat = mergeAcrossFormats(db, network, sourceId, lastIdBefore);
    file.added -= file.sameAsOtherFormat;
  }
  writer.finishSource(sourceId, {
    rows: file.rows,
    imported: file.imported,
    skipped: file.skipped,
  });
  if (network !== null) writer.recordSightings(sourceId, network);
  if (info.kind === "linkedin-invitations") {
    const changes = settleInvitationClosures(db);
    file.closedInvitations = changes.closed.length;
    if (changes.closed.length > 0) found.closures.push({ file, ids: changes.closed });
    // Reading every invitation is only worth it when the closures could be a mass closure.
    if (changes.closed.length >= MASS_CLOSURE_MIN) {
      // Open before the import: what this file brings for the first time (source_id) was not.
      const share = pendingClosedShare(
        outgoingInvitations(db, `AND source_id <> ${Number(sourceId)}`),
        { closed: new Set(changes.closed), reopened: new Set(changes.reopened) },
        indexConnections(readConnectionKeys(db)),
        now,
      );
      if (isMassClosure(share))
        massClosures.push({ label: info.label, noun: "invitations", ...share });
    }
  } else if (info.kind === "linkedin-connections") {
    const changes = settleConnectionClosures(db);
    file.goneConnections = changes.closed.length;
    const share = {
      closing: changes.closed.length,
      // Open before the import: what this file brings for the first time was not.
      open:
        countActiveConnectionsBefore(db, sourceId) +
        changes.closed.length -
        changes.reopened.length,
    };
    if (isMassClosure(share))
      massClosures.push({ label: info.label, noun: "connections", ...share });
  } else if (info.kind !== INVITES_CONNECTIONS) {
    file.replacedContacts = countContactsOf(db, settleReplacements(db).hidden);
  }
  return file;
}
