/**
 * The imported files as a list with what each changed, and taking one back: the file, everything
 * only it brought, and everything that followed from it, in one transaction.
 */
import { INVITES_CONNECTIONS } from "../core/records.js";
import { UsageError } from "../errors.js";
import { m } from "../i18n/index.js";
import type { Db } from "./database.js";
import {
  countContactsOf,
  settleConnectionClosures,
  settleInvitationClosures,
  settleReplacements,
} from "./derived.js";
import { sourcePath } from "./queries.js";

export interface ImportedSource {
  id: number;
  /** The absolute path, an archive entry as `archive › entry`. */
  path: string;
  kind: string;
  description: string;
  rows: number;
  imported: number;
  skipped: number;
  /** When the export or file was written, which decides which export is newer. */
  writtenAt: string;
  importedAt: string;
  /** The later import of the same address book that hides this one's contacts. */
  replacedBy: number | null;
  /** Outgoing invitations this export closed, by no longer listing them. */
  closedInvitations: number;
  /** Connections this export no longer lists. */
  goneConnections: number;
  /** Contacts of older copies that this import hides. */
  replacedContacts: number;
}

export function listImportedSources(db: Db): ImportedSource[] {
  const counts = (sql: string) =>
    new Map(
      db
        .prepare<[], { id: number; n: number }>(sql)
        .all()
        .map((r) => [r.id, r.n]),
    );
  const closed = counts(
    "SELECT closed_source_id AS id, count(*) AS n FROM invitations WHERE closed_source_id IS NOT NULL GROUP BY 1",
  );
  const gone = counts(
    "SELECT gone_source_id AS id, count(*) AS n FROM connections WHERE gone_source_id IS NOT NULL GROUP BY 1",
  );
  const replaced = counts(
    `SELECT s.replaced_by AS id, count(*) AS n FROM contacts c JOIN sources s ON s.id = c.source_id
     WHERE s.replaced_by IS NOT NULL GROUP BY 1`,
  );
  return db
    .prepare<
      [],
      Omit<ImportedSource, "closedInvitations" | "goneConnections" | "replacedContacts">
    >(
      `SELECT id, ${sourcePath("s")} AS path, kind, description, rows, imported, skipped,
              written_at AS writtenAt, imported_at AS importedAt, replaced_by AS replacedBy
       FROM sources s ORDER BY id`,
    )
    .all()
    .map((s) => ({
      ...s,
      closedInvitations: closed.get(s.id) ?? 0,
      goneConnections: gone.get(s.id) ?? 0,
      replacedContacts: replaced.get(s.id) ?? 0,
    }));
}

/** What taking an import back does, measured by doing it inside the transaction. */
export interface ForgetReport {
  source: ImportedSource;
  /** Its own contacts, deleted. */
  contacts: number;
  /** Invitations and connections that no other file lists, deleted. */
  invitations: number;
  connections: number;
  /** Import closures undone, and closures that follow once it no longer lists them. */
  reopenedInvitations: number;
  closedInvitations: number;
  returnedConnections: number;
  goneConnections: number;
  /** Older copies of an address book whose contacts show again. */
  restored: Array<{ id: number; path: string; contacts: number; imported: number }>;
}

/**
 * Takes import `id` back. `confirm` sees what it would do before anything is committed and throws
 * to leave the database as it was. Refused when a record of what was done on the network would
 * go with it: an invitation we withdrew or a connection we removed, or one the journal names, that
 * only this file lists.
 */
