/**
 * The LinkedIn web client: the legacy REST surface (LINKEDIN-API.md §5.1, §6.2, §7, §8) that both
 * linkedin.com and the local emulation speak. Never follows redirects; every response is
 * classified (signals.ts) before it is read; cookies appear only in request headers.
 */

import { toProfileSlug } from "../core/identity.js";
import { StoppedError } from "../errors.js";
import { cookieHeader, csrfToken, redact, type SessionCookies } from "./cookies.js";
import type {
  Account,
  ItemOutcome,
  LiveConnection,
  LiveInvitation,
  NetworkDriver,
} from "./driver.js";
import {
  type Entity,
  elementCount,
  elements,
  follow,
  readNormalized,
  text,
  urnId,
} from "./envelope.js";
import { classifyResponse, STOP_ADVICE } from "./signals.js";

export const DEFAULT_BASE_URL = "https://www.linkedin.com";

/** The newest GraphQL queryId the reference records (2026-09-08); they rotate. */
export const DEFAULT_GRAPHQL_QUERY_ID =
  "voyagerRelationshipsDashSentInvitationViews.6c862840bc95d23d4c97c3844cde9981";

/** A failure that may pass: a reset connection, a timeout, a 5xx. The caller decides to retry. */
export class TransientNetworkError extends Error {}

export interface LinkedInClientOptions {
  baseUrl: string;
  cookies: SessionCookies;
  /** Milliseconds before a request is given up as a timeout. */
  timeoutMs?: number;
  pageSize?: number;
  /** `voyagerRelationshipsDashSentInvitationViews.<hash>` for the GraphQL fallback. */
  graphqlQueryId?: string;
  fetch?: typeof fetch;
  /** Waits before every page of a list but the first (the pacer's list pace). */
  beforePage?: () => Promise<void>;
}

const USER_AGENT =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";

