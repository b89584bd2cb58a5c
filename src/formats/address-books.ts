/**
 * Address-book CSV families (Google, Outlook in four languages, Outlook.com, Thunderbird, GMX,
 * Yahoo, LinkedIn's uploaded contacts), recognised by their header and mapped by column name.
 */
import type { ImportRecord } from "../core/records.js";
import { collectEmails, toContactRecord } from "./contact.js";
import { cell, type Header } from "./header.js";
import { isBlankRow, type RowMapper } from "./linkedin.js";

interface ContactColumns {
  display?: readonly string[];
  first: readonly string[];
  middle?: readonly string[];
  last: readonly string[];
  company?: readonly string[];
  title?: readonly string[];
  emails: readonly (string | RegExp)[];
  phones: readonly (string | RegExp)[];
  /** How several values share one cell in this family. */
  emailSplit?: RegExp;
  phoneSplit?: RegExp;
}

// Outlook's names in English, German, French and Spanish. Desktop Outlook, Outlook.com, Google's
// "Outlook CSV" and GMX/WEB.DE all write from this vocabulary; Spanish files mix in English.
const OUTLOOK: ContactColumns = {
  first: ["First Name", "Vorname", "Prénom", "Nombre"],
  middle: [
    "Middle Name",
    "Weitere Vornamen",
    "Zweiter Vorname",
    "2. Vorname",
    "Deuxième prénom",
    "Segundo nombre",
  ],
  last: ["Last Name", "Nachname", "Nom", "Apellidos"],
  company: ["Company", "Firma", "Société", "Organización"],
  title: ["Job Title", "Position", "Puesto"],
  emails: [
    "E-mail Address",
    "E-mail 2 Address",
    "E-mail 3 Address",
    "E-Mail-Adresse",
    "E-Mail 2: Adresse",
    "E-Mail 3: Adresse",
    "Adresse de messagerie",
    "Adresse de messagerie 2",
    "Adresse de messagerie 3",
    "Dirección de correo electrónico",
    "Dirección de correo electrónico 2",
    "Dirección del correo electrónico 3",
  ],
  phones: [
    /phone|telefon|téléphone|^tél\.|teléfono|mobil/i,
    "Pager",
    "ISDN",
    "Callback",
    "Rückmeldung",
    "Particular",
  ],
};

const GOOGLE_EMAILS = /^E-mail \d+ - Value$/i;
const GOOGLE_PHONES = /^Phone \d+ - Value$/i;
const GOOGLE_SPLIT = /\s*:::\s*/;

const GOOGLE: ContactColumns = {
  first: ["First Name"],
  middle: ["Middle Name"],
  last: ["Last Name"],
  company: ["Organization Name"],
  title: ["Organization Title"],
  emails: [GOOGLE_EMAILS],
  phones: [GOOGLE_PHONES],
  emailSplit: GOOGLE_SPLIT,
  phoneSplit: GOOGLE_SPLIT,
};

const GOOGLE_LEGACY: ContactColumns = {
  display: ["Name"],
  first: ["Given Name"],
  middle: ["Additional Name"],
  last: ["Family Name"],
  company: ["Organization 1 - Name"],
  title: ["Organization 1 - Title"],
  emails: [GOOGLE_EMAILS],
  phones: [GOOGLE_PHONES],
  emailSplit: GOOGLE_SPLIT,
  phoneSplit: GOOGLE_SPLIT,
};

const THUNDERBIRD: ContactColumns = {
  display: ["Display Name", "Anzeigename", "Nom à afficher"],
  first: ["First Name", "Vorname", "Prénom"],
  last: ["Last Name", "Nachname", "Nom de famille", "Nom"],
  company: ["Organization", "Organisation", "Société"],
  title: ["Job Title", "Arbeitstitel", "Profession"],
  emails: [
    "Primary Email",
    "Secondary Email",
    "Primäre E-Mail-Adresse",
    "Sekundäre E-Mail-Adresse",
    "Adresse électronique principale",
    "Adresse électronique secondaire",
  ],
  phones: [
    "Work Phone",
    "Home Phone",
    "Mobile Number",
    "Pager Number",
    "Tel. dienstlich",
    "Tel. privat",
    "Mobil-Tel.-Nr.",
    "Pager-Nummer",
    "Portable",
  ],
};

