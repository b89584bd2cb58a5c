/**
 * Writes a synthetic LinkedIn data export of the size the benchmark needs: Invitations.csv,
 * Connections.csv (with its Notes preamble) and ImportedContacts.csv. Deterministic.
 */
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";

const FIRST = [
  "Jürgen",
  "Anna",
  "Björn",
  "Sören",
  "Özlem",
  "Hans-Peter",
  "Käthe",
  "Lena",
  "Matthias",
  "Zoë",
  "François",
  "Agnieszka",
  "Tomáš",
  "Ines",
  "Günther",
  "Maximilian",
  "Sophie",
  "Dörte",
  "Ulrich",
  "Małgorzata",
];
const LAST = [
  "Weiß",
  "Müller",
  "Schröder",
  "Groß",
  "Köhler",
  "Bäcker",
  "Özdemir",
  "Jäger",
  "Krüger",
  "Straße",
  "Lefèvre",
  "Nowak",
  "Dvořák",
  "Hoffmann",
  "Fuß",
  "Schäfer",
  "Wünsche",
  "Brandt",
  "Möller",
  "Kowalski",
];
const COMPANIES = [
  "Müller & Söhne GmbH",
  '"Bäckerei Groß, Filiale Süd"',
  "Stadtwerke Köln",
  "Dvořák s.r.o.",
  '"Acme, Inc."',
];

function person(i) {
  const first = FIRST[i % FIRST.length];
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
  const slug = `${first}-${last}-${i}`
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9-]/g, "");
  return { first, last, slug };
}

function usDate(ms) {
  const d = new Date(ms);
  const h = d.getUTCHours();
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${String(d.getUTCFullYear()).slice(2)}, ${h % 12 || 12}:${String(d.getUTCMinutes()).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
}

async function write(path, lines) {
  const out = createWriteStream(path);
  for (const line of lines()) {
    if (!out.write(line)) await new Promise((resolve) => out.once("drain", resolve));
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
}

export async function generateExport(
  dir,
  { invitations = 100_000, connections = 30_000, contacts = 50_000 } = {},
) {
  await mkdir(dir, { recursive: true });
  const start = Date.UTC(2026, 5, 1, 8, 0);
  await write(join(dir, "Invitations.csv"), function* () {
    yield "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n";
    for (let i = 0; i < invitations; i++) {
      const p = person(i);
      const message = i % 50 === 0 ? '"Hallo, schön dich zu sehen!\nGrüße"' : "";
      yield `Katrin Böhm,${p.first} ${p.last},"${usDate(start + i * 60_000)}",${message},OUTGOING,https://www.linkedin.com/in/katrin-boehm,https://www.linkedin.com/in/${p.slug}\n`;
    }
  });
  await write(join(dir, "Connections.csv"), function* () {
    yield 'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\n';
    yield "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
    for (let i = 0; i < connections; i++) {
      const p = person(i * 3);
      yield `${p.first},${p.last},https://www.linkedin.com/in/${p.slug},,${COMPANIES[i % COMPANIES.length]},Projektleiter,08 Feb 2026\n`;
    }
  });
  await write(join(dir, "ImportedContacts.csv"), function* () {
    yield "FirstName,MiddleName,LastName,MaidenName,NickName,NamePrefix,NameSuffix,Title,Emails,PhoneNumbers,CreatedAt,UpdatedAt,CountryCode,RegionCode,ThirdPartyVerified,Location\n";
    for (let i = 0; i < contacts; i++) {
      const p = person(i);
      yield `${p.first},,${p.last},,,,,,${p.slug}@example.de,+49 170 ${1000000 + i},"1/29/26, 2:30 PM","1/29/26, 2:30 PM",de,,false,\n`;
    }
  });
  return ["Invitations.csv", "Connections.csv", "ImportedContacts.csv"].map((f) => join(dir, f));
}
