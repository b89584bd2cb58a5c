import { describe, expect, it } from "vitest";
import { parseDayOrTime } from "../../src/commands/options.js";
import { parseConnectedOn, parseSentAt } from "../../src/formats/dates.js";

describe("parseSentAt", () => {
  it.each([
    ["1/29/26, 2:37 PM", "2026-01-29T14:37:00Z"],
    ["3/5/26, 1:45 AM", "2026-03-05T01:45:00Z"],
    ["12/31/25, 12:05 AM", "2025-12-31T00:05:00Z"],
    ["12/31/25, 12:05 PM", "2025-12-31T12:05:00Z"],
    ["5/12/2021, 3:14 pm", "2021-05-12T15:14:00Z"],
    ["2021-08-01 10:00:00", "2021-08-01T10:00:00Z"],
    ["2026-06-01 10:00 UTC", "2026-06-01T10:00:00Z"],
    ["2026-06-01T10:00:00Z", "2026-06-01T10:00:00Z"],
  ])("%s → %s", (text, iso) => {
    expect(parseSentAt(text)).toBe(iso);
  });

  it.each([["yesterday"], [""], ["2/30/26, 1:00 PM"], ["1/29/26, 13:00 PM"], ["29.01.2026 14:37"]])(
    "%s is not a date",
    (text) => {
      expect(parseSentAt(text)).toBeNull();
    },
  );
});

describe("parseConnectedOn", () => {
  it.each([
    ["08 Feb 2026", "2026-02-08"],
    ["1 Apr 2026", "2026-04-01"],
    ["12 Mar 19", "2019-03-12"],
    ["29-Mar-21", "2021-03-29"],
    ["2026-02-08", "2026-02-08"],
    // Exports of 2016 to 2018: US order with a 12-hour clock, the time dropped.
    ["12/22/16, 9:55 AM", "2016-12-22"],
    ["1/3/17, 12:07 PM", "2017-01-03"],
    ["7/14/17, 12:30 AM", "2017-07-14"],
    ["11/30/2018, 11:59 PM", "2018-11-30"],
    // German Excel's day-first dots, as a file of ours re-saved there holds them.
    ["15.11.2026", "2026-11-15"],
    ["8.2.2026", "2026-02-08"],
    ["15.11.26", "2026-11-15"],
  ])("%s → %s", (text, iso) => {
    expect(parseConnectedOn(text)).toBe(iso);
  });

  it.each([
    ["31 Feb 2026"],
    ["Feb 2026"],
    ["08 Foo 2026"],
    ["2/30/17, 9:55 AM"],
    ["12/22/16, 13:55 PM"],
    // Without its clock the order of a slashed date is unknown: a day-first re-save looks alike.
    ["3/5/17"],
    ["22.12.16, 09:55"],
    ["31.02.2026"],
    ["15.13.2026"],
  ])("%s is not a date", (text) => {
    expect(parseConnectedOn(text)).toBeNull();
  });
});

describe("parseDayOrTime (--as-of, --sent-before, --sent-after, --connected-after)", () => {
  it.each([
    ["2026-11-20", "2026-11-20T23:59:59.999Z"],
    ["2024-02-29", "2024-02-29T23:59:59.999Z"],
    [" 2026-01-01 ", "2026-01-01T23:59:59.999Z"],
    ["2026-11-20T08:00:00+01:00", "2026-11-20T07:00:00.000Z"],
    // As German writes a day: day first, with dots.
    ["20.11.2026", "2026-11-20T23:59:59.999Z"],
    ["1.2.2026", "2026-02-01T23:59:59.999Z"],
  ])("%s → %s", (text, iso) => {
    expect(parseDayOrTime("--as-of", text, true).toISOString()).toBe(iso);
  });

  it.each([
    ["2026-13-01"],
    ["2026-00-10"],
    ["2026-02-29"],
    ["2026-04-31"],
    ["0000-01-01"],
    ["31.02.2026"],
    ["20.11.26"],
    // Slashes are day first in Europe and month first in the US: never guessed.
    ["03/11/2026"],
  ])("%s is no day, and not taken for another", (text) => {
    expect(() => parseDayOrTime("--as-of", text, true)).toThrow(
      `--as-of "${text}" is not a date (expected YYYY-MM-DD`,
    );
  });

  it.each([["9999-12-31"], ["1969-12-31"], ["3000-01-01T00:00:00Z"]])(
    "%s is outside the years a date may fall in",
    (text) => {
      expect(() => parseDayOrTime("--as-of", text, true)).toThrow(
        `--as-of "${text}" is not a date this tool can work with (expected a year from 1970 to 2999)`,
      );
    },
  );
});
