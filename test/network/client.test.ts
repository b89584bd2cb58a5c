/** The LinkedIn client against the local emulation, over real HTTP on 127.0.0.1. */
import { afterEach, describe, expect, it } from "vitest";
import { StoppedError } from "../../src/errors.js";
import { cookieHeader, parseCookieLine } from "../../src/network/cookies.js";
import { LinkedInClient, TransientNetworkError } from "../../src/network/linkedin-client.js";
import { DEFAULT_PACE, Pacer } from "../../src/network/pacer.js";
import { CookieTransport } from "../../src/network/transport.js";
import { parseFaults } from "../../src/sandbox/faults.js";
import { seedWorld } from "../../src/sandbox/seed.js";
import {
  type RunningSandbox,
  type SandboxOptions,
  startSandbox,
} from "../../src/sandbox/server.js";
import { DEMO_EXPORT as DEMO } from "../support/cli.js";

const AS_OF = new Date("2026-11-20T23:59:59Z");
let running: RunningSandbox | null = null;

afterEach(async () => {
  await running?.close();
  running = null;
});

async function start(options: Partial<SandboxOptions> = {}) {
  const world = await seedWorld([DEMO], AS_OF);
  running = await startSandbox({ world, ...options });
  const cookies = parseCookieLine(running.cookie);
  if (!cookies) throw new Error("the sandbox printed no cookie line");
  const client = (extra: Partial<ConstructorParameters<typeof LinkedInClient>[0]> = {}) =>
    new LinkedInClient({ baseUrl: running?.url ?? "", cookies, ...extra });
  return { world, sandbox: running, cookies, client };
}

async function state() {
  const response = await fetch(`${running?.url}/__sandbox/state`);
  return (await response.json()) as {
    invitations: Array<{
      id: string;
      state: string;
      withdrawCalls: number;
      email: string | null;
      via: string | null;
    }>;
    connections: Array<{ name: string; state: string; removeCalls: number; via: string | null }>;
    requests: number;
  };
}

async function stopSignal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof StoppedError))
    throw new Error(`expected a StoppedError, got ${String(error)}`);
  return error.signal;
}

