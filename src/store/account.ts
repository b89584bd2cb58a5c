/**
 * Whose data the database holds: the member who sent the exported invitations (the export's
 * own profile URLs), else the account the first run acted for. A session of another member
 * must never act on this data.
 */
import { toProfileSlug } from "../core/identity.js";
import type { Db } from "./database.js";

/** The profile slugs of the member(s) whose export sent the outgoing invitations. */
export function readExportOwners(db: Db): string[] {
  const urls = db
    .prepare<[], { url: string }>(
      "SELECT DISTINCT inviter_url AS url FROM invitations WHERE direction = 'OUTGOING' AND inviter_url IS NOT NULL",
    )
    .all();
  return [...new Set(urls.flatMap((r) => toProfileSlug(r.url) ?? []))];
}

export function readRecordedAccount(db: Db): string | null {
  return (
    db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'account'").get()
      ?.value ?? null
  );
}

export function recordAccount(db: Db, slug: string): void {
  db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('account', ?)").run(slug);
}

/** Which run holds an action's lock, as the holder wrote it when it took the lock. */
export function readLockHolder(db: Db, action: string): string | null {
  return (
    db
      .prepare<[string], { value: string }>("SELECT value FROM settings WHERE key = ?")
      .get(`running.${action}`)?.value ?? null
  );
}

export function recordLockHolder(db: Db, action: string, holder: string): void {
  db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)").run(
    `running.${action}`,
    holder,
  );
}

export function clearLockHolder(db: Db, action: string): void {
  db.prepare("DELETE FROM settings WHERE key = ?").run(`running.${action}`);
}
