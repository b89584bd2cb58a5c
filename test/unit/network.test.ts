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

describe("the Dash fallback (generation 2)", () => {
  // A response shaped as LINKEDIN-API.md §5.2 records it: inline elements, relative send times.
  const dashPage = {
    elements: [
      {
        title: { text: "Jürgen Weiß" },
        subtitle: { text: "Geschäftsführer" },
        cardActionTarget: "https://www.linkedin.com/in/juergen-weiss-123/",
        sentTimeLabel: "Sent 6 days ago",
        invitationUrn: "urn:li:fsd_invitation:7233649881779728384",
      },
    ],
    paging: { start: 0, count: 100, total: 0 },
  };

  it("lists from the Dash surface when the legacy one answers 404, and withdraws through it", async () => {
    const { LinkedInClient } = await import("../../src/network/linkedin-client.js");
    const requests: Array<{ method: string; url: string; body: unknown }> = [];
    const fakeFetch = (async (url: string | URL, init?: RequestInit) => {
      const path = String(url);
      requests.push({
        method: init?.method ?? "GET",
        url: path,
        body: init?.body ? JSON.parse(String(init.body)) : null,
      });
      if (path.includes("sentInvitationViewsV2")) return new Response("", { status: 404 });
      if (path.includes("voyagerRelationshipsDashSentInvitationViews"))
        return Response.json(dashPage);
      if (path.includes("voyagerRelationshipsDashInvitations")) return Response.json({});
      return new Response("", { status: 500 });
    }) as typeof fetch;
    const client = new LinkedInClient({
      baseUrl: "http://127.0.0.1:9",
      cookies: { liAt: "x", jsessionid: '"ajax:1"' },
      fetch: fakeFetch,
    });
    const live = await client.listSentInvitations();
    expect(live).toEqual([
      {
        id: "7233649881779728384",
        urn: "urn:li:fsd_invitation:7233649881779728384",
        sharedSecret: null,
        sentAt: "",
        name: "Jürgen Weiß",
        slug: "juergen-weiss-123",
        email: null,
        message: null,
      },
    ]);
    expect(requests[1]?.url).not.toContain("decorationId");
    const [first] = live;
    if (!first) return;
    expect(await client.withdraw(first)).toEqual({ ok: true });
    expect(requests.at(-1)).toEqual({
      method: "POST",
      url: "http://127.0.0.1:9/voyager/api/voyagerRelationshipsDashInvitations/urn%3Ali%3Afsd_invitation%3A7233649881779728384?action=withdraw",
      body: { invitationType: "CONNECTION" },
    });
  });
});

describe("the GraphQL fallback (generation 3)", () => {
  // Shaped as LINKEDIN-API.md §5.3 records the inline response.
  const graphqlPage = {
    data: {
      relationshipsDashSentInvitationViewsByInvitationType: {
        elements: [
          {
            cardActionTarget: "https://www.linkedin.com/in/doerte-schroeder",
            sentTimeLabel: "Sent 1 week ago",
            title: { text: "Dörte Schröder" },
            invitation: {
              invitationId: 7233649881779729000,
              entityUrn: "urn:li:fsd_invitation:7233649881779728999",
              invitationState: "PENDING",
              message: "Hallo Dörte!",
              inviteeMemberResolutionResult: { firstName: "Dörte", lastName: "Schröder" },
            },
          },
        ],
        paging: { start: 0, count: 100, total: 0 },
      },
    },
  };

  async function clientAnswering(graphql: unknown) {
    const { LinkedInClient } = await import("../../src/network/linkedin-client.js");
    const urls: string[] = [];
    const fakeFetch = (async (url: string | URL) => {
      const path = String(url);
      urls.push(path);
      if (path.includes("/graphql?")) return Response.json(graphql);
      return new Response("", { status: path.includes("Dash") ? 400 : 404 });
    }) as typeof fetch;
    const client = new LinkedInClient({
      baseUrl: "http://127.0.0.1:9",
      cookies: { liAt: "x", jsessionid: '"ajax:1"' },
      graphqlQueryId: "voyagerRelationshipsDashSentInvitationViews.abc",
      fetch: fakeFetch,
    });
    return { client, urls };
  }

  it("lists through GraphQL when both REST surfaces are gone, ids from URNs not numbers", async () => {
    const { client, urls } = await clientAnswering(graphqlPage);
    expect(await client.listSentInvitations()).toEqual([
      {
        id: "7233649881779728999",
        urn: "urn:li:fsd_invitation:7233649881779728999",
        sharedSecret: null,
        sentAt: "",
        name: "Dörte Schröder",
        slug: "doerte-schroeder",
        email: null,
        message: "Hallo Dörte!",
      },
    ]);
    expect(urls.at(-1)).toContain("queryId=voyagerRelationshipsDashSentInvitationViews.abc");
  });

  it("stops when GraphQL answers 200 with errors", async () => {
    const { client } = await clientAnswering({ errors: [{ message: "stale query" }] });
    await expect(client.listSentInvitations()).rejects.toThrow(
      /GraphQL sent list answered with errors/,
    );
  });
});