describe("the LinkedIn client against the emulation", () => {
  it("checks the session and names the account", async () => {
    const { client } = await start();
    expect(await client().checkSession()).toMatchObject({
      publicIdentifier: "katrin-boehm-4711",
      name: "Katrin Böhm",
    });
  });

  it("lists every pending invitation across short pages, with ids as 19-digit strings", async () => {
    const { client } = await start();
    const list = await client({ pageSize: 10 }).listSentInvitations();
    expect(list).toMatchObject({ surface: "legacy", showsEmailInvitees: true });
    const live = list.items;
    const pending = (await state()).invitations.filter((i) => i.state === "pending");
    expect(live).toHaveLength(41);
    expect(live.map((i) => i.id).sort()).toEqual(pending.map((i) => i.id).sort());
    for (const inv of live) {
      expect(inv.id).toMatch(/^\d{19}$/);
      expect(BigInt(inv.id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    }
    const email = live.find((i) => i.email === "bewerbung@stadtwerke.example");
    expect(email).toMatchObject({ slug: null, name: "bewerbung@stadtwerke.example" });
    const person = live.find((i) => i.slug?.startsWith("juergen-fuss"));
    expect(person?.name).toBe("Jürgen Fuß");
    expect(person?.sentAt).toBe("2026-11-14T09:19:00.000Z");
    expect(live.filter((i) => i.message !== null)).toHaveLength(3);
  });

  it("withdraws a pending invitation once; a second request finds nothing", async () => {
    const { client } = await start();
    const c = client();
    const [first] = (await c.listSentInvitations()).items;
    if (!first) throw new Error("nothing pending");
    expect(await c.withdraw(first)).toEqual({ ok: true, via: "legacy" });
    // The legacy call's 404 is asked again of the server-driven action, which says so too.
    expect(await c.withdraw(first)).toMatchObject({ ok: false, reason: "not-found", via: "sdui" });
    const after = (await state()).invitations.find((i) => i.id === first.id);
    expect(after).toMatchObject({ state: "withdrawn", withdrawCalls: 3, via: "legacy" });
    expect((await c.listSentInvitations()).items.some((i) => i.id === first.id)).toBe(false);
  });

  it("lists connections, hidden members included, and removes one", async () => {
    const { client } = await start();
    const c = client({ pageSize: 4 });
    const connections = (await c.listConnections()).items;
    expect(connections).toHaveLength(9);
    const lukas = connections.find((x) => x.slug === "lukas-ahrens");
    if (!lukas) throw new Error("Lukas is no connection");
    expect(await c.removeConnection(lukas)).toEqual({ ok: true, via: "dash" });
    expect(await c.removeConnection(lukas)).toMatchObject({ ok: false, reason: "not-found" });
    expect((await state()).connections.find((x) => x.name === "Lukas Ahrens")).toMatchObject({
      state: "removed",
      via: "dash",
    });
    expect((await c.listConnections()).items).toHaveLength(8);
  });

  it("waits at the pacer's list pace between the pages of a list, not before the first", async () => {
    const { client } = await start();
    const waits: number[] = [];
    const pacer = new Pacer({
      pace: DEFAULT_PACE,
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
    });
    const c = client({ pageSize: 4, beforePage: () => pacer.beforeListPage() });
    // 9 connections in pages of 4: 4, 4, 1, then the empty page that ends the read.
    expect((await c.listConnections()).items).toHaveLength(9);
    expect(waits).toEqual([1000, 1000, 1000]);
    // 41 invitations: 11 pages of rows and the empty one.
    expect((await c.listSentInvitations()).items).toHaveLength(41);
    expect(waits).toHaveLength(3 + 11);
  });

  it("stops on a wrong login cookie, with 401 or a login redirect", async () => {
    const { client, cookies } = await start();
    const stale = { ...cookies, liAt: "expired-cookie-value" };
    expect(await stopSignal(client({ cookies: stale }).checkSession())).toBe("expired");
    await running?.close();
    const redirecting = await start({ authFailure: "redirect" });
    expect(
      await stopSignal(
        redirecting.client({ cookies: { ...redirecting.cookies, liAt: "x" } }).checkSession(),
      ),
    ).toBe("expired");
  });

  it("stops on a csrf-token that does not match JSESSIONID (here: sent with its quotes)", async () => {
    const { cookies } = await start();
    // A transport of its own, which sends the session as ours does but the token as it stands.
    const quoting = new LinkedInClient({
      transport: {
        scrub: (text) => text,
        send: async (request) => {
          const response = await fetch(`${running?.url}${request.path}`, {
            method: request.method,
            headers: {
              ...request.headers,
              cookie: cookieHeader(cookies),
              "csrf-token": cookies.jsessionid,
            },
            redirect: "manual",
          });
          return {
            status: response.status,
            location: response.headers.get("location"),
            contentType: response.headers.get("content-type") ?? "",
            text: await response.text(),
          };
        },
      },
    });
    expect(await stopSignal(quoting.checkSession())).toBe("csrf");
  });

  it("classifies injected faults: stop signals, transient failures, latches", async () => {
    const { client } = await start({
      faults: parseFaults("429@1,500@2,reset@3,restricted@4,slow@5:1500,999@7"),
    });
    const c = client({ timeoutMs: 500 });
    expect(await stopSignal(c.checkSession())).toBe("throttled");
    await expect(c.checkSession()).rejects.toBeInstanceOf(TransientNetworkError);
    await expect(c.checkSession()).rejects.toBeInstanceOf(TransientNetworkError);
    expect(await stopSignal(c.checkSession())).toBe("restricted");
    await expect(c.checkSession()).rejects.toThrow(/timed out/);
    await expect(c.checkSession()).resolves.toMatchObject({
      publicIdentifier: "katrin-boehm-4711",
    });
    expect(await stopSignal(c.checkSession())).toBe("blocked");
    // Latched: every later request is refused the same way.
    expect(await stopSignal(c.checkSession())).toBe("blocked");
  });

  it("latches a challenge, and stops on the rate limit", async () => {
    const challenged = await start({ faults: parseFaults("challenge@2") });
    const c = challenged.client();
    await c.checkSession();
    expect(await stopSignal(c.checkSession())).toBe("challenge");
    expect(await stopSignal(c.listSentInvitations())).toBe("challenge");
    await running?.close();
    const limited = await start({ ratePerMinute: 3 });
    const d = limited.client();
    for (let i = 0; i < 3; i++) await d.checkSession();
    expect(await stopSignal(d.checkSession())).toBe("throttled");
  });

  it.each([
    ["legacy", 41, true],
    // The other surfaces show no invitations sent to e-mail addresses: 6 of the 41.
    ["sdui", 35, false],
    ["graphql", 35, false],
    ["dash", 35, false],
  ] as const)(
    "reads the whole sent list from the %s surface alone, at a page cap of 10",
    async (surface, rows, emails) => {
      const { client } = await start({ surfaces: [surface], pageCap: 10 });
      const before = (await state()).requests;
      const list = await client().listSentInvitations();
      // The read's cost, which sets the verifying reads' cadence, counts every request it took:
      // the generations that did not serve the list, and the server-driven page's HTML.
      expect(list.requests).toBe((await state()).requests - before);
      expect(list.surface).toBe(surface);
      expect(list.showsEmailInvitees).toBe(emails);
      expect(list.items).toHaveLength(rows);
      const pending = (await state()).invitations.filter(
        (i) => i.state === "pending" && (emails || i.email === null || !i.email.includes("@")),
      );
      expect(new Set(list.items.map((i) => i.id))).toEqual(
        new Set(pending.filter((i) => list.items.some((l) => l.id === i.id)).map((i) => i.id)),
      );
      expect(new Set(list.items.map((i) => i.id)).size).toBe(rows);
    },
  );

  it.each(["normalized", "wrapped", "inline"] as const)(
    "reads the legacy list in the %s envelope, whatever the page cap",
    async (envelope) => {
      const { client } = await start({ envelope, pageCap: 7 });
      const list = await client().listSentInvitations();
      expect(list.items).toHaveLength(41);
      expect(list.items.find((i) => i.slug?.startsWith("juergen-fuss"))).toMatchObject({
        name: "Jürgen Fuß",
        sentAt: "2026-11-14T09:19:00.000Z",
      });
      expect(list.items.filter((i) => i.email !== null)).toHaveLength(6);
      expect(list.items.filter((i) => i.message !== null)).toHaveLength(3);
    },
  );

  it("stops, never reading zero, when the rows are under a key it does not know", async () => {
    const { client } = await start({ envelope: "unknown" });
    const error = await client()
      .listSentInvitations()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoppedError);
    expect((error as StoppedError).signal).toBe("changed");
    expect((error as StoppedError).message).toContain(
      "LinkedIn's answer changed shape; nothing was marked or sent",
    );
  });

  it.each(["html", "empty", "malformed", "cut"])(
    "stops when the list is answered 200 with %s, and reads it whole once the fault passes",
    async (fault) => {
      // Request 1 is the first page.
      const { client } = await start({ faults: parseFaults(`${fault}@1`) });
      const c = client();
      expect(await stopSignal(c.listSentInvitations())).toBe("changed");
      expect((await c.listSentInvitations()).items).toHaveLength(41);
    },
  );

  it("pages the connections list by 40 and cross-checks LinkedIn's count", async () => {
    const { client, cookies } = await start({ pageCap: 40 });
    const urls: string[] = [];
    // Ours, with every path it sends written down.
    const transport = new CookieTransport({ baseUrl: running?.url ?? "", cookies });
    const c = client({
      transport: {
        scrub: (text) => transport.scrub(text),
        send: (request) => {
          urls.push(request.path);
          return transport.send(request);
        },
      },
    });
    const list = await c.listConnections();
    expect(list.items).toHaveLength(9);
    expect(list.requests).toBe(urls.length);
    expect(urls.filter((u) => u.includes("count=40"))).toHaveLength(2);
    expect(urls.some((u) => u.includes("connectionsSummary"))).toBe(true);
  });

  it("withdraws and removes through the server-driven actions when only they are served", async () => {
    const { client } = await start({ surfaces: ["sdui"] });
    const c = client();
    const [first] = (await c.listSentInvitations()).items;
    if (!first) throw new Error("nothing pending");
    expect(await c.withdraw(first)).toEqual({ ok: true, via: "sdui" });
    expect(await c.withdraw(first)).toMatchObject({
      ok: false,
      reason: "not-found",
      definite: true,
    });
    const lukas = (await c.listConnections()).items.find((x) => x.slug === "lukas-ahrens");
    if (!lukas) throw new Error("Lukas is no connection");
    expect(await c.removeConnection(lukas)).toEqual({ ok: true, via: "sdui" });
    const after = await state();
    expect(after.invitations.find((i) => i.id === first.id)).toMatchObject({
      state: "withdrawn",
      via: "sdui",
      withdrawCalls: 2,
    });
    expect(after.connections.find((x) => x.name === "Lukas Ahrens")).toMatchObject({
      state: "removed",
      via: "sdui",
    });
  });

  it("answers a fail200 write as if done while nothing changes", async () => {
    const { client } = await start({ faults: parseFaults("fail200@1") });
    const c = client();
    const [first] = (await c.listSentInvitations()).items;
    if (!first) throw new Error("nothing pending");
    expect(await c.withdraw(first)).toEqual({ ok: true, via: "legacy" });
    expect((await state()).invitations.find((i) => i.id === first.id)?.state).toBe("pending");
  });
});
