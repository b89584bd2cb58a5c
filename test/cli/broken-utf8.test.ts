/**
 * UTF-8 that is broken rather than in a code page: a file cut off inside its last character, or
 * one UTF-8 everywhere but for a stray byte (in a vCard, whose values may each name their own
 * charset: a value UTF-8 but for a stray byte). Guessing a code page for either read "Jürgen" as
 * "J√ºrgen" (Mac OS Roman) and said nothing; each is refused instead, with one line, exit 2.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dumpDatabase, fixture, runCli, useTempDatabase } from "../support/cli.js";

const temp = useTempDatabase();

describe("broken UTF-8", () => {
  it.each([
    [
      "google-cut-utf8.csv",
      "google-cut-utf8.csv: ends in the middle of a character: the file seems cut off (expected the whole file; download or copy it again)",
    ],
    [
      "google-stray-byte.csv",
      "google-stray-byte.csv line 4: holds a byte that is not UTF-8 in a file that is UTF-8 everywhere else (expected UTF-8 throughout; the file may be damaged: fix this line, or save the file again as UTF-8)",
    ],
    [
      "vcard-stray-byte.vcf",
      "vcard-stray-byte.vcf line 5: holds a byte that is not UTF-8 in a value that is UTF-8 otherwise (expected UTF-8 throughout; the file may be damaged: fix this line, or save the file again as UTF-8)",
    ],
  ])("%s is refused in one line, exit 2, database as it was", async (name, message) => {
    expect(
      (await runCli(["import", "--db", temp.db, fixture("address-books", "google.csv")])).code,
    ).toBe(0);
    const before = dumpDatabase(temp.db);
    const result = await runCli(["import", "--db", temp.db, fixture("bad", name)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`invites: ${fixture("bad", name)}${message.slice(name.length)}\n`);
    expect(dumpDatabase(temp.db)).toBe(before);
  });

  it("still reads a code page whose only letter past ASCII is the file's last byte", async () => {
    const file = join(temp.dir, "contacts.csv");
    // windows-1252 "é" is a UTF-8 lead byte: alone at the end, it is no cut character.
    writeFileSync(
      file,
      Buffer.from(
        "First Name,Last Name,E-mail 1 - Value,Notes\nAnna,Nowak,anna@example.pl,Caf\xe9",
        "latin1",
      ),
    );
    const result = await runCli(["import", "--db", temp.db, "--json", file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("windows-1252");
  });
});
