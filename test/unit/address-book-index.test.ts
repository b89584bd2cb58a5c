/**
 * The address book an invitation is matched against (store/queries.ts `readAddressBookIndex`)
 * joins every contact's JSON array of emails into one array before parsing it. Written to a real
 * SQLite file: emails with the characters JSON escapes or a join could split on, several a
 * contact, empty lists, and contacts of an address book that a newer copy replaced, which count
 * nowhere.
 */
import { expect, it } from "vitest";
import { type Db, openDatabase } from "../../src/store/database.js";
import { readAddressBookIndex } from "../../src/store/queries.js";
import { useTempDatabase } from "../support/cli.js";

const temp = useTempDatabase();

function database(): Db {
  const { db } = openDatabase(temp.db);
  const source = db.prepare(
    `INSERT INTO sources (id, label, path, kind, description, encoding, sha256, imported_at, rows,
                          imported, skipped, replaced_by)
     VALUES (?, 'x', '/x', 'vcard', 'x', 'utf-8', ?, '2026-11-20T00:00:00Z', 0, 0, 0, ?)`,
  );
  source.run(1, "a", null);
  source.run(2, "b", null);
  source.run(3, "c", 2);
  return db;
}

function addContact(db: Db, source: number, emails: string[], nameKey: string | null) {
  db.prepare(
    `INSERT INTO contacts (source_id, line, display_name, first_name, last_name, company, title,
                           emails, phones, name_key)
     VALUES (?, 1, 'x', '', '', '', '', ?, '[]', ?)`,
  ).run(source, JSON.stringify(emails), nameKey);
}

it("holds every email and name of the address books in use, and none of a replaced one", () => {
  const db = database();
  const odd = [
    'quote"d@example.org',
    "back\\slash@example.org",
    "comma,in@example.org",
    '"],["@example.org',
    "jürgen.müller@example.de",
    "tab\tand\u2028line@example.org",
  ];
  addContact(db, 1, [odd[0] as string, odd[1] as string], "anna nowak");
  addContact(db, 1, [], "bert meier");
  addContact(db, 2, [odd[2] as string], null);
  addContact(db, 2, odd.slice(3), "anna nowak");
  addContact(db, 3, ["replaced@example.org"], "replaced name");
  const index = readAddressBookIndex(db);
  db.close();
  expect([...index.emails].sort()).toEqual([...odd].sort());
  expect([...index.names].sort()).toEqual(["anna nowak", "bert meier"]);
});

it("is empty when no address book holds an email", () => {
  const db = database();
  addContact(db, 1, [], "carla ruiz");
  addContact(db, 3, ["replaced@example.org"], null);
  const index = readAddressBookIndex(db);
  db.close();
  expect(index.emails.size).toBe(0);
  expect([...index.names]).toEqual(["carla ruiz"]);
});
