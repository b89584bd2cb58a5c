/**
 * The CSV files written for the user (preview --csv, connections export, apologize) read back
 * cell for cell, by csv-parse as by a spreadsheet: every line break inside a cell is quoted,
 * whichever the file's own record delimiter is.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { expect, it } from "vitest";
import { writeCsvFile } from "../../src/user-files.js";
import { useTempDatabase } from "../support/cli.js";

const temp = useTempDatabase();

const rows = [
  ["First Name", "Position", "Note"],
  ["Anna", "Chefin\rPraktikantin", "eins\nzwei"],
  ["Bernd", "a\r\nb", 'sagt "ja"; oder, nein'],
];

it.each([false, true])("quotes a lone CR and a lone LF (for Excel: %s)", (excel) => {
  const path = join(temp.dir, `out-${excel}.csv`);
  writeCsvFile(path, rows, { flag: "--out", excel });
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
