/**
 * The LinkedIn web client: every generation of the sent list (legacy REST, the server-driven UI
 * page, GraphQL, Dash REST), the connections list, and the withdraw and remove calls, each with
 * the fallbacks the 2026 web app made necessary. Every answer is classified (signals.ts) before
 * it is read, and a list is returned only when it is proven whole: paged to an empty page by the
 * rows actually received, checked against the totals LinkedIn gives, and read in any envelope it
 * has used. Anything else is a stop ("changed"): nothing may be marked from a partial read.
 */

import { toProfileSlug } from "../core/identity.js";
import { StoppedError, TurnedAwayError } from "../errors.js";
import { m } from "../i18n/index.js";
import { REDACTED, type SessionCookies } from "./cookies.js";
import type {
  Account,
  ItemOutcome,
  LiveConnection,
  LiveInvitation,
  LiveList,
  NetworkDriver,
  Surface,
  Via,
} from "./driver.js";
import {
  type Collection,
  type Entity,
  follow,
  readCollection,
  readNormalized,
  ShapeError,
  text,
  urnId,
} from "./envelope.js";
import {
  actionFailed,
  fullWithdrawBody,
  looksLikeLogin,
  PAGINATION_PATH,
  paginationBody,
  REMOVE_ACTION,
  readRscPage,
  readSentPage,
  removeBody,
  type SduiRow,
  SENT_PAGE_PATH,
  SERVER_REQUEST_PATH,
  WITHDRAW_ACTION,
  withdrawBody,
} from "./sdui.js";
import { classifyResponse, jsonObjectBody, STOP_ADVICE, type Verdict } from "./signals.js";
import {
  CookieTransport,
  TransientNetworkError,
  type Transport,
  type WireResponse,
} from "./transport.js";

export { TransientNetworkError } from "./transport.js";

/** The newest GraphQL queryId seen in LinkedIn's web app (2026-09-08); they rotate. */
export const DEFAULT_GRAPHQL_QUERY_ID =
  "voyagerRelationshipsDashSentInvitationViews.6c862840bc95d23d4c97c3844cde9981";

/**
 * The most rows a list may have before the read is taken for a server that pages forever:
 * LinkedIn caps connections at 30,000, and an account with more pending invitations than this
 * cannot send any (it warns long before).
 */
export const MAX_CONNECTIONS = 30_000;
export const MAX_PENDING_INVITATIONS = 10_000;

/** What the sent list asks a page for; LinkedIn answers with fewer, and paging goes on. */
const SENT_PAGE_SIZE = 100;
/** "LinkedIn caps this endpoint's page size; 40 is the largest it reliably honors." */
const CONNECTIONS_PAGE_SIZE = 40;

export interface LinkedInClientOptions {
  /** How requests travel; else a cookie transport from the three options below. */
  transport?: Transport;
  baseUrl?: string;
  cookies?: SessionCookies;
  /** Milliseconds before a request is given up as a timeout (cookie transport). */
  timeoutMs?: number;
  /** Rows asked of every list page (LinkedIn's own caps apply below it). */
  pageSize?: number;
  /** `voyagerRelationshipsDashSentInvitationViews.<hash>` for the GraphQL fallback. */
  graphqlQueryId?: string;
  /** Waits before every page of a list but the first (the pacer's list pace). */
  beforePage?: () => Promise<void>;
  maxInvitations?: number;
  maxConnections?: number;
}

const JSON_HEADERS = {
  accept: "application/vnd.linkedin.normalized+json+2.1",
  "x-restli-protocol-version": "2.0.0",
  "x-li-lang": "en_US",
};
const WRITE_HEADERS = { ...JSON_HEADERS, "content-type": "application/json; charset=UTF-8" };
const SDUI_HEADERS = { accept: "*/*", "content-type": "application/json" };

/** The stop for an answer that is not provably the whole list, and why. */
function changedShape(why: string): StoppedError {
  return new StoppedError("changed", m().network.client.changedShape(why), STOP_ADVICE.changed);
}

/** A list's rows, in the order read, with their ids for telling pages apart. */
interface PageRead<T> {
  items: T[];
  /** `People (N)` and the like: what the whole list holds, where the surface says. */
  total?: number | null;
}

/** One way of writing, made for one item: its request, sent when `send` is called. */
type Strategy = { via: Via; send: () => Promise<ItemOutcome> };

