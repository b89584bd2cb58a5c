/**
 * How the client writes, request by request, against a scripted transport: the order of the
 * fallbacks, the bodies, and what counts as success. (The emulation tests in test/network and
 * test/e2e show the same against real HTTP; these pin the exact sequence.)
 */
import { describe, expect, it } from "vitest";
import type { LiveConnection, LiveInvitation } from "../../src/network/driver.js";
import { LinkedInClient } from "../../src/network/linkedin-client.js";
import type { Transport, WireRequest, WireResponse } from "../../src/network/transport.js";

type Script = (request: WireRequest) => Partial<WireResponse>;

function scripted(script: Script, mayResend = false) {
  const sent: WireRequest[] = [];
  const transport: Transport = {
    mayResend,
    async send(request) {
      sent.push(request);
      return { status: 200, location: null, contentType: "", text: "", ...script(request) };
    },
    scrub: (text) => text.replaceAll("SECRET", "[redacted]"),
  };
  return { client: new LinkedInClient({ transport }), sent };
}

const invitation = (surface: LiveInvitation["surface"]): LiveInvitation => ({
  id: "7233649881779728384",
  surface,
  sharedSecret: surface === "legacy" ? "s3cr" : null,
  sentAt: "",
  name: "Dörte Schröder",
  firstName: "Dörte",
  lastName: "Schröder",
  slug: "doerte-schroeder",
  profileId: "ACoAA123",
  email: null,
  message: null,
});

const connection: LiveConnection = {
  id: "urn:li:fsd_profile:ACoAA9",
  connectionUrn: "urn:li:fsd_connection:ACoAA9",
  slug: "lukas-ahrens",
  email: null,
  name: "Lukas Ahrens",
  firstName: "Lukas",
  lastName: "Ahrens",
  connectedAt: null,
};

const isLegacy = (r: WireRequest) => r.path.includes("relationships/invitations/");
const isSdui = (r: WireRequest) => r.path.includes("addaWithdrawInvitation");

