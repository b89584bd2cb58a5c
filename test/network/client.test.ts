/** The LinkedIn client against the local emulation, over real HTTP on 127.0.0.1. */
import { afterEach, describe, expect, it } from "vitest";
import { StoppedError } from "../../src/errors.js";
import { parseCookieLine } from "../../src/network/cookies.js";
import { LinkedInClient, TransientNetworkError } from "../../src/network/linkedin-client.js";
import { DEFAULT_PACE, Pacer } from "../../src/network/pacer.js";
import { parseFaults } from "../../src/sandbox/faults.js";
import { seedWorld } from "../../src/sandbox/seed.js";
import {
  type RunningSandbox,
  type SandboxOptions,
  startSandbox,
} from "../../src/sandbox/server.js";
import { fixture } from "../support/cli.js";

const DEMO = fixture("demo", "Basic_LinkedInDataExport_11-20-2026.zip");
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
    invitations: Array<{ id: string; state: string; withdrawCalls: number; email: string | null }>;
    connections: Array<{ name: string; state: string; removeCalls: number }>;
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
    const live = await client({ pageSize: 10 }).listSentInvitations();
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
    const [first] = await c.listSentInvitations();
    if (!first) throw new Error("nothing pending");
    expect(await c.withdraw(first)).toEqual({ ok: true });
    expect(await c.withdraw(first)).toMatchObject({ ok: false, reason: "not-found" });
    const after = (await state()).invitations.find((i) => i.id === first.id);
    expect(after).toMatchObject({ state: "withdrawn", withdrawCalls: 2 });
    expect((await c.listSentInvitations()).some((i) => i.id === first.id)).toBe(false);
  });

  it("lists connections, hidden members included, and removes one", async () => {
    const { client } = await start();
    const c = client({ pageSize: 4 });
    const connections = await c.listConnections();
    expect(connections).toHaveLength(9);
    const lukas = connections.find((x) => x.slug === "lukas-ahrens");
    if (!lukas) throw new Error("Lukas is no connection");
    expect(await c.removeConnection(lukas)).toEqual({ ok: true });
    expect(await c.removeConnection(lukas)).toMatchObject({ ok: false, reason: "not-found" });
    expect((await state()).connections.find((x) => x.name === "Lukas Ahrens")).toMatchObject({
      state: "removed",
      removeCalls: 2,
    });
    expect(await c.listConnections()).toHaveLength(8);
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
    // 9 connections in pages of 4: 4, 4, 1; the short third page ends the read.
    expect(await c.listConnections()).toHaveLength(9);
    expect(waits).toEqual([1000, 1000]);
    expect(await c.listSentInvitations()).toHaveLength(41);
    expect(waits).toHaveLength(2 + 10);
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
    const quoting = new LinkedInClient({
      baseUrl: running?.url ?? "",
      cookies,
      fetch: (url, init) =>
        fetch(url, {
          ...init,
          headers: {
            ...(init?.headers as Record<string, string>),
            "csrf-token": cookies.jsessionid,
          },
        }),
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
});
