import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it } from "vitest";
import { DEMO_EXPORT, importDemo, runCli, useTempDatabase } from "../support/cli.js";
import { useEmulation } from "../support/emulation.js";

const temp = useTempDatabase();
const emulation = useEmulation();

beforeEach(async () => {
  // The demo imports the sample export and withdraws its batch against the emulation.
  const demo = await runCli(["demo", "--db", temp.db], { cwd: temp.dir });
  expect(demo.code).toBe(0);
});

async function apologize(...flags: string[]) {
  const out = join(temp.dir, `notes-${flags.join("").replace(/\W/g, "")}.csv`);
  const result = await runCli([
    "apologize",
    "--db",
    temp.db,
    "--as-of",
    "2026-11-20",
    "--out",
    out,
    ...flags,
  ]);
  expect(result.code, result.stderr).toBe(0);
  return parse(readFileSync(out, "utf8"), { columns: true }) as Array<Record<string, string>>;
}

describe("invites apologize", () => {
  it("writes a German note to each withdrawn invitee with a known address, no role addresses", async () => {
    const rows = await apologize();
    expect(Object.keys(rows[0] ?? {})).toEqual(["email", "name", "subject", "body"]);
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.some((r) => r.email === "bewerbung@stadtwerke.example")).toBe(false);
    const oma = rows.find((r) => r.email === "oma.hildegard@gmx.example");
    expect(oma).toMatchObject({ name: "", subject: "Meine LinkedIn-Einladung: ein Versehen" });
    expect(oma?.body?.startsWith("Guten Tag,\n")).toBe(true);
    expect(oma?.body).toContain("zurückgezogen");
    expect(oma?.body?.endsWith("Katrin Böhm")).toBe(true);
  });

  it("writes English, role addresses on request, and the user's own template", async () => {
    const en = await apologize("--lang", "en", "--include-role-addresses");
    expect(en[0]?.subject).toBe("My LinkedIn invitation: a mistake");
    expect(en.some((r) => r.email === "bewerbung@stadtwerke.example")).toBe(true);
    const template = join(temp.dir, "template.txt");
    writeFileSync(
      template,
      "Subject: Entschuldigung, {name}\nLiebe/r {name}, das war ein Versehen. {sender}\n",
    );
    const own = await apologize("--template", template, "--sender", "Katrin");
    const lena = own.find((r) => r.name?.startsWith("Lena"));
    expect(lena?.subject).toBe(`Entschuldigung, ${lena?.name}`);
    expect(lena?.body).toBe(`Liebe/r ${lena?.name}, das war ein Versehen. Katrin`);
  });
  it("leaves out, and names, whom a name finds several addresses for; one address is one note", async () => {
    const before = await apologize();
    // A second address book: Lena Voß under another address, Ulrich Möller's contact with a
    // second one, Lena Müller under the address LinkedIn's list has for her too.
    const google = join(temp.dir, "google.csv");
    writeFileSync(
      google,
      "First Name,Last Name,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value\n" +
        "Lena,Voß,* Home,lena.privat@example.org,,\n" +
        "Ulrich,Möller,* Work,ulrich.moeller@example.de,Home,u.moeller@privat.example\n" +
        "Lena,Müller,* Work,lena.mueller@example.de,,\n",
    );
    expect((await runCli(["import", "--db", temp.db, google])).code).toBe(0);
    const out = join(temp.dir, "several.csv");
    const result = await runCli([
      "apologize",
      ...["--db", temp.db, "--as-of", "2026-11-20", "--out", out],
    ]);
    expect(result.code, result.stderr).toBe(0);
    const rows = parse(readFileSync(out, "utf8"), { columns: true }) as Array<
      Record<string, string>
    >;
    const emails = rows.map((r) => r.email);
    for (const gone of ["lena.voss@example.de", "ulrich.moeller@example.de"]) {
      expect(before.some((r) => r.email === gone)).toBe(true);
      expect(emails).not.toContain(gone);
    }
    expect(emails.filter((e) => e === "lena.mueller@example.de")).toHaveLength(1);
    expect(rows).toHaveLength(before.length - 2);
    expect(result.stderr.replace(/\s+/g, " ")).toContain(
      `Wrote ${before.length - 2} notes to ${out}`,
    );
    expect(result.stderr.replace(/\s+/g, " ")).toContain(
      "Left out 2 people with several addresses in your address books, to write to by hand: Lena Voß and Ulrich Möller.",
    );
  });

  it("leaves out invitations sent with a personal note, and says how many and why", async () => {
    // Lena Köhler had a personal note, and the user has her address; --match takes her in too.
    const book = join(temp.dir, "google.csv");
    writeFileSync(
      book,
      "First Name,Last Name,E-mail 1 - Label,E-mail 1 - Value\nLena,Köhler,* Work,lena.koehler@example.de\n",
    );
    expect((await runCli(["import", "--db", temp.db, book])).code).toBe(0);
    const sandbox = await emulation.start(DEMO_EXPORT);
    const withdrawn = await runCli(
      [
        "withdraw",
        ...["--db", temp.db, "--as-of", "2026-11-20", "--base-url", sandbox.url],
        ...["--pace", "0", "--match", "Lena Köhler", "--yes"],
      ],
      { env: { INVITES_COOKIES: sandbox.cookie } },
    );
    expect(withdrawn.code, withdrawn.stderr).toBe(0);
    const out = join(temp.dir, "koehler.csv");
    const result = await runCli([
      "apologize",
      ...["--db", temp.db, "--as-of", "2026-11-20", "--out", out, "--match", "Köhler"],
    ]);
    expect(result.code, result.stderr).toBe(0);
    const rows = parse(readFileSync(out, "utf8"), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(rows.map((r) => r.name)).toEqual(["Emre Köhler"]);
    expect(result.stderr.replace(/\s+/g, " ")).toContain(
      "Left out 1 invitation sent with a personal note: this note is for invitations sent by accident.",
    );
  });

  it("refuses a template without a text or with a placeholder it does not fill, in one line", async () => {
    const before = readFileSync(temp.db);
    const out = join(temp.dir, "notes.csv");
    const cases: Array<[string, string]> = [
      [
        "Subject: Entschuldigung\n\n",
        "line 2: expected the text of the mail after the subject line",
      ],
      [
        "Subject: Entschuldigung\nHallo {Name},\ndas war ein Versehen.\n",
        "line 2: {Name} is not a placeholder invites fills in, and would reach people as written (expected {name} or {sender}, written exactly so)",
      ],
      [
        "Subject: Hallo {vorname}\nDas war ein Versehen.\n",
        "line 1: {vorname} is not a placeholder",
      ],
      ["Hallo {name},\ndas war ein Versehen.\n", 'line 1: expected "Subject: …" (or "Betreff: …")'],
    ];
    for (const [text, message] of cases) {
      const template = join(temp.dir, "template.txt");
      writeFileSync(template, text);
      const result = await runCli([
        "apologize",
        ...["--db", temp.db, "--as-of", "2026-11-20", "--out", out, "--template", template],
      ]);
      expect(result.code, text).toBe(2);
      expect(result.stderr.trimEnd().split("\n"), text).toHaveLength(1);
      expect(result.stderr, text).toContain(`invites: ${template} ${message}`);
      expect(existsSync(out)).toBe(false);
    }
    expect(readFileSync(temp.db).equals(before)).toBe(true);
  });

  it('takes "Betreff:" as the subject line of a German template', async () => {
    const template = join(temp.dir, "vorlage.txt");
    writeFileSync(template, "Betreff: Entschuldigung\nHallo {name}, das war ein Versehen.\n");
    const rows = await apologize("--lang", "de", "--template", template);
    expect(rows[0]?.subject).toBe("Entschuldigung");
    expect(rows[0]?.body).toBe(`Hallo ${rows[0]?.name}, das war ein Versehen.`);
  });

  it("writes no file with nobody to write to, says why, and writes it after the withdrawal", async () => {
    const db = join(temp.dir, "before-withdrawing.db");
    await importDemo(db);
    const before = readFileSync(db);
    const out = join(temp.dir, "entschuldigung.csv");
    const args = ["apologize", "--db", db, "--as-of", "2026-11-20", "--out", out];
    const early = await runCli(args);
    expect(early.code, early.stderr).toBe(0);
    expect(existsSync(out)).toBe(false);
    expect(early.stderr.replace(/\s+/g, " ").trim()).toBe(
      "Nobody in this selection has been withdrawn yet, so there is nobody to write to and no file was written: withdraw first (invites withdraw --batch, or with the selection you gave here), then run this again.",
    );
    expect(readFileSync(db).equals(before)).toBe(true);
    const sandbox = await emulation.start(DEMO_EXPORT);
    const withdrawn = await runCli(
      [
        "withdraw",
        ...["--db", db, "--as-of", "2026-11-20", "--base-url", sandbox.url],
        ...["--pace", "0", "--batch", "--yes"],
      ],
      { env: { INVITES_COOKIES: sandbox.cookie } },
    );
    expect(withdrawn.code, withdrawn.stderr).toBe(0);
    const after = await runCli(args);
    expect(after.code, after.stderr).toBe(0);
    expect(readFileSync(out, "utf8").split("\n").length).toBeGreaterThan(30);
    // Withdrawn, but only a role address: nobody to write to either, and the reason is another.
    const role = join(temp.dir, "role.csv");
    const onlyRole = await runCli([
      "apologize",
      ...["--db", temp.db, "--as-of", "2026-11-20", "--out", role, "--match", "bewerbung@"],
    ]);
    expect(onlyRole.code, onlyRole.stderr).toBe(0);
    expect(existsSync(role)).toBe(false);
    expect(onlyRole.stderr.replace(/\s+/g, " ").trim()).toBe(
      "Nobody to write to, so no file was written: only withdrawn invitations with a known address get a note, role addresses left out (--include-role-addresses).",
    );
  });

  it("writes the notes to a new file of the user's alone, and never over one", async () => {
    const out = join(temp.dir, "notes.csv");
    const args = ["apologize", "--db", temp.db, "--as-of", "2026-11-20", "--out", out];
    expect((await runCli(args)).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const text = readFileSync(out, "utf8");
    const again = await runCli(args);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`invites: ${out} exists already`);
    expect(again.stderr).toContain("name another file with --out: invites never overwrites a file");
    expect(readFileSync(out, "utf8")).toBe(text);
  });

  it("writes the notes to standard output with --out -", async () => {
    const out = join(temp.dir, "notes.csv");
    const args = ["apologize", "--db", temp.db, "--as-of", "2026-11-20", "--out"];
    expect((await runCli([...args, out])).code).toBe(0);
    const piped = await runCli([...args, "-"], { cwd: temp.dir });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toBe(readFileSync(out, "utf8"));
    expect(piped.stderr).toContain("to standard output, for a mail merge");
    expect(existsSync(join(temp.dir, "-"))).toBe(false);
  });

  it("says what it wrote in lines that fit the terminal, in German too", async () => {
    const out = join(temp.dir, "notiz.csv");
    const args = ["apologize", "--db", temp.db, "--as-of", "2026-11-20", "--out", out];
    const result = await runCli([...args, "--lang", "de"], { env: { COLUMNS: "60" } });
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(60);
    expect(lines.join(" ")).toMatch(
      /^\d+ Entschuldigungen für einen Serienbrief in .*notiz\.csv geschrieben; nichts wurde versendet\./,
    );
  });
});

