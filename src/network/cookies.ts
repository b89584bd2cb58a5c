/**
 * The session cookies for the cookie transport: li_at (the login) and JSESSIONID (whose value,
 * without its quotes, is the csrf-token), with every other linkedin.com cookie the user gave, as
 * a browser sends them all. Read in the forms people actually copy (a Cookie header line, a
 * Netscape cookies.txt, a "Copy as cURL" command, rows of the DevTools cookie table, or the two
 * values on their own lines), from a file, INVITES_COOKIES or a hidden prompt; never from the
 * command line, kept in memory only, and never shown.
 */

import { readSetEnv } from "../env.js";
import { InputError, PasteError, UsageError } from "../errors.js";
import { m } from "../i18n/index.js";
import { createColour } from "../ui/colour.js";
import { askSecret } from "../ui/prompts.js";
import { MiB, readOptionFile } from "../user-files.js";
import { isLinkedInHost } from "./base-url.js";
import { secretPattern } from "./secret-pattern.js";

export interface SessionCookies {
  liAt: string;
  /** With its quotes, as the Cookie header carries it: `"ajax:1234567890123456789"`. */
  jsessionid: string;
  /** Every linkedin.com cookie given, li_at and JSESSIONID among them, in the order given. */
  jar: ReadonlyArray<readonly [string, string]>;
}

/** The session of a jar that holds li_at and JSESSIONID; null when one is missing. */
function fromJar(jar: Map<string, string>): SessionCookies | null {
  const liAt = jar.get("li_at");
  const jsessionid = jar.get("JSESSIONID");
  if (!liAt || !jsessionid) return null;
  const quoted = jsessionid.startsWith('"') ? jsessionid : `"${jsessionid}"`;
  jar.set("JSESSIONID", quoted);
  return { liAt, jsessionid: quoted, jar: [...jar] };
}

/** A session of the two cookies alone (the emulation's). */
export function sessionCookies(liAt: string, jsessionid: string): SessionCookies {
  return fromJar(
    new Map([
      ["li_at", liAt],
      ["JSESSIONID", jsessionid],
    ]),
  ) as SessionCookies;
}

/** The csrf-token header: JSESSIONID without its quotes. */
export function csrfToken(cookies: SessionCookies): string {
  return cookies.jsessionid.replace(/^"|"$/g, "");
}

/** The Cookie header: every cookie given, as the browser sent them; the session's own two as set. */
export function cookieHeader(cookies: SessionCookies): string {
  const own: Record<string, string> = { li_at: cookies.liAt, JSESSIONID: cookies.jsessionid };
  return cookies.jar.map(([name, value]) => `${name}=${own[name] ?? value}`).join("; ");
}

/** A cookie's name (an HTTP token) and value (visible ASCII without `;`, `\` or a space). */
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const COOKIE_VALUE = /^[\x21-\x3a\x3c-\x5b\x5d-\x7e]*$/;

/** Why a jar cannot be sent, naming the cookie but never its value; null when it can. */
function unfitCookie(jar: Map<string, string>): string | null {
  for (const [name, value] of jar) {
    if (!COOKIE_VALUE.test(value)) return m().network.cookies.unfit(name);
  }
  return null;
}

function addPair(jar: Map<string, string>, name: string, value: string): void {
  const n = name.trim();
  if (COOKIE_NAME.test(n)) jar.set(n, value.trim());
}

