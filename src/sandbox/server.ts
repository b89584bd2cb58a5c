/**
 * The local emulation of LinkedIn's web API (LINKEDIN-API.md §13), on 127.0.0.1 only. It speaks
 * the legacy REST wire format the client uses against linkedin.com, enforces what the network
 * enforces (login cookie, csrf-token, rate limit, pending-only withdrawals) and injects faults
 * deterministically. `/__sandbox/state` shows what reached it; nothing else is outside /voyager.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { SessionCookies } from "../network/cookies.js";
import { type Fault, LATCHED } from "./faults.js";
import type { SandboxConnection, SandboxInvitation, SandboxWorld } from "./seed.js";

export interface SandboxOptions {
  world: SandboxWorld;
  faults?: Fault[];
  /** Requests a minute before the rate limit answers 429 (default 100). */
  ratePerMinute?: number;
  /** How a missing or wrong login cookie is answered: 401 (default) or a redirect to the login. */
  authFailure?: "401" | "redirect";
  /** Shuffles `included` deterministically, as LinkedIn's order is not that of `*elements`. */
  seed?: number;
  now?: () => number;
  /**
   * Told of every withdrawal or removal request that reaches a known invitation or connection,
   * before it takes effect: tests look at the world at that instant.
   */
  onChangeRequest?: (request: {
    action: "withdraw" | "remove";
    profileUrl: string | null;
    name: string;
  }) => void;
}

export interface RunningSandbox {
  url: string;
  /** The Cookie header line a client logs in with: the emulated account's test values. */
  cookie: string;
  cookies: SessionCookies;
  server: Server;
  close(): Promise<void>;
}

const T = {
  collection: "com.linkedin.restli.common.CollectionResponse",
  view: "com.linkedin.voyager.relationships.invitation.SentInvitationViewV2",
  invitation: "com.linkedin.voyager.relationships.invitation.Invitation",
  mini: "com.linkedin.voyager.identity.shared.MiniProfile",
  email: "com.linkedin.voyager.relationships.invitation.EmailInvitee",
  profileInvitee: "com.linkedin.voyager.relationships.invitation.ProfileInvitee",
  connection: "com.linkedin.voyager.dash.relationships.Connection",
  profile: "com.linkedin.voyager.dash.identity.profile.Profile",
  me: "com.linkedin.voyager.common.Me",
};

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function cookiesOf(req: IncomingMessage): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) jar.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return jar;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

