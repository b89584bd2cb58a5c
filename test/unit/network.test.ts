import { describe, expect, it } from "vitest";
import {
  cookieHeader,
  csrfToken,
  parseCookieLine,
  parseCookiesTxt,
  redact,
} from "../../src/network/cookies.js";
import { elements, follow, readNormalized, urnId } from "../../src/network/envelope.js";
import { classifyResponse } from "../../src/network/signals.js";
import { parseFaults } from "../../src/sandbox/faults.js";

describe("session cookies", () => {
  const line =
    'Cookie: bcookie="v=2&x"; li_at=AQEDAT-secret_value; JSESSIONID="ajax:1234567890123456789"; lang=v=2';

  it("reads li_at and JSESSIONID from a Cookie header line", () => {
    const cookies = parseCookieLine(line);
    expect(cookies).toEqual({
      liAt: "AQEDAT-secret_value",
      jsessionid: '"ajax:1234567890123456789"',
    });
    if (!cookies) return;
    expect(csrfToken(cookies)).toBe("ajax:1234567890123456789");
    expect(cookieHeader(cookies)).toBe(
      'li_at=AQEDAT-secret_value; JSESSIONID="ajax:1234567890123456789"',
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
    expect(parseCookiesTxt(txt)).toEqual({
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
});

describe("the normalized envelope", () => {
  it("resolves *-pointers through included, never by position, and reads ids from URN strings", () => {
    const n = readNormalized({
      data: {
        "*elements": ["urn:li:fs_relSentInvitationView:1", "urn:li:fs_relSentInvitationView:2"],
      },
      included: [
        {
          entityUrn: "urn:li:fs_relInvitation:7233649881779728384",
          invitationId: 7233649881779728000,
        },
        { entityUrn: "urn:li:fs_relSentInvitationView:2", "*invitation": "urn:li:missing:1" },
        {
          entityUrn: "urn:li:fs_relSentInvitationView:1",
          "*invitation": "urn:li:fs_relInvitation:7233649881779728384",
        },
      ],
    });
    const views = elements(n);
    expect(views.map((v) => v.entityUrn)).toEqual([
      "urn:li:fs_relSentInvitationView:1",
      "urn:li:fs_relSentInvitationView:2",
    ]);
    const invitation = views[0] && follow(n, views[0], "invitation");
    expect(urnId(invitation?.entityUrn)).toBe("7233649881779728384");
    expect(views[1] && follow(n, views[1], "invitation")).toBeUndefined();
  });
});

describe("response signals", () => {
  const verdict = (status: number, body = "", location: string | null = null, write = false) =>
    classifyResponse({ status, body, location, write });

  it("maps every stop signal of LINKEDIN-API.md §9", () => {
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

  it("keeps per-item refusals and passing failures apart from stops", () => {
    expect(verdict(200)).toEqual({ kind: "ok" });
    expect(verdict(404, "", null, true)).toEqual({ kind: "not-found" });
    expect(verdict(410, "", null, true)).toEqual({ kind: "not-found" });
    expect(verdict(403, "", null, true)).toMatchObject({ kind: "stop", signal: "forbidden" });
    expect(verdict(400, "bad", null, true)).toMatchObject({ kind: "refused" });
    expect(verdict(503)).toMatchObject({ kind: "transient" });
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
    expect(parseFaults(undefined)).toEqual([]);
    expect(() => parseFaults("boom@3")).toThrow(/not a fault/);
    expect(() => parseFaults("429@0")).toThrow(/not a fault/);
  });
});