const YAHOO: ContactColumns = {
  first: ["First"],
  middle: ["Middle"],
  last: ["Last"],
  company: ["Company"],
  title: ["Title"],
  emails: ["Email", "Alternate Email 1", "Alternate Email 2"],
  phones: ["Home", "Work", "Mobile", "Other", "Primary", "Yahoo Phone", "Pager"],
};

const LINKEDIN_SPLIT_EMAILS = /[,;\s]+/;
const LINKEDIN_SPLIT_PHONES = /\s*[,;]\s*/;

const LINKEDIN_IMPORTED: ContactColumns = {
  first: ["FirstName"],
  middle: ["MiddleName"],
  last: ["LastName"],
  title: ["Title"],
  emails: ["Emails"],
  phones: ["PhoneNumbers"],
  emailSplit: LINKEDIN_SPLIT_EMAILS,
  phoneSplit: LINKEDIN_SPLIT_PHONES,
};

const LINKEDIN_CONTACTS: ContactColumns = {
  display: ["FullName"],
  first: ["FirstName"],
  last: ["LastName"],
  company: ["Companies"],
  title: ["Title"],
  emails: ["Emails"],
  phones: ["PhoneNumbers"],
  emailSplit: LINKEDIN_SPLIT_EMAILS,
  phoneSplit: LINKEDIN_SPLIT_PHONES,
};

export interface AddressBookFamily {
  kind: string;
  /** For the summary: what the file was recognised as. */
  describe(h: Header): string;
  matches(h: Header): boolean;
  columns: ContactColumns;
}

const OUTLOOK_LANGUAGES: Array<{ name: string; marks: string[] }> = [
  { name: "English", marks: ["Title", "First Name", "Last Name", "E-mail Address", "Company"] },
  { name: "German", marks: ["Anrede", "Vorname", "Nachname", "E-Mail-Adresse", "Firma"] },
  { name: "French", marks: ["Prénom", "Nom", "Adresse de messagerie", "Société", "Titre"] },
  { name: "Spanish", marks: ["Nombre", "Apellidos", "Organización", "Puesto", "Particular"] },
];

/** The language whose Outlook names the header uses most, as Exchange's importer decides. */
export function outlookLanguage(h: Header): { name: string; hits: number } {
  let best = { name: "English", hits: 0 };
  for (const lang of OUTLOOK_LANGUAGES) {
    const hits = lang.marks.filter((m) => h.has(m)).length;
    if (hits > best.hits) best = { name: lang.name, hits };
  }
  return best;
}

function hasAny(h: Header, names: readonly (string | RegExp)[]): boolean {
  return h.findAll(names).length > 0;
}

