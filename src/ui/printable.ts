/**
 * Text from a file or the network, made safe to draw on a terminal. A name in an export can hold
 * bytes that a terminal obeys instead of showing: ESC starts sequences that clear the screen,
 * move the cursor, retitle the window or draw a link (OSC 8) that says one address and opens
 * another; CR and backspace overwrite what was drawn before; bidi overrides show text in another
 * order than it is stored; zero-width characters make two different names look alike.
 *
 * The rules, applied to every character:
 * - C0 controls (U+0000–U+001F: ESC, BEL, BS, CR, LF, TAB, …), DEL (U+007F), C1 controls
 *   (U+0080–U+009F, of which U+009B is a one-character CSI) and the line and paragraph
 *   separators U+2028/U+2029 are shown escaped as `\uXXXX`, their code point in four hex digits,
 *   as JSON writes them: `\u001b[2J`. They stay visible, so nothing is silently lost, and an
 *   escape sequence or OSC 8 link becomes inert text because its ESC is no longer an ESC.
 * - Bidi controls are removed: the embeddings and overrides U+202A–U+202E, the isolates
 *   U+2066–U+2069, the marks U+200E, U+200F and U+061C.
 * - Zero-width characters are removed: U+200B (space), U+200C (non-joiner), U+2060 (word
 *   joiner) and U+FEFF (BOM). U+200D, the zero-width joiner, is kept only between two emoji,
 *   where it joins a sequence such as 👩‍💻 into one picture; anywhere else it is removed.
 * - Everything else, umlauts and ß included, is kept as it is. A backslash is not escaped, so a
 *   name that holds the six characters `\u001b` looks like one that held an ESC.
 *
 * Renderers apply it to the data before truncating and colouring, so that our own colour codes
 * keep working. `--json` and CSV output do not use it: they keep the data as it was, escaped by
 * their format.
 */

const ESCAPED = "\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029";
const REMOVED = "\\u061c\\u200b\\u200c\\u200e\\u200f\\u202a-\\u202e\\u2060\\u2066-\\u2069\\ufeff";
const IS_ESCAPED = new RegExp(`[${ESCAPED}]`, "u");
/** Every character a rule applies to; most text holds none and is returned as it is. */
const UNSAFE = new RegExp(`[${ESCAPED}${REMOVED}\\u200d]`, "u");
const EACH = new RegExp(UNSAFE.source, "gu");
/** An emoji, with its optional presentation selector or skin tone, right before a ZWJ. */
const EMOJI_BEFORE = /\p{Extended_Pictographic}[\u{fe0f}\u{1f3fb}-\u{1f3ff}]?$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u;

/** `text` with controls shown escaped and bidi and zero-width characters removed. */
export function printable(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(EACH, (char: string, offset: number, whole: string) => {
    if (IS_ESCAPED.test(char)) return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
    if (char !== "\u200d") return "";
    // Surrogate pairs: an emoji and a skin tone take up to four UTF-16 units before the ZWJ.
    const before = whole.slice(Math.max(0, offset - 4), offset);
    const after = whole.slice(offset + 1, offset + 3);
    return EMOJI_BEFORE.test(before) && EMOJI_AFTER.test(after) ? char : "";
  });
}
