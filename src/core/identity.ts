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
  if (slug.includes("%")) {
    try {
      slug = decodeURIComponent(raw);
    } catch {
      // A stray % that is not an escape: keep the slug as written.
    }
  }
  slug = slug.normalize("NFC");
  slug = slug.toLowerCase();
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

const foldCache = new Map<string, string>();

/** The key form of one character: lower-cased, transliterated, without marks; " " for a sign. */
function foldChar(c: string): string {
  let folded = foldCache.get(c);
  if (folded === undefined) {
    const lower = c.toLowerCase();
    folded = (UMLAUTS[lower] ?? LETTER_FOLDS[lower] ?? lower)
      .normalize("NFD")
      .replace(/\p{M}+/gu, "");
    if (!/^[\p{L}\p{N}]*$/u.test(folded)) folded = " ";
    foldCache.set(c, folded);
  }
  return folded;
}

/**
 * A key under which two spellings of one name meet: NFC, case-folded, German umlauts and ß
 * transliterated, other diacritics removed, punctuation and hyphens as spaces, spaces collapsed.
 * Returns null for a name with no letters or digits. Runs for every imported row, so it folds
 * character by character through a cache instead of normalising whole strings.
 */
export function toNameKey(...parts: Array<string | null | undefined>): string | null {
  let key = "";
  let pendingSpace = false;
  for (const part of parts) {
    if (!part) continue;
    pendingSpace = key !== "";
    for (const c of part.normalize("NFC")) {
      const folded = foldChar(c);
      if (folded === " ") {
        pendingSpace = key !== "";
      } else if (folded !== "") {
        if (pendingSpace) key += " ";
        pendingSpace = false;
        key += folded;
      }
    }
  }
  return key === "" ? null : key;
}

/**
 * The key with every accent dropped, umlauts too (`Müller` → `muller`): a search is blind to
 * accents both ways when it tries this beside toNameKey, which spells them the German way.
 */
export function toPlainKey(...parts: Array<string | null | undefined>): string | null {
  return toNameKey(...parts.map((p) => p?.normalize("NFD").replace(/\p{M}+/gu, "")));
}

/**
 * Whether a name contains what was searched for, case and accents ignored: "muller", "mueller"
 * and "Müller" all find Müller. Made once for a search, asked for each name.
 */
export function nameSearch(needle: string): (...name: Array<string | null | undefined>) => boolean {
  const german = toNameKey(needle);
  const plain = toPlainKey(needle);
  return (...name) =>
    (german !== null && (toNameKey(...name) ?? "").includes(german)) ||
    (plain !== null && (toPlainKey(...name) ?? "").includes(plain));
}

/** The other side of an invitation, by every key it can be recognised on. */
export interface PeerKeys {
  slug: string | null;
  email: string | null;
  nameKey: string | null;
}

/**
 * An invitation's key across exports: direction, the other side (profile slug, else email,
 * else name key) and the minute it was sent.
 */
export function invitationIdentity(direction: string, peer: PeerKeys, sentAt: string): string {
  const who = peer.slug
    ? `s:${peer.slug}`
    : peer.email
      ? `e:${peer.email}`
      : `n:${peer.nameKey ?? ""}`;
  return `${direction}|${who}|${sentAt}`;
}

/**
 * A connection's key across exports: profile slug, else email, else name and date. Members who
 * hid their profile have only the date: `hiddenOrdinal` numbers them within that day, so the
 * n-th such row of a day keeps its key from one export to the next.
 */
export function connectionIdentity(
  keys: PeerKeys,
  connectedOn: string | null,
  hiddenOrdinal: number,
): string {
  if (keys.slug) return `s:${keys.slug}`;
  if (keys.email) return `e:${keys.email}`;
  if (keys.nameKey) return `n:${keys.nameKey}|${connectedOn ?? ""}`;
  return `h:${connectedOn ?? ""}#${hiddenOrdinal}`;
}
