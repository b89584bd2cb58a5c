/**
 * The session cookies the network needs: li_at (the login) and JSESSIONID (whose value, without
 * its quotes, is the csrf-token). Read from a Cookie header line or a Netscape cookies.txt, never
 * from the command line; kept in memory only, and never shown.
 */
import { InputError, UsageError } from "../errors.js";
import { MiB, readOptionFile } from "../user-files.js";

export interface SessionCookies {
  liAt: string;
  /** With its quotes, as the Cookie header carries it: `"ajax:1234567890123456789"`. */
  jsessionid: string;
}

/** The csrf-token header: JSESSIONID without its quotes. */
export function csrfToken(cookies: SessionCookies): string {
  return cookies.jsessionid.replace(/^"|"$/g, "");
}

export function cookieHeader(cookies: SessionCookies): string {
  const quoted = cookies.jsessionid.startsWith('"')
    ? cookies.jsessionid
    : `"${cookies.jsessionid}"`;
  return `li_at=${cookies.liAt}; JSESSIONID=${quoted}`;
}

/** Parses `li_at=…; JSESSIONID="ajax:…"` (other cookies are ignored); null if one is missing. */
export function parseCookieLine(line: string): SessionCookies | null {
  const jar = new Map<string, string>();
  for (const part of line.replace(/^\s*cookie:\s*/i, "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) jar.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const liAt = jar.get("li_at");
  const jsessionid = jar.get("JSESSIONID");
  return liAt && jsessionid ? { liAt, jsessionid } : null;
}

/** Parses a Netscape cookies.txt (tab-separated: domain, flag, path, secure, expiry, name, value). */
export function parseCookiesTxt(text: string): SessionCookies | null {
  const jar = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^#HttpOnly_/, "");
    if (line.startsWith("#") || line.trim() === "") continue;
    const fields = line.split("\t");
    const [domain, , , , , name, value] = fields;
    if (fields.length >= 7 && name && value !== undefined && /linkedin\.com$/i.test(domain ?? "")) {
      jar.set(name, value.trim());
    }
  }
  const liAt = jar.get("li_at");
  const jsessionid = jar.get("JSESSIONID");
  return liAt && jsessionid ? { liAt, jsessionid } : null;
}

/**
 * The cookies from `--cookies FILE` (a Cookie header line or cookies.txt), else from
 * INVITES_COOKIES (a Cookie header line). Errors name the file, never a value.
 */
export function readSessionCookies(
  file: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): SessionCookies {
  if (file !== undefined) {
    // A cookies.txt of a whole browser profile is some hundred KiB; 4 MiB is no cookie file.
    const text = readOptionFile(file, {
      what: "your LinkedIn cookies",
      maxBytes: 4 * MiB,
      // The cookies are the login: others who can read them can act as you on LinkedIn.
      onOpenToOthers: (warning) => process.stderr.write(`invites: warning: ${warning}\n`),
    });
    const cookies = /\t/.test(text) ? parseCookiesTxt(text) : parseCookieLine(text.trim());
    if (!cookies) {
      throw new InputError(
        { file },
        "holds no li_at and JSESSIONID cookies (expected a Cookie header line or a cookies.txt for linkedin.com)",
        "no-cookies",
      );
    }
    return cookies;
  }
  const line = env.INVITES_COOKIES;
  if (line?.trim()) {
    const cookies = parseCookieLine(line);
    if (!cookies) {
      throw new UsageError("INVITES_COOKIES holds no li_at and JSESSIONID cookies");
    }
    return cookies;
  }
  throw new UsageError(
    "no LinkedIn session cookies",
    "give --cookies FILE (a Cookie header line or cookies.txt) or set INVITES_COOKIES",
  );
}

/**
 * Replaces every cookie value in a text with a placeholder, for anything that is shown, logged
 * or stored. A server may echo the session back in any form (a body repeating the Cookie
 * header, a Location carrying it URL-encoded), so each secret is removed raw, URL-encoded and
 * JSON-escaped, besides the cookie-shaped patterns.
 */
export function redact(text: string, cookies?: SessionCookies): string {
  let out = text
    .replace(/(li_at=)[^;\s"&]+/g, "$1[redacted]")
    .replace(/(JSESSIONID=)("?)[^;\s"&]+("?)/g, "$1$2[redacted]$3")
    .replace(/(csrf-token:\s*)\S+/gi, "$1[redacted]");
  if (cookies) {
    for (const secret of [cookies.liAt, csrfToken(cookies)]) {
      if (secret.length < 8) continue;
      for (const form of new Set([
        secret,
        encodeURIComponent(secret),
        JSON.stringify(secret).slice(1, -1),
      ])) {
        out = out.split(form).join("[redacted]");
      }
    }
  }
  return out;
}
