/**
 * Reading the inputs and the database in both languages: every German message translated, a
 * reader's problem and the file and line before it said in the language in use, skipped rows
 * counted by their code whatever the language and worded when the report is shown.
 */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ImportRecord } from "../../src/core/records.js";
import { InputError, RunLockedError } from "../../src/errors.js";
import { readInputs } from "../../src/formats/inputs.js";
import { de } from "../../src/i18n/de.js";
import { en } from "../../src/i18n/en.js";
import { formatsFor } from "../../src/i18n/format.js";
import { deFormats, enFormats } from "../../src/i18n/formats.js";
import { setLang } from "../../src/i18n/index.js";
import { deStore, enStore } from "../../src/i18n/store.js";
import type { FileReport } from "../../src/store/importer.js";
import { acquireRunLock } from "../../src/store/run-lock.js";
import { plain } from "../../src/ui/colour.js";
import { renderImportReport } from "../../src/ui/tables.js";
import { englishInGerman, texts, untranslated } from "../support/catalogue.js";
import { fixture, tempDir } from "../support/cli.js";

describe.each([
  ["formats", enFormats, deFormats],
  ["store", enStore, deStore],
  ["apologize", en.apologize, de.apologize],
  ["reinviteList", en.reinviteList, de.reinviteList],
])("the %s catalogue", (_, english, german) => {
  it("has every sentence translated into German", () => {
    expect([...texts(german).keys()]).toEqual([...texts(english).keys()]);
    expect(untranslated(english, german)).toEqual([]);
  });

  it("says no sentence of the English in German", () => {
    expect(englishInGerman(english, german)).toEqual([]);
  });
});

/** The rows of every table in `path`, or the error that ended the reading. */
async function readRecords(path: string): Promise<ImportRecord[]> {
  const records: ImportRecord[] = [];
  for await (const item of readInputs([path])) {
    if ("passedOver" in item) continue;
    for await (const batch of item.batches()) records.push(...batch);
  }
  return records;
}

