/**
 * The cookies in each form people copy them in (a Cookie line, cookies.txt, "Copy as cURL" for
 * bash and for Windows cmd, rows of the DevTools cookie table, the two bare values), every
 * linkedin.com cookie kept, no other site's, and no value in any message.
 */
import { describe, expect, it } from "vitest";
import {
  CookieFormError,
  cookieHeader,
  parseCookies,
  redact,
  shellWords,
} from "../../src/network/cookies.js";

const LI_AT = "AQEDAT-Vx9ZmWJ8AAAGZ_secret_login_value";
const JSESSIONID = '"ajax:1234567890123456789"';

describe("the forms people copy their cookies in", () => {
  it("a Cookie header line, with or without Cookie:, every cookie sent", () => {
    const line = `bcookie="v=2&abc"; li_at=${LI_AT}; JSESSIONID=${JSESSIONID}; lidc="b=VB12:s=V"`;
    for (const text of [line, `Cookie: ${line}`, `cookie: ${line}\n`]) {
      const cookies = parseCookies(text);
      expect(cookies).toMatchObject({ liAt: LI_AT, jsessionid: JSESSIONID });
      expect(cookies && cookieHeader(cookies)).toBe(line);
    }
  });

  it("a cookies.txt, linkedin.com's cookies only", () => {
    const txt = [
      "# Netscape HTTP Cookie File",
      `#HttpOnly_.www.linkedin.com\tTRUE\t/\tTRUE\t1893456000\tli_at\t${LI_AT}`,
      `.www.linkedin.com\tTRUE\t/\tTRUE\t1893456000\tJSESSIONID\t${JSESSIONID}`,
      '.linkedin.com\tTRUE\t/\tTRUE\t1893456000\tbcookie\t"v=2&abc"',
      ".example.com\tTRUE\t/\tFALSE\t0\tli_at\tnot-this-one",
      ".example.com\tTRUE\t/\tFALSE\t0\ttracker\tnot-this-either",
    ].join("\r\n");
    const cookies = parseCookies(txt);
    expect(cookies?.liAt).toBe(LI_AT);
    expect(cookies?.jar.map(([name]) => name)).toEqual(["li_at", "JSESSIONID", "bcookie"]);
  });

  it('"Copy as cURL" from Chrome (bash, with -b) and Firefox (-H Cookie:)', () => {
    const chrome = [
      "curl 'https://www.linkedin.com/voyager/api/me' \\",
      "  -H 'accept: application/vnd.linkedin.normalized+json+2.1' \\",
      `  -b 'bcookie="v=2&abc"; li_at=${LI_AT}; JSESSIONID=${JSESSIONID}' \\`,
      "  -H 'csrf-token: ajax:1234567890123456789' \\",
      "  -H 'user-agent: Mozilla/5.0'",
    ].join("\n");
    expect(parseCookies(chrome)?.jar).toEqual([
      ["bcookie", '"v=2&abc"'],
      ["li_at", LI_AT],
      ["JSESSIONID", JSESSIONID],
    ]);
    const firefox = `curl 'https://www.linkedin.com/feed/' --compressed -H 'Accept: text/html' -H $'Cookie: li_at=${LI_AT}; JSESSIONID=${JSESSIONID}'`;
    expect(parseCookies(firefox)).toMatchObject({ liAt: LI_AT, jsessionid: JSESSIONID });
  });

  it('"Copy as cURL (cmd)" from Chrome on Windows, with its carets', () => {
    const cmd = [
      'curl ^"https://www.linkedin.com/voyager/api/me^" ^',
      '  -H ^"accept: */*^" ^',
      `  -b ^"bcookie=^\\^"v=2^&abc^\\^"; li_at=${LI_AT}; JSESSIONID=^\\^"ajax:1234567890123456789^\\^"^" ^`,
      '  -H ^"user-agent: Mozilla/5.0^"',
    ].join("\r\n");
    expect(parseCookies(cmd)?.jar).toEqual([
      ["bcookie", '"v=2&abc"'],
      ["li_at", LI_AT],
      ["JSESSIONID", JSESSIONID],
    ]);
  });

  it("refuses a cURL command of another site, naming no value", () => {
    const other = `curl 'https://example.com/' -b 'li_at=${LI_AT}; JSESSIONID=${JSESSIONID}'`;
    expect(() => parseCookies(other)).toThrow(CookieFormError);
    expect(() => parseCookies(other)).toThrow(/another site than linkedin\.com/);
  });

  it("rows of the DevTools cookie table, with or without the header row", () => {
    const rows = [
      "Name\tValue\tDomain\tPath\tExpires / Max-Age\tSize\tHttpOnly\tSecure\tSameSite",
      `li_at\t${LI_AT}\t.www.linkedin.com\t/\t2027-11-20T10:00:00.000Z\t157\t✓\t✓\tNone`,
      `JSESSIONID\t${JSESSIONID}\t.www.linkedin.com\t/\t2027-02-18T10:00:00.000Z\t36\t\t✓\tNone`,
      "lang\tv=2&lang=de-de\t.linkedin.com\t/\tSession\t19\t\t✓\tNone",
      "_ga\tGA1.2.3\t.google.com\t/\tSession\t10\t\t\t",
    ].join("\n");
    const cookies = parseCookies(rows);
    expect(cookies).toMatchObject({ liAt: LI_AT, jsessionid: JSESSIONID });
    expect(cookies?.jar.map(([name]) => name)).toEqual(["li_at", "JSESSIONID", "lang"]);
    // Only the name and value cells, copied one row each.
    expect(parseCookies(`li_at\t${LI_AT}\nJSESSIONID\t${JSESSIONID}`)?.liAt).toBe(LI_AT);
  });

  it("the two values on their own lines, in either order, JSESSIONID with or without quotes", () => {
    for (const text of [
      `${LI_AT}\n${JSESSIONID}`,
      `ajax:1234567890123456789\n${LI_AT}\n`,
      `  ${LI_AT}  \r\n  "ajax:1234567890123456789"  `,
    ]) {
      expect(parseCookies(text)).toMatchObject({ liAt: LI_AT, jsessionid: JSESSIONID });
    }
    expect(parseCookies(`${LI_AT}\nsomething-else`)).toBeNull();
    expect(parseCookies(LI_AT)).toBeNull();
  });

  it("refuses a value that no cookie can hold, naming the cookie and not the value", () => {
    const spaced = `li_at=${LI_AT} with a space; JSESSIONID=${JSESSIONID}`;
    expect(() => parseCookies(spaced)).toThrow(/the cookie li_at holds characters/);
    try {
      parseCookies(spaced);
    } catch (error) {
      expect(String(error)).not.toContain(LI_AT);
    }
    expect(() => parseCookies(`li_at=Äöü${LI_AT}; JSESSIONID=${JSESSIONID}`)).toThrow(
      CookieFormError,
    );
  });

  it("scrubs every value of 8 characters or more from what is shown", () => {
    const cookies = parseCookies(
      `bcookie="v=2&abcdefgh"; li_at=${LI_AT}; JSESSIONID=${JSESSIONID}; lang=v=2`,
    );
    if (!cookies) throw new Error("no cookies");
    const shown = redact(
      `echo v=2&abcdefgh and ${encodeURIComponent(LI_AT)} and ajax:1234567890123456789 and lang v=2`,
      cookies,
    );
    expect(shown).not.toContain("abcdefgh");
    expect(shown).not.toContain("secret_login_value");
    expect(shown).not.toContain("1234567890123456789");
    // Values shorter than 8 characters are no secrets worth the false hits.
    expect(shown).toContain("lang v=2");
  });
});

describe("shell words", () => {
  it("reads quotes, escapes and line continuations as a shell does", () => {
    expect(shellWords(`curl 'a b' "c \\"d\\"" e\\ f \\\n g $'h\\ti'`)).toEqual([
      "curl",
      "a b",
      'c "d"',
      "e f",
      "g",
      "h\ti",
    ]);
  });
});