/** Adds the cookies of a Cookie header line (`li_at=…; JSESSIONID="ajax:…"`, `Cookie:` or not). */
function addCookieLine(jar: Map<string, string>, line: string): void {
  for (const part of line.replace(/^\s*cookie:\s*/i, "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) addPair(jar, part.slice(0, eq), part.slice(eq + 1));
  }
}

/** A cookie file's domain field (`#HttpOnly_.linkedin.com` in Netscape's format) is LinkedIn's. */
function isLinkedInDomain(domain: string): boolean {
  return isLinkedInHost(domain.trim().replace(/^#HttpOnly_/, ""));
}

/**
 * A shell command as its words: POSIX quoting ('…', "…", $'…', backslashes, line continuations)
 * and, for Chrome's "Copy as cURL (cmd)" on Windows, cmd's carets (`^"`, `^\^"`, `^&`, `^` at a
 * line's end).
 */
export function shellWords(command: string): string[] {
  let text = command;
  if (/\^"/.test(text)) {
    text = text
      .replace(/\^\r?\n/g, " ")
      .replace(/\^\\\^"/g, '\\"')
      .replace(/\^(.)/g, "$1");
  }
  const words: string[] = [];
  let word: string | null = null;
  let i = 0;
  const push = (s: string) => {
    word = (word ?? "") + s;
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "\\" && (text[i + 1] === "\n" || text.slice(i + 1, i + 3) === "\r\n")) {
      i += text[i + 1] === "\n" ? 2 : 3;
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
      i++;
    } else if (c === "'" || (c === "$" && text[i + 1] === "'")) {
      const ansi = c === "$";
      let j = i + (ansi ? 2 : 1);
      let s = "";
      while (j < text.length && text[j] !== "'") {
        if (ansi && text[j] === "\\" && j + 1 < text.length) {
          const e = text[j + 1] as string;
          s += { n: "\n", t: "\t", r: "\r" }[e] ?? e;
          j += 2;
        } else s += text[j++];
      }
      push(s);
      i = j + 1;
    } else if (c === '"') {
      let j = i + 1;
      let s = "";
      while (j < text.length && text[j] !== '"') {
        if (text[j] === "\\" && /["\\$`]/.test(text[j + 1] ?? "")) {
          s += text[j + 1];
          j += 2;
        } else s += text[j++];
      }
      push(s);
      i = j + 1;
    } else if (c === "\\" && i + 1 < text.length) {
      push(text[i + 1] as string);
      i += 2;
    } else {
      push(c);
      i++;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** The cookies of a "Copy as cURL" command: its `-b` or `cookie:` header, for linkedin.com. */
function addCurl(jar: Map<string, string>, command: string): "not-linkedin" | null {
  const words = shellWords(command);
  const url = words.find((w) => /^https?:\/\//i.test(w));
  let host = "";
  try {
    host = url ? new URL(url).hostname : "";
  } catch {
    host = "";
  }
  if (!isLinkedInDomain(host)) return "not-linkedin";
  for (let i = 0; i < words.length; i++) {
    const flag = words[i] ?? "";
    const next = words[i + 1] ?? "";
    if ((flag === "-H" || flag === "--header") && /^cookie:/i.test(next)) addCookieLine(jar, next);
    else if ((flag === "-b" || flag === "--cookie") && next.includes("=")) addCookieLine(jar, next);
  }
  return null;
}

/** A bare JSESSIONID value, with or without its quotes. */
const JSESSIONID_VALUE = /^"?ajax:\d+"?$/;

/**
 * The session cookies in any of the five forms; null when li_at or JSESSIONID is missing.
 * Throws (without a value) when a cookie given cannot be sent as it is.
 */
export function parseCookies(text: string): SessionCookies | null {
  const jar = new Map<string, string>();
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  if (/^curl(\.exe)?\s/i.test(trimmed)) {
    if (addCurl(jar, trimmed) === "not-linkedin") {
      throw new CookieFormError(m().network.cookies.otherSite);
    }
  } else {
    const lines: string[] = [];
    for (const raw of trimmed.split(/\r?\n/)) {
      const line = raw.trim();
      if (line === "" || (line.startsWith("#") && !line.startsWith("#HttpOnly_"))) continue;
      lines.push(line);
      const fields = line.split("\t").map((f) => f.trim());
      if (fields.length >= 7 && /^(TRUE|FALSE)$/i.test(fields[1] ?? "")) {
        // cookies.txt: domain, subdomains, path, secure, expiry, name, value.
        if (isLinkedInDomain(fields[0] ?? "")) addPair(jar, fields[5] ?? "", fields[6] ?? "");
      } else if (fields.length >= 2) {
        // A row of the DevTools cookie table: name, value, domain, path, expiry, …
        const [name = "", value = "", domain] = fields;
        if (name === "Name" && value === "Value") continue;
        if (domain === undefined || domain === "" || isLinkedInDomain(domain)) {
          addPair(jar, name, value);
        }
      } else addCookieLine(jar, line);
    }
    const [one, two] = lines;
    if (!fromJar(new Map(jar)) && lines.length === 2 && one && two && !/\t/.test(one + two)) {
      // The two values on their own lines: JSESSIONID is the one of the form ajax:<digits>.
      const session = lines.filter((v) => JSESSIONID_VALUE.test(v));
      if (session.length !== 1) return null;
      jar.clear();
      jar.set("li_at", session[0] === one ? two : one);
      jar.set("JSESSIONID", session[0] as string);
    }
  }
  const unfit = unfitCookie(jar);
  if (unfit) throw new CookieFormError(unfit);
  return fromJar(jar);
}

/** Cookies given in a form that cannot be sent; the message names no value. */
export class CookieFormError extends Error {}

/** Parses `li_at=…; JSESSIONID="ajax:…"` and the other cookies of the line; null if one is missing. */
export function parseCookieLine(line: string): SessionCookies | null {
  const jar = new Map<string, string>();
  addCookieLine(jar, line);
  return unfitCookie(jar) ? null : fromJar(jar);
}

/**
 * The cookies from `--cookies FILE`, else from INVITES_COOKIES; "ask" for `--cookies -`, whose
 * hidden prompt comes when the run starts (askSessionCookies). Errors name the file, never a
 * value; `warn` says (on the command's stderr) that others can open the file.
 */
export function readSessionCookies(
  file: string | undefined,
  interactive: boolean,
  env: NodeJS.ProcessEnv = process.env,
  warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): SessionCookies | "ask" {
  const words = m().network.cookies;
  if (file === "-") {
    if (!interactive) throw new UsageError(words.noTerminal, words.noTerminalFix);
    return "ask";
  }
  if (file !== undefined) {
    // A cookies.txt of a whole browser profile is some hundred KiB; 4 MiB is no cookie file.
    let text: string;
    try {
      text = readOptionFile(file, {
        what: m().userFiles.cookies,
        maxBytes: 4 * MiB,
        // The cookies are the login: others who can read them can act as you on LinkedIn.
        onOpenToOthers: (warning) => warn(words.warning(warning)),
      });
    } catch (error) {
      // Nothing of that name: what was given may be the cookies themselves, pasted where their
      // file's name belongs, so the error names the option, not what was given. (Any other
      // refusal is of a file that is there, whose name is no secret.)
      if (!(error instanceof InputError) || error.code !== "not-found") throw error;
      throw new InputError({ file: "--cookies" }, error.problem, error.code, words.notAFileFix);
    }
    let cookies: SessionCookies | null;
    try {
      cookies = parseCookies(text);
    } catch (error) {
      if (!(error instanceof CookieFormError)) throw error;
      throw new InputError({ file }, error.message, "bad-cookies");
    }
    if (!cookies) {
      throw new InputError({ file }, words.noCookies, "no-cookies");
    }
    return cookies;
  }
  const text = readSetEnv("INVITES_COOKIES", env);
  if (text === undefined) {
    throw new UsageError(words.noSession, words.noSessionFix);
  }
  let cookies: SessionCookies | null;
  try {
    cookies = parseCookies(text);
  } catch (error) {
    if (!(error instanceof CookieFormError)) throw error;
    throw new UsageError(`INVITES_COOKIES: ${error.message}`);
  }
  if (!cookies) throw new UsageError(words.envNone);
  return cookies;
}

/**
 * Asks on the terminal, nothing echoed: the Cookie line, or li_at's value and then JSESSIONID's.
 * The answers stay in this process's memory.
 */
/**
 * The cookies pasted at the hidden prompt, by the address they were pasted for, in this
 * process's memory alone (never written): the guide (`invites start`) runs the withdrawal and
 * then the removal in one process, and a second paste of the same login would only tire.
 */
const pasted = new Map<string, SessionCookies>();

/** The cookies pasted earlier in this process for `baseUrl`, if any. */
export function pastedBefore(baseUrl: string): SessionCookies | null {
  return pasted.get(baseUrl) ?? null;
}

/** Asks for the cookies at a hidden prompt, for `baseUrl`, and keeps them for a later run here. */
export async function askSessionCookies(baseUrl: string): Promise<SessionCookies> {
  const cookies = await promptSessionCookies();
  pasted.set(baseUrl, cookies);
  return cookies;
}

async function promptSessionCookies(): Promise<SessionCookies> {
  const words = m().network.cookies;
  const { dim } = await createColour(process.stderr);
  // The prompt's one help text, "[input is masked]", in the language in use.
  // Enter before the paste (nothing is shown to tell) asks again, three times at most.
  const ask = async (message: string) => {
    for (let tries = 0; tries < 3; tries++) {
      const answer = (await askSecret(message, dim(words.masked))).trim();
      if (answer !== "") return answer;
    }
    return "";
  };
  const first = await ask(words.askFirst);
  if (first === "") throw new PasteError(words.pastedNone, words.pastedNoneFix);
  if (first.endsWith("\\") || first.endsWith("^")) {
    throw new PasteError(words.oneLine, words.oneLineFix);
  }
  let text = first;
  if (!first.includes("=")) text = `${first}\n${await ask(words.askSecond)}`;
  let cookies: SessionCookies | null;
  try {
    cookies = parseCookies(text);
  } catch (error) {
    if (!(error instanceof CookieFormError)) throw error;
    throw new PasteError(words.pasted(error.message));
  }
  if (!cookies) throw new PasteError(words.pastedNone, words.pastedNoneFix);
  return cookies;
}

/** What stands in a text where a cookie value was. */
export const REDACTED = "[redacted]";

/** The values redact() looks for, of each session: every secret of 8 characters or more. */
const PATTERNS = new WeakMap<SessionCookies, RegExp | null>();

function patternOf(cookies: SessionCookies): RegExp | null {
  let pattern = PATTERNS.get(cookies);
  if (pattern === undefined) {
    const values = [csrfToken(cookies), ...cookies.jar.map(([, value]) => value)]
      // Without its quotes: a quoted value in a JSON answer goes, and the answer's quotes stay.
      .map((value) => value.replace(/^"|"$/g, ""))
      .filter((value) => value.length >= 8);
    pattern = secretPattern(values);
    PATTERNS.set(cookies, pattern);
  }
  return pattern;
}

/**
 * Replaces every cookie value in a text with a placeholder, for anything that is shown, logged
 * or stored. A server may echo the session back in any form (a body repeating the Cookie
 * header, a Location carrying it URL-encoded in either case, JSON, HTML, split by invisible
 * characters), so each secret is found in all of them (secret-pattern.ts), besides the
 * cookie-shaped patterns (`li_at=…`, `"JSESSIONID": "…"`, `csrf-token: …`) that need no value.
 */
export function redact(text: string, cookies?: SessionCookies): string {
  let out = text
    .replace(/((?:li_at|JSESSIONID)["']?\s*(?:=|:|%3D)\s*["']?)[^;\s"'&,}]+/gi, `$1${REDACTED}`)
    .replace(/(csrf-token["']?\s*[:=]\s*["']?)[^\s"'&,}]+/gi, `$1${REDACTED}`);
  const pattern = cookies ? patternOf(cookies) : null;
  if (pattern) out = out.replace(pattern, REDACTED);
  return out;
}
