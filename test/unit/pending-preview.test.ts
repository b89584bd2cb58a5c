/**
 * `invites preview` streams its rows (store/invitations.ts `readPendingPreview`): SQLite sorts the
 * invitations by their reminder and the batches are found beforehand in send order. What it
 * yields must be exactly what the whole read gives (`readPreview`, the pending ones chosen and
 * sorted by compareByReminder). Random invitations are written to a real SQLite file in no order
 * of time: bursts with gaps either side of the batch gap, equal send times, notes that are only
 * white space, send times either side of each reminder and of the expiry, and connections that
 * make some of them accepted.
 */
import { describe, expect, it } from "vitest";
import { DAY_MS, REMINDER_DAYS } from "../../src/core/days.js";
import { toProfileSlug } from "../../src/core/identity.js";
import { compareByReminder, type InvitationView } from "../../src/core/preview.js";
import { selectInvitations } from "../../src/core/selection.js";
import { DEFAULT_RULES } from "../../src/core/states.js";
import { type Db, openDatabase } from "../../src/store/database.js";
import {
  readBatchOrigins,
  readBatchSummaries,
  readPendingPreview,
  readPreview,
} from "../../src/store/invitations.js";
import { readConnections } from "../../src/store/queries.js";
import { useTempDatabase } from "../support/cli.js";
import { random } from "../support/random.js";
import { databaseWithOneSource } from "../support/rows.js";

const AS_OF = new Date("2026-11-20T12:00:00.000Z");
const RULES = { asOf: AS_OF, batchRules: { gapMinutes: 10, minSize: 3 } };
const temp = useTempDatabase();

function database(): Db {
  return databaseWithOneSource(temp.db);
}

/** A send time as the import writes it (formats/dates.ts): to the second. */
const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

function fill(db: Db, seed: number): void {
  const { next, pick } = random(seed);
  const at = AS_OF.getTime();
  // Where bursts begin: either side of each reminder and of the expiry, and two days ago.
  const starts = [
    ...REMINDER_DAYS.flatMap((d) => [at - d * DAY_MS - 600_000, at - d * DAY_MS + 1000]),
    at - DEFAULT_RULES.expiryDays * DAY_MS - 300_000,
    at - 2 * DAY_MS,
  ];
  const times: number[] = [];
  for (const start of starts) {
    let t = start;
    for (let i = 0, n = 3 + Math.floor(next() * 8); i < n; i++) {
      times.push(t);
      // Mostly within the gap, sometimes just past it, sometimes the very same minute.
      t += pick([0, 60_000, 540_000, 600_000, 601_000, 660_000]);
    }
  }
  const shuffled = times
    .map((t) => ({ t, k: next() }))
    .sort((a, b) => a.k - b.k)
    .map(({ t }) => t);
  const slugs = [null, "anna", "bert", "carla", "dora", "emil", "fritz"];
  db.prepare(
    `INSERT INTO connections (identity, first_name, last_name, slug, email, company, position,
                              name_key, source_id, seen_source_id, last_seen_at)
     VALUES ('c1', 'Anna', '', 'anna', NULL, '', '', NULL, 1, 1, '2026-11-20T00:00:00Z')`,
  ).run();
  const insert = db.prepare(
    `INSERT INTO invitations (identity, direction, inviter_name, invitee_name, invitee_url,
                              peer_slug, message, sent_at, source_id, seen_source_id,
                              last_seen_at, withdrawn_at)
     VALUES (?, 'OUTGOING', 'me', ?, ?, ?, ?, ?, 1, 1, '2026-11-20T00:00:00Z', ?)`,
  );
  shuffled.forEach((t, i) => {
    const slug = pick(slugs);
    insert.run(
      `i${i}`,
      `Person ${i}`,
      slug ? `https://www.linkedin.com/in/${slug}` : null,
      slug,
      pick([null, null, null, "", "  \t", "Hello!"]),
      iso(t),
      pick([null, null, null, null, "2026-11-19T10:00:00Z"]),
    );
  });
}

describe("the streamed preview", () => {
  it.each([1, 2, 3, 4, 5, 6])("is the whole read's pending views, in order (seed %i)", (seed) => {
    const db = database();
    fill(db, seed);
    const whole = readPreview(db, RULES);
    const expected = selectInvitations(whole.views, {}, AS_OF).sort(compareByReminder);
    const streamed = readPendingPreview(db, RULES);
    const got = [...streamed.pending];
    db.close();
    expect(streamed.batches).toEqual(whole.batches);
    expect(got).toEqual(expected);
    // Not a trivial case: several batches, invitations outside them, and more than one reminder day.
    expect(whole.batches.length, JSON.stringify(whole.batches)).toBeGreaterThan(1);
    expect(got.some((v) => v.batch === null)).toBe(true);
    expect(new Set(got.map((v) => v.nextReminder)).size).toBeGreaterThan(1);
    // …and not the order the rows were written in.
    const byId = [...got].sort((a, b) => a.id - b.id);
    expect(got.map((v) => v.id)).not.toEqual(byId.map((v) => v.id));
  });
});

