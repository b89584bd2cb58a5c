import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseError } from "../../src/errors.js";
import { withDatabase } from "../../src/store/database.js";
import { toDatabaseError } from "../../src/store/database-errors.js";
import { tempDir } from "../support/cli.js";

describe("a full disk", () => {
  it("turns SQLite's own SQLITE_FULL into one line naming the database, exit 1", async () => {
    const { dir, cleanup } = tempDir();
    const path = join(dir, "invites.db");
    try {
      // SQLite answers SQLITE_FULL when the database would outgrow max_page_count, exactly as
      // when the disk has no room left; a real full disk cannot be made in a test without mounts.
      const failure = await withDatabase(path, (db) => {
        const pages = db.pragma("page_count", { simple: true }) as number;
        db.pragma(`max_page_count = ${pages + 1}`);
        const insert = db.prepare(
          "INSERT INTO sources (label, path, kind, description, encoding, sha256, imported_at, rows, imported, skipped) VALUES ('x', 'x', 'vcard', 'x', 'utf-8', ?, 'now', 0, 0, 0)",
        );
        for (let i = 0; i < 1000; i++) insert.run(`${i}`.repeat(200));
      }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DatabaseError);
      expect((failure as DatabaseError).exitCode).toBe(1);
      expect((failure as DatabaseError).message).toBe(
        `the disk holding the database ${path} is full (database or disk is full); free some space, then run the same command again`,
      );
    } finally {
      cleanup();
    }
  });

  it("says the same when the file system has no room to create the database", () => {
    const error = Object.assign(
      new Error("ENOSPC: no space left on device, open '/x/invites.db'"),
      {
        code: "ENOSPC",
      },
    );
    const mapped = toDatabaseError("/x/invites.db", error);
    expect(mapped).toBeInstanceOf(DatabaseError);
    expect((mapped as DatabaseError).message).toMatch(
      /^the disk holding the database \/x\/invites\.db is full \(ENOSPC: no space left on device, open '\/x\/invites\.db'\); free some space/,
    );
  });

  it("leaves an error that is no database failure as it is", () => {
    const bug = new TypeError("x is not a function");
    expect(toDatabaseError("/x/invites.db", bug)).toBe(bug);
  });
});