export class LinkedInClient implements NetworkDriver {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly pageSize: number;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: LinkedInClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.pageSize = options.pageSize ?? 100;
    this.fetch = options.fetch ?? fetch;
  }

  private async request(
    method: "GET" | "POST",
    path: string,
    body?: unknown,
  ): Promise<{ status: number; verdict: ReturnType<typeof classifyResponse>; json: unknown }> {
    const headers: Record<string, string> = {
      cookie: cookieHeader(this.options.cookies),
      "csrf-token": csrfToken(this.options.cookies),
      accept: "application/vnd.linkedin.normalized+json+2.1",
      "x-restli-protocol-version": "2.0.0",
      "x-li-lang": "en_US",
      "user-agent": USER_AGENT,
    };
    if (body !== undefined) headers["content-type"] = "application/json; charset=UTF-8";
    let response: Response;
    try {
      response = await this.fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: "manual",
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const reason =
        error instanceof Error
          ? ((error.cause as Error | undefined)?.message ?? error.message)
          : String(error);
      throw new TransientNetworkError(
        redact(
          `${method} ${path}: ${/timeout|aborted/i.test(reason) ? "timed out" : reason}`,
          this.options.cookies,
        ),
      );
    }
    const raw = await response.text().catch(() => "");
    const verdict = classifyResponse({
      status: response.status,
      location: response.headers.get("location"),
      body: raw,
      write: method === "POST",
    });
    if (verdict.kind === "stop") {
      throw new StoppedError(
        verdict.signal,
        `LinkedIn: ${verdict.detail}`,
        STOP_ADVICE[verdict.signal],
      );
    }
    if (verdict.kind === "transient") {
      throw new TransientNetworkError(`${method} ${path}: ${verdict.detail}`);
    }
    let json: unknown = null;
    if (verdict.kind === "ok" && raw.trim() !== "") {
      try {
        json = JSON.parse(raw);
      } catch {
        json = null;
      }
    }
    return { status: response.status, verdict, json };
  }

  private async read(path: string): Promise<unknown> {
    const json = await this.readIfServed(path);
    if (json === undefined) {
      throw new StoppedError(
        "forbidden",
        `LinkedIn no longer serves ${path.split("?")[0]}`,
        "the web API may have changed; nothing was withdrawn",
      );
    }
    return json;
  }

  /** A read whose 404 or 400 means "this generation of the API is gone": undefined then. */
  private async readIfServed(path: string): Promise<unknown> {
    const { verdict, json } = await this.request("GET", path);
    if (
      verdict.kind === "not-found" ||
      (verdict.kind === "refused" && verdict.detail.startsWith("400"))
    ) {
      return undefined;
    }
    if (verdict.kind !== "ok") {
      throw new StoppedError(
        "forbidden",
        `LinkedIn answered ${verdict.kind === "refused" ? verdict.detail : verdict.kind} to a read of ${path.split("?")[0]}`,
        "the web API may have changed; nothing was withdrawn",
      );
    }
    return json;
  }

  async checkSession(): Promise<Account> {
    const n = readNormalized(await this.read("/voyager/api/me"));
    const mini = follow(n, n.data, "miniProfile");
    if (!mini) {
      throw new StoppedError(
        "expired",
        "LinkedIn: the session check returned no profile",
        STOP_ADVICE.expired,
      );
    }
    return {
      publicIdentifier: text(mini.publicIdentifier),
      profileUrn: text(mini.dashEntityUrn) || text(mini.entityUrn),
      name: `${text(mini.firstName)} ${text(mini.lastName)}`.trim(),
    };
  }

  /**
   * The sent list from the legacy REST surface (generation 1: exact send times, email invitees,
   * numeric withdraw ids); when it answers 404 or 400, from the Dash REST surface (generation 2,
   * LINKEDIN-API.md §5.2); when that does too, from GraphQL (generation 3). Each invitation
   * remembers its URN and is withdrawn through the surface it came from.
   */
  async listSentInvitations(): Promise<LiveInvitation[]> {
    const size = this.pageSize;
    return (
      (await this.pages(
        (start) =>
          `/voyager/api/relationships/sentInvitationViewsV2?start=${start}&count=${size}&invitationType=CONNECTION&q=invitationType`,
        readGeneration1Page,
        true,
      )) ??
      (await this.pages(
        // No decorationId: with one, this surface answers 400.
        (start) =>
          `/voyager/api/voyagerRelationshipsDashSentInvitationViews?count=${size}&q=invitationType&invitationType=CONNECTION&start=${start}`,
        readGeneration2Page,
        true,
      )) ??
      (await this.pages(
        (start) =>
          `/voyager/api/graphql?variables=(start:${start},count:${size},invitationType:CONNECTION)&queryId=${this.options.graphqlQueryId ?? DEFAULT_GRAPHQL_QUERY_ID}`,
        readGeneration3Page,
        false,
      )) ??
      []
    );
  }

  /**
   * Reads a list page by page until a page comes back shorter than asked: paging.total is
   * unreliable (often 0). An `optional` surface that does not serve its first page (404/400)
   * gives undefined, so that the next generation is tried.
   */
  private async pages<T>(
    path: (start: number) => string,
    readPage: (json: unknown) => { items: T[]; rows: number },
    optional: boolean,
  ): Promise<T[] | undefined> {
    const found: T[] = [];
    for (let start = 0; ; start += this.pageSize) {
      if (start > 0) await this.options.beforePage?.();
      const json = optional ? await this.readIfServed(path(start)) : await this.read(path(start));
      if (json === undefined) {
        if (start === 0) return undefined;
        throw new StoppedError(
          "forbidden",
          "LinkedIn stopped serving the list half way",
          "nothing was changed by this read",
        );
      }
      const { items, rows } = readPage(json);
      found.push(...items);
      if (rows < this.pageSize) return found;
    }
  }

  async withdraw(invitation: LiveInvitation): Promise<ItemOutcome> {
    if (invitation.urn) {
      const { verdict } = await this.request(
        "POST",
        `/voyager/api/voyagerRelationshipsDashInvitations/${encodeURIComponent(invitation.urn)}?action=withdraw`,
        { invitationType: "CONNECTION" },
      );
      return itemOutcome(verdict, "not pending any more");
    }
    const { verdict } = await this.request(
      "POST",
      `/voyager/api/relationships/invitations/${invitation.id}?action=withdraw`,
      {
        invitationId: invitation.id,
        invitationSharedSecret: invitation.sharedSecret,
        isGenericInvitation: false,
      },
    );
    return itemOutcome(verdict, "not pending any more");
  }

  async listConnections(): Promise<LiveConnection[]> {
    const size = this.pageSize;
    return (
      (await this.pages(
        (start) =>
          `/voyager/api/relationships/dash/connections?decorationId=com.linkedin.voyager.dash.deco.web.mynetwork.ConnectionListWithProfile-16&count=${size}&q=search&sortType=RECENTLY_ADDED&start=${start}`,
        readConnectionsPage,
        false,
      )) ?? []
    );
  }

  async removeConnection(connection: LiveConnection): Promise<ItemOutcome> {
    const { verdict } = await this.request(
      "POST",
      "/voyager/api/relationships/dash/connections?action=removeFromMyConnections",
      { connectedMember: connection.id },
    );
    return itemOutcome(verdict, "not a connection any more");
  }
}

function itemOutcome(verdict: ReturnType<typeof classifyResponse>, gone: string): ItemOutcome {
  if (verdict.kind === "ok") return { ok: true };
  if (verdict.kind === "not-found") return { ok: false, reason: "not-found", detail: gone };
  return {
    ok: false,
    reason: "refused",
    detail: verdict.kind === "refused" ? verdict.detail : verdict.kind,
  };
}

