/**
 * The CSV files written for the user (preview --csv, connections export, apologize) read back
 * cell for cell, by csv-parse as by a spreadsheet: every line break inside a cell is quoted,
 * whichever the file's own record delimiter is.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { expect, it } from "vitest";
import { freeName, writeAll, writeCsvFile } from "../../src/user-files.js";
import { ROOT, useTempDatabase } from "../support/cli.js";

const temp = useTempDatabase();

const rows = [
  ["First Name", "Position", "Note"],
  ["Anna", "Chefin\rPraktikantin", "eins\nzwei"],
  ["Bernd", "a\r\nb", 'sagt "ja"; oder, nein'],
];

it.each([false, true])("quotes a lone CR and a lone LF (for Excel: %s)", (excel) => {
  const path = join(temp.dir, `out-${excel}.csv`);
  const [head, ...body] = rows;
  expect(writeCsvFile(path, head as string[], body, { flag: "--out", excel })).toBe(2);
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  const delimiter = excel ? ";" : ",";
  const recordEnd = excel ? "\r\n" : "\n";
  // Every record ends where the file's delimiter says, and nowhere else outside quotes.
  expect(text.split(recordEnd).filter((line) => !line.includes('"') && line !== "")).toEqual([
    ["First Name", "Position", "Note"].join(delimiter),
  ]);
  expect(text).toContain(`"Chefin\rPraktikantin"`);
  expect(text).toContain(`"eins\nzwei"`);
  expect(parse(text, { delimiter, record_delimiter: recordEnd })).toEqual(rows);
});

it.each([false, true])(
  "runs no formula however a spreadsheet splits a line, on commas or on semicolons (for Excel: %s)",
  (excel) => {
    const path = join(temp.dir, `formulas-${excel}.csv`);
    const hostile = [
      ["Weber;=cmd|' /C calc'!A0", "ACME;=1+2", "Chefin;@SUM(1+1)"],
      ["Weber, =HYPERLINK(1)", "a; +49 30", "b,-2+3;\tx"],
      ["=1", "x", "Müller, Schmidt & Partner; GmbH"],
    ];
    writeCsvFile(path, ["a", "b", "c"], hostile, { flag: "--out", excel });
    const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
    const own = excel ? ";" : ",";
    const other = excel ? "," : ";";
    // A spreadsheet that takes the other delimiter splits every line on it, quotes or not, and
    // trims no space: no piece may start with what it runs.
    for (const line of text.split(/\r?\n/)) {
      for (const piece of line.split(other)) {
        expect(piece.replace(/^ +/, "").replace(/^"/, ""), line).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    // One that takes the file's own reads it whole: no cell starts with what it runs either,
    // and the apostrophes stand only where the other delimiter would start a cell.
    const back = parse(text, { delimiter: own, bom: true }) as string[][];
    for (const cell of back.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(back[1]).toEqual(
      excel
        ? ["Weber;=cmd|' /C calc'!A0", "ACME;=1+2", "Chefin;@SUM(1+1)"]
        : ["Weber;'=cmd|' /C calc'!A0", "ACME;'=1+2", "Chefin;'@SUM(1+1)"],
    );
    expect(back[2]?.[0]).toBe(excel ? "Weber, '=HYPERLINK(1)" : "Weber, =HYPERLINK(1)");
    expect(back[3]?.[2]).toBe("Müller, Schmidt & Partner; GmbH");
  },
);

it("writes its rows as they come, and leaves no file when one cannot be made", () => {
  const path = join(temp.dir, "long.csv");
  let onDisk = -1;
  const rows = function* () {
    for (let i = 0; i < 5000; i++) {
      // Past the first slices, the incomplete file holds their rows already: none is held until
      // the end, and the name itself is not there until the file is whole.
      if (i === 4500) {
        onDisk = readFileSync(`${path}.incomplete`, "utf8").split("\n").length - 1;
        expect(existsSync(path)).toBe(false);
      }
      yield [`row ${i}`, "=1+1"];
    }
  };
  expect(writeCsvFile(path, ["Name", "Note"], rows(), { flag: "--out" })).toBe(5000);
  expect(onDisk).toBeGreaterThanOrEqual(4000);
  const back = parse(readFileSync(path, "utf8")) as string[][];
  expect(back).toHaveLength(5001);
  expect(back[5000]).toEqual(["row 4999", "'=1+1"]);
  expect(existsSync(`${path}.incomplete`)).toBe(false);
  expect(statSync(path).mode & 0o777).toBe(0o600);

  const broken = join(temp.dir, "broken.csv");
  const failing = function* () {
    yield* Array.from({ length: 3000 }, (_, i) => [`row ${i}`, ""]);
    throw new Error("the database went away");
  };
  expect(() => writeCsvFile(broken, ["Name", "Note"], failing(), { flag: "--out" })).toThrow(
    "the database went away",
  );
  expect(existsSync(broken)).toBe(false);
  expect(existsSync(`${broken}.incomplete`)).toBe(false);
});

it("leaves no file under the name when the process is killed half way, only one called incomplete", () => {
  const path = join(temp.dir, "killed.csv");
  // A real process, killed by SIGKILL while it writes: nothing of ours runs after that.
  const script = `
    const { writeCsvFile } = await import(${JSON.stringify(join(ROOT, "dist/user-files.js"))});
    const rows = function* () {
      for (let i = 0; i < 5000; i++) {
        if (i === 3000) process.kill(process.pid, "SIGKILL");
        yield [\`row \${i}\`];
      }
    };
    writeCsvFile(${JSON.stringify(path)}, ["Name"], rows(), { flag: "--out" });
  `;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    timeout: 30_000,
  });
  expect(run.signal, run.stderr).toBe("SIGKILL");
  expect(existsSync(path)).toBe(false);
  expect(readFileSync(`${path}.incomplete`, "utf8").split("\n").length).toBeGreaterThan(1000);
  // The next run is not in its way: it writes beside the incomplete one, and takes the name.
  expect(writeCsvFile(path, ["Name"], [["Anna"]], { flag: "--out" })).toBe(1);
  expect(readFileSync(path, "utf8")).toBe("Name\nAnna\n");
  expect(existsSync(`${path}.incomplete-2`)).toBe(false);
  expect(existsSync(`${path}.incomplete`)).toBe(true);
});

it("names the file being written when its disk is full, not the database", () => {
  // /dev/full answers every write with ENOSPC, as a full disk does.
  const fd = openSync("/dev/full", "w");
  try {
    writeAll(fd, Buffer.from("Name\n"), "/media/stick/list.csv", "--csv");
    expect.unreachable();
  } catch (error) {
    expect((error as Error).message).toBe(
      "/media/stick/list.csv: cannot be written: the disk it is on is full",
    );
    expect((error as { suggestion?: string }).suggestion).toBe(
      "free some space on that disk, or name a file on another one with --csv",
    );
  } finally {
    closeSync(fd);
  }
});

it("finds the first free name beside a taken one, keeping the extension", () => {
  const path = (name: string) => join(temp.dir, name);
  expect(freeName(path("notes.csv"))).toBe(path("notes.csv"));
  writeFileSync(path("notes.csv"), "");
  expect(freeName(path("notes.csv"))).toBe(path("notes-2.csv"));
  writeFileSync(path("notes-2.csv"), "");
  expect(freeName(path("notes.csv"))).toBe(path("notes-3.csv"));
  writeFileSync(path("plain"), "");
  expect(freeName(path("plain"))).toBe(path("plain-2"));
});