export class LinkedInClient implements NetworkDriver {
  private readonly transport: Transport;
  /** Ways of writing that failed in this run (answered, but did not take effect). */
  private readonly retired = new Set<Via>();
  /** Requests sent, every one through `call`: a list read takes the difference. */
  private sent = 0;

  constructor(private readonly options: LinkedInClientOptions) {
    if (options.transport) this.transport = options.transport;
    else if (options.baseUrl !== undefined && options.cookies) {
      this.transport = new CookieTransport({
        baseUrl: options.baseUrl,
        cookies: options.cookies,
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      });
    } else throw new Error("LinkedInClient needs a transport, or a base URL and cookies");
  }

  scrub(text: string): string {
    return this.transport.scrub(text);
  }

  /** Sends and classifies: a stop throws, a 5xx is a passing failure, the rest is returned. */
  private async call(
    method: "GET" | "POST",
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<{ verdict: Verdict; response: WireResponse; json: unknown }> {
    this.sent++;
    const response = await this.transport.send({
      method,
      path,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const json = jsonObjectBody(response.text);
    const verdict = classifyResponse({
      status: response.status,
      location: response.location,
      body: response.text,
      json,
    });
    if (verdict.kind === "stop") {
      throw new (verdict.mayHaveActed ? StoppedError : TurnedAwayError)(
        verdict.signal,
        this.scrub(`LinkedIn: ${verdict.detail}`),
        STOP_ADVICE[verdict.signal],
      );
    }
    if (verdict.kind === "transient") {
      throw new TransientNetworkError(
        this.scrub(`${method} ${path.split("?")[0]}: ${verdict.detail}`),
      );
    }
    return { verdict, response, json };
  }

  /**
   * A JSON read. A 404 or 400 means "this generation of the API is not served": undefined when
   * `optional`, else a stop. A 200 that is not JSON (a web page, nothing, a body cut short) is
   * never an empty answer.
   */
  private async readJson(path: string, optional: boolean): Promise<unknown> {
    const { verdict, response, json } = await this.call("GET", path, JSON_HEADERS);
    const where = path.split("?")[0] ?? path;
    if (verdict.kind === "not-found" || (verdict.kind === "refused" && response.status === 400)) {
      if (optional) return undefined;
      throw new StoppedError(
        "changed",
        m().network.client.noLongerServes(where, response.status),
        STOP_ADVICE.changed,
      );
    }
    if (verdict.kind !== "ok") throw this.readRefused(verdict, where);
    // Parsed already when it was a JSON object of a size an answer has; else parsed (or refused)
    // here.
    return json !== undefined ? json : parseJsonAnswer(response, where);
  }

  async checkSession(): Promise<Account> {
    const n = readNormalized(await this.readJson("/voyager/api/me", false));
    const mini = follow(n, n.data, "miniProfile");
    if (!mini) {
      throw new StoppedError("expired", m().network.client.noProfile, STOP_ADVICE.expired);
    }
    const account = {
      publicIdentifier: text(mini.publicIdentifier),
      profileUrn: text(mini.dashEntityUrn) || text(mini.entityUrn),
      name: `${text(mini.firstName)} ${text(mini.lastName)}`.trim(),
    };
    // The answer came scrubbed (transport.ts): a cookie where the account's name belongs is
    // [redacted] now, and an account of that name would be shown, journaled and kept as the
    // database's own.
    if (Object.values(account).some((value) => this.scrub(value).includes(REDACTED))) {
      throw new StoppedError("changed", m().network.client.profileHoldsCookie, STOP_ADVICE.changed);
    }
    return account;
  }

  /**
   * The sent list, from the first generation that serves it, in this order: the legacy REST list
   * (exact times, e-mail invitees), the server-driven page the web app itself uses, GraphQL, then
   * Dash REST. A generation that does not serve its first page (404/400) gives way to the next.
   */
  async listSentInvitations(): Promise<LiveList<LiveInvitation>> {
    const size = this.options.pageSize ?? SENT_PAGE_SIZE;
    const max = this.options.maxInvitations ?? MAX_PENDING_INVITATIONS;
    const before = this.sent;
    // A generation that does not serve its first page has cost requests all the same.
    const list = (items: LiveInvitation[], surface: Surface, showsEmailInvitees: boolean) => ({
      items,
      surface,
      showsEmailInvitees,
      requests: this.sent - before,
    });
    const legacy = await this.pages(
      (start) =>
        this.readJsonPage(
          `/voyager/api/relationships/sentInvitationViewsV2?start=${start}&count=${size}&invitationType=CONNECTION&q=invitationType`,
          start,
          readGeneration1Page,
        ),
      max,
    );
    if (legacy) return list(legacy, "legacy", true);
    const sdui = await this.pages((start) => this.readSduiPage(start), max);
    if (sdui) return list(sdui, "sdui", false);
    const queryId = this.options.graphqlQueryId ?? DEFAULT_GRAPHQL_QUERY_ID;
    const graphql = await this.pages(
      (start) =>
        this.readJsonPage(
          `/voyager/api/graphql?variables=(start:${start},count:${size},invitationType:CONNECTION)&queryId=${queryId}`,
          start,
          readGeneration3Page,
        ),
      max,
    );
    if (graphql) return list(graphql, "graphql", false);
    const dash = await this.pages(
      (start) =>
        // No decorationId: with one, this surface answers 400.
        this.readJsonPage(
          `/voyager/api/voyagerRelationshipsDashSentInvitationViews?count=${size}&q=invitationType&invitationType=CONNECTION&start=${start}`,
          start,
          readGeneration2Page,
        ),
      max,
    );
    if (dash) return list(dash, "dash", false);
    throw new StoppedError("changed", m().network.client.noSentList, STOP_ADVICE.changed);
  }

  /** One page of a JSON list; undefined when the first page is not served. */
  private async readJsonPage<T>(
    path: string,
    start: number,
    readPage: (json: unknown) => T[],
    optional = true,
  ): Promise<PageRead<T> | undefined> {
    const json = await this.readJson(path, optional && start === 0);
    if (json === undefined) return undefined;
    return { items: this.shape(path, () => readPage(json)) };
  }

  /** The server-driven sent list: the page's HTML first, then its pagination action. */
  private async readSduiPage(start: number): Promise<PageRead<LiveInvitation> | undefined> {
    if (start === 0) {
      const { verdict, response } = await this.call("GET", SENT_PAGE_PATH, {
        accept: "text/html",
      });
      if (verdict.kind === "not-found") return undefined;
      if (verdict.kind !== "ok") throw this.readRefused(verdict, SENT_PAGE_PATH);
      if (looksLikeLogin(response.text)) {
        throw new StoppedError("expired", m().network.client.signInInstead, STOP_ADVICE.expired);
      }
      const page = this.shape(SENT_PAGE_PATH, () => readSentPage(response.text));
      if (page.rows.length === 0 && (page.total ?? 0) > 0) {
        // The first cards can all be invitations to e-mail addresses, which carry no payload
        // (sdui.ts memberControls): the members' rows then begin on the pagination's first
        // page. An empty page here would end the read short of People (N).
        return { ...(await this.readRscPage(0)), total: page.total };
      }
      return { items: page.rows.map(fromSduiRow), total: page.total };
    }
    return this.readRscPage(start);
  }

  /** A page of the server-driven list's pagination, from the member row `start`. */
  private async readRscPage(start: number): Promise<PageRead<LiveInvitation>> {
    const { verdict, response } = await this.call(
      "POST",
      PAGINATION_PATH,
      SDUI_HEADERS,
      paginationBody(start),
    );
    if (verdict.kind !== "ok") {
      if (verdict.kind === "not-found") throw halfWay();
      throw this.readRefused(verdict, PAGINATION_PATH);
    }
    const page = this.shape(PAGINATION_PATH, () => readRscPage(response.text));
    return { items: page.rows.map(fromSduiRow) };
  }

  private readRefused(verdict: Verdict, where: string): StoppedError {
    return new StoppedError(
      "forbidden",
      this.scrub(
        m().network.client.answeredRead(
          verdict.kind === "refused" ? verdict.detail : verdict.kind,
          where.split("?")[0] ?? where,
        ),
      ),
      STOP_ADVICE.changed,
    );
  }

  /** A parser's ShapeError as the stop it means. */
  private shape<T>(path: string, read: () => T): T {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      throw changedShape(this.scrub(`${path.split("?")[0]}: ${error.message}`));
    }
  }

  /**
   * Reads a list whole. Pages are asked from the number of rows received so far (LinkedIn
   * answers fewer than asked, so a short page proves nothing) until a page comes back empty. A
   * page that only repeats rows already read, more rows than an account can have, or a total
   * that disagrees with the rows read, stops the read: none of them is a whole list.
   */
  private async pages<T extends { id: string }>(
    readPage: (start: number) => Promise<PageRead<T> | undefined>,
    max: number,
  ): Promise<T[] | undefined> {
    const found: T[] = [];
    const ids = new Set<string>();
    let total: number | null = null;
    for (;;) {
      if (found.length > 0) await this.options.beforePage?.();
      const page = await readPage(found.length);
      if (page === undefined) {
        if (found.length === 0) return undefined;
        throw halfWay();
      }
      if (page.total !== undefined && page.total !== null) total ??= page.total;
      if (page.items.length === 0) break;
      const fresh = page.items.filter((item) => !ids.has(item.id));
      if (fresh.length === 0) {
        throw changedShape(m().network.client.repeated(found.length));
      }
      for (const item of fresh) ids.add(item.id);
      found.push(...fresh);
      if (found.length > max) {
        throw new StoppedError("changed", m().network.client.pastRows(max), STOP_ADVICE.changed);
      }
    }
    if (total !== null && total !== found.length) {
      throw changedShape(m().network.client.counts(total, found.length));
    }
    return found;
  }

  /**
   * Withdraws through the legacy call first for rows of the JSON lists (unambiguous statuses;
   * `{}` first, the full body on 400), then through the server-driven action, which is what the
   * web app sends since mid-2026; rows of the server-driven list go there directly.
   */
  async withdraw(invitation: LiveInvitation): Promise<ItemOutcome> {
    return this.write(this.withdrawWays(invitation), m().network.client.notPending);
  }

  /** The ways that fit the invitation's list, in the order they are tried. */
  private withdrawWays(invitation: LiveInvitation): Strategy[] {
    const sdui: Strategy = { via: "sdui", send: () => this.withdrawSdui(invitation) };
    if (invitation.surface === "sdui") return [sdui];
    return [{ via: "legacy", send: () => this.withdrawLegacy(invitation) }, sdui];
  }

  canWithdraw(invitation: LiveInvitation): boolean {
    return this.withdrawWays(invitation).some((s) => !this.retired.has(s.via));
  }

  private async withdrawLegacy(invitation: LiveInvitation): Promise<ItemOutcome> {
    const path = `/voyager/api/relationships/invitations/${invitation.id}?action=withdraw`;
    let { verdict, response } = await this.call("POST", path, WRITE_HEADERS, "{}");
    if (verdict.kind === "refused" && response.status === 400) {
      ({ verdict, response } = await this.call(
        "POST",
        path,
        WRITE_HEADERS,
        JSON.stringify({
          invitationId: invitation.id,
          invitationSharedSecret: invitation.sharedSecret,
          isGenericInvitation: false,
        }),
      ));
    }
    return this.voyagerOutcome(verdict, response, "legacy", m().network.client.notPending);
  }

  private async withdrawSdui(invitation: LiveInvitation): Promise<ItemOutcome> {
    const path = `${SERVER_REQUEST_PATH}${WITHDRAW_ACTION}`;
    let { verdict, response } = await this.call(
      "POST",
      path,
      SDUI_HEADERS,
      withdrawBody(invitation.id),
    );
    if (verdict.kind === "refused" && response.status === 400) {
      ({ verdict, response } = await this.call(
        "POST",
        path,
        SDUI_HEADERS,
        fullWithdrawBody({
          invitationId: invitation.id,
          vanityName: invitation.slug,
          firstName: invitation.firstName,
          lastName: invitation.lastName,
          profileUrn: invitation.profileId,
        }),
      ));
    }
    return this.sduiOutcome(verdict, response, m().network.client.notPending);
  }

  async listConnections(): Promise<LiveList<LiveConnection>> {
    const size = this.options.pageSize ?? CONNECTIONS_PAGE_SIZE;
    const before = this.sent;
    const read = await this.pages(
      (start) =>
        this.readJsonPage(
          `/voyager/api/relationships/dash/connections?decorationId=com.linkedin.voyager.dash.deco.web.mynetwork.ConnectionListWithProfile-16&count=${size}&q=search&sortType=RECENTLY_ADDED&start=${start}`,
          start,
          readConnectionsPage,
          // The connections list has no other generation: its first page is required too.
          false,
        ),
      this.options.maxConnections ?? MAX_CONNECTIONS,
    );
    const total = await this.readConnectionsTotal();
    const list = read ?? [];
    if (total !== null && total !== list.length) {
      throw changedShape(m().network.client.countsConnections(total, list.length));
    }
    return {
      items: list,
      surface: "dash",
      showsEmailInvitees: false,
      requests: this.sent - before,
    };
  }

  /** The connection count LinkedIn states beside the list, where it states one. */
  private async readConnectionsTotal(): Promise<number | null> {
    const json = await this.readJson("/voyager/api/relationships/connectionsSummary", true);
    if (json === undefined) return null;
    const count = readNormalized(json).data.numConnections;
    return typeof count === "number" && Number.isInteger(count) ? count : null;
  }

  /**
   * Removes through the Voyager call of the 2025 web app, then the server-driven action the
   * 2026 web app sends (keyed by the vanity name), then the member-relationship call.
   */
  async removeConnection(connection: LiveConnection): Promise<ItemOutcome> {
    return this.write(this.removeWays(connection), m().network.client.notConnection);
  }

  canRemove(connection: LiveConnection): boolean {
    return this.removeWays(connection).some((s) => !this.retired.has(s.via));
  }

  /** The ways that fit the connection (by its vanity name, its connection URN), in order. */
  private removeWays(connection: LiveConnection): Strategy[] {
    const gone = m().network.client.notConnection;
    const { slug, connectionUrn } = connection;
    const strategies: Array<Strategy | null> = [
      {
        via: "dash",
        send: async () => {
          const { verdict, response } = await this.call(
            "POST",
            "/voyager/api/relationships/dash/connections?action=removeFromMyConnections",
            WRITE_HEADERS,
            JSON.stringify({ connectedMember: connection.id }),
          );
          return this.voyagerOutcome(verdict, response, "dash", gone);
        },
      },
      !slug
        ? null
        : {
            via: "sdui",
            send: async () => {
              const { firstName, lastName } = connection;
              const { verdict, response } = await this.call(
                "POST",
                `${SERVER_REQUEST_PATH}${REMOVE_ACTION}`,
                SDUI_HEADERS,
                removeBody({ slug, firstName, lastName }),
              );
              return this.sduiOutcome(verdict, response, gone);
            },
          },
      !connectionUrn
        ? null
        : {
            via: "dash-member",
            send: async () => {
              const { verdict, response } = await this.call(
                "POST",
                "/voyager/api/relationships/dash/memberRelationships?action=removeFromMyConnections&decorationId=com.linkedin.voyager.dash.deco.relationships.MemberRelationship-34",
                WRITE_HEADERS,
                JSON.stringify({ connectionUrn }),
              );
              return this.voyagerOutcome(verdict, response, "dash-member", gone);
            },
          },
    ];
    return strategies.filter((s) => s !== null);
  }

  /**
   * Tries the ways not retired in this run, in order, while they answer 404 or 400 (a surface
   * that is gone answers like an item that is gone; the next way tells them apart). A way that
   * worked after an earlier one answered so shows the earlier one is gone: it is retired.
   * Through a transport that may resend, a refusal ends the tries unclear (driver.ts): the run's
   * read tells a retired way from an item that is gone, before the next way is tried.
   */
  private async write(strategies: Strategy[], gone: string): Promise<ItemOutcome> {
    const open = strategies.filter((s) => !this.retired.has(s.via));
    let first: ItemOutcome | null = null;
    for (const strategy of open) {
      const outcome = await strategy.send();
      if (outcome.ok) {
        if (first && !first.ok) this.retired.add(first.via);
        return outcome;
      }
      if (outcome.reason === "unexpected") return outcome;
      // No other way is tried on a refusal that may answer a resent copy: the list decides.
      if (this.transport.mayResend) return { ...outcome, unclear: true };
      if (outcome.definite) return outcome;
      first ??= outcome;
    }
    return (
      first ?? {
        ok: false,
        reason: "refused",
        detail: m().network.client.noWayLeft(gone),
        via: open[0]?.via ?? strategies[0]?.via ?? "legacy",
      }
    );
  }

  distrust(via: Via, action: "withdraw" | "remove"): boolean {
    this.retired.add(via);
    const ways: Via[] =
      action === "withdraw" ? ["legacy", "sdui"] : ["dash", "sdui", "dash-member"];
    return ways.some((v) => !this.retired.has(v));
  }

  /** A Voyager write succeeded when it answered 2xx with JSON (or nothing), never with a page. */
  private voyagerOutcome(
    verdict: Verdict,
    response: WireResponse,
    via: Via,
    gone: string,
  ): ItemOutcome {
    if (verdict.kind === "ok") {
      const body = response.text.trim();
      if (body === "" || isJsonObject(body)) return { ok: true, via };
      return { ok: false, reason: "unexpected", detail: unexpected(response), via };
    }
    return this.failure(verdict, via, gone);
  }

  /** A server-driven action succeeded when its 200 is a stream without the failure text. */
  private sduiOutcome(verdict: Verdict, response: WireResponse, gone: string): ItemOutcome {
    if (verdict.kind === "ok") {
      if (actionFailed(response.text)) {
        return {
          ok: false,
          reason: "not-found",
          detail: m().network.client.actionFailed(gone),
          via: "sdui",
          definite: true,
        };
      }
      if (/^\s*(<!doctype|<html|\{)/i.test(response.text)) {
        return { ok: false, reason: "unexpected", detail: unexpected(response), via: "sdui" };
      }
      return { ok: true, via: "sdui" };
    }
    return this.failure(verdict, "sdui", gone);
  }

  private failure(verdict: Verdict, via: Via, gone: string): ItemOutcome {
    if (verdict.kind === "not-found") return { ok: false, reason: "not-found", detail: gone, via };
    return {
      ok: false,
      reason: "refused",
      detail: this.scrub(verdict.kind === "refused" ? verdict.detail : verdict.kind),
      via,
    };
  }
}

function halfWay(): StoppedError {
  return changedShape(m().network.client.halfWay);
}

function isJsonObject(body: string): boolean {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === "object" && value !== null;
  } catch {
    return false;
  }
}

function unexpected(response: WireResponse): string {
  const page = /html/i.test(response.contentType) || /^\s*</.test(response.text);
  return m().network.client.unexpected(response.status, page);
}

/** The JSON of a read that answered 200: a web page, nothing, or a body cut short is a stop. */
function parseJsonAnswer(response: WireResponse, where: string): unknown {
  const body = response.text;
  const words = m().network.client;
  if (/^\s*</.test(body)) {
    if (looksLikeLogin(body)) {
      throw new StoppedError("expired", words.sessionEnded, STOP_ADVICE.expired);
    }
    throw changedShape(`${where}: ${words.webPage}`);
  }
  if (body.trim() === "") throw changedShape(`${where}: ${words.empty}`);
  try {
    return JSON.parse(body);
  } catch {
    throw changedShape(`${where}: ${words.cutShort}`);
  }
}

function fromSduiRow(row: SduiRow): LiveInvitation {
  return {
    id: row.invitationId,
    surface: "sdui",
    sharedSecret: null,
    // The server-driven list gives only "Sent 3 weeks ago": matching goes by profile.
    sentAt: "",
    name: `${row.firstName} ${row.lastName}`.trim(),
    firstName: row.firstName,
    lastName: row.lastName,
    slug: row.vanityName ? toProfileSlug(`https://www.linkedin.com/in/${row.vanityName}`) : null,
    profileId: row.profileUrn,
    email: null,
    message: null,
  };
}

/** A MiniProfile's names and slug, however it is reached. */
function person(mini: Entity | undefined) {
  const firstName = mini ? text(mini.firstName) : "";
  const lastName = mini ? text(mini.lastName) : "";
  const profileUrn = mini ? text(mini.dashEntityUrn) || text(mini.entityUrn) : "";
  return {
    firstName,
    lastName,
    name: `${firstName} ${lastName}`.trim(),
    slug: mini ? text(mini.publicIdentifier).toLowerCase() || null : null,
    profileId: urnId(profileUrn),
  };
}

function toLiveInvitation(c: Collection, invitation: Entity): LiveInvitation {
  const id = urnId(invitation.entityUrn);
  if (!id) throw new ShapeError(m().network.shape.noInvitationId);
  const invitee = (follow(c, invitation, "invitee") ?? {}) as Entity;
  const emailInvitee =
    invitee.$type === "com.linkedin.voyager.relationships.invitation.EmailInvitee"
      ? invitee
      : (invitee["com.linkedin.voyager.relationships.invitation.EmailInvitee"] as
          | Entity
          | undefined);
  const mini = follow(c, invitation, "toMember") ?? follow(c, invitee, "miniProfile");
  if (!mini && !emailInvitee) {
    throw new ShapeError(m().network.shape.neitherMemberNorAddress(id));
  }
  const sent = invitation.sentTime;
  const p = person(mini);
  const email = emailInvitee ? text(emailInvitee.email).toLowerCase() || null : null;
  return {
    id,
    surface: "legacy",
    sharedSecret: text(invitation.sharedSecret) || null,
    sentAt: typeof sent === "number" ? new Date(sent).toISOString() : "",
    ...p,
    name: mini ? p.name : (email ?? ""),
    email,
    message: text(invitation.message) || null,
  };
}

/** Generation 1 (legacy REST): views pointing at invitations, in any envelope. */
function readGeneration1Page(json: unknown): LiveInvitation[] {
  const c = readCollection(json);
  return c.rows.map((view) => {
    const invitation = follow(c, view, "invitation") ?? (view.entityUrn ? view : undefined);
    if (!invitation) throw new ShapeError(m().network.shape.viewWithout);
    return toLiveInvitation(c, invitation);
  });
}

/** A row of the Dash and GraphQL lists: an fsd_invitation URN and a profile URL. */
function dashRow(
  id: string | null,
  name: string,
  firstName: string,
  lastName: string,
  target: string,
  surface: "dash" | "graphql",
): LiveInvitation {
  if (!id) throw new ShapeError(m().network.shape.rowWithoutId(surface));
  return {
    id,
    surface,
    sharedSecret: null,
    // These generations give only "Sent 2 days ago": matching goes by profile, not time.
    sentAt: "",
    name,
    firstName,
    lastName,
    slug: toProfileSlug(target),
    profileId: null,
    email: null,
    message: null,
  };
}

/** Generation 2 (Dash REST), inline or normalized. */
function readGeneration2Page(json: unknown): LiveInvitation[] {
  return readCollection(json).rows.map((row) => {
    const title = text((row.title as Entity | undefined)?.text);
    const [first = "", ...rest] = title.split(" ");
    return dashRow(
      urnId(row.invitationUrn),
      title,
      first,
      rest.join(" "),
      text(row.cardActionTarget),
      "dash",
    );
  });
}

/**
 * Generation 3 (GraphQL). Its queryId rotates with LinkedIn's web bundles, so it comes
 * from configuration (INVITES_GRAPHQL_QUERY_ID); a 200 with an errors array is a failure.
 */
function readGeneration3Page(json: unknown): LiveInvitation[] {
  const page = json as { errors?: unknown[] } | null;
  if (page?.errors && page.errors.length > 0) {
    const words = m().network.client;
    throw new StoppedError("changed", words.graphqlErrors, words.graphqlAdvice);
  }
  const c = readCollection(json, "relationshipsDashSentInvitationViewsByInvitationType");
  return c.rows.map((row) => {
    const invitation = follow(c, row, "invitation") ?? {};
    const member = follow(c, invitation, "inviteeMemberResolutionResult") ?? {};
    const firstName = text(member.firstName);
    const lastName = text(member.lastName);
    return {
      ...dashRow(
        urnId(invitation.entityUrn),
        `${firstName} ${lastName}`.trim() || text((row.title as Entity | undefined)?.text),
        firstName,
        lastName,
        text(row.cardActionTarget),
        "graphql",
      ),
      sharedSecret: text(invitation.sharedSecret) || null,
      message: text(invitation.message) || null,
    };
  });
}

/** The Dash connections list: Connection entities with their Profile, in any envelope. */
function readConnectionsPage(json: unknown): LiveConnection[] {
  const c = readCollection(json);
  return c.rows.map((connection): LiveConnection => {
    const member = text(connection.connectedMember);
    if (!member) throw new ShapeError(m().network.shape.connectionWithout);
    const profile = c.byUrn.get(member) ?? follow(c, connection, "connectedMemberResolutionResult");
    const created = connection.createdAt;
    const firstName = profile ? text(profile.firstName) : "";
    const lastName = profile ? text(profile.lastName) : "";
    const slug = profile ? text(profile.publicIdentifier) : "";
    return {
      id: member,
      connectionUrn: text(connection.entityUrn) || null,
      // The same folding as the export's URLs get, so that the two compare.
      slug: slug ? toProfileSlug(`https://www.linkedin.com/in/${slug}`) : null,
      email: null,
      name: `${firstName} ${lastName}`.trim(),
      firstName,
      lastName,
      connectedAt: typeof created === "number" ? new Date(created).toISOString() : null,
    };
  });
}