async function problemOf(path: string): Promise<InputError> {
  const error = await readRecords(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe("a reader's problem", () => {
  afterEach(() => setLang("en"));

  it("names the file and line and what was expected, in German under German", async () => {
    const path = fixture("bad", "invitations-bad-date.csv");
    setLang("de");
    expect((await problemOf(path)).message).toBe(
      `${path}, Zeile 3: Sent At ist "yesterday" (erwartet: ein Datum wie 1/29/26, 2:37 PM oder 2026-06-01 10:00 UTC)`,
    );
    setLang("en");
    expect((await problemOf(path)).message).toBe(
      `${path} line 3: Sent At is "yesterday" (expected a date like 1/29/26, 2:37 PM or 2026-06-01 10:00 UTC)`,
    );
  });

  it("says in German what a file that is no table is", async () => {
    setLang("de");
    expect((await problemOf(fixture("bad", "binary.csv"))).problem).toBe(
      "eine Binärdatei, kein Text (erwartet: ein LinkedIn-Datenexport (ZIP, Invitations.csv, Connections.csv), ein Adressbuch als CSV, eine vCard oder eine LDIF-Datei)",
    );
    expect((await problemOf(fixture("bad", "unterminated.vcf"))).message).toMatch(
      /unterminated\.vcf, Zeile 4: Die Datei endet innerhalb der Karte, die in Zeile 1 beginnt \(erwartet: END:VCARD\)$/,
    );
    expect((await problemOf(fixture("bad", "holiday-photos.zip"))).problem).toBe(
      "Das Archiv enthält keine Invitations.csv, Connections.csv, ImportedContacts.csv oder Contacts.csv und kein Adressbuch",
    );
    expect((await problemOf(join(fixture("bad"), "nope.csv"))).problem).toBe(
      "Diese Datei oder diesen Ordner gibt es nicht",
    );
  });
});

function fileReport(over: Partial<FileReport>): FileReport {
  return {
    label: "Outlook-Kontakte.CSV",
    kind: "outlook-csv",
    description: "Outlook CSV (German)",
    encoding: "windows-1252",
    alsoLikely: [],
    outcome: "imported",
    rows: 10,
    imported: 3,
    added: 3,
    skipped: 7,
    skipReasons: {},
    droppedValues: { x500: 0, notEmail: 0 },
    closedInvitations: 0,
    closedAs: { accepted: 0, expired: 0 },
    goneConnections: 0,
    replacedContacts: 0,
    sameAsOtherFormat: 0,
    datedByFile: null,
    ...over,
  };
}

describe("skipped rows", () => {
  afterEach(() => setLang("en"));

  it("carry their code, not words, whatever the language", async () => {
    setLang("de");
    const skips = (await readRecords(fixture("demo", "Outlook-Kontakte.CSV"))).filter(
      (r) => r.type === "skip",
    );
    expect(skips).toEqual([
      { type: "skip", line: expect.any(Number), reason: "row without name, email or phone" },
    ]);
  });

  it("are worded by their code in the report, with the plural each language has", () => {
    const report = {
      files: [
        fileReport({
          skipReasons: { "empty row": 2, "mailing list": 1, "duplicate contact": 4 },
        }),
        fileReport({
          label: "book.vcf",
          kind: "vcard",
          description: "vCard 2.1",
          encoding: "per property, else windows-1252",
          skipReasons: { "card without name, email or phone": 1 },
        }),
      ],
      refused: [],
      passedOver: [],
    };
    expect(renderImportReport(report, plain, 1000)).toContain(
      "Outlook-Kontakte.CSV: skipped 2 empty rows, 1 mailing list; merged 4 duplicate rows; read as windows-1252.",
    );
    setLang("de");
    const german = renderImportReport(report, plain, 1000);
    expect(german).toContain(
      "Outlook-Kontakte.CSV: übersprungen: 2 leere Zeilen, 1 Verteilerliste; 4 doppelte Zeilen zusammengeführt; gelesen als windows-1252.",
    );
    expect(german).toContain(
      "book.vcf: übersprungen: 1 Karte ohne Namen, E-Mail-Adresse oder Telefonnummer; gelesen als windows-1252, wo eine Eigenschaft keine Kodierung angibt.",
    );
    // What the file was recognised as is kept in English and shown in German.
    expect(german).toContain("Outlook CSV (deutsch)");
    expect(german).not.toMatch(/skipped|empty row|mailing list|per property|\(German\)/);
  });
});

describe("the run lock", () => {
  afterEach(() => setLang("en"));

  it("refuses a second run in German, naming the one that holds it", () => {
    const { dir, cleanup } = tempDir();
    const database = join(dir, "invites.db");
    const first = acquireRunLock(database, "remove", () => undefined);
    try {
      setLang("de");
      const refusal = (() => {
        try {
          acquireRunLock(database, "remove", () => "Prozess 42");
        } catch (error) {
          return error;
        }
      })();
      expect(refusal).toBeInstanceOf(RunLockedError);
      expect((refusal as RunLockedError).message).toBe(
        "Ein anderer Lauf von connections remove arbeitet gerade mit dieser Datenbank: Prozess 42",
      );
      expect((refusal as RunLockedError).suggestion).toBe(deStore.runLockedFix);
    } finally {
      first.release();
      cleanup();
    }
  });
});

describe("the preview's summary", () => {
  it("puts the verb of the reminders in the number of the invitations, in both languages", () => {
    const asOf = new Date("2026-11-20T12:00:00Z");
    const week = new Date("2026-11-27T12:00:00Z");
    expect(de.preview.summary(3, asOf, 2, 1, 1, week)).toContain("1 bekommt bis zum 27.11.2026");
    expect(de.preview.summary(3, asOf, 2, 1, 2, week)).toContain("2 bekommen bis zum 27.11.2026");
    expect(en.preview.summary(3, asOf, 2, 1, 1, week)).toContain("1 will get a reminder by");
  });

  it("says that none will get a reminder, not that 0 will, when every reminder has gone", () => {
    const asOf = new Date("2026-11-20T12:00:00Z");
    const week = new Date("2026-11-27T12:00:00Z");
    expect(de.preview.summary(3, asOf, 2, 1, 0, week)).toMatch(
      /; keine bekommt bis zum 27\.11\.2026 eine Erinnerung\.$/,
    );
    expect(en.preview.summary(3, asOf, 2, 1, 0, week)).toMatch(
      /; none will get a reminder by 2026-11-27\.$/,
    );
  });
});

describe("numbers", () => {
  it.each(["en-US", "de-DE"] as const)("are grouped as Intl groups them (%s)", (locale) => {
    const intl = new Intl.NumberFormat(locale);
    const { num } = formatsFor(locale);
    const values = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10_000, 99_999, 100_000];
    values.push(999_999, 1_000_000, 12_345_678, Number.MAX_SAFE_INTEGER, -1, -1000, -1_234_567);
    for (let n = 1; n < 1e15; n = Math.floor(n * 7.3) + 3) values.push(n);
    for (const value of values) expect(num(value), String(value)).toBe(intl.format(value));
    // Fractions go to Intl itself.
    expect(num(1.5)).toBe(intl.format(1.5));
    expect(num(1234.25)).toBe(intl.format(1234.25));
  });
});
