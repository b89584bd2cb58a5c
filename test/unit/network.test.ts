import { describe, expect, it } from "vitest";
import {
  cookieHeader,
  csrfToken,
  parseCookieLine,
  parseCookies,
  redact,
  sessionCookies,
} from "../../src/network/cookies.js";
import { classifyResponse } from "../../src/network/signals.js";
import { parseFaults } from "../../src/sandbox/faults.js";
import { printable } from "../../src/ui/printable.js";

describe("session cookies", () => {
  const line =
    'Cookie: bcookie="v=2&x"; li_at=AQEDAT-secret_value; JSESSIONID="ajax:1234567890123456789"; lang=v=2';

  it("reads li_at and JSESSIONID from a Cookie header line, and keeps every other cookie", () => {
    const cookies = parseCookieLine(line);
    expect(cookies).toMatchObject({
      liAt: "AQEDAT-secret_value",
      jsessionid: '"ajax:1234567890123456789"',
    });
    if (!cookies) return;
    expect(csrfToken(cookies)).toBe("ajax:1234567890123456789");
    expect(cookieHeader(cookies)).toBe(
      'bcookie="v=2&x"; li_at=AQEDAT-secret_value; JSESSIONID="ajax:1234567890123456789"; lang=v=2',
    );
    expect(parseCookieLine("li_at=only")).toBeNull();
  });

  it("reads a Netscape cookies.txt", () => {
    const txt = [
      "# Netscape HTTP Cookie File",
      "#HttpOnly_.www.linkedin.com\tTRUE\t/\tTRUE\t1893456000\tli_at\tAQEDAT-secret_value",
      '.www.linkedin.com\tTRUE\t/\tTRUE\t1893456000\tJSESSIONID\t"ajax:1234567890123456789"',
      ".example.com\tTRUE\t/\tFALSE\t0\tli_at\tnot-this-one",
    ].join("\n");
    expect(parseCookies(txt)).toMatchObject({
      liAt: "AQEDAT-secret_value",
      jsessionid: '"ajax:1234567890123456789"',
    });
  });

  it("redacts cookie values from anything shown", () => {
    const cookies = parseCookieLine(line) ?? undefined;
    const shown = redact(
      `sent ${line} with csrf-token: ajax:1234567890123456789 and AQEDAT-secret_value`,
      cookies,
    );
    expect(shown).not.toContain("AQEDAT-secret_value");
    expect(shown).not.toContain("1234567890123456789");
    expect(shown).toContain("li_at=[redacted]");
  });

  it("redacts what a server echoes back in any form: URL-encoded, JSON-escaped, in a Location", () => {
    const cookies = sessionCookies("AQEDAT/secret+value=", '"ajax:1234567890123456789"');
    const echoes = [
      `/uas/login?session=${encodeURIComponent(cookies.liAt)}`,
      JSON.stringify({ echo: `li_at=${cookies.liAt}` }),
      `{"cookie":${JSON.stringify(cookies.liAt)}}`,
      `csrf ajax%3A1234567890123456789 and ajax:1234567890123456789`,
      // Percent-encoded in lower case, as JSON \u escapes and HTML references, in another case,
      // and split by characters that vanish when the text is shown (ui/printable.ts).
      `csrf=ajax%3a1234567890123456789`,
      `"\\u0061jax\\u003a1234567890123456789"`,
      `<p>ajax&#58;1234567890123456789 ajax&#x3A;1234567890123456789</p>`,
      cookies.liAt.toLowerCase(),
      `${cookies.liAt.slice(0, 6)}\u200b${cookies.liAt.slice(6, 9)}\u2066${cookies.liAt.slice(9)}`,
      `AQEDAT\\/secret+value=`,
    ];
    for (const echo of echoes) {
      const shown = redact(echo, cookies);
      expect(shown).not.toContain("AQEDAT");
      expect(shown.toLowerCase()).not.toContain("aqedat");
      expect(shown).not.toContain("1234567890123456789");
    }
  });

  it("finds a value split by any character the terminal cleanup removes (ui/printable.ts)", () => {
    const cookies = sessionCookies("AQEDATsecretvalue", '"ajax:1234567890123456789"');
    // Every character printable() drops from between two letters: shown, the halves would join.
    const removed: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      if (code < 0xd800 || code > 0xdfff) if (printable(`a${c}b`) === "ab") removed.push(c);
    }
    expect(removed.length).toBeGreaterThan(10);
    for (const c of removed) {
      const shown = redact(`AQEDAT${c}secretvalue`, cookies);
      expect(shown, `U+${c.charCodeAt(0).toString(16)}`).toBe("[redacted]");
    }
  });

  it("redacts a cookie by its name where it is known only by its name: the browser transport's case", () => {
    for (const echo of [
      `{"li_at":"AQEDATsecretvalue","JSESSIONID": "ajax:1234567890123456789"}`,
      `li_at%3DAQEDATsecretvalue`,
      `li_at: AQEDATsecretvalue`,
      `"csrf-token": "ajax:1234567890123456789"`,
    ]) {
      const shown = redact(echo);
      expect(shown).not.toContain("AQEDAT");
      expect(shown).not.toContain("1234567890123456789");
    }
  });
});