describe("the streamed preview's snapshot", () => {
  it("is the one the batches were found in, whatever is committed before the rows are read", () => {
    const db = database();
    fill(db, 1);
    const whole = readPreview(db, RULES);
    const expected = selectInvitations(whole.views, {}, AS_OF).sort(compareByReminder);
    const streamed = readPendingPreview(db, RULES);
    // Another connection (an import) commits a pending invitation before the first row is read.
    const other = openDatabase(temp.db).db;
    other
      .prepare(
        `INSERT INTO invitations (identity, direction, inviter_name, invitee_name, peer_slug,
                                  sent_at, source_id, seen_source_id, last_seen_at)
         VALUES ('late', 'OUTGOING', 'me', 'Late Comer', 'late-comer', ?, 1, 1,
                 '2026-11-20T00:00:00Z')`,
      )
      .run(iso(AS_OF.getTime() - 2 * DAY_MS));
    other.close();
    expect([...streamed.pending]).toEqual(expected);
    expect(db.inTransaction).toBe(false);
    // The next read sees it.
    const next = [...readPendingPreview(db, RULES).pending];
    db.close();
    expect(next.map((v) => v.name)).toContain("Late Comer");
  });
});

describe("the batches' counts and the connections' batches, read a row at a time", () => {
  it.each([1, 2, 3, 4, 5, 6])("are what the whole read gives (seed %i)", (seed) => {
    const db = database();
    fill(db, seed);
    // Some invitations left the pending list without being withdrawn, some went to an address,
    // and connections that accepted by address or profile.
    db.exec(`UPDATE invitations SET closed_at = '2026-11-19T00:00:00Z' WHERE id % 5 = 0;
             UPDATE invitations SET invitee_email = 'p' || (id % 4) || '@example.org'
               WHERE id % 3 = 0;
             INSERT INTO connections (identity, first_name, last_name, slug, email, company,
                                      position, name_key, source_id, seen_source_id, last_seen_at)
             VALUES ('c2', 'Bert', '', 'bert', NULL, '', '', NULL, 1, 1, '2026-11-20T00:00:00Z'),
                    ('c3', 'Pia', '', NULL, 'p1@example.org', '', '', NULL, 1, 1,
                     '2026-11-20T00:00:00Z'),
                    ('c4', 'Udo', '', 'udo', NULL, '', '', NULL, 1, 1, '2026-11-20T00:00:00Z');
             INSERT INTO contacts (source_id, line, display_name, first_name, last_name, company,
                                   title, emails, phones, name_key)
             VALUES (1, 2, 'P2', 'P2', '', '', '', '["p2@example.org"]', '[]', NULL);`);
    const { views, batches } = readPreview(db, RULES);
    const summaries = batches.map((b) => {
      const members = views.filter((v) => v.batch === b.id);
      const count = (test: (v: InvitationView) => boolean) => members.filter(test).length;
      return {
        id: b.id,
        first: b.first,
        last: b.last,
        size: members.length,
        pending: count((v) => v.state === "pending"),
        withdrawn: count((v) => v.state === "withdrawn"),
        accepted: count((v) => v.state === "accepted"),
        expired: count((v) => v.state === "expired"),
        closed: count((v) => v.state === "closed"),
        addressBookShare: count((v) => v.addressBook) / members.length,
      };
    });
    expect(readBatchSummaries(db, RULES)).toEqual(summaries);

    const origins = readBatchOrigins(db, RULES);
    const connections = readConnections(db);
    db.close();
    // A connection's batch is that of the latest sent accepted batch invitation to its profile,
    // else to its address.
    const cameFrom = (c: (typeof connections)[number]) => {
      const accepted = views
        .filter((v) => v.batch !== null && v.state === "accepted")
        .sort((a, b) => (a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : a.id - b.id));
      const bySlug = accepted.findLast((v) => c.slug && toProfileSlug(v.profileUrl) === c.slug);
      const byEmail = accepted.findLast((v) => c.email && v.email === c.email);
      return bySlug?.batch ?? byEmail?.batch ?? null;
    };
    expect(connections.map((c) => origins.of(c))).toEqual(connections.map(cameFrom));
    const closed = views.filter((v) => v.batch !== null && v.state === "closed").length;
    expect(origins.closed).toBe(closed);
    // Not a trivial case: connections from a batch and not, and closed invitations of a batch.
    expect(new Set(connections.map(cameFrom)).size).toBeGreaterThan(1);
    expect(closed).toBeGreaterThan(0);
    expect(summaries.some((b) => b.addressBookShare > 0 && b.addressBookShare < 1)).toBe(true);
  });
});