export const ADDRESS_BOOK_FAMILIES: AddressBookFamily[] = [
  {
    kind: "linkedin-imported-contacts",
    describe: () => "LinkedIn ImportedContacts.csv",
    matches: (h) => h.has("FirstName", "LastName", "Emails") && !h.has("Source"),
    columns: LINKEDIN_IMPORTED,
  },
  {
    kind: "linkedin-contacts",
    describe: () => "LinkedIn Contacts.csv",
    matches: (h) => h.has("Source", "FirstName", "LastName"),
    columns: LINKEDIN_CONTACTS,
  },
  {
    kind: "google-csv-legacy",
    describe: () => "Google Contacts CSV (legacy)",
    matches: (h) =>
      h.has("Given Name", "Family Name") &&
      (h.has("Group Membership") || hasAny(h, [GOOGLE_EMAILS, /^E-mail \d+ - Type$/i])),
    columns: GOOGLE_LEGACY,
  },
  {
    kind: "google-csv",
    describe: () => "Google Contacts CSV",
    matches: (h) =>
      h.has("First Name", "Last Name") &&
      (h.has("Labels") ||
        h.has("Organization Name") ||
        hasAny(h, [GOOGLE_EMAILS, GOOGLE_PHONES, /^E-mail \d+ - Label$/i])),
    columns: GOOGLE,
  },
  {
    kind: "outlook-com-csv",
    describe: () => "Outlook.com CSV",
    matches: (h) =>
      h.startsWith(["First Name", "Middle Name", "Last Name", "Title", "Suffix", "Nickname"]),
    columns: OUTLOOK,
  },
  {
    kind: "google-outlook-csv",
    describe: () => "Google's Outlook CSV",
    matches: (h) =>
      h.first === "first name" && h.has("E-mail Address", "Initials", "Web Page", "Gender"),
    columns: OUTLOOK,
  },
  {
    kind: "thunderbird-csv",
    describe: (h) => `Thunderbird CSV (${outlookLanguage(h).name})`,
    matches: (h) =>
      hasAny(h, ["Primary Email", "Primäre E-Mail-Adresse", "Adresse électronique principale"]),
    columns: THUNDERBIRD,
  },
  {
    kind: "yahoo-csv",
    describe: () => "Yahoo Mail CSV",
    matches: (h) => h.has("First", "Last", "Email", "Alternate Email 1"),
    columns: YAHOO,
  },
  {
    kind: "gmx-csv",
    describe: (h) => `GMX/WEB.DE CSV (${h.first === "nachname" ? "German" : "English"})`,
    // United Internet's "Outlook 2003" export starts with the last name and has 40 columns.
    matches: (h) =>
      (h.first === "nachname" || h.first === "last name") &&
      h.width >= 38 &&
      h.width <= 42 &&
      hasAny(h, OUTLOOK.emails),
    columns: OUTLOOK,
  },
  {
    kind: "outlook-csv",
    describe: (h) => `Outlook CSV (${outlookLanguage(h).name})`,
    matches: (h) =>
      outlookLanguage(h).hits >= 3 &&
      hasAny(h, OUTLOOK.emails) &&
      (h.find(OUTLOOK.first) !== undefined || h.find(OUTLOOK.last) !== undefined),
    columns: OUTLOOK,
  },
];

export function mapContacts(h: Header, columns: ContactColumns): RowMapper {
  const display = columns.display ? h.find(columns.display) : undefined;
  const first = h.find(columns.first);
  const middle = columns.middle ? h.find(columns.middle) : undefined;
  const last = h.find(columns.last);
  const company = columns.company ? h.find(columns.company) : undefined;
  const title = columns.title ? h.find(columns.title) : undefined;
  const emailColumns = h.findAll(columns.emails);
  const phoneColumns = h
    .findAll(columns.phones)
    .filter((i) => !/fax|télécopie/i.test(h.names[i] ?? ""));
  return (cells, line): ImportRecord => {
    if (isBlankRow(cells)) return { type: "skip", line, reason: "empty row" };
    const found = collectEmails(splitCells(cells, emailColumns, columns.emailSplit));
    const record = toContactRecord({
      line,
      fullName: cell(cells, display),
      firstName: cell(cells, first),
      middleName: cell(cells, middle),
      lastName: cell(cells, last),
      company: cell(cells, company),
      title: cell(cells, title),
      found,
      phones: splitCells(cells, phoneColumns, columns.phoneSplit),
    });
    if (record) return record;
    const reason =
      found.x500 > 0 ? "row with only an Exchange X.500 name" : "row without name, email or phone";
    return { type: "skip", line, reason };
  };
}

function splitCells(cells: readonly string[], columns: number[], split?: RegExp): string[] {
  const values: string[] = [];
  for (const i of columns) {
    const value = cell(cells, i);
    if (value === "") continue;
    for (const part of split ? value.split(split) : [value]) {
      const trimmed = part.trim();
      if (trimmed !== "") values.push(trimmed);
    }
  }
  return values;
}
