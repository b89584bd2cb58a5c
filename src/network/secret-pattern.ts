/**
 * One pattern that finds any of `values` however a server may have written it back: each
 * character as itself, percent-encoded, as a JSON `\u` escape or an HTML character reference
 * (`/` also as JSON's `\/`), in upper or lower case, with the invisible characters in between
 * that ui/printable.ts removes before text is shown (so that a value split by them is not put
 * back together on the screen). The longest value first: one that holds another goes whole.
 *
 * Self-contained, with no reference outside itself: the browser transport runs its source in
 * the page, where the page's cookies are, and the cookie transport runs it here. So the
 * invisible characters are written out, not taken from printable.ts; a test
 * (test/unit/network.test.ts) holds them to every character printable() removes.
 */
export function secretPattern(values: readonly string[]): RegExp | null {
  const invisible = "[\\u061c\\u200b-\\u200f\\u202a-\\u202e\\u2060\\u2066-\\u2069\\ufeff]*";
  const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");
  const one = (value: string) =>
    [...value]
      .map((c) => {
        const code = c.codePointAt(0) ?? 0;
        const forms = [c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")];
        if (code < 0x80) forms.push(`%${hex(code, 2)}`);
        if (code <= 0xffff) forms.push(`\\\\u${hex(code, 4)}`);
        forms.push(`&#0*${code};`, `&#x0*${hex(code, 1)};`);
        if (c === "/") forms.push("\\\\/");
        return `(?:${forms.join("|")})`;
      })
      .join(invisible);
  const sorted = [...new Set(values)].sort((a, b) => b.length - a.length);
  return sorted.length === 0 ? null : new RegExp(sorted.map(one).join("|"), "giu");
}