function plain(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function createSandbox(options: SandboxOptions): Server {
  const { world } = options;
  const now = options.now ?? Date.now;
  const rate = options.ratePerMinute ?? 100;
  const faults = new Map((options.faults ?? []).map((f) => [f.at, f]));
  const latched: Fault[] = [];
  const recent: number[] = [];
  let requests = 0;
  const invitationsById = new Map(world.invitations.map((i) => [i.id, i]));
  const connectionsByUrn = new Map(
    world.connections.map((c) => [`urn:li:fsd_profile:${c.memberId}`, c]),
  );

  const miniProfile = (
    memberId: string,
    first: string,
    last: string,
    slug: string | null,
    occupation: string,
  ) => ({
    $type: T.mini,
    entityUrn: `urn:li:fs_miniProfile:${memberId}`,
    dashEntityUrn: `urn:li:fsd_profile:${memberId}`,
    objectUrn: `urn:li:member:${parseInt(memberId.slice(5, 12), 36) || 1}`,
    firstName: first,
    lastName: last,
    occupation,
    publicIdentifier: slug ?? memberId,
    trackingId: "c2FuZGJveA==",
  });

  const me = () => {
    const a = world.account;
    return {
      data: {
        $type: T.me,
        plainId: 645270965,
        premiumSubscriber: false,
        publicContactInfo: {},
        "*miniProfile": `urn:li:fs_miniProfile:${a.memberId}`,
      },
      included: [miniProfile(a.memberId, a.firstName, a.lastName, a.publicIdentifier, "")],
    };
  };

  const sentPage = (start: number, count: number) => {
    const pending = world.invitations
      .filter((i) => i.state === "pending")
      .sort((a, b) => b.sentAt - a.sentAt || (a.id < b.id ? 1 : -1));
    const page = pending.slice(start, start + count);
    const included: unknown[] = [];
    for (const inv of page) {
      const [first = "", ...rest] = inv.inviteeName.split(" ");
      const invitation: Record<string, unknown> = {
        $type: T.invitation,
        entityUrn: `urn:li:fs_relInvitation:${inv.id}`,
        mailboxItemId: `urn:li:invitation:${inv.id}`,
        sharedSecret: inv.sharedSecret,
        sentTime: inv.sentAt,
        invitationType: "SENT",
        customMessage: inv.message !== null,
        message: inv.message,
        "*fromMember": `urn:li:fs_miniProfile:${world.account.memberId}`,
        unseen: false,
        // Fields the client must ignore, and a JSON number that loses digits if ever trusted.
        invitationId: Number(inv.id),
        tracking: { sandbox: true },
      };
      if (inv.memberId) {
        invitation["*toMember"] = `urn:li:fs_miniProfile:${inv.memberId}`;
        invitation.toMemberId = inv.memberId;
        invitation.invitee = {
          $type: T.profileInvitee,
          "*miniProfile": `urn:li:fs_miniProfile:${inv.memberId}`,
        };
        included.push(miniProfile(inv.memberId, first, rest.join(" "), inv.slug, ""));
      } else {
        invitation.toMember = null;
        invitation.invitee = { $type: T.email, email: inv.email ?? inv.inviteeName };
      }
      included.push(invitation, {
        $type: T.view,
        entityUrn: `urn:li:fs_relSentInvitationView:${inv.id}`,
        "*invitation": `urn:li:fs_relInvitation:${inv.id}`,
      });
    }
    return {
      data: {
        $type: T.collection,
        "*elements": page.map((i) => `urn:li:fs_relSentInvitationView:${i.id}`),
        metadata: {
          invitationType: "CONNECTION",
          $type: "com.linkedin.voyager.relationships.invitation.SentInvitationsMetadata",
        },
        // LinkedIn's total is unreliable and usually 0.
        paging: { start, count, total: 0, links: [] },
      },
      included: shuffled(included, (options.seed ?? 7) + start),
    };
  };

  const connectionsPage = (start: number, count: number) => {
    const active = world.connections
      .filter((c) => c.state === "active")
      .sort((a, b) => (b.connectedAt ?? 0) - (a.connectedAt ?? 0));
    const page = active.slice(start, start + count);
    const included: unknown[] = [];
    for (const c of page) {
      included.push(
        {
          $type: T.connection,
          entityUrn: `urn:li:fsd_connection:${c.memberId}`,
          connectedMember: `urn:li:fsd_profile:${c.memberId}`,
          "*connectedMemberResolutionResult": `urn:li:fsd_profile:${c.memberId}`,
          createdAt: c.connectedAt,
        },
        {
          $type: T.profile,
          entityUrn: `urn:li:fsd_profile:${c.memberId}`,
          firstName: c.firstName,
          lastName: c.lastName,
          headline: c.headline,
          publicIdentifier: c.slug ?? c.memberId,
          memorialized: false,
        },
      );
    }
    return {
      data: {
        $type: T.collection,
        "*elements": page.map((c) => `urn:li:fsd_connection:${c.memberId}`),
        paging: { start, count, links: [] },
      },
      included: shuffled(included, (options.seed ?? 11) + start),
    };
  };

  const state = () => ({
    invitations: world.invitations.map((i: SandboxInvitation) => ({
      id: i.id,
      inviteeName: i.inviteeName,
      profileUrl: i.profileUrl,
      email: i.email,
      state: i.state,
      withdrawCalls: i.withdrawCalls,
    })),
    connections: world.connections.map((c: SandboxConnection) => ({
      profileUrl: c.profileUrl,
      name: `${c.firstName} ${c.lastName}`.trim(),
      state: c.state,
      removeCalls: c.removeCalls,
    })),
  });

  const loginFailure = (res: ServerResponse) => {
    if (options.authFailure === "redirect") {
      plain(res, 302, "", { location: "/uas/login?session_redirect=%2Fvoyager%2Fapi" });
    } else plain(res, 401, "");
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/__sandbox/state" && req.method === "GET") return json(res, 200, state());
    if (url.pathname.startsWith("/uas/login") || url.pathname.startsWith("/checkpoint/")) {
      res.writeHead(200, { "content-type": "text/html" });
      return void res.end("<html><body><h1>Sign in</h1></body></html>");
    }
    if (!url.pathname.startsWith("/voyager/api/")) return plain(res, 404, "not found");

    requests++;
    const fault = faults.get(requests);
    if (fault && LATCHED.has(fault.kind)) latched.push(fault);
    const latch = latched[0];
    if (latch) {
      if (latch.kind === "challenge")
        return plain(res, 303, "", { location: "/checkpoint/challenge/AgG1x" });
      if (latch.kind === "999") return plain(res, 999, "");
      if (latch.kind === "401") return plain(res, 401, "");
      return plain(res, 302, "", { location: "/uas/login?session_redirect=%2Ffeed" });
    }
    if (fault?.kind === "reset") return void req.socket.destroy();
    if (fault?.kind === "429") return plain(res, 429, "");
    if (fault?.kind === "500") return plain(res, 500, "Internal Server Error");
    if (fault?.kind === "403") return plain(res, 403, "");
    if (fault?.kind === "restricted")
      return json(res, 200, { status: 400, code: "CHALLENGE_REQUIRED" });
    if (fault?.kind === "slow")
      await new Promise((resolve) => setTimeout(resolve, fault.ms ?? 3000));

    const t = now();
    recent.push(t);
    while (recent.length > 0 && (recent[0] as number) <= t - 60_000) recent.shift();
    if (recent.length > rate) return plain(res, 429, "");

    const jar = cookiesOf(req);
    if (jar.get("li_at") !== world.account.liAt) return loginFailure(res);
    const jsessionid = jar.get("JSESSIONID");
    if (!jsessionid || req.headers["csrf-token"] !== jsessionid.replace(/^"|"$/g, "")) {
      return plain(res, 403, "CSRF check failed.");
    }

    const path = url.pathname;
    const start = Number(url.searchParams.get("start") ?? 0);
    const count = Math.min(100, Number(url.searchParams.get("count") ?? 10));
    if (req.method === "GET" && path === "/voyager/api/me") return json(res, 200, me());
    if (req.method === "GET" && path === "/voyager/api/relationships/sentInvitationViewsV2") {
      return json(res, 200, sentPage(start, count));
    }
    if (req.method === "GET" && path === "/voyager/api/relationships/dash/connections") {
      return json(res, 200, connectionsPage(start, count));
    }
    const withdraw = /^\/voyager\/api\/relationships\/invitations\/(\d+)$/.exec(path);
    if (req.method === "POST" && withdraw && url.searchParams.get("action") === "withdraw") {
      const body = (await readBody(req)) as { invitationSharedSecret?: string } | null;
      const inv = invitationsById.get(withdraw[1] ?? "");
      if (!inv) return plain(res, 404, "");
      options.onChangeRequest?.({
        action: "withdraw",
        profileUrl: inv.profileUrl,
        name: inv.inviteeName,
      });
      inv.withdrawCalls++;
      if (inv.state !== "pending") return plain(res, 404, "");
      if (
        body?.invitationSharedSecret !== undefined &&
        body.invitationSharedSecret !== inv.sharedSecret
      ) {
        return plain(res, 400, "");
      }
      inv.state = "withdrawn";
      return json(res, 200, { data: { value: "Invitation withdrawn" } });
    }
    if (
      req.method === "POST" &&
      path === "/voyager/api/relationships/dash/connections" &&
      url.searchParams.get("action") === "removeFromMyConnections"
    ) {
      const body = (await readBody(req)) as { connectedMember?: string } | null;
      const connection = connectionsByUrn.get(body?.connectedMember ?? "");
      if (!connection) return plain(res, 404, "profile not found");
      options.onChangeRequest?.({
        action: "remove",
        profileUrl: connection.profileUrl,
        name: `${connection.firstName} ${connection.lastName}`.trim(),
      });
      connection.removeCalls++;
      if (connection.state !== "active") return plain(res, 404, "profile not found");
      connection.state = "removed";
      return json(res, 200, {});
    }
    return plain(res, 404, "");
  };

  return createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) plain(res, 500, "sandbox error");
      else res.end();
    });
  });
}

/** Starts the emulation on 127.0.0.1 (port 0 picks a free one). */
export async function startSandbox(
  options: SandboxOptions & { port?: number },
): Promise<RunningSandbox> {
  const server = createSandbox(options);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const a = options.world.account;
  return {
    url: `http://127.0.0.1:${port}`,
    cookie: `li_at=${a.liAt}; JSESSIONID=${a.jsessionid}`,
    cookies: { liAt: a.liAt, jsessionid: a.jsessionid },
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
