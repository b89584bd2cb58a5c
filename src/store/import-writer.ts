/** The statements an import runs, prepared once per import. */
import type { ConnectionRecord, ContactRecord, InvitationRecord } from "../core/records.js";
import type { TableInfo } from "../formats/inputs.js";
import type { Db } from "./database.js";

/** A source as stored: its table's info, with the dates decided. */
export type SourceRow = Omit<TableInfo, "writtenAt"> & { writtenAt: string; importedAt: string };

/** New to the database, known from an earlier file, or a repeat of a row of this same file. */
export type WriteOutcome = "new" | "known" | "duplicate";

export class ImportWriter {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      importedAtByHash: db.prepare<[string], { imported_at: string }>(
        "SELECT imported_at FROM sources WHERE sha256 = ?",
      ),
      insertSource: db.prepare(
        `INSERT INTO sources (label, path, entry, kind, description, encoding, sha256, written_at,
           imported_at, rows, imported, skipped)
         VALUES (@label, @path, @entry, @kind, @description, @encoding, @sha256, @writtenAt,
           @importedAt, 0, 0, 0)`,
      ),
      finishSource: db.prepare(
        "UPDATE sources SET rows = @rows, imported = @imported, skipped = @skipped WHERE id = @id",
      ),
      insertContact: db.prepare(
        `INSERT INTO contacts (source_id, line, display_name, first_name, last_name, company, title,
           emails, phones, name_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertInvitation: db.prepare(
        `INSERT INTO invitations (identity, direction, inviter_name, invitee_name, inviter_url,
           invitee_url, invitee_email, peer_slug, peer_name_key, sent_at, message, source_id,
           seen_source_id, last_seen_at)
         VALUES (@identity, @direction, @inviterName, @inviteeName, @inviterUrl, @inviteeUrl,
           @inviteeEmail, @peerSlug, @peerNameKey, @sentAt, @message, @sourceId, @sourceId, @seenAt)
         ON CONFLICT (identity) DO NOTHING`,
      ),
      refreshInvitation: db.prepare(
        `UPDATE invitations SET
           last_seen_at = max(last_seen_at, @seenAt),
           message = coalesce(@message, message),
           inviter_url = coalesce(@inviterUrl, inviter_url),
           invitee_url = coalesce(@inviteeUrl, invitee_url),
           seen_source_id = @sourceId
         WHERE identity = @identity AND seen_source_id <> @sourceId`,
      ),
      insertConnection: db.prepare(
        `INSERT INTO connections (identity, first_name, last_name, url, slug, email, company, position,
           connected_on, name_key, source_id, seen_source_id, last_seen_at)
         VALUES (@identity, @firstName, @lastName, @url, @slug, @email, @company, @position,
           @connectedOn, @nameKey, @sourceId, @sourceId, @seenAt)
         ON CONFLICT (identity) DO NOTHING`,
      ),
      refreshConnection: db.prepare(
        `UPDATE connections SET
           last_seen_at = max(last_seen_at, @seenAt),
           email = coalesce(@email, email),
           company = @company,
           position = @position,
           seen_source_id = @sourceId
         WHERE identity = @identity AND seen_source_id <> @sourceId`,
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
    const params = {
      identity: r.identity,
      direction: r.direction,
      inviterName: r.fromName,
      inviteeName: r.toName,
      inviterUrl: r.inviterUrl,
      inviteeUrl: r.inviteeUrl,
      inviteeEmail: r.inviteeEmail,
      peerSlug: r.peerSlug,
      peerNameKey: r.peerNameKey,
      sentAt: r.sentAt,
      message: r.message,
      sourceId,
      seenAt,
    };
    if (this.s.insertInvitation.run(params).changes === 1) return "new";
    return this.s.refreshInvitation.run(params).changes === 1 ? "known" : "duplicate";
  }

  writeConnection(sourceId: number, seenAt: string, r: ConnectionRecord): WriteOutcome {
    const params = {
      identity: r.identity,
      firstName: r.firstName,
      lastName: r.lastName,
      url: r.url,
      slug: r.slug,
      email: r.email,
      company: r.company,
      position: r.position,
      connectedOn: r.connectedOn,
      nameKey: r.nameKey,
      sourceId,
      seenAt,
    };
    if (this.s.insertConnection.run(params).changes === 1) return "new";
    return this.s.refreshConnection.run(params).changes === 1 ? "known" : "duplicate";
  }

  /**
   * Outgoing invitations that the newest Invitations.csv no longer lists were answered, ignored
   * into expiry or withdrawn on the web page: they are closed as of that export. One that a newer
   * export lists again is open again. Returns how many were closed now.
   */
  settleInvitations(): number {
    return this.settle(
      "linkedin-invitations",
      "invitations",
      "closed_at",
      "direction = 'OUTGOING' AND withdrawn_at IS NULL AND sent_at <= @newest",
    );
  }

  /** Connections that the newest Connections.csv no longer lists are gone as of that export. */
  settleConnections(): number {
    return this.settle(
      "linkedin-connections",
      "connections",
      "gone_at",
      "removed_at IS NULL AND (connected_on IS NULL OR connected_on <= substr(@newest, 1, 10))",
    );
  }

  /** Marks rows that the newest export of `kind` no longer lists, and clears rows it lists again. */
  private settle(kind: string, table: string, mark: string, applies: string): number {
    const newest = this.db
      .prepare<[string], { at: string | null }>(
        "SELECT max(written_at) AS at FROM sources WHERE kind = ?",
      )
      .get(kind)?.at;
    if (!newest) return 0;
    this.db
      .prepare(
        `UPDATE ${table} SET ${mark} = NULL WHERE ${mark} IS NOT NULL AND last_seen_at >= ${mark}`,
      )
      .run();
    return this.db
      .prepare(
        `UPDATE ${table} SET ${mark} = @newest
         WHERE ${mark} IS NULL AND last_seen_at < @newest AND ${applies}`,
      )
      .run({ newest }).changes;
  }

  /**
   * A newer import of the same address-book file replaces the contacts of the older one, and the
   * newest LinkedIn list of uploaded contacts replaces older lists. Returns the contacts removed.
   */
  replaceOlderContacts(sourceId: number, source: SourceRow): number {
    const linkedIn = LINKEDIN_CONTACT_KINDS.includes(source.kind);
    const others = this.db
      .prepare<
        [number],
        { id: number; path: string; entry: string | null; kind: string; written_at: string }
      >(
        "SELECT id, path, entry, kind, written_at FROM sources WHERE id <> ? AND replaced_by IS NULL",
      )
      .all(sourceId);
    let removed = 0;
    for (const other of others) {
      if (linkedIn && other.kind === source.kind) {
        // Of two lists of uploaded contacts, the one from the newer export stands.
        const [older, newer] =
          other.written_at <= source.writtenAt ? [other.id, sourceId] : [sourceId, other.id];
        removed += this.retireContacts(older, newer);
        if (older === sourceId) break;
      } else if (
        !linkedIn &&
        other.path === source.path &&
        other.entry === source.entry &&
        !LINKEDIN_CONTACT_KINDS.includes(other.kind) &&
        other.kind !== "linkedin-invitations" &&
        other.kind !== "linkedin-connections"
      ) {
        removed += this.retireContacts(other.id, sourceId);
      }
    }
    return removed;
  }

  private retireContacts(sourceId: number, replacedBy: number): number {
    this.db.prepare("UPDATE sources SET replaced_by = ? WHERE id = ?").run(replacedBy, sourceId);
    return this.db.prepare("DELETE FROM contacts WHERE source_id = ?").run(sourceId).changes;
  }
}

const LINKEDIN_CONTACT_KINDS = ["linkedin-imported-contacts", "linkedin-contacts"];
