/**
 * What reading the inputs prints: where in a file a problem is, why a file or a table is refused
 * or passed over (src/formats/), and the rows an import skips. Both languages side by side; en.ts
 * and de.ts take them as the section `formats`. A problem follows its file and line, as in
 * `Invitations.csv line 3: …`, so a phrase starts in lower case and a sentence in upper case,
 * as each language writes after a colon. Column names, property names and values are the
 * file's own and stay as they are.
 */
import type { SkipReason } from "../core/records.js";
import { formatsFor } from "./format.js";
import type { Shape } from "./shape.js";

const en = formatsFor("en-US");
const de = formatsFor("de-DE");

/** What can be imported, in the words of every message that says what was expected. */
export const EXPECTED_EN =
  "expected a LinkedIn data export (zip, Invitations.csv, Connections.csv), an address book CSV, a vCard or an LDIF file";
export const EXPECTED_DE =
  "erwartet: ein LinkedIn-Datenexport (ZIP, Invitations.csv, Connections.csv), ein Adressbuch als CSV, eine vCard oder eine LDIF-Datei";

/** A delimiter as a message names it: TAB is invisible in quotes. */
const delimiterName = (delimiter: string) => (delimiter === "\t" ? "TAB" : `"${delimiter}"`);

const IF_REAL_EN = "if it is real, unpack the archive and import the file itself";
const IF_REAL_DE =
  "wenn sie echt ist, entpacken Sie das Archiv und importieren Sie die Datei selbst";

