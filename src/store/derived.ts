/**
 * What follows from the imported files taken together, recomputed whenever a file comes or goes
 * (an import, `invites sources forget`): which invitations and connections a newer export no
 * longer lists, and which address books a newer copy replaces. Nothing here is permanent: each
 * result is the function of the sources that remain, and each closure names the file that made it.
 */
import type { Db } from "./database.js";

/**
 * The kinds whose rows are invitations or connections, not contacts: LinkedIn's two tables of the
 * network and invites' own export of connections. Every other kind holds contacts.
 */
export const NETWORK_KINDS: readonly string[] = [
  "linkedin-invitations",
  "linkedin-connections",
  "invites-connections",
];
const NETWORK_KINDS_SQL = NETWORK_KINDS.map((k) => `'${k}'`).join(", ");
const LINKEDIN_CONTACT_KINDS = "'linkedin-imported-contacts', 'linkedin-contacts'";

/**
 * The export that closes an outgoing invitation: the earliest Invitations.csv written after the
 * last one that listed it, and not before it was sent (an export cannot list what came later).
 */
const invitationCloser = (columns: string) => `
  SELECT ${columns} FROM sources s
  WHERE s.kind = 'linkedin-invitations' AND s.written_at > invitations.last_seen_at
    AND s.written_at >= invitations.sent_at
  ORDER BY s.written_at, s.id LIMIT 1`;

/** Likewise for a connection: a Connections.csv written after its last sighting, not before it began. */
const connectionCloser = (columns: string) => `
  SELECT ${columns} FROM sources s
  WHERE s.kind = 'linkedin-connections' AND s.written_at > connections.last_seen_at
    AND (connections.connected_on IS NULL OR connections.connected_on <= substr(s.written_at, 1, 10))
  ORDER BY s.written_at, s.id LIMIT 1`;

export interface ClosureChanges {
  /** Rows open before and closed now, by an import. */
  closed: number[];
  /** Rows an import had closed that are open again. */
  reopened: number[];
}

/**
 * Outgoing invitations that a newer Invitations.csv no longer lists were answered, ignored into
 * expiry or withdrawn on the web page: closed as of that export. One that a newer export lists
 * again is open again. Closures that did not come from an import (no closed_source_id) and our
 * own withdrawals are left as they are.
 */
export function settleInvitationClosures(db: Db): ClosureChanges {
  return settle(db, {
    table: "invitations",
    mark: "closed_at",
    by: "closed_source_id",
    closer: invitationCloser,
    open: "direction = 'OUTGOING' AND closed_at IS NULL AND withdrawn_at IS NULL",
  });
}

/** Connections that a newer Connections.csv no longer lists are gone as of that export. */
export function settleConnectionClosures(db: Db): ClosureChanges {
  return settle(db, {
    table: "connections",
    mark: "gone_at",
    by: "gone_source_id",
    closer: connectionCloser,
    open: "gone_at IS NULL AND removed_at IS NULL",
  });
}

/**
 * A run's closure (what a whole read of LinkedIn's list no longer showed) stands until a newer
 * export lists the row again, as a later whole read would: then it is open again.
 */
function reopenRunClosures(db: Db, table: string, mark: string, run: string): void {
  db.prepare(
    `UPDATE ${table} SET ${mark} = NULL, ${run} = NULL
     WHERE ${mark} IS NOT NULL AND last_seen_at > ${mark}`,
  ).run();
}

function settle(
  db: Db,
  t: { table: string; mark: string; by: string; closer: (columns: string) => string; open: string },
): ClosureChanges {
  if (t.table === "invitations")
    reopenRunClosures(db, t.table, "live_closed_at", "live_closed_run");
  else reopenRunClosures(db, t.table, "live_gone_at", "live_gone_run");
  // First what imports closed before: each gets its closer again, or none (open again).
  const rechecked = db
    .prepare<[], { id: number; by: number | null }>(
      `UPDATE ${t.table} SET (${t.by}, ${t.mark}) = (${t.closer("s.id, s.written_at")})
       WHERE ${t.by} IS NOT NULL AND ${t.by} IS NOT (${t.closer("s.id")})
       RETURNING id, ${t.by} AS by`,
    )
    .all();
  const closed = db
    .prepare<[], { id: number }>(
      `UPDATE ${t.table} SET (${t.by}, ${t.mark}) = (${t.closer("s.id, s.written_at")})
       WHERE ${t.open} AND EXISTS (${t.closer("1")})
       RETURNING id`,
    )
    .all()
    .map((r) => r.id);
  return { closed, reopened: rechecked.filter((r) => r.by === null).map((r) => r.id) };
}

export interface ReplacementChanges {
  /** Sources whose contacts a newer copy now hides. */
  hidden: number[];
  /** Sources whose contacts show again. */
  shown: number[];
}

/**
 * Of several imports of the same address-book file (same path and archive entry), the last one
 * imported stands; of several LinkedIn lists of uploaded contacts of one kind, the one from the
 * newest export. The others are replaced: their contacts stay in the database, hidden, so that
 * taking the newer import back shows them again.
 */
export function settleReplacements(db: Db): ReplacementChanges {
  const standing = () =>
    new Set(
      db
        .prepare<[], { id: number }>(
          `SELECT id FROM sources WHERE replaced_by IS NULL AND kind NOT IN (${NETWORK_KINDS_SQL})`,
        )
        .all()
        .map((r) => r.id),
    );
  const before = standing();
  // Within a group every kind is LinkedIn's or none is: ordering by w.kind is ordering by
  // s.kind, which SQLite does not let a subquery's ORDER BY name.
  db.prepare(
    `UPDATE sources AS s SET replaced_by = nullif((
       SELECT w.id FROM sources w
       WHERE CASE WHEN s.kind IN (${LINKEDIN_CONTACT_KINDS}) THEN w.kind = s.kind
             ELSE w.kind NOT IN (${NETWORK_KINDS_SQL}, ${LINKEDIN_CONTACT_KINDS})
                  AND w.path = s.path AND w.entry IS s.entry END
       ORDER BY CASE WHEN w.kind IN (${LINKEDIN_CONTACT_KINDS}) THEN w.written_at END DESC, w.id DESC
       LIMIT 1), s.id)
     WHERE s.kind NOT IN (${NETWORK_KINDS_SQL})`,
  ).run();
  const after = standing();
  return {
    hidden: [...before].filter((id) => !after.has(id)),
    shown: [...after].filter((id) => !before.has(id)),
  };
}

/** How many contacts the given sources hold, hidden or not. */
export function countContactsOf(db: Db, sourceIds: readonly number[]): number {
  if (sourceIds.length === 0) return 0;
  return (
    db
      .prepare<number[], { n: number }>(
        `SELECT count(*) AS n FROM contacts WHERE source_id IN (${sourceIds.map(() => "?").join(", ")})`,
      )
      .get(...sourceIds)?.n ?? 0
  );
}

/**
 * Connections neither gone from an export nor removed by us, but those the import `sourceId`
 * listed first: what was active before that import.
 */
export function countActiveConnectionsBefore(db: Db, sourceId: number): number {
  return (
    db
      .prepare<[number], { n: number }>(
        `SELECT count(*) AS n FROM connections
         WHERE gone_at IS NULL AND removed_at IS NULL AND source_id <> ?`,
      )
      .get(sourceId)?.n ?? 0
  );
}
