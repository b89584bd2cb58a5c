/**
 * One person in two export formats. Exports before late 2023 have no profile addresses
 * (core/identity.ts keys their rows by name, or address), current ones do (keyed by profile):
 * without this, an old and a new export of the same network would hold everyone twice, and the
 * newer file would close every row of the older one. A row the imported file brought for the
 * first time is taken as a row already stored when exactly one of the two has a profile address
 * and they agree on what both formats hold, and neither has another such partner:
 * - an invitation: the same direction, the same minute sent and the same name;
 * - a connection: the same address, or the same name connected on the same day.
 * The stored row stays (with its history and journal) and takes the new one's sighting, and its
 * profile address when it had none; the new row goes.
 */
import type { Db } from "./database.js";

/** The two tables of the network that imports fill. */
export type NetworkTable = "invitations" | "connections";

interface Candidate {
  id: number;
  /** The keys both formats hold, as SQL gives them; null where a row has none. */
  a: string | null;
  b: string | null;
}

/**
 * Per table: its profile column, the keys (SQL) that both formats hold, and how a fresh row goes
 * into the stored one (merger): as a stored row the file lists again is refreshed
 * (import-writer.ts), and the profile too.
 */
const SHAPES: Record<
  NetworkTable,
  { slug: string; a: string; b: string; merge: { returning: string; set: string } }
> = {
  invitations: {
    slug: "peer_slug",
    // An invitation to an address is keyed by it in both formats: no partner to find.
    a: "CASE WHEN invitee_email IS NULL THEN direction || '|' || sent_at || '|' || peer_name_key END",
    b: "NULL",
    merge: {
      returning:
        "peer_slug AS peerSlug, inviter_url AS inviterUrl, invitee_url AS inviteeUrl, message",
      set: `identity = CASE WHEN peer_slug IS NULL THEN @identity ELSE identity END,
            peer_slug = coalesce(peer_slug, @peerSlug),
            inviter_url = coalesce(@inviterUrl, inviter_url),
            invitee_url = coalesce(@inviteeUrl, invitee_url),
            message = coalesce(@message, message)`,
    },
  },
  connections: {
    slug: "slug",
    a: "'e:' || email",
    b: "'n:' || name_key || '|' || connected_on",
    // The newer file's company and position stand, whichever of the two is imported last.
    merge: {
      returning: "slug, url, email, company, position, connected_on AS connectedOn",
      set: `identity = CASE WHEN slug IS NULL THEN @identity ELSE identity END,
            slug = coalesce(slug, @slug),
            url = coalesce(url, @url),
            email = coalesce(@email, email),
            company = CASE WHEN @lastSeenAt >= last_seen_at THEN @company ELSE company END,
            position = CASE WHEN @lastSeenAt >= last_seen_at THEN @position ELSE position END,
            connected_on = coalesce(connected_on, @connectedOn)`,
    },
  },
};

/** The highest row id of `table`: the rows a file then writes for the first time come after it. */
export function lastRowId(db: Db, table: NetworkTable): number {
  return db.prepare<[], number | null>(`SELECT max(id) FROM ${table}`).pluck().get() ?? 0;
}

/**
 * Merges the rows that import `sourceId` brought for the first time (ids after `before`, from
 * lastRowId before it wrote any) into the stored rows of the same people in the other format;
 * returns how many it merged. Call it after the file's rows are written and before its
 * sightings are recorded.
 */
export function mergeAcrossFormats(
  db: Db,
  table: NetworkTable,
  sourceId: number,
  before: number,
): number {
  // A first import has nothing stored to find: not a row is read.
  if (before === 0) return 0;
  const shape = SHAPES[table];
  const read = (where: string) =>
    db
      .prepare<{ src: number; before: number }, Candidate>(
        `SELECT id, ${shape.a} AS a, ${shape.b} AS b FROM ${table}
         WHERE ${where} AND (${shape.a} IS NOT NULL OR ${shape.b} IS NOT NULL)`,
      )
      .all({ src: sourceId, before });
  const fresh = `id > @before AND source_id = @src AND ${shape.slug}`;
  const stored = `id <= @before AND seen_source_id <> @src AND ${shape.slug}`;
  const merge = merger(db, table, sourceId);
  let merged = 0;
  // The side without profile addresses is read first: it is the small one, mostly empty.
  for (const [first, second, freshFirst] of [
    [`${stored} IS NULL`, `${fresh} IS NOT NULL`, false],
    [`${fresh} IS NULL`, `${stored} IS NOT NULL`, true],
  ] as const) {
    const one = read(first);
    if (one.length === 0) continue;
    const other = read(second);
    const pairs = freshFirst ? soleMatches(one, other) : soleMatches(other, one);
    for (const [freshId, storedId] of pairs) merge(freshId, storedId);
    merged += pairs.length;
  }
  return merged;
}

/** Pairs of a fresh and a stored row that share a key, where neither shares one with another. */
export function soleMatches(
  fresh: readonly Candidate[],
  stored: readonly Candidate[],
): Array<[number, number]> {
  const byKey = new Map<string, number[]>();
  for (const s of stored) {
    for (const key of [s.a, s.b]) {
      if (key === null) continue;
      const ids = byKey.get(key);
      if (ids) ids.push(s.id);
      else byKey.set(key, [s.id]);
    }
  }
  const partners = new Map<number, number>();
  const takenBy = new Map<number, number>();
  for (const f of fresh) {
    const ids = new Set<number>();
    for (const key of [f.a, f.b]) {
      for (const id of key === null ? [] : (byKey.get(key) ?? [])) ids.add(id);
    }
    const [id] = ids;
    if (ids.size !== 1 || id === undefined) continue;
    partners.set(f.id, id);
    takenBy.set(id, (takenBy.get(id) ?? 0) + 1);
  }
  return [...partners].filter(([, id]) => takenBy.get(id) === 1);
}

/**
 * Takes a fresh row out (its `returning` columns, with identity and last_seen_at) and puts it
 * into the stored row: `set` (SQL, the fresh values as @names), its sighting and last sighting.
 */
function merger(db: Db, table: NetworkTable, sourceId: number) {
  const { returning, set } = SHAPES[table].merge;
  const take = db.prepare<[number], Record<string, unknown>>(
    `DELETE FROM ${table} WHERE id = ?
     RETURNING identity, last_seen_at AS lastSeenAt, ${returning}`,
  );
  const into = db.prepare(
    `UPDATE ${table} SET ${set},
       last_seen_at = max(last_seen_at, @lastSeenAt),
       seen_source_id = @sourceId
     WHERE id = @id`,
  );
  return (freshId: number, storedId: number) => {
    const row = take.get(freshId);
    if (!row) throw new Error(`${table} row ${freshId} vanished while merged`);
    into.run({ ...row, sourceId, id: storedId });
  };
}
