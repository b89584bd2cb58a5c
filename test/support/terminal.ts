/** What must never reach a terminal raw from data: controls, bidi controls, zero-width characters. */
const RAW_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00, 0x1f],
  [0x7f, 0x9f],
  [0x061c, 0x061c],
  [0x200b, 0x200c],
  [0x200e, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2060],
  [0x2066, 0x2069],
  [0xfeff, 0xfeff],
];

/**
 * The raw characters of `text` as code points, e.g. `["U+001B"]`; `allow` lists what is fine
 * in this text (LF between lines, our own ESC of colour codes).
 */
export function rawCharacters(text: string, allow: readonly string[] = ["\n"]): string[] {
  const found: string[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (allow.includes(char)) continue;
    if (RAW_RANGES.some(([from, to]) => code >= from && code <= to)) {
      found.push(`U+${code.toString(16).toUpperCase().padStart(4, "0")}`);
    }
  }
  return found;
}
