/**
 * Closures a run made from a whole read of LinkedIn's list, in a real SQLite file: kept apart from
 * the closures imports make, taken back by a newer export that lists the row again, and, for a
 * database from before, moved out of the permanent column the short-read bug wrote them into.
 */
import { utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate } from "../../src/store/database.js";
import { invitationOutcomes } from "../../src/store/outcomes.js";
import { MIGRATIONS } from "../../src/store/schema.js";
import { runCli, useTempDatabase } from "../support/cli.js";

const temp = useTempDatabase();

const HEADER = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl";
const row = (name: string, slug: string) =>
  `Katrin Böhm,${name},"11/14/26, 9:15 AM",,OUTGOING,https://www.linkedin.com/in/katrin-boehm-4711,https://www.linkedin.com/in/${slug}`;

function invitationsFile(name: string, rows: string[], writtenAt: string): string {
  const path = join(temp.dir, name);
  writeFileSync(path, `${HEADER}\n${rows.join("\n")}\n`);
  const at = new Date(writtenAt);
  utimesSync(path, at, at);
  return path;
}

describe("a run's closures", () => {
  it("are taken back by a newer export that lists the invitation again", async () => {
    const first = invitationsFile(
      "first.csv",
      [row("Lena Voß", "lena-voss-652"), row("Jan Kühn", "jan-kuehn-1")],
      "2026-11-20T18:00:00Z",
    );
    expect((await runCli(["import", "--db", temp.db, first])).code).toBe(0);
    const db = new Database(temp.db);
    const runId = Number(
      db
        .prepare(
          "INSERT INTO runs (command, action, started_at, planned) VALUES ('invites withdraw', 'withdraw', '2026-11-21T09:00:00Z', 1)",
        )
        .run().lastInsertRowid,
    );
    const lena = db
      .prepare("SELECT id FROM invitations WHERE peer_slug = 'lena-voss-652'")
      .get() as {
      id: number;
    };
    const outcomes = invitationOutcomes(db, () => "2026-12-12");
    outcomes.markGone(lena.id, "2026-11-21T09:01:00Z", runId);
    expect(outcomes.closedByRuns()).toEqual([lena.id]);
    // A newer export, written after the run, still lists Lena: LinkedIn had her pending then.
    const newer = invitationsFile(
      "newer.csv",
      [row("Lena Voß", "lena-voss-652"), row("Jan Kühn", "jan-kuehn-1")].reverse(),
      "2026-11-23T18:00:00Z",
    );
    db.close();
    expect((await runCli(["import", "--db", temp.db, newer])).code).toBe(0);
    const after = new Database(temp.db);
    expect(invitationOutcomes(after, () => "2026-12-12").closedByRuns()).toEqual([]);
    expect(
      after.prepare("SELECT live_closed_at, closed_at FROM invitations WHERE id = ?").get(lena.id),
    ).toEqual({ live_closed_at: null, closed_at: null });
    after.close();
  });

  it("written by a run before this version into closed_at, become run closures that can be taken back", () => {
    const db = new Database(temp.db);
    // The schema as it was: three migrations.
    db.transaction(() => {
      for (const sql of MIGRATIONS.slice(0, 3)) db.exec(sql);
      db.pragma("user_version = 3");
    })();
    db.exec(`
      INSERT INTO sources (id, label, path, kind, description, encoding, sha256, written_at,
        imported_at, rows, imported, skipped)
      VALUES (1, 'Invitations.csv', '/x/Invitations.csv', 'linkedin-invitations', 'LinkedIn Invitations.csv',
        'utf-8', 'abc', '2026-11-20T18:00:00.000Z', '2026-11-21T08:00:00.000Z', 2, 2, 0);
      INSERT INTO runs (id, command, action, started_at, planned)
        VALUES (7, 'invites withdraw --batch', 'withdraw', '2026-11-21T09:00:00.000Z', 2);
      INSERT INTO invitations (id, identity, direction, inviter_name, invitee_name, sent_at, source_id,
        seen_source_id, last_seen_at, closed_at)
      VALUES
        (1, 'a', 'OUTGOING', 'Katrin', 'Lena', '2026-11-14T09:15:00Z', 1, 1, '2026-11-20T18:00:00.000Z', '2026-11-21T09:01:00.000Z'),
        (2, 'b', 'OUTGOING', 'Katrin', 'Jan', '2026-11-14T09:15:00Z', 1, 1, '2026-11-20T18:00:00.000Z', NULL);
    `);
    migrate(db);
    expect(
      db
        .prepare(
          "SELECT id, closed_at, live_closed_at, live_closed_run FROM invitations ORDER BY id",
        )
        .all(),
    ).toEqual([
      { id: 1, closed_at: null, live_closed_at: "2026-11-21T09:01:00.000Z", live_closed_run: 7 },
      { id: 2, closed_at: null, live_closed_at: null, live_closed_run: null },
    ]);
    db.close();
  });
});
