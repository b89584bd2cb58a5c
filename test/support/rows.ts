/** Rows of plain data for the unit tests of core rules and renderers. */
import type { ConnectionRow } from "../../src/core/connections.js";
import { type Db, openDatabase } from "../../src/store/database.js";

/** A connection `Person <id>` with profile `person-<id>`, connected 2026-11-15, from batch B1. */
export function connectionRow(id: number, extra: Partial<ConnectionRow> = {}): ConnectionRow {
  return {
    id,
    firstName: "Person",
    lastName: String(id),
    url: `https://www.linkedin.com/in/person-${id}`,
    slug: `person-${id}`,
    email: null,
    company: "",
    position: "",
    connectedOn: "2026-11-15",
    source: "Connections.csv",
    batch: "B1",
    active: true,
    ...extra,
  };
}

/**
 * The database at `path`, new, with one import (number 1) that rows written by a test can name
 * as their source: for the tests that hold a store read to a rule on rows of their own.
 */
export function databaseWithOneSource(path: string): Db {
  const { db } = openDatabase(path);
  db.prepare(
    `INSERT INTO sources (id, label, path, kind, description, encoding, sha256, imported_at, rows,
                          imported, skipped)
     VALUES (1, 'x', '/x', 'linkedin-invitations', 'x', 'utf-8', 'x', '2026-11-20T00:00:00Z', 0, 0, 0)`,
  ).run();
  return db;
}
