/** Read-only views of the database for status and listings. */
import type { ConnectionRow } from "../core/connections.js";
import { DAY_MS } from "../core/days.js";
import type { AddressBookIndex, StoredInvitation } from "../core/preview.js";
import { type ConnectionKeys, DEFAULT_RULES, type InvitationState } from "../core/states.js";
import type { Status } from "../core/status.js";
import type { Db } from "./database.js";

/**
 * SQL: the contact is not of an address book that a newer copy replaced. Replaced contacts are
 * kept (derived.ts) but count nowhere.
 */
const SHOWN = "contacts.source_id IN (SELECT id FROM sources WHERE replaced_by IS NULL)";

export interface SourceView {
  id: number;
  path: string;
  kind: string;
  description: string;
  rows: number;
  importedAt: string;
}

/**
 * A request of the journal that may have taken effect: one that a stop's answer (a 429, a
 * challenge) turned away did not, though it stays open until a read settles it.
 */
const asked = (journal = "journal") => `coalesce(${journal}.answer, '') <> 'turned-away'`;

/**
 * The counts `invites status` shows, counted by SQLite: reading 100,000 invitations into
 * JavaScript to count them took most of a second. The states are those of `invitationState`
 * (core/states.ts), in its order and with its truthiness (an empty text counts as none); a test
 * holds the two to the same answers on random data.
 */
export function readStatus(db: Db, asOf: Date): { status: Status; sources: SourceView[] } {
  const states: Record<InvitationState, number> = {
    pending: 0,
    accepted: 0,
    expired: 0,
    withdrawn: 0,
    closed: 0,
  };
  const rows = db
    .prepare<{ expiredUpTo: number }, { state: InvitationState; n: number; asked: number }>(
      `WITH names AS (
         SELECT name_key, count(*) AS n, sum(slug IS NULL OR slug = '') AS unlinked
         FROM connections WHERE name_key <> '' GROUP BY name_key
       )
       SELECT CASE
           WHEN i.withdrawn_at <> '' THEN 'withdrawn'
           WHEN i.peer_slug <> '' AND i.peer_slug IN (SELECT slug FROM connections WHERE slug <> '')
             OR i.invitee_email <> ''
                AND i.invitee_email IN (SELECT email FROM connections WHERE email <> '')
             OR i.peer_name_key <> '' AND (
                  SELECT CASE WHEN i.peer_slug <> '' THEN names.unlinked ELSE names.n END
                  FROM names WHERE names.name_key = i.peer_name_key) = 1
             THEN 'accepted'
           WHEN CAST(round(unixepoch(i.sent_at, 'subsec') * 1000) AS INTEGER) <= @expiredUpTo
             THEN 'expired'
           WHEN coalesce(i.closed_at, i.live_closed_at) <> '' THEN 'closed'
           ELSE 'pending'
         END AS state, count(*) AS n,
         sum(i.id IN (SELECT invitation_id FROM journal
                      WHERE action = 'withdraw' AND outcome IS NULL AND ${asked()})) AS asked
       FROM invitations i WHERE i.direction = 'OUTGOING' GROUP BY state`,
    )
    .all({ expiredUpTo: asOf.getTime() - DEFAULT_RULES.expiryDays * DAY_MS });
  let outgoing = 0;
  // Asked for and not confirmed: of the pending alone (a newer export may have closed one, or
  // it expired since, and then it is no longer waiting for anything).
  let withdrawals = 0;
  for (const { state, n, asked } of rows) {
    states[state] = n;
    outgoing += n;
    if (state === "pending") withdrawals = asked;
  }
  const counts = db
    .prepare<
      [],
      {
        incoming: number;
        connections: number;
        removed: number;
        gone: number;
        removals: number;
      } & Status["contacts"]
    >(
      `SELECT
         (SELECT count(*) FROM invitations WHERE direction = 'INCOMING') AS incoming,
         (SELECT count(*) FROM connections) AS connections,
         (SELECT count(*) FROM connections WHERE removed_at IS NOT NULL) AS removed,
         (SELECT count(*) FROM connections
          WHERE removed_at IS NULL AND coalesce(gone_at, live_gone_at) IS NOT NULL) AS gone,
         (SELECT count(DISTINCT j.connection_id) FROM journal j
          JOIN connections c ON c.id = j.connection_id
          WHERE j.action = 'remove' AND j.outcome IS NULL AND ${asked("j")}
            AND c.removed_at IS NULL
            AND coalesce(c.gone_at, c.live_gone_at) IS NULL) AS removals,
         (SELECT count(*) FROM contacts WHERE ${SHOWN}) AS total,
         (SELECT count(*) FROM contacts WHERE ${SHOWN} AND emails <> '[]') AS withEmail,
         (SELECT count(DISTINCT e.value) FROM contacts, json_each(contacts.emails) e
          WHERE ${SHOWN}) AS emails`,
    )
    .get();
  if (!counts) throw new Error("a count of the database answered no row");
  const sources = listSources(db);
  const status: Status = {
    invitations: { outgoing, incoming: counts.incoming, ...states },
    connections: {
      active: counts.connections - counts.removed - counts.gone,
      removed: counts.removed,
      gone: counts.gone,
    },
    contacts: { total: counts.total, withEmail: counts.withEmail, emails: counts.emails },
    unconfirmed: { withdrawals, removals: counts.removals },
    // Exactly the documented keys of --json.
    sources: sources.map(({ path, kind, rows, importedAt }) => ({ path, kind, rows, importedAt })),
  };
  return { status, sources };
}