describe("withdrawing", () => {
  it("sends the legacy call with {} first, and the full body only on 400", async () => {
    const { client, sent } = scripted((r) =>
      isLegacy(r) && r.body === "{}"
        ? { status: 400 }
        : { text: '{"data":{"value":"Invitation withdrawn"}}' },
    );
    expect(await client.withdraw(invitation("legacy"))).toEqual({ ok: true, via: "legacy" });
    expect(sent.map((r) => r.body && JSON.parse(r.body))).toEqual([
      {},
      {
        invitationId: "7233649881779728384",
        invitationSharedSecret: "s3cr",
        isGenericInvitation: false,
      },
    ]);
  });

  it("withdraws rows of the Dash and GraphQL lists by their numeric id through the legacy call", async () => {
    const { client, sent } = scripted(() => ({
      text: '{"data":{"value":"Invitation withdrawn"}}',
    }));
    expect(await client.withdraw(invitation("dash"))).toEqual({ ok: true, via: "legacy" });
    expect(sent[0]?.path).toBe(
      "/voyager/api/relationships/invitations/7233649881779728384?action=withdraw",
    );
  });

  it("goes on to the server-driven action when the legacy call is gone, and then keeps to it", async () => {
    const { client, sent } = scripted((r) =>
      isLegacy(r) ? { status: 404 } : { text: '0:{"toast":{"text":"Invitation withdrawn"}}\n' },
    );
    expect(await client.withdraw(invitation("legacy"))).toEqual({ ok: true, via: "sdui" });
    expect(sent.map((r) => (isLegacy(r) ? "legacy" : isSdui(r) ? "sdui" : r.path))).toEqual([
      "legacy",
      "sdui",
    ]);
    // The legacy call answered 404 for an invitation the action then withdrew: it is gone.
    expect(await client.withdraw(invitation("legacy"))).toEqual({ ok: true, via: "sdui" });
    expect(sent).toHaveLength(3);
  });

  it("sends rows of the server-driven list to the action only, minimal body first", async () => {
    const { client, sent } = scripted((r) => {
      const payload = JSON.parse(r.body ?? "{}").requestedArguments?.payload ?? {};
      return payload.inviteeVanityName ? { text: "0:{}\n" } : { status: 400 };
    });
    expect(await client.withdraw(invitation("sdui"))).toEqual({ ok: true, via: "sdui" });
    expect(sent.every(isSdui)).toBe(true);
    expect(sent).toHaveLength(2);
  });

  it("reads a 200 that says 'Failed to withdraw invitation' as a failure, and a page as unexpected", async () => {
    const failed = scripted(() => ({
      text: '0:{"toast":{"text":"Failed to withdraw invitation"}}',
    }));
    expect(await failed.client.withdraw(invitation("sdui"))).toMatchObject({
      ok: false,
      reason: "not-found",
      via: "sdui",
    });
    const page = scripted(() => ({
      text: "<!DOCTYPE html><html><body>Home</body></html>",
      contentType: "text/html",
    }));
    expect(await page.client.withdraw(invitation("legacy"))).toMatchObject({
      ok: false,
      reason: "unexpected",
      detail: "unexpected answer: 200 with a web page",
    });
  });

  it("through a browser, which may send a request twice, leaves a refusal unclear and tries no other way", async () => {
    // The legacy call's 404 may answer the browser's own second copy of a request that
    // withdrew: the server-driven action is not tried before the run has read the list.
    const legacy = scripted((r) => (isLegacy(r) ? { status: 404 } : { text: "0:{}\n" }), true);
    expect(await legacy.client.withdraw(invitation("legacy"))).toMatchObject({
      ok: false,
      reason: "not-found",
      via: "legacy",
      unclear: true,
    });
    expect(legacy.sent).toHaveLength(1);
    // The run found it still listed: that way is gone, and the next request goes the other.
    expect(legacy.client.distrust("legacy", "withdraw")).toBe(true);
    expect(await legacy.client.withdraw(invitation("legacy"))).toEqual({ ok: true, via: "sdui" });
    expect(legacy.sent.map(isSdui)).toEqual([false, true]);
    const failed = scripted(
      () => ({ text: '0:{"toast":{"text":"Failed to withdraw invitation"}}' }),
      true,
    );
    expect(await failed.client.withdraw(invitation("sdui"))).toMatchObject({
      reason: "not-found",
      unclear: true,
    });
    const removal = scripted(() => ({ status: 404 }), true);
    expect(await removal.client.removeConnection(connection)).toMatchObject({
      via: "dash",
      unclear: true,
    });
    expect(removal.sent).toHaveLength(1);
  });

  it("knows which ways fit a row: a row of the server-driven list has that action alone", () => {
    const { client } = scripted(() => ({}));
    expect(client.canWithdraw(invitation("sdui"))).toBe(true);
    client.distrust("sdui", "withdraw");
    // The legacy call is not retired, but it cannot withdraw a row that has no legacy id.
    expect(client.canWithdraw(invitation("sdui"))).toBe(false);
    expect(client.canWithdraw(invitation("legacy"))).toBe(true);
    const noSlug = { ...connection, slug: null, connectionUrn: null };
    expect(client.canRemove(noSlug)).toBe(true);
    client.distrust("dash", "remove");
    expect(client.canRemove(noSlug)).toBe(false);
    expect(client.canRemove(connection)).toBe(true);
  });

  it("scrubs what a refusal echoes back", async () => {
    const { client } = scripted(() => ({ status: 400, text: "you sent li_at=SECRET" }));
    const outcome = await client.withdraw(invitation("sdui"));
    expect(JSON.stringify(outcome)).not.toContain("SECRET");
  });
});

describe("removing", () => {
  it("tries the Voyager call, then the server-driven action by vanity name, then the member relationship", async () => {
    const { client, sent } = scripted((r) =>
      r.path.includes("memberRelationships") ? { text: "{}" } : { status: 404 },
    );
    expect(await client.removeConnection(connection)).toEqual({ ok: true, via: "dash-member" });
    expect(sent.map((r) => r.path.split("?")[0])).toEqual([
      "/voyager/api/relationships/dash/connections",
      "/flagship-web/rsc-action/actions/server-request",
      "/voyager/api/relationships/dash/memberRelationships",
    ]);
    expect(JSON.parse(sent[1]?.body ?? "").requestedArguments.payload).toEqual({
      disconnectVanityName: "lukas-ahrens",
      disconnectFirstName: "Lukas",
      disconnectLastName: "Ahrens",
    });
    expect(JSON.parse(sent[2]?.body ?? "")).toEqual({
      connectionUrn: "urn:li:fsd_connection:ACoAA9",
    });
  });

  it("does not count a web page answered 200 as removed", async () => {
    const { client } = scripted(() => ({
      text: "<html><body>Feed</body></html>",
      contentType: "text/html",
    }));
    expect(await client.removeConnection(connection)).toMatchObject({
      ok: false,
      reason: "unexpected",
    });
  });

  it("says when no way of writing is left after the run distrusts them", () => {
    const { client } = scripted(() => ({}));
    expect(client.distrust("dash", "remove")).toBe(true);
    expect(client.distrust("sdui", "remove")).toBe(true);
    expect(client.distrust("dash-member", "remove")).toBe(false);
  });
});
