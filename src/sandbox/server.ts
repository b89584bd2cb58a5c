/**
 * The local emulation of LinkedIn's web API, on 127.0.0.1 only. It speaks
 * every generation the client does (legacy REST, Dash REST, GraphQL, and the 2026 server-driven
 * UI), each switchable, and enforces what the network enforces: the login cookie, the
 * csrf-token, a rate limit, pending-only withdrawals, LinkedIn's page caps. Faults are injected
 * deterministically. `/__sandbox/state` shows what reached it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type SessionCookies, sessionCookies } from "../network/cookies.js";
import type { Surface } from "../network/driver.js";
import { type Fault, LATCHED } from "./faults.js";
import {
  CHALLENGE_PAGE,
  feedPage,
  loginPage,
  MORE_CARDS_PATH,
  PAGE_SCRIPT,
  TAKE_CARE_DIALOG,
  WITHDRAW_CLICK_PATH,
} from "./pages.js";
import {
  actionPayload,
  moreCards,
  PAGE_SCRIPT_PATH,
  payloadInvitationId,
  rscDone,
  rscFailed,
  sentPageHtml,
  sentPageRsc,
} from "./sdui.js";
import type { SandboxConnection, SandboxInvitation, SandboxWorld } from "./seed.js";
import {
  connectionsPage,
  connectionsSummary,
  dashSentPage,
  type Envelope,
  graphqlSentPage,
  legacySentPage,
  meAnswer,
} from "./voyager.js";

export const SURFACES: readonly Surface[] = ["legacy", "dash", "graphql", "sdui"];

export interface SandboxOptions {
  world: SandboxWorld;
  faults?: Fault[];
  /** Requests a minute before the rate limit answers 429 (default 100). */
  ratePerMinute?: number;
  /** How a missing or wrong login cookie is answered: 401 (default) or a redirect to the login. */
  authFailure?: "401" | "redirect";
  /** Which generations answer; the others answer 404, as a retired surface does (default all). */
  surfaces?: readonly Surface[];
  /** No list page returns more rows than this, whatever `count` asks (LinkedIn caps pages). */
  pageCap?: number;
  /** The legacy sent list's envelope (default normalized). */
  envelope?: Envelope;
  /** `GET /login` logs the browser in at once, without the form (for tests). */
  autoLogin?: boolean;
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

function cookiesOf(req: IncomingMessage): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) jar.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return jar;
}

/** Response headers; Set-Cookie, as HTTP has it, once a cookie. */
type Headers = Record<string, string | string[]>;

