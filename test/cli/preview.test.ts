import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it } from "vitest";
import { fixture, importDemo, runCli, useTempDatabase } from "../support/cli.js";

const temp = useTempDatabase();
const AS_OF = ["--as-of", "2026-11-20"];

beforeEach(() => importDemo(temp.db));

async function previewJson(...flags: string[]) {
  const result = await runCli(["preview", "--db", temp.db, "--json", ...AS_OF, ...flags]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Array<Record<string, unknown>>;
}

const KEYS = [
  "id",
  "name",
  "profileUrl",
  "email",
  "sentAt",
  "state",
  "batch",
  "personal",
  "addressBook",
  "roleAddress",
  "nextReminder",
  "expiresAt",
];

describe("invites preview", () => {
  it("lists every pending invitation by default, with exactly the documented keys", async () => {
    const all = await previewJson();
    expect(all).toHaveLength(41);
    for (const row of all) expect(Object.keys(row)).toEqual(KEYS);
    const jurgen = all.find((r) => r.name === "Jürgen Fuß");
    expect(jurgen).toMatchObject({
      state: "pending",
      batch: "B1",
      personal: false,
      addressBook: true,
      roleAddress: false,
      email: null,
      sentAt: "2026-11-14T09:19:00Z",
      nextReminder: "2026-11-21",
      expiresAt: "2027-05-16",
    });
    const role = all.find((r) => r.email === "bewerbung@stadtwerke.example");
    expect(role).toMatchObject({ profileUrl: null, roleAddress: true, batch: "B1" });
    // Soonest reminder first: the personal ones, with no reminder left, come last.
    expect(all.slice(-3).every((r) => r.personal === true && r.nextReminder === null)).toBe(true);
  });

  it("selects the batch without personal invitations, and one batch by id", async () => {
    const batch = await previewJson("--batch");
    expect(batch).toHaveLength(38);
    expect(batch.every((r) => r.batch === "B1" && r.personal === false)).toBe(true);
    expect(await previewJson("--batch", "b1")).toHaveLength(38);
  });

  it("refuses a blank --match, which would let everyone through, in preview, withdraw and remove", async () => {
    const commands = [
      ["preview", "--json", ...AS_OF],
      ["withdraw", "--dry-run", ...AS_OF],
      ["connections", "remove", "--dry-run"],
    ];
    for (const command of commands) {
      for (const blank of ["", "  "]) {
        const flags = ["--batch", "--match", blank];
        const result = await runCli([...command, "--db", temp.db, ...flags]);
        expect(result.code, command.join(" ")).toBe(2);
        expect(result.stdout).toBe("");
        expect(result.stderr).toBe(
          `invites: --match "${blank}" is blank and would select everyone (expected part of a name, a profile or an email)\n`,
        );
      }
    }
  });

  it("combines flags as AND", async () => {
    expect(await previewJson("--batch", "--match", "jürgen")).toHaveLength(
      (await previewJson("--match", "juergen")).filter((r) => r.batch === "B1").length,
    );
    const roles = await previewJson("--batch", "--match", "@");
    expect(roles.map((r) => r.email).sort()).toEqual([
      "bewerbung@stadtwerke.example",
      "info@baeckerei-gross.example",
      "j.weiss@web.example",
      "kundenservice@versand.example",
      "noreply@shop.example",
      "oma.hildegard@gmx.example",
    ]);
    expect(await previewJson("--older-than", "3w")).toHaveLength(3);
    expect(await previewJson("--older-than", "4w")).toHaveLength(2);
    expect(await previewJson("--sent-before", "2026-11-14")).toHaveLength(3);
    expect(
      await previewJson("--sent-after", "2026-11-13", "--sent-before", "2026-11-15"),
    ).toHaveLength(38);
  });

  it("never selects what the keep-list names", async () => {
    const keep = join(temp.dir, "keep.txt");
    const all = await previewJson("--batch");
    const first = all[0] as { profileUrl: string };
    writeFileSync(keep, `${first.profileUrl}\nbewerbung@stadtwerke.example\n`);
    const kept = await previewJson("--batch", "--keep", keep);
    expect(kept).toHaveLength(36);
    expect(kept.some((r) => r.profileUrl === first.profileUrl)).toBe(false);
  });

  it("writes the same columns to --csv", async () => {
    const file = join(temp.dir, "preview.csv");
    const result = await runCli(["preview", "--db", temp.db, ...AS_OF, "--batch", "--csv", file]);
    expect(result.code).toBe(0);
    const rows = parse(readFileSync(file, "utf8"), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(Object.keys(rows[0] ?? {})).toEqual(KEYS);
    expect(rows).toHaveLength(38);
    expect(rows.find((r) => r.name === "Jürgen Fuß")).toMatchObject({
      personal: "false",
      batch: "B1",
      email: "",
    });
  });

  it("writes --csv as a new file of the user's alone, where no cell runs as a formula", async () => {
    // Another file of invitations on top of the demo's: it closes most of them, on purpose.
    const hostile = await runCli([
      "import",
      "--db",
      temp.db,
      "--yes",
      fixture("hostile", "Invitations.csv"),
    ]);
    expect(hostile.code, hostile.stderr).toBe(0);
    const file = join(temp.dir, "preview.csv");
    const result = await runCli(["preview", "--db", temp.db, ...AS_OF, "--csv", file]);
    expect(result.code, result.stderr).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, "utf8");
    const rows = parse(text) as string[][];
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    const names = rows.map((r) => r[1]);
    expect(names).toContain(`'=HYPERLINK("https://evil.example","Klick mich")`);
    expect(names).toContain("'+cmd|' /C calc'!A0");
    expect(names).toContain("'@SUM(A1:A9)");
    expect(names).toContain("'-1+1");
    // The data keeps its bytes otherwise: CSV quotes it, nothing is made printable.
    expect(names).toContain("Anna \u202eLEUNAM\u202c Nowak");
    expect(names).toContain("Fake Person\rDörte Schröder");
    expect(names).toContain("Lena\x1b[2J\x1b[H Müller");

    const again = await runCli(["preview", "--db", temp.db, ...AS_OF, "--csv", file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      `invites: ${file} exists already\n  name another file with --csv: invites never overwrites a file\n`,
    );
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("writes --csv --excel for German Excel: BOM, semicolons, CRLF; --excel alone is refused", async () => {
    const plain = join(temp.dir, "plain.csv");
    const excel = join(temp.dir, "excel.csv");
    expect((await runCli(["preview", "--db", temp.db, ...AS_OF, "--csv", plain])).code).toBe(0);
    const result = await runCli(["preview", "--db", temp.db, ...AS_OF, "--csv", excel, "--excel"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("(for Excel: UTF-8 with BOM, semicolons)");
    const text = readFileSync(excel, "utf8");
    expect(text.startsWith("\uFEFFid;name;profileUrl;")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = parse(text, { bom: true, delimiter: ";" }) as string[][];
    expect(rows).toEqual(parse(readFileSync(plain, "utf8")) as string[][]);

    const alone = await runCli(["preview", "--db", temp.db, ...AS_OF, "--excel"]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toBe(
      "invites: --excel shapes the file of --csv: name one with --csv FILE\n",
    );
  });

  it("writes --csv - to standard output, the same rows as the file", async () => {
    const file = join(temp.dir, "batch.csv");
    expect(
      (await runCli(["preview", "--db", temp.db, ...AS_OF, "--batch", "--csv", file])).code,
    ).toBe(0);
    const piped = await runCli(["preview", "--db", temp.db, ...AS_OF, "--batch", "--csv", "-"], {
      cwd: temp.dir,
    });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toBe(readFileSync(file, "utf8"));
    expect(piped.stderr).toMatch(/^Wrote \d+ invitations to standard output\n$/);
    expect(existsSync(join(temp.dir, "-"))).toBe(false);
  });

  it("prints a table that stops after a screenful and a summary", async () => {
    // A screen of 40 lines ($LINES, as a terminal of that height has).
    const result = await runCli(["preview", "--db", temp.db, ...AS_OF], { env: { LINES: "40" } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/… and \d+ more \(--all to list every one\)/);
    // The summary wraps to the width (120 columns when stdout is no terminal).
    expect(result.stdout.replace(/\n(?=\S)/g, " ")).toContain(
      "41 pending invitations as of 2026-11-20: 38 in an accidental batch, 3 personal; 38 will get a reminder by 2026-11-27 unless withdrawn.",
    );
    const all = await runCli(["preview", "--db", temp.db, ...AS_OF, "--all"], {
      env: { LINES: "40" },
    });
    expect(all.stdout).not.toContain("more (--all");
    expect(all.stdout).toContain("│ Jürgen Fuß");
    // Without a terminal (and no $LINES) every row is listed: a file or a pipe gets them all.
    const piped = await runCli(["preview", "--db", temp.db, ...AS_OF]);
    expect(piped.stdout).not.toContain("more (--all");
    expect(piped.stdout.split("\n").filter((line) => line.startsWith("│ ")).length).toBe(42);
  });

  it("writes the flags in one letter each where their words would squeeze the names", async () => {
    const widths = async (lang: string, columns: number) => {
      const result = await runCli(["preview", "--db", temp.db, ...AS_OF, "--lang", lang], {
        env: { COLUMNS: String(columns) },
      });
      expect(result.code, result.stderr).toBe(0);
      const head = result.stdout.split("\n").find((l) => l.startsWith("│ Name")) ?? "";
      const cells = head.split("│").slice(1, -1);
      return { name: cells[0]?.length ?? 0, profile: cells[1]?.length ?? 0, out: result.stdout };
    };
    // German flags ("persönlich Adressbuch") would leave the name 9 columns of 100.
    const german = await widths("de", 100);
    expect(german.name - 2).toBeGreaterThanOrEqual(14);
    expect(german.profile - 2).toBeGreaterThanOrEqual(14);
    expect(german.out).toContain("│ A ");
    expect(german.out.replace(/\n/g, " ")).toContain(
      "Merkmale: P persönlich (mit Nachricht), A im",
    );
    // English words fit beside names of 14 columns and more, and stay words.
    const english = await widths("en", 100);
    expect(english.name - 2).toBeGreaterThanOrEqual(14);
    expect(english.out).toContain("│ book ");
    expect(english.out).toContain("Flags: personal = sent with a note");
  });

  it("refuses what it cannot do, with exit 2", async () => {
    const cases: Array<[string[], string]> = [
      [["--batch", "B7"], "invites: there is no batch B7"],
      [
        ["--older-than", "two weeks"],
        'invites: --older-than "two weeks" is not a duration (expected e.g. 14d, 3w or 2m)',
      ],
      [["--sent-before", "03/11/2026"], 'invites: --sent-before "03/11/2026" is not a date'],
      [["--pick"], "invites: --pick needs a terminal to choose in"],
      [["--json", "--csv", "x.csv"], "invites: --json and --csv go one at a time"],
      [
        ["--keep", join(temp.dir, "missing.txt")],
        "missing.txt: cannot be read (expected a keep-list file)",
      ],
      [["--batch-min", "0"], 'invites: --batch-min "0" is not a whole number of at least 1'],
    ];
    for (const [flags, message] of cases) {
      const result = await runCli(["preview", "--db", temp.db, ...AS_OF, ...flags]);
      expect(result.code, flags.join(" ")).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe("");
    }
  });

  it("names the batches there are when --batch names none, in every command that selects", async () => {
    for (const command of [
      ["preview"],
      ["withdraw", "--dry-run"],
      ["apologize", "--out", join(temp.dir, "notes.csv")],
    ]) {
      const result = await runCli([...command, "--db", temp.db, ...AS_OF, "--batch", "B7"]);
      expect(result.code, command[0]).toBe(2);
      expect(result.stderr).toBe(
        "invites: there is no batch B7\n  the batches are B1 (see invites batches)\n",
      );
    }
  });
});

describe("invites batches", () => {
  it("describes each batch", async () => {
    const result = await runCli(["batches", "--db", temp.db, "--json", ...AS_OF]);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        id: "B1",
        first: "2026-11-14T09:14:00Z",
        last: "2026-11-14T09:21:00Z",
        size: 44,
        pending: 38,
        withdrawn: 0,
        accepted: 6,
        expired: 0,
        closed: 0,
        addressBookShare: 1,
      },
    ]);
    const text = await runCli(["batches", "--db", temp.db, ...AS_OF]);
    expect(text.stdout).toMatch(
      /│ B1\s+│ 2026-11-14 09:14\s+│ 2026-11-14 09:21\s+│\s+44 │\s+38 │\s+0 │\s+6 │\s+100% │/,
    );
    // No batch has an expired or closed invitation: that column is left out.
    expect(text.stdout).not.toContain("Expired");
  });

  it("counts the expired once they are, and lays a batch out as lines where no table fits", async () => {
    // A year on, the batch's unanswered invitations have expired.
    const later = ["--as-of", "2027-11-20"];
    const json = await runCli(["batches", "--db", temp.db, "--json", ...later]);
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ size: 44, pending: 0, expired: 38 });
    const wide = await runCli(["batches", "--db", temp.db, ...later], { env: { COLUMNS: "140" } });
    expect(wide.stdout).toMatch(/│ Accepted │ Expired or closed │/);
    expect(wide.stdout).toMatch(/│\s+6 │\s+38 │\s+100% │/);
    const narrow = await runCli(["batches", "--db", temp.db, "--lang", "de", ...later], {
      env: { COLUMNS: "40" },
    });
    expect(narrow.stdout).toBe(
      [
        // No heading says UTC here: the title does.
        "B1  14.11.2026 09:14–09:21 UTC",
        "  Größe                           44",
        "  Ausstehend                       0",
        "  Zurückgezogen                    0",
        "  Angenommen                       6",
        "  Abgelaufen oder geschlossen     38",
        // German sets a (no-break) space before the sign.
        "  Im Adressbuch                100\u00a0%",
        "",
      ].join("\n"),
    );
  });

  it("finds none when the burst is smaller than --batch-min", async () => {
    const result = await runCli(["batches", "--db", temp.db, "--batch-min", "45", ...AS_OF]);
    expect(result.stdout).toContain("No accidental batch found");
  });
});

describe("invites preview --all of more rows than a table is fitted over", () => {
  it("lists every one in columns as wide as the terminal, and counts them all", async () => {
    const csv = join(temp.dir, "Invitations.csv");
    const lines = ["From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl"];
    // A minute apart from 2026-11-13 09:00 UTC, as LinkedIn writes its dates: "11/13/26, 9:00 AM".
    for (let i = 0; i < 1500; i++) {
      const d = new Date(Date.UTC(2026, 10, 13, 9, i));
      const h = d.getUTCHours();
      const sent = `${d.getUTCMonth() + 1}/${d.getUTCDate()}/26, ${h % 12 || 12}:${String(d.getUTCMinutes()).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
      lines.push(
        `Katrin Böhm,Person ${i},"${sent}",,OUTGOING,https://www.linkedin.com/in/katrin-boehm,https://www.linkedin.com/in/person-${i}`,
      );
    }
    writeFileSync(csv, `${lines.join("\n")}\n`);
    const db = join(temp.dir, "long.db");
    expect((await runCli(["import", "--db", db, csv])).code).toBe(0);
    const result = await runCli(["preview", "--db", db, ...AS_OF, "--all"], {
      env: { COLUMNS: "110" },
    });
    expect(result.code).toBe(0);
    const table = result.stdout.split("\n").filter((l) => /^[│┌├└]/.test(l));
    expect(table).toHaveLength(4 + 1500);
    expect(new Set(table.map((l) => [...l].length))).toEqual(new Set([110]));
    for (const i of [0, 999, 1000, 1499]) expect(result.stdout).toContain(`│ Person ${i} `);
    expect(result.stdout).toContain("Selected: 1,500 of 1,500.");
  });
});
