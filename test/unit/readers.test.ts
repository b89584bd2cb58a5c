import { createReadStream, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { ContactRecord, ImportRecord, InvitationRecord } from "../../src/core/records.js";
import { withoutUtf8Bom } from "../../src/formats/bytes.js";
import { readCsvRecords, sniffCsv } from "../../src/formats/csv.js";
import { type InputTable, readInputs } from "../../src/formats/inputs.js";
import { readLdifRecords } from "../../src/formats/ldif.js";
import { readVCardRecords } from "../../src/formats/vcard.js";
import { fixture, tempDir } from "../support/cli.js";

interface ReadTable {
  table: InputTable;
  records: ImportRecord[];
}

async function readAll(...path: string[]): Promise<ReadTable[]> {
  const tables: ReadTable[] = [];
  for await (const item of readInputs([fixture(...path)])) {
    if ("passedOver" in item) continue;
    const records: ImportRecord[] = [];
    for await (const batch of item.batches()) records.push(...batch);
    tables.push({ table: item, records });
  }
  return tables;
}

async function readOne(...path: string[]): Promise<ReadTable> {
  const [first] = await readAll(...path);
  if (!first) throw new Error(`nothing read from ${path.join("/")}`);
  return first;
}

function contacts(t: ReadTable): ContactRecord[] {
  return t.records.filter((r): r is ContactRecord => r.type === "contact");
}

function byName(t: ReadTable, name: string): ContactRecord {
  const found = contacts(t).find((c) => c.displayName === name);
  if (!found) throw new Error(`no contact "${name}" in ${contacts(t).map((c) => c.displayName)}`);
  return found;
}

describe("LinkedIn export tables", () => {
  it("reads Invitations.csv with URL columns, quoted multi-line messages and email invitees", async () => {
    const t = await readOne("linkedin", "Invitations.csv");
    expect(t.table.info.kind).toBe("linkedin-invitations");
    const inv = t.records.filter((r): r is InvitationRecord => r.type === "invitation");
    expect(inv).toHaveLength(7);
    expect(inv[0]).toMatchObject({
      line: 2,
      direction: "OUTGOING",
      fromName: "Katrin Böhm",
      toName: "Jürgen Weiß",
      sentAt: "2026-01-29T14:37:00Z",
      message: null,
      inviteeUrl: "https://www.linkedin.com/in/juergen-weiss-123/",
      inviteeEmail: null,
    });
    expect(inv[2]?.message).toBe(
      'Hallo Anna,\nwie besprochen: "Projekt Süd" startet im April.\nGruß, Katrin',
    );
    expect(inv[3]).toMatchObject({
      toName: "bewerbung@stadtwerke.example",
      inviteeEmail: "bewerbung@stadtwerke.example",
    });
    // The multi-line message spans lines 4 to 6: the next row starts on line 7.
    expect(inv[3]?.line).toBe(7);
    expect(inv[4]).toMatchObject({
      toName: "Oma Hildegard",
      inviteeEmail: "oma.hildegard@gmx.example",
    });
    expect(inv[5]).toMatchObject({
      direction: "INCOMING",
      fromName: "Tomáš Dvořák",
      inviteeEmail: null,
    });
    expect(t.records.at(-1)).toEqual({ type: "skip", line: 11, reason: "empty row" });
  });

  it("refuses an Invitations.csv whose last row is cut off in the middle, naming the line", async () => {
    await expect(readAll("bad", "Invitations-truncated.csv")).rejects.toThrow(
      /Invitations-truncated\.csv line 5: the last row ends after 6 of 7 fields, without a line break: the file looks cut off/,
    );
  });

  it("reads the old five-column Invitations.csv with ISO dates", async () => {
    const t = await readOne("linkedin", "Invitations-old.csv");
    expect(t.records.map((r) => (r.type === "invitation" ? r.sentAt : r.type))).toEqual([
      "2021-08-01T10:00:00Z",
      "2026-06-01T10:00:00Z",
      "2026-06-02T08:15:00Z",
    ]);
    expect(t.records[1]).toMatchObject({
      message: 'Liebe Ines, "danke" für alles!',
      inviterUrl: null,
    });
  });

  it("finds the Connections.csv header after the Notes preamble, keeps hidden members", async () => {
    const t = await readOne("linkedin", "Connections.csv");
    expect(t.table.info.kind).toBe("linkedin-connections");
    expect(t.records).toHaveLength(5);
    expect(t.records[0]).toMatchObject({
      type: "connection",
      line: 5,
      firstName: "Jürgen",
      lastName: "Weiß",
      company: "Müller & Söhne GmbH",
      connectedOn: "2026-02-08",
    });
    expect(t.records[1]).toMatchObject({
      position: 'Head of "Growth", EMEA',
      email: "zoe.lefevre@example.fr",
    });
    expect(t.records[2]).toMatchObject({
      type: "connection",
      firstName: "",
      lastName: "",
      connectedOn: "2025-03-03",
    });
    expect(t.records[3]).toMatchObject({ type: "skip", reason: "empty row" });
    // The last row has no newline.
    expect(t.records[4]).toMatchObject({ firstName: "Małgorzata", connectedOn: "2026-04-01" });
  });

  it("reads an old Connections.csv without URL column and old date forms", async () => {
    const t = await readOne("linkedin", "Connections-old.csv");
    expect(t.records).toEqual([
      expect.objectContaining({ firstName: "Sören", url: null, connectedOn: "2019-03-12" }),
      expect.objectContaining({ company: "Nowak, Kowalski & Co", connectedOn: "2021-03-29" }),
    ]);
  });

  it("reads a Connections.csv of 2016 to 2018: no preamble, no URL, dates with a time", async () => {
    const t = await readOne("linkedin", "Connections-2016.csv");
    expect(t.table.info.kind).toBe("linkedin-connections");
    expect(t.records.map((r) => (r.type === "connection" ? r.connectedOn : r.type))).toEqual([
      "2016-12-22",
      "2017-01-03",
      "2017-07-14",
      "2018-03-05",
      "2018-11-30",
    ]);
    expect(t.records[0]).toMatchObject({
      line: 2,
      firstName: "Jürgen",
      lastName: "Weiß",
      url: null,
      email: "juergen.weiss@example.de",
      company: "Müller & Söhne GmbH",
    });
  });

  it("reads an Excel re-save: semicolons, windows-1252, padded preamble", async () => {
    const t = await readOne("linkedin", "Connections-excel.csv");
    expect(t.table.info.encoding).toBe("windows-1252");
    expect(t.records).toEqual([
      expect.objectContaining({ lastName: "Weiß", company: "Müller & Söhne GmbH" }),
      expect.objectContaining({ firstName: "Heike", lastName: "Voß", connectedOn: "2021-03-29" }),
    ]);
  });

  it("splits the uploaded contacts' Emails and PhoneNumbers cells", async () => {
    const t = await readOne("linkedin", "ImportedContacts.csv");
    expect(t.table.info.kind).toBe("linkedin-imported-contacts");
    expect(byName(t, "Jürgen Weiß")).toMatchObject({
      emails: ["juergen.weiss@example.de", "jw@mueller-soehne.example"],
      phones: ["+49 171 2345678", "+49 221 998877"],
    });
    expect(contacts(t)[1]).toMatchObject({
      displayName: "",
      emails: ["bewerbung@stadtwerke.example"],
    });
    expect(byName(t, "Ines Maria Köhler").emails).toEqual(["ines.koehler@example.de"]);
  });

  it("reads the older Contacts.csv", async () => {
    const t = await readOne("linkedin", "Contacts.csv");
    expect(t.table.info.kind).toBe("linkedin-contacts");
    expect(byName(t, "Frieda Bäcker")).toMatchObject({
      company: "Bäckerei Groß, Filiale Süd",
      emails: ["frieda@baeckerei-gross.example", "info@baeckerei-gross.example"],
    });
  });
});

describe("address books", () => {
  it("Google CSV: BOM, ::: cells, multi-line notes, phone-only and empty rows", async () => {
    const t = await readOne("address-books", "google.csv");
    expect(t.table.info.kind).toBe("google-csv");
    expect(byName(t, "Jürgen Weiß")).toMatchObject({
      company: "Müller & Söhne GmbH",
      title: "Geschäftsführer",
      emails: ["juergen.weiss@example.de", "jw@privat.example", "jw@gmx.example"],
      phones: ["+49 171 2345678", "+49 171 8765432"],
    });
    expect(contacts(t).find((c) => c.displayName === "")?.phones).toEqual(["+49 160 1111111"]);
    expect(byName(t, "Stadtwerke Köln").emails).toEqual(["kundenservice@stadtwerke.example"]);
    expect(t.records.filter((r) => r.type === "skip")).toHaveLength(1);
  });

  it("legacy Google CSV in UTF-16LE, with Cyrillic names", async () => {
    const t = await readOne("address-books", "google-legacy.csv");
    expect(t.table.info).toMatchObject({ kind: "google-csv-legacy", encoding: "utf-16le" });
    expect(byName(t, "Käthe Müller-Lüdenscheidt").emails).toEqual([
      "kaethe@example.de",
      "k.mueller@example.de",
    ]);
    expect(byName(t, "Агния Барто").emails).toEqual(["agnia@example.ru"]);
  });

  it("Google CSV in UTF-16BE", async () => {
    const t = await readOne("address-books", "google-utf16be.csv");
    expect(t.table.info.encoding).toBe("utf-16be");
    expect(byName(t, "Björn Möller").emails).toEqual(["bjoern.moeller@example.de"]);
  });

  it("Google's Outlook CSV", async () => {
    const t = await readOne("address-books", "google-outlook.csv");
    expect(t.table.info.kind).toBe("google-outlook-csv");
    expect(byName(t, "François Lefèvre")).toMatchObject({
      company: "Lefèvre, Fils & Cie",
      emails: ["francois@example.fr", "f.lefevre@work.example"],
      phones: ["+33 6 12 34 56 78"],
    });
  });

  it("desktop Outlook in English: windows-1252, X.500 names left out, faxes are no phones", async () => {
    const t = await readOne("address-books", "outlook-en.csv");
    expect(t.table.info).toMatchObject({
      kind: "outlook-csv",
      description: "Outlook CSV (English)",
      encoding: "windows-1252",
    });
    expect(byName(t, "Günther Fuß")).toMatchObject({
      company: "Schröder Logistik AG",
      emails: ["guenther.fuss@example.de"],
      phones: ["+49 30 123"],
    });
    expect(byName(t, "Exchange Only")).toMatchObject({
      emails: [],
      dropped: { x500: 1, notEmail: 0 },
    });
    expect(t.records.at(-1)).toMatchObject({
      type: "skip",
      reason: "row with only an Exchange X.500 name",
    });
  });

  it("desktop Outlook in German, windows-1252, multi-line quoted cells", async () => {
    const t = await readOne("address-books", "outlook-de.csv");
    expect(t.table.info.description).toBe("Outlook CSV (German)");
    expect(byName(t, "Jürgen Weiß")).toMatchObject({
      company: "Müller & Söhne GmbH",
      title: "Geschäftsführer",
    });
    expect(byName(t, "Dörte Schröder").emails).toEqual([
      "doerte@baeckerei-gross.example",
      "d.schroeder@privat.example",
    ]);
    expect(byName(t, "Hans-Peter Groß")).toMatchObject({
      emails: ["hp.gross@stadtwerke.example"],
      dropped: { x500: 1, notEmail: 0 },
    });
    expect(byName(t, "Zoë Lefèvre").emails).toEqual(["zoe.lefevre@example.fr"]);
  });

  it("German Outlook re-saved by Excel with semicolons", async () => {
    const t = await readOne("address-books", "outlook-de-semicolon.csv");
    expect(byName(t, "Käthe Groß")).toMatchObject({
      company: "Weiß & Partner, Rechtsanwälte",
      phones: ["+49 170 555", "0221 777"],
    });
    expect(byName(t, "Björn Ulrich Straße").emails).toEqual(["bjoern.strasse@stadtwerke.example"]);
  });

  it("French and Spanish Outlook headers", async () => {
    const fr = await readOne("address-books", "outlook-fr.csv");
    expect(fr.table.info).toMatchObject({
      description: "Outlook CSV (French)",
      encoding: "windows-1252",
    });
    expect(byName(fr, "Élodie Lefèvre-Château")).toMatchObject({
      company: "Crème Brûlée SARL",
      phones: ["+33 6 98 76 54 32"],
    });
    expect(byName(fr, "Noël Kœnig").emails).toEqual(["noel.koenig@example.fr"]);
    const es = await readOne("address-books", "outlook-es.csv");
    expect(es.table.info.description).toBe("Outlook CSV (Spanish)");
    expect(byName(es, "José Muñoz Peña")).toMatchObject({
      company: "Señor Café, S.L.",
      title: "Director",
      emails: ["jose.munoz@example.es", "pepe@example.es"],
    });
  });

  it("detects windows-1250 so that Polish and Czech names survive", async () => {
    const t = await readOne("address-books", "outlook-en-cp1250.csv");
    expect(t.table.info.encoding).toBe("windows-1250");
    expect(contacts(t).map((c) => c.displayName)).toEqual([
      "Małgorzata Wiśniewska-Żak",
      "Tomáš Dvořák",
      "Zdzisław Łęcki",
    ]);
    expect(byName(t, "Tomáš Dvořák").company).toBe("Příliš žluťoučký kůň s.r.o.");
  });

  it("detects Mac OS Roman (Excel for Mac's CSV): every accented name survives", async () => {
    const t = await readOne("address-books", "google-excel-mac.csv");
    expect(t.table.info).toMatchObject({
      kind: "google-csv",
      encoding: "macintosh",
      alsoLikely: [],
    });
    expect(contacts(t)).toHaveLength(60);
    expect(byName(t, "Jürgen Weiß")).toMatchObject({
      company: "Müller & Söhne GmbH",
      title: "Geschäftsführer",
      emails: ["juergen.weiss@example.de"],
    });
    for (const [name, company] of [
      ["Øystein Ødegård", "Ødegård Fjellsport"],
      ["Élodie Lefèvre-Château", "Crème Brûlée SARL"],
      ["Noël Kœnig", "Kœnig Pâtisserie"],
      ["Clémence Dubœuf", "Dubœuf Vins"],
      ["José Muñoz Peña", "Señor Café, S.L."],
      ["Conceição Simões", "Simões Lda."],
      ["Gisela Bößl", "Bößl Immobilien"],
    ]) {
      expect(byName(t, name as string).company).toBe(company);
    }
  });

  it("says which code pages were almost as likely when a few bytes hardly tell them apart", async () => {
    const t = await readOne("address-books", "google-excel-mac-short.csv");
    // ë and ï of Mac OS Roman are quotes and bullets in windows-1252: as plausible either way.
    expect(t.table.info).toMatchObject({ encoding: "windows-1252", alsoLikely: ["macintosh"] });
  });

  it("Outlook.com CSV", async () => {
    const t = await readOne("address-books", "outlook-com.csv");
    expect(t.table.info.kind).toBe("outlook-com-csv");
    expect(byName(t, "Ülkü Özdemir")).toMatchObject({
      emails: ["uelkue.oezdemir@outlook.example"],
      phones: ["+49 176 4444"],
    });
  });

  it("Thunderbird CSV in English (old trailing comma) and German TAB", async () => {
    const en = await readOne("address-books", "thunderbird-en.csv");
    expect(en.table.info.kind).toBe("thunderbird-csv");
    expect(byName(en, "Matze Hübner")).toMatchObject({
      firstName: "Matthias",
      emails: ["matthias.huebner@example.de", "matze@example.org"],
      company: "Hübner, Krause & Co",
    });
    const de = await readOne("address-books", "thunderbird-de.tab");
    expect(de.table.info.description).toBe("Thunderbird CSV (German)");
    expect(byName(de, "Frieda Wünsche")).toMatchObject({
      emails: ["frieda.wuensche@example.de"],
      phones: ["030 1234"],
    });
  });

  it("refuses a row with values or extra fields past the header's, and reads short rows and the header's own empty fields", async () => {
    const read = async (text: string) => {
      const layout = sniffCsv(text, true);
      if (!layout?.match || !("format" in layout.match)) throw new Error("not recognised");
      const records: ImportRecord[] = [];
      const rows = readCsvRecords(
        "g.csv",
        Readable.from([Buffer.from(text)]),
        "utf-8",
        layout,
        layout.match.format,
        100,
      );
      for await (const batch of rows) records.push(...batch);
      return records.filter((r): r is ContactRecord => r.type === "contact");
    };
    const header = "First Name,Last Name,E-mail 1 - Value,Phone 1 - Value\n";
    await expect(read(`${header}Hans,Müller, Jr.,hans@example.com,+49 30 1234\n`)).rejects.toThrow(
      /^g\.csv line 2: 5 fields, the header has 4 \(expected at most 4/,
    );
    // The unquoted comma of a row whose last columns are empty: only its length tells.
    await expect(read(`${header}Hans,Müller, Jr.,hans@example.com,\n`)).rejects.toThrow(
      /^g\.csv line 2: 5 fields, the header has 4 \(expected at most 4/,
    );
    // Empty fields past the names that the header row has as well (old Thunderbird, Excel), a
    // short row, and a row of delimiters alone.
    const padded = "First Name,Last Name,E-mail 1 - Value,Phone 1 - Value,,\n";
    const kept = await read(
      `${padded}Hans,Müller,hans@example.com,+49 30 1234,, \nAnna,Nowak\n,,,,,,,\n`,
    );
    expect(kept.map((c) => [c.displayName, c.emails, c.phones])).toEqual([
      ["Hans Müller", ["hans@example.com"], ["+49 30 1234"]],
      ["Anna Nowak", [], []],
    ]);
  });

  it("GMX/WEB.DE in ISO-8859-1 and Yahoo", async () => {
    const gmx = await readOne("address-books", "gmx.csv");
    expect(gmx.table.info.kind).toBe("gmx-csv");
    expect(byName(gmx, "Heike Voß")).toMatchObject({
      company: "Großhandel Süß",
      emails: ["heike.voss@gmx.example", "h.voss@web.example"],
    });
    const yahoo = await readOne("address-books", "yahoo.csv");
    expect(yahoo.table.info.kind).toBe("yahoo-csv");
    expect(byName(yahoo, "Niklas Lindström")).toMatchObject({
      title: "Engineer",
      phones: ["+46 70 123"],
    });
  });

  it("vCard 2.1: quoted-printable with soft breaks, CHARSET per property, bare parameters", async () => {
    const t = await readOne("address-books", "vcard-21.vcf");
    expect(t.table.info.description).toBe("vCard 2.1");
    expect(byName(t, "Günther Müller-Lüdenscheidt")).toMatchObject({
      firstName: "Günther",
      lastName: "Müller-Lüdenscheidt",
      emails: ["guenther@example.de"],
      phones: ["+49 171 3333"],
      dropped: { x500: 1, notEmail: 0 },
    });
    expect(byName(t, "Herr Jürgen Weiß")).toMatchObject({
      company: "Müller & Söhne GmbH",
      title: "Geschäftsführer",
      emails: ["juergen.weiss@example.de"],
    });
    // Bytes 0x80–0x9F of windows-1252 are letters, quotes and the euro sign, not controls.
    expect(byName(t, "Noël Kœnig")).toMatchObject({
      lastName: "Kœnig",
      company: "„Crème – Brûlée“ SARL",
      title: "Pâtissier, 5 € l’heure",
    });
    // Every 8-bit value names its CHARSET: no code page is a close call, none is suggested.
    expect(t.table.info.alsoLikely).toEqual([]);
  });

  it("vCard 2.1 whose CHARSET=UTF-8 values hold windows-1252: read in the code page, not as �", async () => {
    const t = await readOne("address-books", "vcard-21-mislabelled.vcf");
    expect(t.table.info.encoding).toBe("per property, else windows-1252");
    expect(contacts(t).map((c) => [c.displayName, c.lastName])).toEqual([
      ["Jürgen Müller", "Müller"],
      ["Anna Weiß", "Weiß"],
    ]);
  });

  it("vCard 2.1 without CHARSET: quoted-printable 8-bit bytes in the code page they make sense in", async () => {
    const t = await readOne("address-books", "vcard-21-thebat.vcf");
    // The file is ASCII; only the decoded values show windows-1252.
    expect(t.table.info).toMatchObject({
      description: "vCard 2.1",
      encoding: "per property, else windows-1252",
    });
    expect(contacts(t)).toHaveLength(10);
    expect(
      contacts(t).filter((c) => /[\ufffd\u0080-\u009f]/.test(c.displayName + c.company)),
    ).toEqual([]);
    expect(byName(t, "Jürgen Müller")).toMatchObject({
      firstName: "Jürgen",
      lastName: "Müller",
      company: "Müller & Söhne GmbH",
      title: "Geschäftsführer",
      emails: ["juergen.mueller@example.de"],
    });
    expect(byName(t, "Noël Kœnig").company).toBe("„Kœnig Pâtisserie“");
    // A soft line break inside the value.
    expect(byName(t, "Matthias Hübner").company).toBe(
      "Hübner, Krause & Co – Büro Nürnberg, Abteilung Öffentlichkeitsarbeit",
    );
  });

  it("Thunderbird LDIF: base64 values, folded lines, mail and mozillaSecondEmail", async () => {
    const t = await readOne("address-books", "thunderbird.ldif");
    expect(t.table.info).toMatchObject({ kind: "ldif", description: "LDIF (Thunderbird)" });
    expect(byName(t, "Jürgen Weiß")).toMatchObject({
      line: 1,
      firstName: "Jürgen",
      lastName: "Weiß",
      company: "Müller & Söhne GmbH",
      title: "Geschäftsführer",
      emails: ["juergen.weiss@example.de", "jw@privat.example"],
      phones: ["+49 221 123", "+49 171 2345678"],
    });
    // Its dn is folded onto a second line.
    expect(byName(t, "Käthe Müller-Lüdenscheidt")).toMatchObject({
      line: 18,
      emails: ["kaethe.mueller-luedenscheidt@stadtwerke-koeln.example"],
      phones: ["0221 777"],
    });
    expect(byName(t, "Zoë Lefèvre").emails).toEqual([
      "zoe.lefevre@example.fr",
      "zoe.lefevre@work.example",
    ]);
    expect(byName(t, "Tomáš Dvořák").company).toBe("Dvořák s.r.o.");
    expect(byName(t, "Dörte Schröder").emails).toEqual(["doerte@baeckerei-gross.example"]);
    expect(byName(t, "Kundenservice Stadtwerke").emails).toEqual([
      "kundenservice@stadtwerke.example",
    ]);
    expect(t.records.at(-1)).toMatchObject({ type: "skip", reason: "mailing list" });
  });

  it("a plain LDIF without Thunderbird's attributes", async () => {
    const t = await readOne("address-books", "contacts-minimal.ldif");
    expect(t.table.info.description).toBe("LDIF");
    expect(contacts(t)).toEqual([
      expect.objectContaining({ displayName: "Anna Nowak", emails: ["anna@example.pl"] }),
    ]);
  });

  it("refuses an LDIF cut inside a base64 value, naming the line", async () => {
    await expect(readAll("bad", "thunderbird-cut.ldif")).rejects.toThrow(
      /thunderbird-cut\.ldif line 39: the base64 value of givenName is broken/,
    );
  });

  it("vCard 3.0 from Apple: item groups, escapes, folded lines, photo", async () => {
    const t = await readOne("address-books", "vcard-30-apple.vcf");
    expect(t.table.info.description).toBe("vCard 3.0 (Apple)");
    expect(byName(t, "Dörte Schröder")).toMatchObject({
      company: "Bäckerei Groß, Filiale Süd",
      emails: [
        "doerte@baeckerei-gross.example",
        "d.schroeder@privat.example",
        "doerte.s@mac.example",
      ],
      phones: ["(0221) 555-9999", "+49 160 7777"],
    });
    expect(contacts(t)[1]?.displayName).toBe(
      "Tomáš Dvořák, a very long name so that the line is folded right in the middle of a word",
    );
  });

  it("vCard saved with a UTF-8 byte-order mark (Windows Notepad)", async () => {
    const t = await readOne("address-books", "vcard-30-bom.vcf");
    expect(contacts(t).map((c) => [c.displayName, c.emails])).toEqual([
      ["Jürgen Weiß", ["juergen.weiss@example.de"]],
      ["Anna Nowak", ["anna@example.pl"]],
    ]);
  });

  it("vCard 4.0 with a fold inside a multi-byte character", async () => {
    const t = await readOne("address-books", "vcard-40.vcf");
    expect(contacts(t)).toEqual([
      expect.objectContaining({
        displayName: "Björn Möller",
        company: "Möller; Söhne",
        emails: ["bjoern.moeller@example.de"],
        phones: ["+49-170-1234567"],
      }),
    ]);
  });
});

describe("bounds on what an archive entry may hold", () => {
  it("stops a vCard past its bound of unfolded lines, naming the line", async () => {
    const read = async () => {
      const stream = createReadStream(fixture("address-books", "vcard-30-apple.vcf"));
      for await (const _ of readVCardRecords("cards.vcf", stream, "utf-8", "utf-8", 5)) {
        // Only the error counts.
      }
    };
    await expect(read()).rejects.toThrow(
      /^cards\.vcf line 6: more than 5 lines, more than a table of a real export holds/,
    );
  });

  it("stops an LDIF file past its bound of unfolded lines, naming the line", async () => {
    const read = async () => {
      const stream = createReadStream(fixture("address-books", "thunderbird.ldif"));
      for await (const _ of readLdifRecords("book.ldif", stream, "utf-8", 10)) {
        // Only the error counts.
      }
    };
    await expect(read()).rejects.toThrow(/^book\.ldif line 11: more than 10 lines/);
  });
});

describe("the data export zip", () => {
  it("takes the tables from the archive and passes over the rest", async () => {
    const passed: string[] = [];
    const kinds: string[] = [];
    for await (const item of readInputs([
      fixture("demo", "Basic_LinkedInDataExport_11-20-2026.zip"),
    ])) {
      if ("passedOver" in item) passed.push(item.label.replace(/^.* › /, ""));
      else {
        kinds.push(item.info.kind);
        expect(item.info.writtenAt).toBe("2026-11-20T23:59:59.000Z");
      }
    }
    expect(kinds).toEqual([
      "linkedin-invitations",
      "linkedin-connections",
      "linkedin-imported-contacts",
    ]);
    expect(passed.sort()).toEqual(["Profile.csv", "Rich_Media.csv", "Skills.csv", "messages.csv"]);
  });
});

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

const bytesOf = (...bytes: number[]) => Buffer.from(bytes);

describe("a file written to while it is imported", () => {
  it.each([
    ["grows", (text: string) => `${text}Anna,Nowak,anna@example.pl,+48 22 123\n`],
    ["is rewritten at the same size", (text: string) => text.replace("Hans", "Hanz")],
  ])("is refused when it %s between its inspection and its rows", async (_, change) => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, "g.csv");
      const text =
        "First Name,Last Name,E-mail 1 - Value,Phone 1 - Value\nHans,Müller,hans@example.com,+49 30 1234\n";
      writeFileSync(path, text);
      const read = async () => {
        for await (const item of readInputs([path])) {
          if ("passedOver" in item) throw new Error("passed over");
          writeFileSync(path, change(text));
          for await (const _batch of item.batches());
        }
      };
      await expect(read()).rejects.toThrow(
        `${path}: changed while it was read, so nothing of it was imported (expected a file that stays as it is until the import ends); import it again`,
      );
    } finally {
      cleanup();
    }
  });
});

