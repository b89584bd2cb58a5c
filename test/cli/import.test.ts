import { execFileSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DEMO_EXPORT as DEMO_ZIP,
  dumpDatabase,
  fixture,
  runBinary,
  runCli,
  useTempDatabase,
} from "../support/cli.js";

const temp = useTempDatabase();

/** A folder in the test's own, holding a copy of the fixtures' Invitations.csv. */
function folderWithInvitations(): string {
  const folder = join(temp.dir, "export");
  mkdirSync(folder);
  copyFileSync(fixture("linkedin", "Invitations.csv"), join(folder, "Invitations.csv"));
  return folder;
}

async function importJson(...paths: string[]) {
  const result = await runCli(["import", "--db", temp.db, "--json", ...paths]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as {
    files: Array<Record<string, unknown> & { kind: string; outcome: string; imported: number }>;
    passedOver: Array<{ label: string; reason: string }>;
  };
}

async function statusJson(...extra: string[]) {
  const result = await runCli(["status", "--db", temp.db, "--json", ...extra]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe("invites import", () => {
  it("imports every address-book and export fixture through the built command line", async () => {
    const files = [
      ...readdirSync(fixture("address-books")).map((f) => fixture("address-books", f)),
      ...readdirSync(fixture("linkedin")).map((f) => fixture("linkedin", f)),
    ];
    // Several Connections.csv of different exports at once: the older ones' people read as
    // gone, which the import would ask about.
    const report = await importJson("--yes", ...files);
    expect(report.files).toHaveLength(files.length);
    expect(report.files.every((f) => f.outcome === "imported" && f.imported > 0)).toBe(true);
    const contacts = await runCli(["contacts", "--db", temp.db, "--json"]);
    const list = JSON.parse(contacts.stdout) as Array<{ name: string; emails: string[] }>;
    const names = list.map((c) => c.name);
    for (const name of [
      "Jürgen Weiß",
      "Dörte Schröder",
      "Käthe Müller-Lüdenscheidt",
      "Агния Барто",
      "Małgorzata Wiśniewska-Żak",
      "Tomáš Dvořák",
      "Élodie Lefèvre-Château",
      "José Muñoz Peña",
      "Heike Voß",
      "Björn Möller",
      "Frieda Wünsche",
    ]) {
      expect(names).toContain(name);
    }
  });

  it("reads the data export zip and prints a summary table", async () => {
    const result = await runCli(["import", "--db", temp.db, DEMO_ZIP]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("LinkedIn Invitations.csv");
    expect(result.stdout).toMatch(
      /Invitations\.csv\s*│ LinkedIn Invitations\.csv\s*│\s+51 │\s+51 │\s+51 │\s+0 │/,
    );
    expect(result.stdout).toContain("Passed over 4 other files");
    expect(statSync(temp.db).mode & 0o777).toBe(0o600);
  });

  it("reads a new file in full after the tables it passes over as unchanged", async () => {
    await importJson(DEMO_ZIP);
    // The reader reads ahead into tables the import then passes over; none of that may leak
    // into the next table.
    const again = await importJson(DEMO_ZIP, fixture("address-books", "google.csv"));
    expect(again.files.map((f) => f.outcome)).toEqual([
      "unchanged",
      "unchanged",
      "unchanged",
      "imported",
    ]);
    expect(again.files[3]).toMatchObject({ kind: "google-csv", rows: 5, imported: 4, skipped: 1 });
  });

  it("says so and changes nothing when the same content is imported again", async () => {
    await importJson(DEMO_ZIP);
    const before = dumpDatabase(temp.db);
    const again = await importJson(DEMO_ZIP);
    expect(again.files.map((f) => f.outcome)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(dumpDatabase(temp.db)).toBe(before);
    const text = await runCli(["import", "--db", temp.db, DEMO_ZIP]);
    expect(text.stdout).toContain(
      "Nothing changed: every file was imported before with the same content.",
    );
  });

  it("refuses the home folder, or one that holds it, before reading anything", async () => {
    await importJson(DEMO_ZIP);
    const before = dumpDatabase(temp.db);
    // A home of the test's own, with an address book in it that must not be read.
    const home = join(temp.dir, "home", "lena");
    mkdirSync(join(home, "Projekte"), { recursive: true });
    writeFileSync(
      join(home, "Projekte", "contacts.csv"),
      "First Name,Last Name,E-mail Address\nA,B,a@b.de\n",
    );
    for (const path of [home, join(temp.dir, "home"), `${home}/`]) {
      const result = await runCli(["import", "--db", temp.db, path], { env: { HOME: home } });
      expect(result.code, path).toBe(2);
      expect(result.stderr).toBe(
        `invites: ${path}: is your home folder, or holds it: invites would read every file in it and in every folder below; name the export's zip (or its unpacked folder) and your address-book files instead\n`,
      );
    }
    expect(dumpDatabase(temp.db)).toEqual(before);
    // A folder inside it is an export folder as any other.
    const inside = await runCli(["import", "--db", temp.db, join(home, "Projekte")], {
      env: { HOME: home },
    });
    expect(inside.code, inside.stderr).toBe(0);
  });

  it("stops at a subfolder it may not open, naming it, and leaves the database as it was", async () => {
    await importJson(DEMO_ZIP);
    const before = dumpDatabase(temp.db);
    const folder = folderWithInvitations();
    const locked = join(folder, "locked");
    mkdirSync(locked);
    chmodSync(locked, 0o000);
    // Root opens any folder: as root, the binary runs without the capabilities that allow it.
    const caps = "-dac_override,-dac_read_search";
    const via =
      process.getuid?.() === 0
        ? [
            "setpriv",
            `--inh-caps=${caps}`,
            `--ambient-caps=${caps}`,
            `--bounding-set=${caps}`,
            "--",
          ]
        : [];
    const result = await runBinary(["import", "--db", temp.db, folder], { via });
    chmodSync(locked, 0o755);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        new RegExp(
          `^invites: ${locked}: could not be read \\(EACCES: .*\\); is it still there, and may you open it\\?$`,
        ),
      ),
    ]);
    expect(dumpDatabase(temp.db)).toBe(before);
  });

  it("lists a named pipe inside a folder as passed over, and imports the rest", async () => {
    const folder = folderWithInvitations();
    execFileSync("mkfifo", [join(folder, "pipe.csv")]);
    const report = await importJson(folder);
    expect(report.files.map((f) => f.kind)).toEqual(["linkedin-invitations"]);
    expect(report.passedOver).toEqual([
      {
        label: join(folder, "pipe.csv"),
        reason: expect.stringMatching(/^a named pipe \(FIFO\), not a file \(expected/),
      },
    ]);
  });

  it("reads a linked file in a folder, and passes over a dangling link and a linked folder", async () => {
    const folder = folderWithInvitations();
    symlinkSync(fixture("linkedin", "Connections.csv"), join(folder, "Connections.csv"));
    symlinkSync("nowhere.csv", join(folder, "gone.csv"));
    symlinkSync(".", join(folder, "loop"));
    const report = await importJson(folder);
    expect(report.files.map((f) => f.kind)).toEqual([
      "linkedin-connections",
      "linkedin-invitations",
    ]);
    expect(report.passedOver).toEqual([
      {
        label: join(folder, "gone.csv"),
        reason: "a symbolic link to nothing (its target does not exist or cannot be reached)",
      },
      {
        label: join(folder, "loop"),
        reason:
          "a symbolic link to a folder, not followed (name the folder itself to import what it holds)",
      },
    ]);
  });

  it("imports an unpacked export folder, passing over the other tables", async () => {
    const folder = join(temp.dir, "export");
    execFileSync("unzip", ["-q", DEMO_ZIP, "-d", folder]);
    const report = await importJson(folder);
    expect(report.files.map((f) => f.kind)).toEqual([
      "linkedin-connections",
      "linkedin-imported-contacts",
      "linkedin-invitations",
    ]);
    expect(report.passedOver.map((p) => p.label.replace(/^.*[/\\]/, "")).sort()).toEqual([
      "Profile.csv",
      "Rich_Media.csv",
      "Skills.csv",
      "messages.csv",
    ]);
  });

  it("closes invitations that a newer Invitations.csv no longer lists", async () => {
    const header = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n";
    const row = (name: string, slug: string, sent: string) =>
      `Katrin Böhm,${name},"${sent}",,OUTGOING,https://www.linkedin.com/in/katrin,https://www.linkedin.com/in/${slug}\n`;
    const older = join(temp.dir, "older.csv");
    const newer = join(temp.dir, "newer.csv");
    writeFileSync(
      older,
      header +
        row("Anna Nowak", "anna-nowak", "11/3/26, 9:14 AM") +
        row("Jürgen Weiß", "juergen-weiss", "11/3/26, 9:15 AM") +
        row("Sören Jäger", "soeren-jaeger", "11/3/26, 9:16 AM"),
    );
    writeFileSync(newer, header + row("Anna Nowak", "anna-nowak", "11/3/26, 9:14 AM"));
    utimesSync(older, new Date("2026-11-05T10:00:00Z"), new Date("2026-11-05T10:00:00Z"));
    utimesSync(newer, new Date("2026-11-12T10:00:00Z"), new Date("2026-11-12T10:00:00Z"));
    // Sören became a connection meanwhile: accepted, not closed.
    const connections = join(temp.dir, "Connections.csv");
    writeFileSync(
      connections,
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nSören,Jäger,https://www.linkedin.com/in/soeren-jaeger,,,,10 Nov 2026\n",
    );
    await importJson(older, connections);
    expect((await statusJson("--as-of", "2026-11-12")).invitations).toMatchObject({
      pending: 2,
      accepted: 1,
      closed: 0,
    });
    const report = await importJson(newer);
    expect(report.files[0]).toMatchObject({ closedInvitations: 2, imported: 1, new: 0 });
    expect((await statusJson("--as-of", "2026-11-12")).invitations).toMatchObject({
      outgoing: 3,
      pending: 1,
      accepted: 1,
      closed: 1,
    });
    // Importing the older file again later does not reopen what the newer one closed.
    const { files } = await importJson(older);
    expect(files[0]?.outcome).toBe("unchanged");
  });

  it("says of a file named twice in one import that it is imported once, and passes over once", async () => {
    const result = await runCli(["import", "--db", temp.db, DEMO_ZIP, DEMO_ZIP]);
    expect(result.code, result.stderr).toBe(0);
    const words = result.stdout.replace(/\s+/g, " ");
    expect(words).toContain(
      "Invitations.csv: the same content as a file before it in this import: imported once",
    );
    expect(words).not.toContain("imported before (");
    expect(words).toContain("Passed over 4 other files");
  });

  it("imports nothing when any of several files is bad", async () => {
    const result = await runCli([
      "import",
      "--db",
      temp.db,
      DEMO_ZIP,
      fixture("address-books", "google.csv"),
      fixture("bad", "unclosed-quote.csv"),
    ]);
    expect(result.code).toBe(2);
    expect(existsSync(temp.db)).toBe(false);
  });
});

describe("--encoding", () => {
  const MAC = fixture("address-books", "google-excel-mac.csv");

  async function contactNames() {
    const result = await runCli(["contacts", "--db", temp.db, "--json"]);
    return (JSON.parse(result.stdout) as Array<{ name: string }>).map((c) => c.name);
  }

  it("reads a file in the code page named, and a second reading replaces the first", async () => {
    const wrong = await importJson("--encoding", "windows-1250", MAC);
    expect(wrong.files[0]).toMatchObject({ encoding: "windows-1250", imported: 60 });
    expect(await contactNames()).toContain("Jźrgen Wei§");
    const right = await importJson("--encoding", "Macintosh", MAC);
    expect(right.files[0]).toMatchObject({
      outcome: "imported",
      encoding: "macintosh",
      imported: 60,
      replacedContacts: 60,
    });
    const names = await contactNames();
    expect(names).toHaveLength(60);
    for (const name of ["Jürgen Weiß", "Ødegård", "Élodie Lefèvre-Château", "José Muñoz Peña"]) {
      expect(names.some((n) => n.includes(name))).toBe(true);
    }
    const again = await importJson("--encoding", "macintosh", MAC);
    expect(again.files[0]?.outcome).toBe("unchanged");
  });

  it("is what the report names when the code page was a close call", async () => {
    const short = fixture("address-books", "google-excel-mac-short.csv");
    const first = await runCli(["import", "--db", temp.db, short]);
    expect(first.code).toBe(0);
    // The note wraps to the width: 120 columns when stdout is no terminal.
    expect(first.stdout.replace(/\n(?=\S)/g, " ")).toContain(
      "google-excel-mac-short.csv: read as windows-1252; macintosh (Mac OS Roman) was almost as likely: if names look wrong, import again with --encoding macintosh.",
    );
    expect(await contactNames()).toContain("Zo‘ Hartmann");
    const again = await importJson("--encoding", "macintosh", short);
    expect(again.files[0]).toMatchObject({ encodingAlsoLikely: [], replacedContacts: 6 });
    expect(await contactNames()).toEqual(
      expect.arrayContaining(["Zoë Hartmann", "Noël Becker", "Anaïs Wagner", "Chloë Schmidt"]),
    );
  });

  it("leaves UTF-8 text alone: the export's tables stay right when the address book beside them needs the flag", async () => {
    const short = fixture("address-books", "google-excel-mac-short.csv");
    const report = await importJson("--encoding", "macintosh", DEMO_ZIP, short);
    const byName = (name: string) => report.files.find((f) => String(f.path).endsWith(name));
    expect(byName("ImportedContacts.csv")?.encoding).toBe("utf-8");
    expect(byName("google-excel-mac-short.csv")?.encoding).toBe("macintosh");
    const names = await contactNames();
    expect(names).toEqual(expect.arrayContaining(["François Köhler", "Zoë Hartmann"]));
    expect(names.filter((n) => /√|Ã|Ä§/.test(n))).toEqual([]);
    const out = join(temp.dir, "connections.csv");
    expect((await runCli(["connections", "export", "--db", temp.db, "--out", out])).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("Björn,Neumann");
  });

  it("leaves a file with a byte-order mark in the encoding the mark says", async () => {
    const report = await importJson(
      "--encoding",
      "windows-1252",
      fixture("address-books", "google.csv"),
    );
    expect(report.files[0]?.encoding).toBe("utf-8");
    expect(await contactNames()).toContain("Jürgen Weiß");
  });

  it("refuses a file that is not UTF-8 when --encoding utf-8 says it is", async () => {
    const result = await runCli(["import", "--db", temp.db, "--encoding", "utf-8", MAC]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(
      /google-excel-mac\.csv: not valid UTF-8 \(expected UTF-8, as --encoding utf-8 says;/,
    );
    expect(readdirSync(temp.dir)).toEqual([]);
  });

  it("names a few encodings when it does not know the one given", async () => {
    const result = await runCli(["import", "--db", temp.db, "--encoding", "mac-roman", MAC]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'invites: --encoding "mac-roman" is not an encoding this tool can read (expected a name like utf-8, windows-1252, windows-1250, macintosh, iso-8859-15 or utf-16le)',
    );
    expect(readdirSync(temp.dir)).toEqual([]);
  });
});

describe("a bad table inside a zip or folder", () => {
  const ZIP_2017 = fixture("bad", "Basic_LinkedInDataExport_12-30-2017.zip");

  it("is refused alone: the other tables import, the report names it, exit 2", async () => {
    const result = await runCli(["import", "--db", temp.db, ZIP_2017]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(
      /Invitations\.csv\s*│ LinkedIn Invitations\.csv\s*│\s+4 │\s+4 │\s+4 │\s+0 │/,
    );
    expect(result.stdout).toMatch(
      /Connections\.csv\s*│ LinkedIn Connections\.csv\s*│\s+– │\s+refused │/,
    );
    expect(result.stdout).toContain(
      'Connections.csv: refused, nothing of it was imported: line 4: Connected On is "31/12/17, 9:55 AM"',
    );
    const [first, second, ...rest] = result.stderr.trimEnd().split("\n");
    expect(first).toMatch(
      /^invites: .*12-30-2017\.zip › Connections\.csv line 4: Connected On is "31\/12\/17, 9:55 AM" \(expected a date like 08 Feb 2026 or 12\/22\/16, 9:55 AM\)$/,
    );
    expect(second).toMatch(/refused and nothing of it was imported; the other files were/);
    expect(rest).toEqual([]);
    const status = await statusJson("--as-of", "2017-12-30");
    expect(status.invitations).toMatchObject({ outgoing: 3, incoming: 1 });
    expect(status.connections).toEqual({ active: 0, removed: 0, gone: 0 });
  });

  it("--json lists the refused file with its line and reason", async () => {
    const result = await runCli(["import", "--db", temp.db, "--json", ZIP_2017]);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report.files.map((f: { kind: string }) => f.kind)).toEqual(["linkedin-invitations"]);
    expect(report.refused).toEqual([
      {
        path: `${ZIP_2017} › Connections.csv`,
        kind: "linkedin-connections",
        format: "LinkedIn Connections.csv",
        line: 4,
        reason:
          'Connected On is "31/12/17, 9:55 AM" (expected a date like 08 Feb 2026 or 12/22/16, 9:55 AM)',
      },
    ]);
  });

  it("refuses a vCard with a line beyond any real size alone, too", async () => {
    const folder = join(temp.dir, "export");
    mkdirSync(folder);
    writeFileSync(
      join(folder, "Invitations.csv"),
      'From,To,Sent At,Message,Direction\nKatrin Böhm,Jürgen Weiß,"1/29/26, 2:37 PM",,OUTGOING\n',
    );
    writeFileSync(
      join(folder, "huge.vcf"),
      `BEGIN:VCARD\nVERSION:2.1\nNOTE;ENCODING=QUOTED-PRINTABLE:${"=E4".repeat(6 * 1024 * 1024)}\nEND:VCARD\n`,
    );
    const result = await runCli(["import", "--db", temp.db, "--json", folder]);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report.files.map((f: { kind: string }) => f.kind)).toEqual(["linkedin-invitations"]);
    expect(report.refused).toEqual([
      expect.objectContaining({
        kind: "vcard",
        line: 3,
        reason: "a vCard line longer than 16 MiB (expected properties of a contact card)",
      }),
    ]);
  });

  describe("when it is the only table", () => {
    const REFUSED_ZIP = fixture("bad", "Basic_LinkedInDataExport_refused.zip");
    const NOTHING_ELSE =
      "  That file was refused and nothing of it was imported, and there was nothing else to import, so nothing was changed. Correct it or download the export again, then import again.";

    it("leaves no database file behind when there was none, and says there was nothing else", async () => {
      const result = await runCli(["import", "--db", temp.db, REFUSED_ZIP]);
      expect(result.code).toBe(2);
      expect(result.stderr.trimEnd().split("\n")).toEqual([
        `invites: ${REFUSED_ZIP} › Invitations.csv line 2: Sent At is "notadate" (expected a date like 1/29/26, 2:37 PM or 2026-06-01 10:00 UTC)`,
        NOTHING_ELSE,
      ]);
      expect(readdirSync(temp.dir)).toEqual([]);
    });

    it("leaves the database exactly as it was, and --json still lists the refused file", async () => {
      await importJson(fixture("address-books", "google.csv"));
      const before = dumpDatabase(temp.db);
      const result = await runCli(["import", "--db", temp.db, "--json", REFUSED_ZIP]);
      expect(result.code).toBe(2);
      const report = JSON.parse(result.stdout);
      expect(report.files).toEqual([]);
      expect(report.refused).toEqual([expect.objectContaining({ line: 2 })]);
      expect(result.stderr.trimEnd().split("\n").at(-1)).toBe(NOTHING_ELSE);
      expect(dumpDatabase(temp.db)).toBe(before);
    });
  });

  it("takes back the rows a refused table had written before its bad line", async () => {
    const folder = join(temp.dir, "export");
    mkdirSync(folder);
    writeFileSync(
      join(folder, "Invitations.csv"),
      'From,To,Sent At,Message,Direction\nKatrin Böhm,Jürgen Weiß,"1/29/26, 2:37 PM",,OUTGOING\n',
    );
    // Far more rows than one batch: the first batches are written before the bad line is read.
    const rows = Array.from(
      { length: 30_000 },
      (_, i) => `Anna,Nowak ${i},https://www.linkedin.com/in/anna-${i},,,,08 Feb 2026`,
    );
    writeFileSync(
      join(folder, "Connections.csv"),
      `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${rows.join("\n")}\nJürgen,Weiß,,,,,gestern\n`,
    );
    const result = await runCli(["import", "--db", temp.db, folder]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Connections\.csv line 30002: Connected On is "gestern"/);
    const status = await statusJson("--as-of", "2026-02-01");
    expect(status.invitations.outgoing).toBe(1);
    expect(status.connections.active).toBe(0);
    expect(status.sources.map((s: { kind: string }) => s.kind)).toEqual(["linkedin-invitations"]);
  });
});

describe("bad input", () => {
  const cases: Array<[string, RegExp]> = [
    ["empty.csv", /empty\.csv: the file is empty \(expected/],
    ["binary.csv", /binary\.csv: a binary file, not text/],
    [
      "Basic_LinkedInDataExport_truncated.zip",
      /truncated\.zip: not a readable zip archive .*is the download complete\?/,
    ],
    ["Basic_LinkedInDataExport_corrupt.zip", /corrupt\.zip › Invitations\.csv: corrupt zip entry/],
    [
      "Basic_LinkedInDataExport_damaged.zip",
      /damaged\.zip › Invitations\.csv: could not be read to the end/,
    ],
    [
      "unclosed-quote.csv",
      /unclosed-quote\.csv line 2: a quoted field opens here and is never closed/,
    ],
    [
      "messages.csv",
      /messages\.csv: recognised as LinkedIn messages\.csv, which holds nothing this tool imports/,
    ],
    [
      "shopping-list.txt",
      /shopping-list\.txt line 1: not an address book or LinkedIn export table/,
    ],
    [
      "invitations-bad-date.csv",
      /invitations-bad-date\.csv line 3: Sent At is "yesterday" \(expected a date/,
    ],
    [
      "Invitations-truncated.csv",
      /Invitations-truncated\.csv line 5: the last row ends after 6 of 7 fields, without a line break: the file looks cut off/,
    ],
    [
      "google-unquoted-comma.csv",
      /google-unquoted-comma\.csv line 3: 5 fields, the header has 4 \(expected at most 4: a value with a "," in it must be in double quotes/,
    ],
    [
      // The fields past the header are empty: the row is still one too long.
      "google-unquoted-comma-empty-end.csv",
      /google-unquoted-comma-empty-end\.csv line 3: 12 fields, the header has 11 \(expected at most 11/,
    ],
    [
      // A quote opened on line 3 and closed on line 6 took four contacts into one value.
      "google-stray-quote.csv",
      /google-stray-quote\.csv line 3: one value holds the delimiter "," 96 times and runs over 4 lines, as if it were several columns and rows: a double quote is missing or one too many here/,
    ],
    [
      "mac-cr-unquoted-comma.csv",
      /mac-cr-unquoted-comma\.csv line 5: 5 fields, the header has 4 \(expected at most 4/,
    ],
    [
      "invitations-bad-direction.csv",
      /line 2: Direction is "SIDEWAYS" \(expected INCOMING or OUTGOING\)/,
    ],
    [
      "unterminated.vcf",
      /unterminated\.vcf line 4: the file ends inside the card that began on line 1/,
    ],
    [
      "thunderbird-cut.ldif",
      /thunderbird-cut\.ldif line 39: the base64 value of givenName is broken \(expected base64 of UTF-8 text; is the file complete\?\)/,
    ],
    [
      "ldif-no-blank-line.ldif",
      /ldif-no-blank-line\.ldif line 6: a new entry's dn: inside the entry that began on line 1 \(expected a blank line between two entries\)$/,
    ],
    ["holiday-photos.zip", /holiday-photos\.zip: the archive holds no Invitations\.csv/],
    [
      "Basic_LinkedInDataExport_bomb.zip",
      /bomb\.zip › Invitations\.csv line 1000001: more than 1,000,000 rows, more than a table of a real export holds \(if it is real, unpack the archive and import the file itself\)$/,
    ],
    [
      "Basic_LinkedInDataExport_oversized.zip",
      /oversized\.zip › Invitations\.csv: inflates to 2,862 MiB, more than a table of a real export holds \(expected at most 64 MiB; if it is real, unpack the archive and import the file itself\)$/,
    ],
  ];

  it.each(cases)(
    "%s: one clear line, exit 2, database exactly as it was",
    async (name, message) => {
      await importJson(fixture("address-books", "google.csv"));
      const before = dumpDatabase(temp.db);
      const result = await runCli(["import", "--db", temp.db, fixture("bad", name)]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      const lines = result.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^invites: /);
      expect(lines[0]).toMatch(message);
      expect(dumpDatabase(temp.db)).toBe(before);
    },
  );

  it.each(cases)("%s: no database file is left behind when there was none", async (name) => {
    const result = await runCli(["import", "--db", temp.db, fixture("bad", name)]);
    expect(result.code).toBe(2);
    expect(readdirSync(temp.dir)).toEqual([]);
  });

  it("rejects a field far beyond any real size, naming its line", async () => {
    const huge = join(temp.dir, "huge.csv");
    writeFileSync(
      huge,
      `First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnna,Nowak,,,,,01 Mar 2026\nAnna,"${"x".repeat(3 * 1024 * 1024)}",,,,,01 Mar 2026\n`,
    );
    const result = await runCli(["import", "--db", temp.db, huge]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/huge\.csv line 3: a row longer than 1 MiB/);
  });

  it("rejects a line without any quote far beyond any real size", async () => {
    const huge = join(temp.dir, "long-line.csv");
    writeFileSync(huge, `First Name,Last Name,Connected On\n${"y".repeat(2 * 1024 * 1024)}\n`);
    const result = await runCli(["import", "--db", temp.db, huge]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/long-line\.csv line 2: a row longer than 1 MiB/);
  });

  it("rejects a vCard line far beyond any real size", async () => {
    const huge = join(temp.dir, "huge.vcf");
    writeFileSync(
      huge,
      `BEGIN:VCARD\nVERSION:3.0\nNOTE:${"z".repeat(17 * 1024 * 1024)}\nEND:VCARD\n`,
    );
    const result = await runCli(["import", "--db", temp.db, huge]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/huge\.vcf line 3: a vCard line longer than 16 MiB/);
  });

  it("refuses a named pipe at once, before opening it, and leaves no database behind", async () => {
    const pipe = join(temp.dir, "p.csv");
    execFileSync("mkfifo", [pipe]);
    // Its own process: opening a pipe that no one writes to would hang the test's own threads.
    const result = await runBinary(["import", "--db", temp.db, pipe], { timeoutMs: 20_000 });
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd()).toBe(
      `invites: ${pipe}: a named pipe (FIFO), not a file (expected a LinkedIn data export (zip, Invitations.csv, Connections.csv), an address book CSV, a vCard or an LDIF file)`,
    );
    expect(readdirSync(temp.dir)).toEqual(["p.csv"]);
  });

  it("refuses a device, which would never end", async () => {
    const result = await runBinary(["import", "--db", temp.db, "/dev/zero"], { timeoutMs: 20_000 });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/^invites: \/dev\/zero: a device, not a file \(expected/);
    expect(readdirSync(temp.dir)).toEqual([]);
  });

  it("names a missing file", async () => {
    const result = await runCli(["import", "--db", temp.db, join(temp.dir, "nope.csv")]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/nope\.csv: no such file or folder$/);
  });
});

describe("duplicates", () => {
  it("skips a row repeated within one file, and counts a row known from another file", async () => {
    const header = "From,To,Sent At,Message,Direction\n";
    const row = 'Katrin Böhm,Jürgen Weiß,"1/29/26, 2:37 PM",,OUTGOING\n';
    const other = 'Katrin Böhm,Anna Nowak,"1/29/26, 2:38 PM",,OUTGOING\n';
    const first = join(temp.dir, "first.csv");
    const second = join(temp.dir, "second.csv");
    writeFileSync(first, header + row + row);
    writeFileSync(second, header + row + other);
    const one = await importJson(first);
    expect(one.files[0]).toMatchObject({
      rows: 2,
      imported: 1,
      new: 1,
      skipped: 1,
      skipReasons: { "duplicate row": 1 },
    });
    const two = await importJson(second);
    expect(two.files[0]).toMatchObject({ rows: 2, imported: 2, new: 1, skipped: 0 });
  });

  it("merges exact repeats of an address-book contact within one file, and says how many", async () => {
    const synced = fixture("address-books", "google-synced.csv");
    const { files } = await importJson(synced);
    // Heike four times, Björn twice; the Björn with a phone and the Heike with another address
    // differ and stay.
    expect(files[0]).toMatchObject({
      rows: 9,
      imported: 5,
      new: 5,
      skipped: 4,
      skipReasons: { "duplicate contact": 4 },
    });
    const contacts = JSON.parse((await runCli(["contacts", "--db", temp.db, "--json"])).stdout);
    expect(
      contacts.map((c: { name: string; emails: string[] }) => `${c.name} ${c.emails}`),
    ).toEqual([
      "Heike Voß heike.voss@example.de",
      "Björn Möller bjoern.moeller@example.de",
      "Zoë Lefèvre zoe.lefevre@example.fr",
      "Björn Möller bjoern.moeller@example.de",
      "Heike Voß heike@privat.example",
    ]);
    const text = await runCli(["import", "--db", join(temp.dir, "text.db"), synced]);
    expect(text.stdout).toContain("google-synced.csv: merged 4 duplicate rows.");
  });

  it("merges a LinkedIn Contacts.csv that holds the synced phone book four times", async () => {
    const header =
      "Source,FirstName,LastName,Companies,Title,Emails,PhoneNumbers,CreatedAt,Addresses,Sites,InstantMessageHandles,FullName,Birthday,Location,BookmarkedAt,Profiles\n";
    const book = [
      'Phone,Jürgen,Weiß,Müller & Söhne GmbH,Geschäftsführer,juergen.weiss@example.de,+49 171 2345678,"1/29/26, 2:30 PM",,,,Jürgen Weiß,,,,\n',
      'Phone,Dörte,Schröder,,,doerte@example.de,,"1/29/26, 2:30 PM",,,,Dörte Schröder,,,,\n',
      'Phone,,,,,,+49 160 1111111,"1/29/26, 2:30 PM",,,,,,,,\n',
    ].join("");
    const path = join(temp.dir, "Contacts.csv");
    writeFileSync(path, header + book + book + book + book);
    const { files } = await importJson(path);
    expect(files[0]).toMatchObject({
      kind: "linkedin-contacts",
      rows: 12,
      imported: 3,
      skipReasons: { "duplicate contact": 9 },
    });
    expect((await statusJson()).contacts.total).toBe(3);
  });
});