describe("response signals", () => {
  const verdict = (status: number, body = "", location: string | null = null) =>
    classifyResponse({ status, body, location });

  it("maps every stop signal: login, challenge, csrf, forbidden, throttle, block, restriction", () => {
    expect(verdict(401)).toMatchObject({ kind: "stop", signal: "expired" });
    expect(verdict(302, "", "https://www.linkedin.com/uas/login?x")).toMatchObject({
      signal: "expired",
    });
    expect(verdict(303, "", "/checkpoint/challenge/AgG")).toMatchObject({ signal: "challenge" });
    expect(verdict(403, "CSRF check failed.")).toMatchObject({ signal: "csrf" });
    expect(verdict(403)).toMatchObject({ signal: "forbidden" });
    expect(verdict(429)).toMatchObject({ signal: "throttled" });
    expect(verdict(451)).toMatchObject({ signal: "challenge" });
    expect(verdict(999)).toMatchObject({ signal: "blocked" });
    expect(verdict(200, '{"code":"FUSE_LIMIT_EXCEEDED"}')).toMatchObject({ signal: "restricted" });
  });

  it("tells the stops that turned a request away from a redirect after which it may have acted", () => {
    const refusing = [
      verdict(401),
      verdict(302, "", "https://www.linkedin.com/uas/login?x"),
      verdict(302, "", "https://www.linkedin.com/authwall?trk=x"),
      verdict(303, "", "/checkpoint/challenge/AgG"),
      verdict(403),
      verdict(429),
      verdict(999),
      verdict(200, '{"code":"FUSE_LIMIT_EXCEEDED"}'),
    ];
    for (const stop of refusing) {
      expect(stop.kind).toBe("stop");
      expect(stop).not.toHaveProperty("mayHaveActed");
    }
    // A POST answered with a redirect to an ordinary page can be a done request's answer.
    expect(verdict(303, "", "https://www.linkedin.com/mynetwork/")).toMatchObject({
      kind: "stop",
      signal: "expired",
      mayHaveActed: true,
    });
    expect(verdict(302)).toMatchObject({ kind: "stop", mayHaveActed: true });
  });

  it("keeps per-item refusals and passing failures apart from stops", () => {
    expect(verdict(200)).toEqual({ kind: "ok" });
    expect(verdict(404)).toEqual({ kind: "not-found" });
    expect(verdict(410)).toEqual({ kind: "not-found" });
    expect(verdict(403)).toMatchObject({ kind: "stop", signal: "forbidden" });
    expect(verdict(400, "bad")).toMatchObject({ kind: "refused" });
    expect(verdict(503)).toMatchObject({ kind: "transient" });
  });

  it("looks for restriction markers only in the code fields of JSON bodies", () => {
    const restricted = (body: string) => {
      const found = verdict(200, body);
      return found.kind === "stop" && found.signal === "restricted" ? found.detail : null;
    };
    expect(restricted('{"status":400,"code":"CHALLENGE_REQUIRED"}')).toContain(
      "CHALLENGE_REQUIRED",
    );
    expect(restricted('{"data":{"code":"TOO_MANY_REQUESTS"}}')).toContain("TOO_MANY_REQUESTS");
    // The same when the caller hands over the body it parsed already.
    const parsed = { status: 400, code: "CHALLENGE_REQUIRED" };
    expect(classifyResponse({ status: 200, location: null, body: "", json: parsed })).toMatchObject(
      { kind: "stop", signal: "restricted" },
    );
    // A 600 KB page or an RSC stream carries such words in scripts and in people's notes.
    const page = `<html><script>var codes = ["CHALLENGE_REQUIRED", "ACCOUNT_RESTRICTED"];</script>${"x".repeat(600_000)}</html>`;
    expect(verdict(200, page)).toEqual({ kind: "ok" });
    const stream = '0:{"children":["Note: ACCOUNT_RESTRICTED is a word"]}\n';
    expect(verdict(200, stream)).toEqual({ kind: "ok" });
    expect(verdict(200, '{"message":"we discussed TOO_MANY_REQUESTS"}')).toEqual({ kind: "ok" });
  });
});

describe("fault specs", () => {
  it("reads KIND@N lists and refuses anything else", () => {
    expect(parseFaults("429@20,500@30,reset@40,challenge@50,slow@60:250")).toEqual([
      { kind: "429", at: 20 },
      { kind: "500", at: 30 },
      { kind: "reset", at: 40 },
      { kind: "challenge", at: 50 },
      { kind: "slow", at: 60, ms: 250 },
    ]);
    expect(parseFaults("html@2,empty@3,malformed@4,cut@5,fail200@1")).toEqual([
      { kind: "html", at: 2 },
      { kind: "empty", at: 3 },
      { kind: "malformed", at: 4 },
      { kind: "cut", at: 5 },
      { kind: "fail200", at: 1 },
    ]);
    expect(parseFaults(undefined)).toEqual([]);
    expect(() => parseFaults("boom@3")).toThrow(/not a fault/);
    expect(() => parseFaults("429@0")).toThrow(/not a fault/);
  });
});