export const enFormats = {
  /** Where a problem is: `Invitations.csv line 3`. */
  location: (file: string, line?: number) => (line === undefined ? file : `${file} line ${line}`),

  /** A file or folder the user named. */
  notFound: "no such file or folder",
  /** `kind` as src/user-files.ts names it: `a named pipe (FIFO)`, `a device`. */
  notAFile: (kind: string) => `${kind}, not a file (${EXPECTED_EN})`,
  /** Inside a folder: links are read as their files, never followed into folders. */
  linkedFolder:
    "a symbolic link to a folder, not followed (name the folder itself to import what it holds)",
  danglingLink: "a symbolic link to nothing (its target does not exist or cannot be reached)",
  empty: `the file is empty (${EXPECTED_EN})`,
  notText: (kind: string) => `${kind}, not text (${EXPECTED_EN})`,
  binary: {
    office: "an Excel or Outlook binary file (save it as CSV first)",
    pdf: "a PDF document",
    gzip: "a gzip archive (unpack it first)",
    other: "a binary file",
  },
  notTable: "not an address book or invitations table",
  noKnownColumns: `not an address book or LinkedIn export table: no known column names in the first lines (${EXPECTED_EN})`,
  unsupported: (table: string) => `recognised as ${table}, which holds nothing this tool imports`,
  removedRecord: "invites' own record of the connections it removed (removed-connections.csv)",
  notUtf8:
    "not valid UTF-8 (expected UTF-8, as --encoding utf-8 says; leave --encoding out to have the code page detected)",
  cutOffUtf8:
    "ends in the middle of a character: the file seems cut off (expected the whole file; download or copy it again)",
  strayByte:
    "holds a byte that is not UTF-8 in a file that is UTF-8 everywhere else (expected UTF-8 throughout; the file may be damaged: fix this line, or save the file again as UTF-8)",
  strayByteInValue:
    "holds a byte that is not UTF-8 in a value that is UTF-8 otherwise (expected UTF-8 throughout; the file may be damaged: fix this line, or save the file again as UTF-8)",
  unreadable: (why: string) => `could not be read to the end (${why}); is the file complete?`,
  entryUnreadable: (why: string) =>
    `could not be read (${why}); is it still there, and may you open it?`,
  readerFailed: (why: string) => `reading the input failed: ${why}`,
  changedWhileRead:
    "changed while it was read, so nothing of it was imported (expected a file that stays as it is until the import ends); import it again",

  /** Archives, and the bounds of what a real export holds (src/formats/zip.ts). */
  inflatesTo: (mib: number, maxMib: number) =>
    `inflates to ${en.num(mib)} MiB, more than a table of a real export holds (expected at most ${en.num(maxMib)} MiB; ${IF_REAL_EN})`,
  tooMany: (bound: number, unit: "rows" | "lines") =>
    `more than ${en.num(bound)} ${unit === "rows" ? "rows" : "lines"}, more than a table of a real export holds (${IF_REAL_EN})`,
  badZip: (why: string) =>
    `not a readable zip archive (${why}); is the download complete? Else download it again from the link in LinkedIn's e-mail`,
  zipWhy: {
    cutOff: "it ends before the archive does: cut off, or no zip at all",
    broken: "its inside is damaged",
  },
  corruptZip: (why: string) => `corrupt zip archive (${why}); download the export again`,
  corruptEntry: (why: string) => `corrupt zip entry (${why}); download the export again`,
  noTableInArchive: "an archive with no table this tool imports",
  emptyArchive:
    "the archive holds no Invitations.csv, Connections.csv, ImportedContacts.csv, Contacts.csv or address book",

  /** CSV tables (src/formats/csv.ts, linkedin.ts). */
  csv: {
    cutOff: (cells: number, width: number) =>
      `the last row ends after ${en.num(cells)} of ${en.num(width)} fields, without a line break: the file looks cut off (expected a complete file; download or export it again)`,
    unclosedQuote: 'a quoted field opens here and is never closed (expected a closing ")',
    tooManyFields: (fields: number, width: number, delimiter: string) =>
      `${en.num(fields)} fields, the header has ${en.num(width)} (expected at most ${en.num(width)}: a value with a ${delimiterName(delimiter)} in it must be in double quotes, or the values after it move to the wrong columns)`,
    cellHoldsColumns: (count: number, delimiter: string, lines: number) =>
      `one value holds the delimiter ${delimiterName(delimiter)} ${en.num(count)} times${lines > 1 ? ` and runs over ${en.num(lines)} lines` : ""}, as if it were several columns${lines > 1 ? " and rows" : ""}: a double quote is missing or one too many here (expected each value in its own column)`,
    rowTooLong:
      "a row longer than 1 MiB (expected rows of a contact list or export table; is this file really CSV?)",
    unreadable: (why: string) => `unreadable CSV (${why})`,
    direction: (value: string) => `Direction is "${value}" (expected INCOMING or OUTGOING)`,
    sentAt: (value: string) =>
      `Sent At is "${value}" (expected a date like 1/29/26, 2:37 PM or 2026-06-01 10:00 UTC)`,
    connectedOn: (value: string) =>
      `Connected On is "${value}" (expected a date like 08 Feb 2026 or 12/22/16, 9:55 AM)`,
  },

  /** vCard files (src/formats/vcard.ts). */
  vcard: {
    lineTooLong: "a vCard line longer than 16 MiB (expected properties of a contact card)",
    beginInside: (began: number) =>
      `BEGIN:VCARD inside the card that began on line ${began} (expected END:VCARD first)`,
    endWithoutBegin: "END:VCARD without BEGIN:VCARD",
    outsideCard: (text: string) => `"${text}" outside a card (expected BEGIN:VCARD)`,
    noColon: 'a vCard line without ":" (expected NAME:value)',
    endsInside: (began: number) =>
      `the file ends inside the card that began on line ${began} (expected END:VCARD)`,
  },

  /** LDIF files (src/formats/ldif.ts). */
  ldif: {
    lineTooLong: "an LDIF line longer than 16 MiB (expected attributes of a contact entry)",
    noColon: 'a line without ":" (expected attribute: value)',
    badBase64: (attribute: string) =>
      `the base64 value of ${attribute} is broken (expected base64 of UTF-8 text; is the file complete?)`,
    beforeDn: (attribute: string) =>
      `"${attribute}:" before the entry's dn: line (expected dn: first)`,
    continuedFirst: "a continued line with no line before it (expected attribute: value)",
    dnInside: (line: number) =>
      `a new entry's dn: inside the entry that began on line ${en.num(line)} (expected a blank line between two entries)`,
  },

  /**
   * The rows an import skips, counted by reason in the import report: `skipped 2 empty rows`.
   * The reason is the code (and `--json`'s key); these are its words.
   */
  skipped: {
    "empty row": (n: number) => en.count(n, { one: "empty row", other: "empty rows" }),
    "row without name, email or phone": (n: number) =>
      `${en.count(n, { one: "row", other: "rows" })} without name, email or phone`,
    "row with only an Exchange X.500 name": (n: number) =>
      `${en.count(n, { one: "row", other: "rows" })} with only an Exchange X.500 name`,
    "row without recipient": (n: number) =>
      `${en.count(n, { one: "row", other: "rows" })} without recipient`,
    "card without name, email or phone": (n: number) =>
      `${en.count(n, { one: "card", other: "cards" })} without name, email or phone`,
    "entry without name, email or phone": (n: number) =>
      `${en.count(n, { one: "entry", other: "entries" })} without name, email or phone`,
    "mailing list": (n: number) => en.count(n, { one: "mailing list", other: "mailing lists" }),
    "duplicate row": (n: number) => en.count(n, { one: "duplicate row", other: "duplicate rows" }),
    "duplicate contact": (n: number) =>
      en.count(n, { one: "duplicate contact", other: "duplicate contacts" }),
  } satisfies Record<SkipReason, (n: number) => string>,

  /**
   * What a file was recognised as, as the readers describe it (`Outlook CSV (German)`): kept so
   * in the database and in `--json`, and worded here when it is shown.
   */
  recognised: {
    qualifiers: {
      English: "English",
      German: "German",
      French: "French",
      Spanish: "Spanish",
      legacy: "legacy",
    },
    googleOutlook: "Google's Outlook CSV",
    invitesExport: "Connections exported by invites",
  },
  /** A vCard whose properties name their own charset: the encoding of those that do not. */
  perProperty: (fallback: string) => `per property, else ${fallback}`,
};

