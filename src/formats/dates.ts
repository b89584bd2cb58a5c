/**
 * The date forms LinkedIn's export has used. The export carries no time zone; its times are taken
 * as UTC, which is what LinkedIn's servers write.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function fullYear(year: string): number {
  const n = Number(year);
  // LinkedIn exists since 2003: a two-digit year is always in this century.
  return year.length === 2 ? 2000 + n : n;
}

function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return null;
  }
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function isoDateTime(date: string | null, hour: number, minute: number, second: number) {
  if (date === null || hour > 23 || minute > 59 || second > 59) return null;
  return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}Z`;
}

/**
 * LinkedIn's US form `12/22/16, 9:55 AM`: month first, 2- or 4-digit year, 12-hour clock. Only
 * with its clock: a bare `3/5/16` may be a day-first re-save by a European spreadsheet, and the
 * order must never be guessed from the numbers.
 */
function parseUsDateTime(text: string): string | null {
  const us =
    /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])$/.exec(
      text,
    );
  if (!us) return null;
  const [, month, day, year, h, m, s, meridiem] = us;
  let hour = Number(h);
  if (hour < 1 || hour > 12) return null;
  const pm = meridiem?.toUpperCase() === "PM";
  if (hour === 12) hour = pm ? 12 : 0;
  else if (pm) hour += 12;
  const date = isoDate(fullYear(year ?? ""), Number(month), Number(day));
  return isoDateTime(date, hour, Number(m), Number(s ?? 0));
}

/**
 * `Sent At` of Invitations.csv as ISO 8601 UTC (`2026-01-29T14:37:00Z`), or null.
 * Forms: `1/29/26, 2:37 PM` (US order, 12-hour clock), `2021-08-01 10:00:00`,
 * `2026-06-01 10:00 UTC`, and ISO 8601 with `T` and `Z`. Never a date without its time: the
 * accidental batch is told by minutes, and a day's invitations all at midnight would look like one.
 */
export function parseSentAt(value: string): string | null {
  const text = value.trim();
  const us = parseUsDateTime(text);
  if (us) return us;
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|UTC|GMT|\+00:?00)?$/i.exec(
      text,
    );
  if (iso) {
    const [, y, mo, d, h, m, s] = iso;
    return isoDateTime(
      isoDate(Number(y), Number(mo), Number(d)),
      Number(h),
      Number(m),
      Number(s ?? 0),
    );
  }
  return null;
}

/**
 * `Connected On` of Connections.csv as an ISO date (`2026-02-08`), or null.
 * Forms: `08 Feb 2026`, very old `12 Mar 19`, Excel's `29-Mar-21`, ISO `2026-02-08`, and the
 * exports of 2016 to 2018 with a time, `12/22/16, 9:55 AM` (the time is dropped), and German
 * Excel's `15.11.2026`: a file of ours re-saved there has each date it recognised so, the
 * others (`03 Mar 2025`, whose month it does not know) as they were.
 */
export function parseConnectedOn(value: string): string | null {
  const text = value.trim();
  const us = parseUsDateTime(text);
  if (us) return us.slice(0, 10);
  const named = /^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*\.?[ -](\d{2}|\d{4})$/.exec(text);
  if (named) {
    const [, day, mon, year] = named;
    const month = MONTHS[(mon ?? "").toLowerCase()];
    return month ? isoDate(fullYear(year ?? ""), month, Number(day)) : null;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(text);
  if (german) return isoDate(fullYear(german[3] ?? ""), Number(german[2]), Number(german[1]));
  return null;
}
