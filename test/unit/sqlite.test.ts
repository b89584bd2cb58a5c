/**
 * SQLite is opened with its addon named (src/store/sqlite.ts): the path must be the file npm's
 * build made, or every command would pay the `bindings` search again without a word.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addonPath, openSqlite } from "../../src/store/sqlite.js";
import { tempDir } from "../support/cli.js";

describe("opening SQLite", () => {
  it("names the addon npm's build made, and opens a database with it", () => {
    const addon = addonPath();
    expect(addon).toMatch(/better-sqlite3[/\\]build[/\\]Release[/\\]better_sqlite3\.node$/);
    expect(existsSync(addon as string)).toBe(true);
    const { dir, cleanup } = tempDir();
    try {
      const db = openSqlite(join(dir, "a.db"));
      expect(db.prepare("SELECT sqlite_version() AS v").get()).toHaveProperty("v");
      db.close();
    } finally {
      cleanup();
    }
  });
});
