/**
 * Identity keys: how one person is recognised across the export, the address books and the
 * network. Computed once at import and stored beside the raw values.
 */

/**
 * The profile slug of a LinkedIn member URL: `/in/<slug>`, percent-decoded and lower-cased,
 * without trailing slash, query or fragment. Null for anything that is not a member URL.
 */
export function toProfileSlug(url: string | null | undefined): string | null {
  if (!url) return null;
  const match = /(?:^|[/.])linkedin\.com\/in\/([^/?#\s]+)/i.exec(url.trim());
  const raw = match?.[1];
  if (!raw) return null;
  let slug = raw;
  try {
    slug = decodeURIComponent(raw);
  } catch {
    // A stray % that is not an escape: keep the slug as written.
  }
  slug = slug.normalize("NFC").toLowerCase();
  return slug.length > 0 ? slug : null;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/**
 * A trimmed, lower-cased email address, or null when the value is not one: empty cells, phone
 * numbers, labels that leaked into an email column, and Exchange X.500 strings (`/o=…`).
 * Accepts `mailto:` and `Name <address>` forms.
 */
export function toEmail(value: string | null | undefined): string | null {
  if (!value) return null;
  let text = value.trim();
  const angle = /<([^<>]+)>\s*$/.exec(text);
  if (angle?.[1]) text = angle[1].trim();
  if (/^mailto:/i.test(text)) text = text.slice(7);
  if (text.startsWith("/")) return null;
  text = text.toLowerCase();
  return EMAIL.test(text) ? text : null;
}

/** True for an Exchange legacyExchangeDN that stands where an address was expected. */
export function isX500Address(value: string): boolean {
  return /^\s*\/o=/i.test(value);
}

// Letters that carry no combining mark after NFD but have a plain Latin spelling.
const LETTER_FOLDS: Record<string, string> = {
  ß: "ss",
  ẞ: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

// German transliteration comes first, so that "Jürgen Weiß" and "Juergen Weiss" meet. The other
// accents are dropped ("José" meets "Jose"), so a name key is diacritic-insensitive everywhere
// except that ä/ö/ü stand for ae/oe/ue, as German spells them without umlauts.
const UMLAUTS: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue" };

/**
 * A key under which two spellings of one name meet: NFC, case-folded, German umlauts and ß
 * transliterated, other diacritics removed, punctuation and hyphens as spaces, spaces collapsed.
 * Returns null for a name with no letters or digits.
 */
export function toNameKey(...parts: Array<string | null | undefined>): string | null {
  const joined = parts
    .filter((p): p is string => !!p && p.trim() !== "")
    .join(" ")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[äöü]/g, (c) => UMLAUTS[c] ?? c)
    .replace(/[ßẞæœøłđðþı]/g, (c) => LETTER_FOLDS[c] ?? c)
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return joined === "" ? null : joined;
}