describe("UTF-8 bytes without their byte-order mark", () => {
  it("drop the mark however the first chunks cut it, and nothing else", async () => {
    const cases: Array<[Buffer[], Buffer]> = [
      [[bytesOf(0xef, 0xbb, 0xbf, 0x61, 0x62)], bytesOf(0x61, 0x62)],
      [[bytesOf(0xef), bytesOf(0xbb), bytesOf(0xbf, 0x61), bytesOf(0x62)], bytesOf(0x61, 0x62)],
      [[bytesOf(0xef, 0xbb, 0xbf)], bytesOf()],
      [[bytesOf(0xef, 0xbb, 0x41)], bytesOf(0xef, 0xbb, 0x41)],
      [[bytesOf(0x61)], bytesOf(0x61)],
      [[bytesOf(0xef, 0xbb)], bytesOf(0xef, 0xbb)],
      [[bytesOf(0x61), bytesOf(0xef, 0xbb, 0xbf)], bytesOf(0x61, 0xef, 0xbb, 0xbf)],
    ];
    for (const [chunks, expected] of cases) {
      expect(Buffer.concat(await collect(withoutUtf8Bom(Readable.from(chunks))))).toEqual(expected);
    }
  });

  it("read as CSV byte by byte, give the rows read in one piece: characters cut by chunks too", async () => {
    const path = fixture("address-books", "google.csv");
    const bytes = readFileSync(path);
    const layout = sniffCsv(new TextDecoder().decode(bytes), true);
    if (!layout?.match || !("format" in layout.match)) throw new Error("google.csv not recognised");
    const format = layout.match.format;
    const read = async (chunks: Buffer[]) => {
      const records: ImportRecord[] = [];
      const rows = readCsvRecords(
        "google.csv",
        Readable.from(chunks),
        "utf-8",
        layout,
        format,
        100,
      );
      for await (const batch of rows) records.push(...batch);
      return records;
    };
    const whole = await read([bytes]);
    expect(whole.length).toBeGreaterThan(3);
    expect(await read([...bytes].map((b) => bytesOf(b)))).toEqual(whole);
    expect(whole).toEqual((await readOne("address-books", "google.csv")).records);
  });
});