export async function forgetSource(
  db: Db,
  id: number,
  confirm: (report: ForgetReport) => Promise<void>,
): Promise<ForgetReport> {
  db.exec("BEGIN IMMEDIATE");
  try {
    const report = takeBack(db, id);
    await confirm(report);
    db.exec("COMMIT");
    return report;
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
}

function takeBack(db: Db, id: number): ForgetReport {
  const source = listImportedSources(db).find((s) => s.id === id);
  if (!source) {
    throw new UsageError(m().store.noImportNumber(id), m().commands.sourcesListsImports);
  }
  refuseToLoseRecords(db, source);
  // Rows, sightings and the source go in whatever order; the references are checked at COMMIT.
  db.pragma("defer_foreign_keys = ON");
  const invitations = dropSightings(db, id, "invitations", "invitation_sightings", "invitation_id");
  const connections = dropSightings(db, id, "connections", "connection_sightings", "connection_id");
  const contacts = db.prepare("DELETE FROM contacts WHERE source_id = ?").run(id).changes;
  db.prepare("DELETE FROM sources WHERE id = ?").run(id);
  const shown = settleReplacements(db).shown;
  const invitationChanges = settleInvitationClosures(db);
  const connectionChanges = settleConnectionClosures(db);
  const restoredSource = db.prepare<[number], { id: number; path: string; imported: number }>(
    `SELECT id, ${sourcePath("s")} AS path, imported FROM sources s WHERE id = ?`,
  );
  const restored = [...shown]
    .sort((a, b) => a - b)
    .flatMap((shownId) => {
      const s = restoredSource.get(shownId);
      return s ? [{ ...s, contacts: countContactsOf(db, [s.id]) }] : [];
    });
  return {
    source,
    contacts,
    invitations,
    connections,
    reopenedInvitations: invitationChanges.reopened.length,
    closedInvitations: invitationChanges.closed.length,
    returnedConnections: connectionChanges.reopened.length,
    goneConnections: connectionChanges.closed.length,
    restored,
  };
}

/** Rows that only source `id` lists: SQL on `table` aliased `t`. */
const onlyListedBy = (sightings: string, column: string) => `
  t.id IN (SELECT ${column} FROM ${sightings} WHERE source_id = @id)
  AND NOT EXISTS (SELECT 1 FROM ${sightings} g WHERE g.${column} = t.id AND g.source_id <> @id)`;

function refuseToLoseRecords(db: Db, source: ImportedSource): void {
  const count = (sql: string) =>
    db.prepare<{ id: number }, { n: number }>(sql).get({ id: source.id })?.n ?? 0;
  const withdrawn = count(
    `SELECT count(*) AS n FROM invitations t
     WHERE ${onlyListedBy("invitation_sightings", "invitation_id")}
       AND (t.withdrawn_at IS NOT NULL OR EXISTS (SELECT 1 FROM journal j WHERE j.invitation_id = t.id))`,
  );
  const removed = count(
    `SELECT count(*) AS n FROM connections t
     WHERE ${onlyListedBy("connection_sightings", "connection_id")}
       AND (t.removed_at IS NOT NULL OR EXISTS (SELECT 1 FROM journal j WHERE j.connection_id = t.id))`,
  );
  if (withdrawn + removed === 0) return;
  throw new UsageError(
    m().store.wouldLoseRecords(source.id, source.path, withdrawn, removed),
    m().store.historyShowsRuns,
  );
}

/**
 * Removes what source `id` listed: rows no other file lists are deleted, the others take their
 * first and last file and their last sighting from the files that remain. Returns the deleted.
 */
function dropSightings(
  db: Db,
  id: number,
  table: "invitations" | "connections",
  sightings: string,
  column: string,
): number {
  const others = `FROM ${sightings} g WHERE g.${column} = t.id AND g.source_id <> @id`;
  db.prepare(
    `UPDATE ${table} AS t SET
       source_id = (SELECT min(g.source_id) ${others}),
       seen_source_id = (SELECT max(g.source_id) ${others}),
       last_seen_at = coalesce(
         (SELECT max(s.written_at) FROM ${sightings} g JOIN sources s ON s.id = g.source_id
          WHERE g.${column} = t.id AND g.source_id <> @id AND s.kind <> '${INVITES_CONNECTIONS}'),
         '')
     WHERE t.id IN (SELECT ${column} FROM ${sightings} WHERE source_id = @id)
       AND EXISTS (SELECT 1 ${others})`,
  ).run({ id });
  const deleted = db
    .prepare(`DELETE FROM ${table} AS t WHERE ${onlyListedBy(sightings, column)}`)
    .run({ id }).changes;
  db.prepare(`DELETE FROM ${sightings} WHERE source_id = @id`).run({ id });
  return deleted;
}