/** SQL for a source as an absolute path, an archive entry as `archive › entry`. */
export function sourcePath(table: string): string {
  return `CASE WHEN ${table}.entry IS NULL THEN ${table}.path ELSE ${table}.path || ' › ' || ${table}.entry END`;
}

/** Every connection by the keys an invitation is matched on (removed and gone ones too). */
export function readConnectionKeys(db: Db): ConnectionKeys[] {
  return db
    .prepare<[], ConnectionKeys>("SELECT slug, email, name_key AS nameKey FROM connections")
    .all();
}

type StoredRow = [
  number,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
  string | null,
  string | null,
];

/**
 * Every invitation the user sent that `more` lets through and orders (SQL after the direction's
 * test: `AND …`, `ORDER BY …`), one at a time, read when the first is asked for. Rows come as
 * arrays, made into plain objects here: better-sqlite3 builds keyed rows more slowly.
 */
export function* outgoingInvitations(db: Db, more = ""): Generator<StoredInvitation> {
  const rows = db
    .prepare(
      `SELECT id, invitee_name, invitee_url, message, peer_slug, invitee_email, peer_name_key,
              sent_at, withdrawn_at, coalesce(closed_at, live_closed_at)
       FROM invitations WHERE direction = 'OUTGOING' ${more}`,
    )
    .raw(true)
    .iterate() as IterableIterator<StoredRow>;
  for (const r of rows) {
    yield {
      id: r[0],
      name: r[1],
      profileUrl: r[2],
      message: r[3],
      peerSlug: r[4],
      inviteeEmail: r[5],
      peerNameKey: r[6],
      sentAt: r[7],
      withdrawnAt: r[8],
      closedAt: r[9],
    };
  }
}

/**
 * Every invitation the user sent (or only the withdrawn ones), in no particular order: a caller
 * that keeps something else of each holds no list of them.
 */
export function eachOutgoingInvitation(
  db: Db,
  which: "all" | "withdrawn" = "all",
): Generator<StoredInvitation> {
  return outgoingInvitations(db, which === "withdrawn" ? "AND withdrawn_at <> ''" : "");
}

/** The emails and name keys of every imported address-book contact. */
export function readAddressBookIndex(db: Db): AddressBookIndex {
  // Each contact's emails are a JSON array (import-writer.ts): their insides joined make one
  // array of them all, parsed once. A parse a contact took 2½ times as long at 50,000 contacts,
  // and SQLite's json_each with DISTINCT three times.
  const all = db
    .prepare<[], string | null>(
      `SELECT '[' || group_concat(substr(emails, 2, length(emails) - 2)) || ']'
       FROM contacts WHERE emails <> '[]' AND ${SHOWN}`,
    )
    .pluck()
    .get();
  const emails = new Set<string>(all ? (JSON.parse(all) as string[]) : []);
  const names = new Set(
    db
      .prepare<[], string>(
        `SELECT DISTINCT name_key FROM contacts WHERE name_key IS NOT NULL AND ${SHOWN}`,
      )
      .pluck()
      .all(),
  );
  return { emails, names };
}

export function listSources(db: Db): SourceView[] {
  return db
    .prepare<[], SourceView>(
      `SELECT id, ${sourcePath("s")} AS path, kind, description, rows, imported_at AS importedAt
       FROM sources s WHERE replaced_by IS NULL ORDER BY id`,
    )
    .all();
}

export interface ContactView {
  name: string;
  emails: string[];
  phones: string[];
  company: string;
  source: string;
}

export function listContacts(db: Db, sourceId?: number): ContactView[] {
  // Each source's label made once, not a copy a row: 50,000 contacts share a handful of them.
  const labels = new Map(
    db
      .prepare<[], [number, string]>(`SELECT id, ${sourcePath("s")} FROM sources s`)
      .raw(true)
      .all(),
  );
  const rows = db
    .prepare<{ source: number | null }, [string, string, string, string, number]>(
      `SELECT c.display_name, c.emails, c.phones, c.company, c.source_id
       FROM contacts c JOIN sources s ON s.id = c.source_id
       WHERE s.replaced_by IS NULL AND (@source IS NULL OR c.source_id = @source)
       ORDER BY c.source_id, c.line`,
    )
    .raw(true)
    .all({ source: sourceId ?? null });
  const list = (json: string) => (json === "[]" ? [] : (JSON.parse(json) as string[]));
  return rows.map((r) => ({
    name: r[0],
    emails: list(r[1]),
    phones: list(r[2]),
    company: r[3],
    source: labels.get(r[4]) ?? "",
  }));
}