describe("invites reinvite-list", () => {
  type Row = Record<string, string | null> & { reasons: string[] };
  const reinviteJson = async (...flags: string[]) => {
    const result = await runCli([
      "reinvite-list",
      "--db",
      temp.db,
      "--json",
      "--as-of",
      "2026-11-20",
      ...flags,
    ]);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Row[];
  };

  it("lists withdrawn real contacts with the day they can be invited again", async () => {
    const list = await reinviteJson();
    expect(list.length).toBeGreaterThan(30);
    expect(Object.keys(list[0] ?? {})).toEqual([
      "name",
      "profileUrl",
      "email",
      "withdrawnAt",
      "reinviteFrom",
      "reasons",
      "why",
    ]);
    for (const row of list) {
      const gap =
        Date.parse(row.reinviteFrom ?? "") - Date.parse((row.withdrawnAt ?? "").slice(0, 10));
      expect(gap / 86_400_000).toBe(21);
      expect(row.reasons).toContain("addressBook");
      expect(row.why).toContain("in your address book");
    }
    expect(list.some((r) => r.email === "info@baeckerei-gross.example")).toBe(false);
    // The reasons are codes, the same in German; only `why` is worded in the language in use.
    const inGerman = await reinviteJson("--lang", "de");
    expect(inGerman.map((r) => r.reasons)).toEqual(list.map((r) => r.reasons));
    expect(inGerman[0]?.why).toContain("Adressbuch");
  });

  it("says that nothing has been withdrawn yet, rather than that nobody is a real contact", async () => {
    const db = join(temp.dir, "before-withdrawing.db");
    await importDemo(db);
    const early = await runCli([
      "reinvite-list",
      "--db",
      db,
      "--as-of",
      "2026-11-20",
      "--lang",
      "de",
    ]);
    expect(early.code, early.stderr).toBe(0);
    expect(early.stdout.replace(/\s+/g, " ")).toContain(
      "Noch niemand zum erneuten Einladen: Es wurde noch keine Einladung zurückgezogen.",
    );
    expect(early.stdout).not.toContain("wirklich kennen.");
  });

  it("shows each person in the table as the preview does: in/<slug>, else the e-mail", async () => {
    const list = await reinviteJson();
    const table = await runCli(["reinvite-list", "--db", temp.db, "--as-of", "2026-11-20"]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).not.toContain("linkedin.com/in/");
    const withProfile = list.find((r) => r.profileUrl);
    const slug = withProfile?.profileUrl?.replace(/^.*\/in\/([^/?#]+).*$/, "$1");
    expect(slug).toBeTruthy();
    expect(table.stdout).toContain(`in/${slug}`);
    // The demo's batch holds non-members invited by address: they are listed by it.
    const emailOnly = list.find((r) => !r.profileUrl && r.email);
    expect(emailOnly?.email).toBeTruthy();
    expect(table.stdout).toContain(emailOnly?.email);
  });
});
