import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { DEMO_EXPORT as DEMO, runBinary, runCli, useTempDatabase } from "../support/cli.js";
import { clearOfMidnight } from "../support/clock.js";

const temp = useTempDatabase();
const HEADER = [
  "First Name",
  "Last Name",
  "URL",
  "Email Address",
  "Company",
  "Position",
  "Connected On",
  "Source",
  "Batch",
];

async function exportTo(name: string, ...flags: string[]) {
  const out = join(temp.dir, name);
  const result = await runCli(["connections", "export", "--db", temp.db, "--out", out, ...flags]);
  return { out, result };
}

describe("invites connections export", () => {
  it("writes every connection with LinkedIn's columns first, and imports back the same", async () => {
    await runCli(["import", "--db", temp.db, DEMO]);
    const { out, result } = await exportTo("all.csv");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("Wrote 9 connections");
    const text = readFileSync(out, "utf8");
    const rows = parse(text) as string[][];
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(10);
    expect(
      rows.some((r) => r[0] === "Friedrich" && r[1] === "Größer" && r[6] === "15 Jan 2024"),
    ).toBe(true);
    expect(rows.filter((r) => r[8] === "B1")).toHaveLength(6);
    // Byte for byte: the umlauts are written as the export had them.
    expect(
      Buffer.from(text, "utf8").includes(Buffer.from("Weiß & Partner, Rechtsanwälte", "utf8")),
    ).toBe(true);

    const again = join(temp.dir, "again.db");
    expect((await runCli(["import", "--db", again, out])).code).toBe(0);
    const original = JSON.parse((await runCli(["status", "--db", temp.db, "--json"])).stdout);
    const reimported = JSON.parse((await runCli(["status", "--db", again, "--json"])).stdout);
    expect(reimported.connections).toEqual(original.connections);
    const second = await runCli([
      "connections",
      "export",
      "--db",
      again,
      "--out",
      join(temp.dir, "second.csv"),
    ]);
    expect(second.code).toBe(0);
    const strip = (csv: string) =>
      (parse(csv) as string[][]).map((r) => r.slice(0, 7).join("|")).sort();
    expect(strip(readFileSync(join(temp.dir, "second.csv"), "utf8"))).toEqual(strip(text));
  });

  it("read back into the same database, a selection of its own marks no one gone", async () => {
    await runCli(["import", "--db", temp.db, DEMO]);
    const status = async () =>
      JSON.parse((await runCli(["status", "--db", temp.db, "--json"])).stdout).connections;
    const before = await status();
    const { out } = await exportTo("batch.csv", "--batch");
    const imported = await runCli(["import", "--db", temp.db, "--json", out]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).files[0]).toMatchObject({
      kind: "invites-connections",
      format: "Connections exported by invites",
      imported: 6,
      new: 0,
      goneConnections: 0,
    });
    expect(await status()).toEqual(before);
    // Nor does its record of removals pass for a list of connections.
    const record = join(temp.dir, "removed-connections.csv");
    writeFileSync(
      record,
      `${[...HEADER.slice(0, 7), "Removal Attempted At"].join(",")}\nAnna,Neumann,https://www.linkedin.com/in/anna-neumann-589,,,,15 Nov 2026,2026-12-03T10:00:00.000Z\n`,
    );
    const refused = await runCli(["import", "--db", temp.db, record]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      "recognised as invites' own record of the connections it removed (removed-connections.csv)",
    );
    expect(await status()).toEqual(before);
  });

  it("selects the batch's connections, by text and by date", async () => {
    await runCli(["import", "--db", temp.db, DEMO]);
    const batch = await exportTo("batch.csv", "--batch");
    expect(batch.result.stderr).toContain("Wrote 6 connections");
    const matched = await exportTo("match.csv", "--match", "größer");
    // The singular: "1 connection", not "1 connections".
    expect(matched.result.stderr).toMatch(/Wrote 1 connection to /);
    // Typed without the umlaut, as on a keyboard without one.
    const plain = await exportTo("plain.csv", "--match", "grosser");
    expect(plain.result.stderr).toMatch(/Wrote 1 connection to /);
    const recent = await exportTo("recent.csv", "--connected-after", "2026-11-01");
    expect(recent.result.stderr).toContain("Wrote 7 connections");
    // Nobody selected: no empty file is left behind, and the message says so.
    const none = await exportTo("none.csv", "--match", "Niemand Sonst");
    expect(none.result.code, none.result.stderr).toBe(0);
    expect(none.result.stderr.trim()).toBe(
      "No connection matches this selection, so no file was written.",
    );
    expect(existsSync(none.out)).toBe(false);
    const piped = await runCli([
      "connections",
      "export",
      "--db",
      temp.db,
      "--out",
      "-",
      "--match",
      "Niemand Sonst",
    ]);
    expect(piped.stdout.trim().split("\n")).toHaveLength(1);
  });

  it("writes UTF-8 with a BOM and semicolons for Excel, which imports back too", async () => {
    await runCli(["import", "--db", temp.db, DEMO]);
    const { out } = await exportTo("excel.csv", "--excel");
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8").slice(1, 30)).toBe("First Name;Last Name;URL;Emai");
    expect(bytes.toString("utf8")).toContain("\r\n");
    const again = join(temp.dir, "again.db");
    const imported = await runCli(["import", "--db", again, "--json", out]);
    expect(JSON.parse(imported.stdout).files[0]).toMatchObject({
      kind: "invites-connections",
      imported: 9,
    });
  });

  it("imports back an export that German Excel re-saved: semicolons, Windows-1252, dotted dates", async () => {
    await runCli(["import", "--db", temp.db, DEMO]);
    const { out } = await exportTo("plain.csv");
    // Windows-1252 has no ř: Excel writes a question mark for what its code page lacks.
    const codePage = (text: string) =>
      [...text].map((char) => ((char.codePointAt(0) ?? 0) > 0xff ? "?" : char)).join("");
    const original = (parse(readFileSync(out, "utf8")) as string[][]).map((r) => r.map(codePage));
    // As Excel saves "CSV (Trennzeichen-getrennt)": ; and CRLF, its own code page, and each date
    // it recognised (a month it knows in English and German: Nov, Feb, …) as 15.11.2026.
    const months: Record<string, string> = {
      Jan: "01",
      Feb: "02",
      Apr: "04",
      Jun: "06",
      Jul: "07",
      Aug: "08",
      Sep: "09",
      Nov: "11",
    };
    const resaved = original.map((row, i) =>
      row.map((cell, c) => {
        const date = /^(\d{2}) (\w{3}) (\d{4})$/.exec(cell);
        const month = date ? months[date[2] ?? ""] : undefined;
        if (i > 0 && c === 6 && date && month) return `${date[1]}.${month}.${date[3]}`;
        return /[;"\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
      }),
    );
    expect(resaved.some((row) => /^\d{2}\.\d{2}\.\d{4}$/.test(row[6] ?? ""))).toBe(true);
    const excel = join(temp.dir, "excel-resaved.csv");
    writeFileSync(
      excel,
      Buffer.from(`${resaved.map((r) => r.join(";")).join("\r\n")}\r\n`, "latin1"),
    );
    const again = join(temp.dir, "resaved.db");
    const imported = await runCli(["import", "--db", again, "--json", excel]);
    expect(imported.code, imported.stderr).toBe(0);
    const second = join(temp.dir, "from-resaved.csv");
    expect((await runCli(["connections", "export", "--db", again, "--out", second])).code).toBe(0);
    const linkedIn = (rows: string[][]) => rows.map((r) => r.slice(0, 7));
    expect(linkedIn(parse(readFileSync(second, "utf8")) as string[][])).toEqual(linkedIn(original));
  });

  it("neutralises every cell a spreadsheet would run as a formula", async () => {
    const connections = join(temp.dir, "Connections.csv");
    writeFileSync(
      connections,
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n=HYPERLINK("http://x"),+49,https://www.linkedin.com/in/a,,-2+3,@SUM(A1),08 Feb 2026\n"\tTab","\rReturn",https://www.linkedin.com/in/b,,Ärzte = gut,Chef,08 Feb 2026\n',
    );
    await runCli(["import", "--db", temp.db, connections]);
    const { out } = await exportTo("safe.csv");
    const rows = parse(readFileSync(out, "utf8")) as string[][];
    const a = rows.find((r) => r[2]?.endsWith("/in/a"));
    expect(a?.slice(0, 6)).toEqual([
      '\'=HYPERLINK("http://x")',
      "'+49",
      "https://www.linkedin.com/in/a",
      "",
      "'-2+3",
      "'@SUM(A1)",
    ]);
    const b = rows.find((r) => r[2]?.endsWith("/in/b"));
    // Cells are trimmed at import, so the TAB and CR are gone; a formula sign inside is harmless.
    expect(b?.slice(0, 5)).toEqual([
      "Tab",
      "Return",
      "https://www.linkedin.com/in/b",
      "",
      "Ärzte = gut",
    ]);

    // Read back, the export gives the data as it was: no apostrophe is stored, and exported
    // again from there, LinkedIn's columns are the same (Source names the file read).
    const again = join(temp.dir, "again.db");
    expect((await runCli(["import", "--db", again, out])).code).toBe(0);
    const db = new Database(again, { readonly: true });
    const stored = db
      .prepare("SELECT first_name, last_name, company, position FROM connections WHERE slug = 'a'")
      .get();
    db.close();
    expect(stored).toEqual({
      first_name: '=HYPERLINK("http://x")',
      last_name: "+49",
      company: "-2+3",
      position: "@SUM(A1)",
    });
    const second = join(temp.dir, "safe-again.csv");
    const exported = await runCli(["connections", "export", "--db", again, "--out", second]);
    expect(exported.code, exported.stderr).toBe(0);
    const linkedIn = (file: string) =>
      (parse(readFileSync(file, "utf8")) as string[][]).map((r) => r.slice(0, 7));
    expect(linkedIn(second)).toEqual(linkedIn(out));
  });

  it("never overwrites a file", async () => {
    await runCli(["import", "--db", temp.db, DEMO]);
    const first = await exportTo("same.csv");
    expect(first.result.code).toBe(0);
    const second = await exportTo("same.csv");
    expect(second.result.code).toBe(2);
    expect(second.result.stderr).toContain("same.csv exists already");
  });

  it("writes to standard output with --out -, the same CSV as the file, and no file named -", async () => {
    await runCli(["import", "--db", temp.db, DEMO]);
    const { out } = await exportTo("file.csv", "--excel");
    // A file named "-" in the folder would be taken: standard output is no file, nothing stops.
    writeFileSync(join(temp.dir, "-"), "mine");
    const args = ["connections", "export", "--db", temp.db, "--out", "-", "--excel"];
    const piped = await runCli(args, { cwd: temp.dir });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toBe(readFileSync(out, "utf8"));
    expect(piped.stderr).toContain("Wrote 9 connections to standard output (for Excel");
    expect(readFileSync(join(temp.dir, "-"), "utf8")).toBe("mine");
  });

  it("refuses --out - for the record of removals, which must be a file kept on disk", async () => {
    await runCli(["import", "--db", temp.db, DEMO]);
    const args = ["connections", "remove", "--db", temp.db, "--batch", "--dry-run", "--out", "-"];
    const result = await runCli(args, { cwd: temp.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "invites: --out - cannot be used here: this list is kept in a file before each removal; name a file with --out\n",
    );
    expect(existsSync(join(temp.dir, "-"))).toBe(false);
  });

  it("names the file it chose after the day on the user's clock, not UTC's", async () => {
    await runCli(["import", "--db", temp.db, DEMO]);
    // A zone whose day is not UTC's right now: 14 hours ahead from 10:00 UTC on, else 12 behind.
    const zone = new Date().getUTCHours() >= 10 ? "Etc/GMT-14" : "Etc/GMT+12";
    const dayIn = (timeZone: string) =>
      new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date());
    const days = [dayIn(zone)];
    const result = await runBinary(["connections", "export", "--db", temp.db], {
      cwd: temp.dir,
      env: { TZ: zone },
    });
    expect(result.code, result.stderr).toBe(0);
    days.push(dayIn(zone));
    const [name] = readdirSync(temp.dir).filter((f) => f.startsWith("linkedin-connections-"));
    expect(days.map((day) => `linkedin-connections-${day}.csv`)).toContain(name);
    expect(name).not.toBe(`linkedin-connections-${dayIn("UTC")}.csv`);
  });

  it("says where it wrote, as a whole path, when it chose the file's name", async () => {
    // The name holds the day (UTC): both exports must fall on the same one.
    await clearOfMidnight();
    await runCli(["import", "--db", temp.db, DEMO]);
    const result = await runCli(["connections", "export", "--db", temp.db], { cwd: temp.dir });
    expect(result.code, result.stderr).toBe(0);
    const [name] = readdirSync(temp.dir).filter((f) => f.startsWith("linkedin-connections-"));
    expect(result.stderr.replace(/\s+/g, " ")).toContain(`to ${join(temp.dir, name ?? "?")}.`);
    // Run again the same day, it writes beside the first rather than stopping, and says where.
    const again = await runCli(["connections", "export", "--db", temp.db], { cwd: temp.dir });
    expect(again.code, again.stderr).toBe(0);
    const second = join(temp.dir, (name ?? "?").replace(/\.csv$/, "-2.csv"));
    expect(again.stderr.replace(/\s+/g, " ")).toContain(`to ${second}.`);
    expect(readFileSync(second, "utf8")).toBe(readFileSync(join(temp.dir, name ?? "?"), "utf8"));
  });

  it("asks for a terminal before --pick, and writes nothing without one", async () => {
    await runCli(["import", "--db", temp.db, DEMO]);
    const { out, result } = await exportTo("picked.csv", "--pick");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--pick needs a terminal to choose in");
    expect(existsSync(out)).toBe(false);
  });
});
