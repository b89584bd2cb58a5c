/** The statements an import runs, prepared once per import. */
import type { ConnectionRecord, ContactRecord, InvitationRecord } from "../core/records.js";
import type { TableInfo } from "../formats/inputs.js";
import type { Db } from "./database.js";
import type { NetworkTable } from "./same-person.js";

/** A source as stored: its table's info, with the dates decided. */
export type SourceRow = Omit<TableInfo, "writtenAt"> & { writtenAt: string; importedAt: string };

/** New to the database, known from an earlier file, or a repeat of a row of this same file. */
export type WriteOutcome = "new" | "known" | "duplicate";

export class ImportWriter {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      importedAtByHash: db.prepare<[string], { imported_at: string }>(
        "SELECT imported_at FROM sources WHERE sha256 = ?",
      ),
      insertSource: db.prepare(
        `INSERT INTO sources (id, label, path, entry, kind, description, encoding, sha256,
           written_at, imported_at, rows, imported, skipped)
         VALUES ((SELECT last + 1 FROM numbers WHERE of = 'sources'), @label, @path, @entry, @kind,
           @description, @encoding, @sha256, @writtenAt, @importedAt, 0, 0, 0)`,
      ),
      finishSource: db.prepare(
        "UPDATE sources SET rows = @rows, imported = @imported, skipped = @skipped WHERE id = @id",
      ),
      insertContact: db.prepare(
        `INSERT INTO contacts (source_id, line, display_name, first_name, last_name, company, title,
           emails, phones, name_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      // Positional parameters: named ones bind measurably slower, and an export's rows cost one
      // insert each. A row an earlier file listed fails the insert and is refreshed instead
      // (an upsert with RETURNING, one statement for both, makes the common new row slower).
      insertInvitation: db.prepare(
        `INSERT INTO invitations (identity, direction, inviter_name, invitee_name, inviter_url,
           invitee_url, invitee_email, peer_slug, peer_name_key, sent_at, message, source_id,
           seen_source_id, last_seen_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (identity) DO NOTHING`,
      ),
      refreshInvitation: db.prepare(
        `UPDATE invitations SET
           last_seen_at = max(last_seen_at, ?),
           message = coalesce(?, message),
           inviter_url = coalesce(?, inviter_url),
           invitee_url = coalesce(?, invitee_url),
           seen_source_id = ?
         WHERE identity = ? AND seen_source_id <> ?`,
      ),
      insertConnection: db.prepare(
        `INSERT INTO connections (identity, first_name, last_name, url, slug, email, company, position,
           connected_on, name_key, source_id, seen_source_id, last_seen_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (identity) DO NOTHING`,
      ),
      // An older file imported after a newer one leaves the newer company and position.
      refreshConnection: db.prepare(
        `UPDATE connections SET
           last_seen_at = max(last_seen_at, ?),
           email = coalesce(?, email),
           company = CASE WHEN ? >= last_seen_at THEN ? ELSE company END,
           position = CASE WHEN ? >= last_seen_at THEN ? ELSE position END,
           seen_source_id = ?
         WHERE identity = ? AND seen_source_id <> ?`,
      ),
      // One statement a file rather than one a row: an export's rows cost one insert each already.
      sightInvitations: db.prepare(
        `INSERT INTO invitation_sightings (invitation_id, source_id)
         SELECT id, @sourceId FROM invitations WHERE seen_source_id = @sourceId`,
      ),
      sightConnections: db.prepare(
        `INSERT INTO connection_sightings (connection_id, source_id)
         SELECT id, @sourceId FROM connections WHERE seen_source_id = @sourceId`,
      ),
    };
  }

  /** When content with this hash was imported, if it was. */
  findImportedAt(sha256: string): string | undefined {
    return this.s.importedAtByHash.get(sha256)?.imported_at;
  }

  insertSource(row: SourceRow): number {
    return Number(this.s.insertSource.run(row).lastInsertRowid);
  }

  finishSource(id: number, counts: { rows: number; imported: number; skipped: number }): void {
    this.s.finishSource.run({ id, ...counts });
  }

  writeContact(sourceId: number, r: ContactRecord): void {
    this.s.insertContact.run(
      sourceId,
      r.line,
      r.displayName,
      r.firstName,
      r.lastName,
      r.company,
      r.title,
      JSON.stringify(r.emails),
      JSON.stringify(r.phones),
      r.nameKey,
    );
  }

  writeInvitation(sourceId: number, seenAt: string, r: InvitationRecord): WriteOutcome {
    const inserted = this.s.insertInvitation.run(
      r.identity,
      r.direction,
      r.fromName,
      r.toName,
      r.inviterUrl,
      r.inviteeUrl,
      r.inviteeEmail,
      r.peerSlug,
      r.peerNameKey,
      r.sentAt,
      r.message,
      sourceId,
      sourceId,
      seenAt,
    );
    if (inserted.changes === 1) return "new";
    const refreshed = this.s.refreshInvitation.run(
      seenAt,
      r.message,
      r.inviterUrl,
      r.inviteeUrl,
      sourceId,
      r.identity,
      sourceId,
    );
    return refreshed.changes === 1 ? "known" : "duplicate";
  }

  writeConnection(sourceId: number, seenAt: string, r: ConnectionRecord): WriteOutcome {
    const inserted = this.s.insertConnection.run(
      r.identity,
      r.firstName,
      r.lastName,
      r.url,
      r.slug,
      r.email,
      r.company,
      r.position,
      r.connectedOn,
      r.nameKey,
      sourceId,
      sourceId,
      seenAt,
    );
    if (inserted.changes === 1) return "new";
    const refreshed = this.s.refreshConnection.run(
      seenAt,
      r.email,
      seenAt,
      r.company,
      seenAt,
      r.position,
      sourceId,
      r.identity,
      sourceId,
    );
    return refreshed.changes === 1 ? "known" : "duplicate";
  }

  /** Records which rows this file listed: every row it wrote carries its id in seen_source_id. */
  recordSightings(sourceId: number, table: NetworkTable): void {
    if (table === "invitations") this.s.sightInvitations.run({ sourceId });
    else this.s.sightConnections.run({ sourceId });
  }
}
