/**
 * Numbers, dates and plural forms for one locale, by Intl. Formatters are made on first use:
 * each Intl constructor loads locale data, which a command that prints no number need not pay.
 */

export interface Formats {
  /** `1,234` / `1.234`. */
  num(value: number): string;
  /** A day: `2026-11-21` in English (unambiguous everywhere), `21.11.2026` in German. */
  day(iso: string | Date): string;
  /** A day and time of day, UTC: `2026-11-21 09:15` / `21.11.2026 09:15`. */
  dayTime(iso: string | Date): string;
  /** How long ago: `3 days ago` / `vor 3 Tagen`. */
  daysAgo(days: number): string;
  /** The plural form `n` takes: `{ one: "row", other: "rows" }`. */
  plural(value: number, forms: { one: string; other: string }): string;
  /** `1 row`, `1.234 Zeilen`. */
  count(value: number, forms: { one: string; other: string }): string;
  /** `a, b and c` / `a, b und c`. */
  list(items: readonly string[]): string;
  /** A share from 0 to 1, whole: `84%` / `84 %` (German sets a space, a no-break one here). */
  percent(share: number): string;
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

function isoOf(value: string | Date): string {
  return typeof value === "string" ? value : value.toISOString();
}

export function formatsFor(locale: "en-US" | "de-DE"): Formats {
  const number = lazy(() => new Intl.NumberFormat(locale));
  const rules = lazy(() => new Intl.PluralRules(locale));
  const relative = lazy(() => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }));
  const lists = lazy(() => new Intl.ListFormat(locale, { type: "conjunction" }));
  const german = locale === "de-DE";
  const day = (value: string | Date) => {
    const [y, m, d] = isoOf(value).slice(0, 10).split("-");
    return german ? `${d}.${m}.${y}` : `${y}-${m}-${d}`;
  };
  const thousands = german ? "." : ",";
  const formats: Formats = {
    // A whole number is grouped here as Intl groups it for both locales (a test holds the two
    // alike): Intl's first number costs some 17 ms of locale data, in every command that counts.
    num: (value) =>
      Number.isSafeInteger(value)
        ? `${value < 0 ? "-" : ""}${String(Math.abs(value)).replace(/\B(?=(\d{3})+$)/g, thousands)}`
        : number().format(value),
    day,
    dayTime: (value) => `${day(value)} ${isoOf(value).slice(11, 16)}`,
    daysAgo: (days) => relative().format(-Math.round(days), "day"),
    plural: (value, forms) => (rules().select(value) === "one" ? forms.one : forms.other),
    count: (value, forms) => `${formats.num(value)} ${formats.plural(value, forms)}`,
    list: (items) => lists().format(items),
    percent: (share) => `${Math.round(share * 100)}${german ? "\u00a0%" : "%"}`,
  };
  return formats;
}