function toLiveInvitation(
  n: ReturnType<typeof readNormalized>,
  invitation: Entity,
): LiveInvitation | null {
  const id = urnId(invitation.entityUrn);
  if (!id) return null;
  const invitee = (invitation.invitee ?? {}) as Entity;
  const emailInvitee =
    invitee.$type === "com.linkedin.voyager.relationships.invitation.EmailInvitee"
      ? invitee
      : (invitee["com.linkedin.voyager.relationships.invitation.EmailInvitee"] as
          | Entity
          | undefined);
  const mini = follow(n, invitation, "toMember") ?? follow(n, invitee, "miniProfile") ?? undefined;
  const sent = invitation.sentTime;
  return {
    id,
    sharedSecret: text(invitation.sharedSecret) || null,
    sentAt: typeof sent === "number" ? new Date(sent).toISOString() : "",
    name: mini
      ? `${text(mini.firstName)} ${text(mini.lastName)}`.trim()
      : text(emailInvitee?.email),
    slug: mini ? text(mini.publicIdentifier).toLowerCase() || null : null,
    email: emailInvitee ? text(emailInvitee.email).toLowerCase() || null : null,
    message: text(invitation.message) || null,
  };
}

/** Generation 1 (legacy REST, §5.1): normalized rows with exact times, email invitees, ids. */
function readGeneration1Page(json: unknown): { items: LiveInvitation[]; rows: number } {
  const n = readNormalized(json);
  const items: LiveInvitation[] = [];
  for (const view of elements(n)) {
    const invitation = follow(n, view, "invitation") ?? (view.invitation as Entity | undefined);
    const parsed = invitation && toLiveInvitation(n, invitation);
    if (parsed) items.push(parsed);
  }
  return { items, rows: elementCount(n) };
}

/** Generation 2 (Dash REST, §5.2): inline rows with a profile URL and an fsd_invitation URN. */
function readGeneration2Page(json: unknown): { items: LiveInvitation[]; rows: number } {
  const page = json as { elements?: Entity[]; data?: { elements?: Entity[] } } | null;
  const rows = page?.elements ?? page?.data?.elements ?? [];
  const items: LiveInvitation[] = [];
  for (const row of rows) {
    const urn = text(row.invitationUrn);
    const id = urnId(urn);
    if (!id) continue;
    items.push({
      id,
      urn,
      sharedSecret: null,
      // This generation gives only "Sent 2 days ago": matching goes by profile, not time.
      sentAt: "",
      name: text((row.title as Entity | undefined)?.text),
      slug: toProfileSlug(text(row.cardActionTarget)),
      email: null,
      message: null,
    });
  }
  return { items, rows: rows.length };
}

/**
 * Generation 3 (GraphQL, §5.3). Its queryId rotates with LinkedIn's web bundles, so it comes
 * from configuration (INVITES_GRAPHQL_QUERY_ID); a 200 with an errors array is a failure.
 */
function readGeneration3Page(json: unknown): { items: LiveInvitation[]; rows: number } {
  const page = json as { errors?: unknown[]; data?: Record<string, unknown> } | null;
  if (page?.errors && page.errors.length > 0) {
    throw new StoppedError(
      "forbidden",
      "LinkedIn's GraphQL sent list answered with errors",
      "its queryId may be stale: set INVITES_GRAPHQL_QUERY_ID to the one your browser uses",
    );
  }
  const inner = (page?.data?.data ?? page?.data ?? {}) as Record<string, unknown>;
  const list = inner.relationshipsDashSentInvitationViewsByInvitationType as
    | { elements?: Entity[] }
    | undefined;
  const rows = list?.elements ?? [];
  const items: LiveInvitation[] = [];
  for (const row of rows) {
    const invitation = (row.invitation ?? {}) as Entity;
    const urn = text(invitation.entityUrn);
    const id = urnId(urn);
    if (!id) continue;
    const member = (invitation.inviteeMemberResolutionResult ?? {}) as Entity;
    items.push({
      id,
      urn,
      sharedSecret: text(invitation.sharedSecret) || null,
      sentAt: "",
      name:
        `${text(member.firstName)} ${text(member.lastName)}`.trim() ||
        text((row.title as Entity | undefined)?.text),
      slug: toProfileSlug(text(row.cardActionTarget)),
      email: null,
      message: text(invitation.message) || null,
    });
  }
  return { items, rows: rows.length };
}

/** The Dash connections list (§8): Connection entities with their Profile in `included`. */
function readConnectionsPage(json: unknown): { items: LiveConnection[]; rows: number } {
  const n = readNormalized(json);
  const items = elements(n).map((connection): LiveConnection => {
    const member = text(connection.connectedMember);
    const profile = n.byUrn.get(member) ?? follow(n, connection, "connectedMemberResolutionResult");
    const created = connection.createdAt;
    const firstName = profile ? text(profile.firstName) : "";
    const lastName = profile ? text(profile.lastName) : "";
    const slug = profile ? text(profile.publicIdentifier) : "";
    return {
      id: member,
      // The same folding as the export's URLs get, so that the two compare.
      slug: slug ? toProfileSlug(`https://www.linkedin.com/in/${slug}`) : null,
      email: null,
      name: `${firstName} ${lastName}`.trim(),
      firstName,
      lastName,
      connectedAt: typeof created === "number" ? new Date(created).toISOString() : null,
    };
  });
  return { items, rows: elementCount(n) };
}