/** Every imported connection, with the source it came from; batch membership is added later. */
export function readConnections(db: Db): Array<Omit<ConnectionRow, "batch">> {
  return db
    .prepare<[], Omit<ConnectionRow, "batch" | "active"> & { active: number }>(
      `SELECT c.id, c.first_name AS firstName, c.last_name AS lastName, c.url, c.slug, c.email,
              c.company, c.position, c.connected_on AS connectedOn, ${sourcePath("s")} AS source,
              c.gone_at IS NULL AND c.live_gone_at IS NULL AND c.removed_at IS NULL AS active
       FROM connections c JOIN sources s ON s.id = c.source_id
       ORDER BY c.connected_on DESC, c.id`,
    )
    .all()
    .map((c) => ({ ...c, active: c.active === 1 }));
}

/**
 * For each name key, every email of every contact that carries it: a contact's second address,
 * or a namesake's, is what tells that the name alone does not say where to write.
 */
export function readContactEmailsByName(db: Db): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const rows = db
    .prepare<[], { key: string; email: string }>(
      `SELECT contacts.name_key AS key, e.value AS email
       FROM contacts, json_each(contacts.emails) AS e
       WHERE contacts.name_key IS NOT NULL AND ${SHOWN}`,
    )
    .all();
  for (const { key, email } of rows) {
    const list = map.get(key) ?? [];
    if (!list.includes(email)) list.push(email);
    map.set(key, list);
  }
  return map;
}

/** The name the user sends invitations under, from the export. */
export function readOwnerName(db: Db): string {
  return (
    db
      .prepare<[], { name: string }>(
        "SELECT inviter_name AS name FROM invitations WHERE direction = 'OUTGOING' LIMIT 1",
      )
      .get()?.name ?? ""
  );
}

/** Invitations we withdrew, with the day from which each person can be invited again. */
export function readWithdrawnDates(
  db: Db,
): Map<number, { withdrawnAt: string; reinviteAfter: string | null }> {
  const rows = db
    .prepare<[], { id: number; withdrawnAt: string; reinviteAfter: string | null }>(
      `SELECT id, withdrawn_at AS withdrawnAt, reinvite_after AS reinviteAfter
       FROM invitations WHERE withdrawn_at IS NOT NULL`,
    )
    .all();
  return new Map(
    rows.map((r) => [r.id, { withdrawnAt: r.withdrawnAt, reinviteAfter: r.reinviteAfter }]),
  );
}

/** Slugs of the people who invited the user: a personal history with them. */
export function readIncomingSlugs(db: Db): Set<string> {
  return new Set(
    db
      .prepare<[], { slug: string }>(
        "SELECT peer_slug AS slug FROM invitations WHERE direction = 'INCOMING' AND peer_slug IS NOT NULL",
      )
      .all()
      .map((r) => r.slug),
  );
}

/** What import `id` was recognised as, and the later copy that hides its contacts; or null. */
export function sourceOf(db: Db, id: number): { kind: string; replacedBy: number | null } | null {
  return (
    db
      .prepare<[number], { kind: string; replacedBy: number | null }>(
        "SELECT kind, replaced_by AS replacedBy FROM sources WHERE id = ?",
      )
      .get(id) ?? null
  );
}

/** When the newest invitation the user sent was sent (ISO 8601), or null with none. */
export function newestSentAt(db: Db): string | null {
  return (
    db
      .prepare<[], { at: string | null }>(
        "SELECT max(sent_at) AS at FROM invitations WHERE direction = 'OUTGOING'",
      )
      .get()?.at ?? null
  );
}

/** What the database holds of LinkedIn's data export, for the guide to go on with. */
export interface HeldExport {
  /** The invitations the user sent, of every export imported. */
  sent: number;
  /** When the newest export's Invitations table was written (ISO 8601), if it says. */
  writtenAt: string | null;
  /** The export brought the address book LinkedIn read (its Imported Contacts). */
  addressBook: boolean;
}

/**
 * The export the database holds, or null when it holds no invitation the user sent: then only
 * an address book (or nothing) was imported, and there is no batch to find.
 */
export function readHeldExport(db: Db): HeldExport | null {
  const row = db
    .prepare<[], { sent: number; writtenAt: string | null; addressBook: number }>(
      `SELECT
         (SELECT count(*) FROM invitations WHERE direction = 'OUTGOING') AS sent,
         (SELECT max(written_at) FROM sources WHERE kind = 'linkedin-invitations') AS writtenAt,
         EXISTS (SELECT 1 FROM sources WHERE kind = 'linkedin-imported-contacts') AS addressBook`,
    )
    .get();
  if (!row || row.sent === 0) return null;
  return { sent: row.sent, writtenAt: row.writtenAt, addressBook: row.addressBook === 1 };
}
