/**
 * `invites status` counts the states in SQL (store/queries.ts `readStatus`); the rules are those
 * of `invitationState` in core/states.ts. Random invitations and connections, with the keys drawn
 * from small pools so that they collide, with empty texts beside nulls and send times on either
 * side of the expiry, are written to a real SQLite file and counted both ways.
 */
import { describe, expect, it } from "vitest";
import { DAY_MS } from "../../src/core/days.js";
import {
  DEFAULT_RULES,
  type InvitationState,
  indexConnections,
  invitationState,
} from "../../src/core/states.js";
import type { Db } from "../../src/store/database.js";
import { readStatus } from "../../src/store/queries.js";
import { useTempDatabase } from "../support/cli.js";
import { random } from "../support/random.js";
import { databaseWithOneSource } from "../support/rows.js";

const AS_OF = new Date("2026-11-20T12:00:00.000Z");
const temp = useTempDatabase();

function database(): Db {
  return databaseWithOneSource(temp.db);
}

const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

describe("the status counts", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])("are those of invitationState (seed %i)", (seed) => {
    const { next, pick } = random(seed);
    const db = database();
    const slugs = [null, "", "anna", "bert", "carla", "dora"];
    const emails = [null, "", "anna@example.org", "bert@example.org", "eva@example.org"];
    const names = [null, "", "anna nowak", "bert meier", "carla ruiz"];
    const expiry = AS_OF.getTime() - DEFAULT_RULES.expiryDays * DAY_MS;
    const connections = Array.from({ length: 1 + Math.floor(next() * 6) }, () => ({
      slug: pick(slugs),
      email: pick(emails),
      nameKey: pick(names),
      gone: next() < 0.2,
      removed: next() < 0.2,
    }));
    const insertConnection = db.prepare(
      `INSERT INTO connections (identity, first_name, last_name, slug, email, company, position,
                                name_key, source_id, seen_source_id, last_seen_at, gone_at,
                                removed_at)
       VALUES (?, '', '', ?, ?, '', '', ?, 1, 1, '2026-11-20T00:00:00Z', ?, ?)`,
    );
    connections.forEach((c, i) => {
      insertConnection.run(
        `c${i}`,
        c.slug,
        c.email,
        c.nameKey,
        c.gone ? "2026-11-19T00:00:00Z" : null,
        c.removed ? "2026-11-19T00:00:00Z" : null,
      );
    });
    const invitations = Array.from({ length: 200 }, () => ({
      peerSlug: pick(slugs),
      inviteeEmail: pick(emails),
      peerNameKey: pick(names),
      sentAt: iso(
        pick([expiry - DAY_MS, expiry - 1, expiry, expiry + 1, expiry + 1000, expiry + DAY_MS]),
      ),
      withdrawnAt: pick([null, null, null, "", "2026-11-19T10:00:00Z"]),
      closedAt: pick([null, null, "", "2026-11-18T00:00:00Z"]),
      liveClosedAt: pick([null, null, null, "2026-11-19T00:00:00Z"]),
    }));
    const insertInvitation = db.prepare(
      `INSERT INTO invitations (identity, direction, inviter_name, invitee_name, invitee_email,
                                peer_slug, peer_name_key, sent_at, source_id, seen_source_id,
                                last_seen_at, closed_at, withdrawn_at, live_closed_at)
       VALUES (?, 'OUTGOING', 'me', 'x', ?, ?, ?, ?, 1, 1, '2026-11-20T00:00:00Z', ?, ?, ?)`,
    );
    invitations.forEach((inv, i) => {
      insertInvitation.run(
        `i${i}`,
        inv.inviteeEmail,
        inv.peerSlug,
        inv.peerNameKey,
        inv.sentAt,
        inv.closedAt,
        inv.withdrawnAt,
        inv.liveClosedAt,
      );
    });
    const index = indexConnections(connections);
    const expected: Record<InvitationState, number> = {
      pending: 0,
      accepted: 0,
      expired: 0,
      withdrawn: 0,
      closed: 0,
    };
    for (const inv of invitations) {
      const closedAt = inv.closedAt ?? inv.liveClosedAt;
      expected[invitationState({ ...inv, closedAt }, index, AS_OF)]++;
    }
    const { status } = readStatus(db, AS_OF);
    db.close();
    expect(status.invitations).toEqual({ outgoing: 200, incoming: 0, ...expected });
    // Removed by invites first: a row both removed and gone counts once, as removed.
    const removed = connections.filter((c) => c.removed).length;
    const gone = connections.filter((c) => c.gone && !c.removed).length;
    expect(status.connections).toEqual({
      active: connections.length - removed - gone,
      removed,
      gone,
    });
    // Every state occurs in every seed's cases, so that none of the comparisons is empty.
    expect(
      Object.values(expected).every((n) => n > 0),
      JSON.stringify(expected),
    ).toBe(true);
  });
});
