/** What the tests of the catalogues share: every message of a section as text, by its path. */

/**
 * One argument that every message takes for any of its parameters: a list for `join`, a number
 * for the formatters (`["7"]` is 7 to Intl), a string in a template, true in a condition.
 */
const ANY = ["7"];

/** Every message of a catalogue section as text, by its path: functions called with ANY. */
export function texts(section: unknown, path = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof section === "string") out.set(path, section);
  else if (typeof section === "function") {
    out.set(path, String(section(...Array.from({ length: section.length }, () => ANY))));
  } else if (Array.isArray(section)) {
    section.forEach((item, i) => {
      for (const [k, v] of texts(item, `${path}[${i}]`)) out.set(k, v);
    });
  } else if (typeof section === "object" && section !== null) {
    for (const [key, value] of Object.entries(section)) {
      for (const [k, v] of texts(value, path ? `${path}.${key}` : key)) out.set(k, v);
    }
  }
  return out;
}

/** Two words of letters in a row: English that says something, not a code or a value. */
export const SENTENCE = /\p{L}{2,}\s+\p{L}{2,}/u;

/** The paths of the English sentences that the German catalogue left as they are. */
export function untranslated(
  en: unknown,
  de: unknown,
  sameInBoth: readonly string[] = [],
): string[] {
  const german = texts(de);
  return [...texts(en)]
    .filter(
      ([path, text]) =>
        SENTENCE.test(text) && german.get(path) === text && !sameInBoth.includes(path),
    )
    .map(([path]) => path);
}

/** The German messages that quote a whole English sentence of the section: `path: phrase`. */
export function englishInGerman(en: unknown, de: unknown): string[] {
  // A German message may quote a flag or a code, never an English phrase of its section.
  const phrases = [...texts(en).values()].filter((t) => SENTENCE.test(t) && t.length > 20);
  const found: string[] = [];
  for (const [path, text] of texts(de)) {
    for (const phrase of phrases) if (text.includes(phrase)) found.push(`${path}: ${phrase}`);
  }
  return found;
}