function send(res: ServerResponse, status: number, body: string, headers: Headers = {}): void {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

/** An answer of the network's, before it is sent (a fault may still cut it). */
interface Answer {
  status: number;
  body: string;
  headers: Headers;
}

const answer = (status: number, body = "", headers: Headers = {}): Answer => ({
  status,
  body,
  headers,
});
const json = (status: number, body: unknown) =>
  answer(status, JSON.stringify(body), { "content-type": "application/json" });
const html = (body: string) => answer(200, body, { "content-type": "text/html; charset=utf-8" });
const rsc = (body: string) => answer(200, body, { "content-type": "text/x-component" });
const reply = (res: ServerResponse, a: Answer) => send(res, a.status, a.body, a.headers);

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const text = await readText(req);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const SIGN_IN_PAGE =
  '<!DOCTYPE html><html><head><title>LinkedIn Login</title></head><body><h1>Sign in</h1><form action="/uas/login-submit" method="post"><input name="session_key"><input name="session_password" type="password"></form></body></html>';

const NOT_FOUND_PAGE =
  "<!DOCTYPE html><html><head><title>Page not found | LinkedIn</title></head><body><main><h1>This page doesn't exist</h1></main></body></html>";

/** A page that is neither data nor a sign-in: what a broken proxy or a new web app answers. */
const SOME_PAGE =
  "<!DOCTYPE html><html><head><title>LinkedIn</title></head><body><main><h1>Something new</h1><p>Welcome to the new LinkedIn.</p></main></body></html>";

/** Whether a request asks for a change (a withdrawal or removal), not a read. */
function isWrite(req: IncomingMessage, url: URL): boolean {
  return (
    req.method === "POST" &&
    !url.pathname.endsWith("/pagination") &&
    url.pathname !== "/voyager/api/graphql"
  );
}

/** Whether a path is one of the network's own (counted for faults and the rate limit). */
function isApi(path: string): boolean {
  return (
    path.startsWith("/voyager/api/") ||
    path.startsWith("/flagship-web/") ||
    path.startsWith("/mynetwork/invitation-manager/sent")
  );
}

export function createSandbox(options: SandboxOptions): Server {
  const { world } = options;
  const now = options.now ?? Date.now;
  const rate = options.ratePerMinute ?? 100;
  const surfaces = new Set(options.surfaces ?? SURFACES);
  const envelope = options.envelope ?? "normalized";
  const faults = new Map<number, Fault>();
  const writeFaults = new Map<number, Fault>();
  for (const f of options.faults ?? []) (f.kind === "fail200" ? writeFaults : faults).set(f.at, f);
  const latched: Fault[] = [];
  let writesBroken = false;
  const recent: number[] = [];
  let requests = 0;
  let writes = 0;
  const invitationsById = new Map(world.invitations.map((i) => [i.id, i]));
  const connectionsByMember = new Map(world.connections.map((c) => [c.memberId, c]));
  const connectionsBySlug = new Map(
    world.connections.flatMap((c) => (c.slug ? [[c.slug, c] as const] : [])),
  );
  const capped = (count: number) => Math.min(count, 100, options.pageCap ?? 100);

  const state = () => ({
    invitations: world.invitations.map((i: SandboxInvitation) => ({
      id: i.id,
      inviteeName: i.inviteeName,
      profileUrl: i.profileUrl,
      email: i.email,
      state: i.state,
      withdrawCalls: i.withdrawCalls,
      via: i.via,
    })),
    connections: world.connections.map((c: SandboxConnection) => ({
      profileUrl: c.profileUrl,
      name: `${c.firstName} ${c.lastName}`.trim(),
      state: c.state,
      removeCalls: c.removeCalls,
      via: c.via,
    })),
    /** Requests to the network's paths (the pages' and the state's own not counted), and writes. */
    requests,
    writes,
  });

  /**
   * A write that reaches a known item: counted, told to the test, and answered. The Nth write
   * of a `fail200@N` answers as if done but changes nothing.
   */
  const write = (
    kind: "withdraw" | "remove",
    item: SandboxInvitation | SandboxConnection,
    name: string,
  ): { fail200: boolean } => {
    writes++;
    options.onChangeRequest?.({ action: kind, profileUrl: item.profileUrl, name });
    if ("withdrawCalls" in item) item.withdrawCalls++;
    else item.removeCalls++;
    return { fail200: writeFaults.has(writes) };
  };

  const withdrawOne = (inv: SandboxInvitation, via: string): "done" | "not-pending" | "fail200" => {
    const { fail200 } = write("withdraw", inv, inv.inviteeName);
    if (inv.state !== "pending") return "not-pending";
    if (fail200) return "fail200";
    inv.state = "withdrawn";
    inv.via = via;
    return "done";
  };

  const removeOne = (c: SandboxConnection, via: string): "done" | "gone" | "fail200" => {
    const { fail200 } = write("remove", c, `${c.firstName} ${c.lastName}`.trim());
    if (c.state !== "active") return "gone";
    if (fail200) return "fail200";
    c.state = "removed";
    c.via = via;
    return "done";
  };

  /** The answer to a request of the network's own; null when no route takes it. */
  const route = async (
    req: IncomingMessage,
    url: URL,
    body: () => Promise<unknown>,
  ): Promise<Answer | null> => {
    const path = url.pathname;
    const q = url.searchParams;
    const start = Number(q.get("start") ?? 0);
    const count = capped(Number(q.get("count") ?? 10));
    const get = req.method === "GET";
    const post = req.method === "POST";

    if (get && path === "/voyager/api/me") return json(200, meAnswer(world));
    if (get && path === "/voyager/api/relationships/dash/connections") {
      return json(200, connectionsPage(world, start, count, options.seed ?? 11));
    }
    if (get && path === "/voyager/api/relationships/connectionsSummary") {
      return json(200, connectionsSummary(world));
    }

    if (surfaces.has("legacy")) {
      if (get && path === "/voyager/api/relationships/sentInvitationViewsV2") {
        return json(200, legacySentPage(world, start, count, envelope, options.seed ?? 7));
      }
      const withdraw = /^\/voyager\/api\/relationships\/invitations\/(\d+)$/.exec(path);
      if (post && withdraw && q.get("action") === "withdraw") {
        const b = (await body()) as { invitationSharedSecret?: string } | null;
        const inv = invitationsById.get(withdraw[1] ?? "");
        if (!inv) return answer(404, "");
        if (
          b?.invitationSharedSecret !== undefined &&
          b.invitationSharedSecret !== inv.sharedSecret
        ) {
          write("withdraw", inv, inv.inviteeName);
          return answer(400, "");
        }
        const outcome = withdrawOne(inv, "legacy");
        if (outcome === "not-pending") return answer(404, "");
        return json(200, { data: { value: "Invitation withdrawn" } });
      }
    }

    if (surfaces.has("dash")) {
      if (get && path === "/voyager/api/voyagerRelationshipsDashSentInvitationViews") {
        if (q.has("decorationId")) return answer(400, "");
        return json(200, dashSentPage(world, start, count, now()));
      }
      const removal = post && q.get("action") === "removeFromMyConnections";
      if (removal && path === "/voyager/api/relationships/dash/connections") {
        const b = (await body()) as { connectedMember?: string } | null;
        const c = connectionsByMember.get((b?.connectedMember ?? "").split(":").pop() ?? "");
        if (!c) return answer(404, "profile not found");
        if (removeOne(c, "dash") === "gone") return answer(404, "profile not found");
        return json(200, {});
      }
      if (removal && path === "/voyager/api/relationships/dash/memberRelationships") {
        const b = (await body()) as { connectionUrn?: string } | null;
        const c = connectionsByMember.get((b?.connectionUrn ?? "").split(":").pop() ?? "");
        if (!c) return answer(404, "profile not found");
        if (removeOne(c, "dash") === "gone") return answer(404, "profile not found");
        return json(200, { value: { memberRelationship: {} } });
      }
    }

    if (surfaces.has("graphql") && get && path === "/voyager/api/graphql") {
      const variables = q.get("variables") ?? "";
      if (!(q.get("queryId") ?? "").startsWith("voyagerRelationshipsDashSentInvitationViews.")) {
        return answer(400, "");
      }
      const from = Number(/start:(\d+)/.exec(variables)?.[1] ?? 0);
      const size = capped(Number(/count:(\d+)/.exec(variables)?.[1] ?? 10));
      return json(200, graphqlSentPage(world, from, size, now()));
    }

    if (surfaces.has("sdui")) {
      if (get && path === "/mynetwork/invitation-manager/sent/") {
        return html(sentPageHtml(world, now()));
      }
      if (get && path === MORE_CARDS_PATH) {
        return json(200, moreCards(world, Math.max(0, Number(q.get("start") ?? 0) || 0), now()));
      }
      if (post && path === WITHDRAW_CLICK_PATH) {
        // What the page's confirm button posts, on a trusted click only (pages.ts).
        const b = (await body()) as { invitationId?: unknown } | null;
        const inv = invitationsById.get(typeof b?.invitationId === "string" ? b.invitationId : "");
        if (!inv) return json(404, { ok: false, message: "Failed to withdraw invitation" });
        const outcome = withdrawOne(inv, "click");
        return outcome === "not-pending"
          ? json(200, { ok: false, message: "Failed to withdraw invitation" })
          : json(200, { ok: true });
      }
      const sduiid = q.get("sduiid") ?? "";
      if (
        post &&
        path === "/flagship-web/rsc-action/actions/pagination" &&
        /mynetwork\.(invitationsList|scribeSentInvitationManagerList)$/.test(sduiid)
      ) {
        const b = (await body()) as {
          clientArguments?: { payload?: { startIndex?: number; invitationStartIndex?: number } };
        } | null;
        const p = b?.clientArguments?.payload;
        const from = p?.startIndex ?? p?.invitationStartIndex;
        if (typeof from !== "number") return answer(400, "");
        return rsc(sentPageRsc(world, from, now()));
      }
      if (post && path === "/flagship-web/rsc-action/actions/server-request") {
        const payload = actionPayload(await body());
        if (sduiid === "com.linkedin.sdui.requests.mynetwork.addaWithdrawInvitation") {
          const id = payload && payloadInvitationId(payload);
          // The action takes its enums as strings; the list's integers copied through are refused.
          if (!payload || !id || payload.inviterActionType !== "InviterActionType_WITHDRAW") {
            return answer(400, "");
          }
          const inv = invitationsById.get(id);
          if (!inv) return rsc(rscFailed("Failed to withdraw invitation"));
          const outcome = withdrawOne(inv, "sdui");
          return rsc(
            outcome === "done"
              ? rscDone("Invitation withdrawn")
              : rscFailed("Failed to withdraw invitation"),
          );
        }
        if (sduiid === "com.linkedin.sdui.mynetwork.RemoveConnectionVanityName") {
          const vanity =
            typeof payload?.disconnectVanityName === "string" ? payload.disconnectVanityName : "";
          if (!vanity) return answer(400, "");
          const c = connectionsBySlug.get(vanity.toLowerCase());
          if (!c) return rsc(rscFailed("Failed to remove connection"));
          const outcome = removeOne(c, "sdui");
          return rsc(
            outcome === "done"
              ? rscDone("Connection removed")
              : rscFailed("Failed to remove connection"),
          );
        }
      }
    }
    return null;
  };

  /** Everything before the route: faults, the rate limit, the login cookie, the csrf-token. */
  const gate = (
    req: IncomingMessage,
    url: URL,
    fault: Fault | undefined,
  ): Answer | "reset" | null => {
    if (fault && LATCHED.has(fault.kind)) latched.push(fault);
    const latch = latched[0];
    if (latch) {
      if (latch.kind === "challenge")
        return answer(303, "", { location: "/checkpoint/challenge/AgG1x" });
      if (latch.kind === "999") return answer(999);
      if (latch.kind === "401") return answer(401);
      return answer(302, "", { location: "/uas/login?session_redirect=%2Ffeed" });
    }
    if (fault?.kind === "reset") return "reset";
    if (fault?.kind === "writes500") writesBroken = true;
    if (writesBroken && isWrite(req, url)) return answer(500, "Internal Server Error");
    if (fault?.kind === "echo")
      return answer(400, `Bad request. You sent: Cookie: ${req.headers.cookie ?? ""}`);
    if (fault?.kind === "echoredirect") {
      const liAt = cookiesOf(req).get("li_at") ?? "";
      return answer(302, "", {
        location: `/uas/login?session_redirect=%2Ffeed&trk=${encodeURIComponent(liAt)}`,
      });
    }
    if (fault?.kind === "429") return answer(429);
    if (fault?.kind === "500") return answer(500, "Internal Server Error");
    if (fault?.kind === "403") return answer(403);
    if (fault?.kind === "restricted") return json(200, { status: 400, code: "CHALLENGE_REQUIRED" });
    if (fault?.kind === "html") return html(SOME_PAGE);
    if (fault?.kind === "empty") return answer(200, "", { "content-type": "application/json" });
    if (fault?.kind === "malformed") {
      return answer(200, '{"data":{"*elements":["urn:li:', { "content-type": "application/json" });
    }
    const t = now();
    recent.push(t);
    while (recent.length > 0 && (recent[0] as number) <= t - 60_000) recent.shift();
    if (recent.length > rate) return answer(429);

    const jar = cookiesOf(req);
    if (jar.get("li_at") !== world.account.liAt) {
      // A logged-out fetch of the page is a 200 with the sign-in form, as LinkedIn answers it.
      if (url.pathname.startsWith("/mynetwork/")) return html(SIGN_IN_PAGE);
      return options.authFailure === "redirect"
        ? answer(302, "", { location: "/uas/login?session_redirect=%2Fvoyager%2Fapi" })
        : answer(401);
    }
    const jsessionid = jar.get("JSESSIONID");
    const isPage = req.method === "GET" && url.pathname.startsWith("/mynetwork/");
    if (
      !isPage &&
      (!jsessionid || req.headers["csrf-token"] !== jsessionid.replace(/^"|"$/g, ""))
    ) {
      return answer(403, "CSRF check failed.");
    }
    return null;
  };

  const loggedIn = (req: IncomingMessage) => cookiesOf(req).get("li_at") === world.account.liAt;

  /**
   * Logging in sets the world's cookies as LinkedIn sets its own: li_at HttpOnly (no page script
   * reads it), JSESSIONID readable, for the page to send as its csrf-token; both kept for a year,
   * so that they outlive the browser, as a login does.
   */
  const logIn = (): Answer =>
    answer(303, "", {
      location: "/feed/",
      "set-cookie": [
        `li_at=${world.account.liAt}; Max-Age=31536000; Path=/; HttpOnly; Secure; SameSite=None`,
        `JSESSIONID=${world.account.jsessionid}; Max-Age=31536000; Path=/; Secure; SameSite=None`,
      ],
    });

  /** The web pages of the login (not the network's own paths: no faults, no rate limit). */
  const webPage = async (req: IncomingMessage, url: URL): Promise<Answer | null> => {
    const path = url.pathname;
    if (req.method === "GET" && path === PAGE_SCRIPT_PATH) {
      return answer(200, PAGE_SCRIPT, { "content-type": "text/javascript; charset=utf-8" });
    }
    if (path === "/login" && req.method === "GET") {
      if (options.autoLogin || loggedIn(req)) return logIn();
      return html(loginPage(false));
    }
    if (path === "/login" && req.method === "POST") {
      const form = new URLSearchParams(await readText(req));
      return form.get("session_password") === "sandbox" ? logIn() : html(loginPage(true));
    }
    if (path === "/feed/" && req.method === "GET") {
      if (!loggedIn(req))
        return answer(303, "", { location: "/uas/login?session_redirect=%2Ffeed%2F" });
      return html(feedPage(`${world.account.firstName} ${world.account.lastName}`.trim()));
    }
    return null;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/__sandbox/state" && req.method === "GET")
      return reply(res, json(200, state()));
    if (url.pathname.startsWith("/uas/login")) return reply(res, html(SIGN_IN_PAGE));
    if (url.pathname.startsWith("/checkpoint/")) return reply(res, html(CHALLENGE_PAGE));
    const page = await webPage(req, url);
    if (page) return reply(res, page);
    if (!isApi(url.pathname)) return reply(res, answer(404, "not found"));

    requests++;
    const fault = faults.get(requests);
    const stopped = gate(req, url, fault);
    if (stopped === "reset") return void req.socket.destroy();
    if (stopped) return reply(res, stopped);
    let cached: Promise<unknown> | null = null;
    const body = () => {
      cached ??= readBody(req);
      return cached;
    };
    if (fault?.kind === "slow") {
      // The whole request has arrived and is carried out late, as a server does whether or not
      // its client is still there to hear the answer (gone, killed, given up).
      await body().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, fault.ms ?? 3000));
    }
    // A page the web app does not have is a page too (a browser shows it, and stays on the site).
    const a =
      (await route(req, url, body)) ??
      (req.method === "GET" && url.pathname.startsWith("/mynetwork/")
        ? answer(404, NOT_FOUND_PAGE, { "content-type": "text/html; charset=utf-8" })
        : answer(404));
    // Carried out, and the answer never arrives.
    if (fault?.kind === "lost") return void req.socket.destroy();
    // The right answer cut in half, sent as if complete: a body that ends early is not empty.
    if (fault?.kind === "cut") a.body = a.body.slice(0, Math.floor(a.body.length / 2));
    if (fault?.kind === "modal") a.body = a.body.replace("</main>", `${TAKE_CARE_DIALOG}</main>`);
    reply(res, a);
  };

  return createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, "sandbox error");
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
    cookies: sessionCookies(a.liAt, a.jsessionid),
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