export const deFormats: Shape<typeof enFormats> = {
  location: (file, line) => (line === undefined ? file : `${file}, Zeile ${line}`),

  notFound: "Diese Datei oder diesen Ordner gibt es nicht",
  notAFile: (kind) => `${kind}, keine Datei (${EXPECTED_DE})`,
  linkedFolder:
    "ein symbolischer Link auf einen Ordner, dem nicht gefolgt wird (geben Sie den Ordner selbst an, um zu importieren, was er enthält)",
  danglingLink:
    "ein symbolischer Link ins Leere (sein Ziel gibt es nicht, oder es ist nicht erreichbar)",
  empty: `Die Datei ist leer (${EXPECTED_DE})`,
  notText: (kind) => `${kind}, kein Text (${EXPECTED_DE})`,
  binary: {
    office: "eine Excel- oder Outlook-Binärdatei (speichern Sie sie zuerst als CSV)",
    pdf: "ein PDF-Dokument",
    gzip: "ein gzip-Archiv (entpacken Sie es zuerst)",
    other: "eine Binärdatei",
  },
  notTable: "weder ein Adressbuch noch eine Tabelle mit Einladungen",
  noKnownColumns: `weder ein Adressbuch noch eine Tabelle eines LinkedIn-Exports: In den ersten Zeilen stehen keine bekannten Spaltennamen (${EXPECTED_DE})`,
  unsupported: (table) =>
    `als ${table} erkannt; darin steht nichts, was dieses Werkzeug importiert`,
  removedRecord:
    "die eigene Liste von invites mit den Kontakten, die es entfernt hat (removed-connections.csv)",
  notUtf8:
    "kein gültiges UTF-8 (erwartet: UTF-8, wie --encoding utf-8 angibt; lassen Sie --encoding weg, damit die Codepage erkannt wird)",
  cutOffUtf8:
    "endet mitten in einem Zeichen: Die Datei scheint abgeschnitten (erwartet: die ganze Datei; laden oder kopieren Sie sie noch einmal)",
  strayByte:
    "enthält ein Byte, das kein UTF-8 ist, in einer Datei, die sonst überall UTF-8 ist (erwartet: durchgehend UTF-8; die Datei ist womöglich beschädigt: berichtigen Sie diese Zeile oder speichern Sie die Datei noch einmal als UTF-8)",
  strayByteInValue:
    "enthält ein Byte, das kein UTF-8 ist, in einem Wert, der sonst UTF-8 ist (erwartet: durchgehend UTF-8; die Datei ist womöglich beschädigt: berichtigen Sie diese Zeile oder speichern Sie die Datei noch einmal als UTF-8)",
  unreadable: (why) => `ließ sich nicht bis zum Ende lesen (${why}); ist die Datei vollständig?`,
  entryUnreadable: (why) =>
    `ließ sich nicht lesen (${why}); ist es noch da, und haben Sie Zugriff darauf?`,
  readerFailed: (why) => `Das Lesen der Eingabe ist fehlgeschlagen: ${why}`,
  changedWhileRead:
    "hat sich beim Lesen geändert, darum wurde nichts davon importiert (erwartet: eine Datei, die bis zum Ende des Imports bleibt, wie sie ist); importieren Sie sie erneut",

  inflatesTo: (mib, maxMib) =>
    `ist entpackt ${de.num(mib)} MiB groß, mehr, als eine Tabelle eines echten Exports enthält (erwartet: höchstens ${de.num(maxMib)} MiB; ${IF_REAL_DE})`,
  tooMany: (bound) =>
    `mehr als ${de.num(bound)} Zeilen, mehr, als eine Tabelle eines echten Exports enthält (${IF_REAL_DE})`,
  badZip: (why) =>
    `kein lesbares ZIP-Archiv (${why}); ist der Download vollständig? Laden Sie es sonst über den Link in LinkedIns E-Mail erneut herunter`,
  zipWhy: {
    cutOff: "es endet vor dem Ende des Archivs: abgeschnitten, oder gar kein ZIP",
    broken: "sein Inhalt ist beschädigt",
  },
  corruptZip: (why) => `beschädigtes ZIP-Archiv (${why}); laden Sie den Export erneut herunter`,
  corruptEntry: (why) =>
    `beschädigter Eintrag im ZIP-Archiv (${why}); laden Sie den Export erneut herunter`,
  noTableInArchive: "ein Archiv ohne eine Tabelle, die dieses Werkzeug importiert",
  emptyArchive:
    "Das Archiv enthält keine Invitations.csv, Connections.csv, ImportedContacts.csv oder Contacts.csv und kein Adressbuch",

  csv: {
    cutOff: (cells, width) =>
      `Die letzte Zeile endet nach ${de.num(cells)} von ${de.num(width)} Feldern, ohne Zeilenumbruch: Die Datei sieht abgeschnitten aus (erwartet: eine vollständige Datei; laden Sie sie erneut herunter oder exportieren Sie sie erneut)`,
    unclosedQuote:
      'Hier beginnt ein Feld in Anführungszeichen, das nie geschlossen wird (erwartet: ein schließendes ")',
    tooManyFields: (fields, width, delimiter) =>
      `${de.num(fields)} Felder, die Kopfzeile hat ${de.num(width)} (erwartet: höchstens ${de.num(width)}; ein Wert mit ${delimiterName(delimiter)} darin muss in doppelten Anführungszeichen stehen, sonst rücken die Werte danach in falsche Spalten)`,
    cellHoldsColumns: (count, delimiter, lines) =>
      `ein Wert enthält das Trennzeichen ${delimiterName(delimiter)} ${de.num(count)}-mal${lines > 1 ? ` und reicht über ${de.num(lines)} Zeilen` : ""}, als wären es mehrere Spalten${lines > 1 ? " und Zeilen" : ""}: Hier fehlt ein doppeltes Anführungszeichen, oder es ist eines zu viel (erwartet: jeder Wert in seiner eigenen Spalte)`,
    rowTooLong:
      "eine Zeile von mehr als 1 MiB (erwartet: Zeilen einer Kontaktliste oder einer Tabelle eines Exports; ist diese Datei wirklich CSV?)",
    unreadable: (why) => `kein lesbares CSV (${why})`,
    direction: (value) => `Direction ist "${value}" (erwartet: INCOMING oder OUTGOING)`,
    sentAt: (value) =>
      `Sent At ist "${value}" (erwartet: ein Datum wie 1/29/26, 2:37 PM oder 2026-06-01 10:00 UTC)`,
    connectedOn: (value) =>
      `Connected On ist "${value}" (erwartet: ein Datum wie 08 Feb 2026 oder 12/22/16, 9:55 AM)`,
  },

  vcard: {
    lineTooLong:
      "eine vCard-Zeile von mehr als 16 MiB (erwartet: Eigenschaften einer Kontaktkarte)",
    beginInside: (began) =>
      `BEGIN:VCARD innerhalb der Karte, die in Zeile ${began} beginnt (erwartet: zuerst END:VCARD)`,
    endWithoutBegin: "END:VCARD ohne BEGIN:VCARD",
    outsideCard: (text) => `"${text}" außerhalb einer Karte (erwartet: BEGIN:VCARD)`,
    noColon: 'eine vCard-Zeile ohne ":" (erwartet: NAME:Wert)',
    endsInside: (began) =>
      `Die Datei endet innerhalb der Karte, die in Zeile ${began} beginnt (erwartet: END:VCARD)`,
  },

  ldif: {
    lineTooLong: "eine LDIF-Zeile von mehr als 16 MiB (erwartet: Attribute eines Kontakteintrags)",
    noColon: 'eine Zeile ohne ":" (erwartet: Attribut: Wert)',
    badBase64: (attribute) =>
      `Der base64-Wert von ${attribute} ist beschädigt (erwartet: base64 eines UTF-8-Textes; ist die Datei vollständig?)`,
    beforeDn: (attribute) =>
      `"${attribute}:" vor der dn:-Zeile des Eintrags (erwartet: zuerst dn:)`,
    continuedFirst: "eine Fortsetzungszeile ohne eine Zeile davor (erwartet: Attribut: Wert)",
    dnInside: (line) =>
      `die dn:-Zeile eines neuen Eintrags innerhalb des Eintrags ab Zeile ${de.num(line)} (erwartet: eine Leerzeile zwischen zwei Einträgen)`,
  },

  skipped: {
    "empty row": (n) => de.count(n, { one: "leere Zeile", other: "leere Zeilen" }),
    "row without name, email or phone": (n) =>
      `${de.count(n, { one: "Zeile", other: "Zeilen" })} ohne Namen, E-Mail-Adresse oder Telefonnummer`,
    "row with only an Exchange X.500 name": (n) =>
      `${de.count(n, { one: "Zeile", other: "Zeilen" })} mit nur einem Exchange-X.500-Namen`,
    "row without recipient": (n) =>
      `${de.count(n, { one: "Zeile", other: "Zeilen" })} ohne Empfänger`,
    "card without name, email or phone": (n) =>
      `${de.count(n, { one: "Karte", other: "Karten" })} ohne Namen, E-Mail-Adresse oder Telefonnummer`,
    "entry without name, email or phone": (n) =>
      `${de.count(n, { one: "Eintrag", other: "Einträge" })} ohne Namen, E-Mail-Adresse oder Telefonnummer`,
    "mailing list": (n) => de.count(n, { one: "Verteilerliste", other: "Verteilerlisten" }),
    "duplicate row": (n) => de.count(n, { one: "doppelte Zeile", other: "doppelte Zeilen" }),
    "duplicate contact": (n) =>
      de.count(n, { one: "doppelter Adressbuch-Kontakt", other: "doppelte Adressbuch-Kontakte" }),
  },

  recognised: {
    qualifiers: {
      English: "englisch",
      German: "deutsch",
      French: "französisch",
      Spanish: "spanisch",
      legacy: "altes Format",
    },
    googleOutlook: "Outlook CSV von Google",
    invitesExport: "Von invites exportierte Kontakte",
  },
  perProperty: (fallback) => `${fallback}, wo eine Eigenschaft keine Kodierung angibt`,
};
