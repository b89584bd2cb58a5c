/**
 * LinkedIn's server-driven UI ("flagship-web", 2026): the sent-invitations page as HTML, its
 * further pages as a React Server Components stream, and the withdraw and remove actions. No
 * public source has a raw capture of either, so rows are read by the anchors that several
 * clients use and cross-checked between two of them; when they disagree the read fails closed
 * (ShapeError) instead of dropping or inventing rows.
 *
 * The traps: the page's JSON sits in script strings split into chunks whose joins cut through
 * values; some of it is escaped once and some twice; fields must be read from the row's own
 * payload object, or a row picks up its neighbour's id.
 */
import { m } from "../i18n/index.js";
import { ShapeError } from "./envelope.js";

export const SENT_PAGE_PATH = "/mynetwork/invitation-manager/sent/";
export const SENT_PAGER = "com.linkedin.sdui.pagers.mynetwork.invitationsList";
export const WITHDRAW_ACTION = "com.linkedin.sdui.requests.mynetwork.addaWithdrawInvitation";
export const REMOVE_ACTION = "com.linkedin.sdui.mynetwork.RemoveConnectionVanityName";
export const PAGINATION_PATH = `/flagship-web/rsc-action/actions/pagination?sduiid=${SENT_PAGER}`;
export const SERVER_REQUEST_PATH = "/flagship-web/rsc-action/actions/server-request?sduiid=";
/** The marker every sent row's withdraw payload carries on the HTML page. */
export const WITHDRAW_MARKER = "INVITATION_MANAGER_WITHDRAW";
/** The page's withdraw control, named in markup that does not change with the UI language. */
export const WITHDRAW_CONTROL = 'data-view-name="sent-invitations-withdraw-single"';
/** What a failed withdrawal answers, with status 200. */
export const WITHDRAW_FAILED = "Failed to withdraw invitation";

/** One row of the SDUI sent list: what its withdraw payload names. */
export interface SduiRow {
  /** A string of digits: it exceeds 2^53. */
  invitationId: string;
  vanityName: string | null;
  firstName: string;
  lastName: string;
  /** `ACoAA…`, the member's profile id. */
  profileUrn: string | null;
}

export interface SduiPage {
  rows: SduiRow[];
  /** `People (N)`: the whole list's length, on the first page only. */
  total: number | null;
}

/** Undoes one level of JavaScript string escaping. */
export function unescapeJs(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_, e: string) => {
    if (e.length > 1) return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    return { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", v: "\v", "0": "\0" }[e] ?? e;
  });
}

/** The contents of the page's script elements, each healed of its chunk joins and unescaped. */
export function readScriptText(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    const body = m[1] ?? "";
    // The island is an array of string chunks: `["…","…"]`. A raw `","` only ever stands at a
    // join (inside the strings every quote is escaped), so dropping the joins heals the values
    // they cut through.
    const start = body.indexOf('["');
    const end = body.lastIndexOf('"]');
    if (start < 0 || end <= start) continue;
    out.push(
      unescapeJs(
        body
          .slice(start + 2, end)
          .split('","')
          .join(""),
      ),
    );
  }
  return out;
}

/**
 * Every JSON object in `text` that holds `key`, parsed, however deep in JSON strings it is
 * escaped. The object is the innermost one around the key, found by scanning the text as JSON
 * (strings and braces), so that its fields are its own and never a neighbour's.
 */
export function objectsWithKey(text: string, key: string): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  scan(text, key, found, 0);
  return found;
}

function scan(
  text: string,
  key: string,
  found: Array<Record<string, unknown>>,
  depth: number,
): void {
  if (depth > 4 || !text.includes(key)) return;
  const needle = `"${key}"`;
  const stack: number[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return;
      const token = text.slice(i, end + 1);
      if (token === needle && stack.length > 0) {
        const start = stack[stack.length - 1] as number;
        const close = matchingBrace(text, start);
        if (close < 0) throw new ShapeError(m().network.shape.unterminated(key));
        let parsed: unknown;
        try {
          parsed = JSON.parse(text.slice(start, close + 1));
        } catch {
          throw new ShapeError(m().network.shape.notJson(key));
        }
        found.push(parsed as Record<string, unknown>);
        // Objects nested in this one belong to it; go on after it.
        stack.pop();
        i = close + 1;
        continue;
      }
      // A string that itself holds escaped JSON with the key: read it one level down.
      if (token.length > needle.length + 2 && token.includes(`\\"${key}\\"`)) {
        let inner: string;
        try {
          inner = JSON.parse(token) as string;
        } catch {
          throw new ShapeError(m().network.shape.noDecode(key));
        }
        scan(inner, key, found, depth + 1);
      }
      i = end + 1;
      continue;
    }
    if (c === "{") stack.push(i);
    else if (c === "}") stack.pop();
    i++;
  }
}

/** The index of the quote that ends the JSON string starting at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === '"') return i;
  }
  return -1;
}

function matchingBrace(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i = stringEnd(text, i);
      if (i < 0) return -1;
    } else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  return -1;
}

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** A row from a withdraw payload; null when it names no invitation. */
function toRow(payload: Record<string, unknown>): SduiRow | null {
  const urn = payload.invitationUrn;
  const id =
    typeof urn === "object" && urn !== null
      ? str((urn as Record<string, unknown>).invitationId)
      : str(payload.invitationId);
  if (!/^\d+$/.test(id)) return null;
  const vanity = str(payload.inviteeVanityName).toLowerCase();
  return {
    invitationId: id,
    vanityName: vanity || null,
    firstName: str(payload.firstName),
    lastName: str(payload.lastName),
    profileUrn: str(payload.profileUrn) || null,
  };
}

/** The rows of the withdraw payloads in `text`, once each; the same id twice must agree. */
function rowsOf(text: string, requireMarker: boolean): SduiRow[] {
  const rows = new Map<string, SduiRow>();
  for (const payload of objectsWithKey(text, "inviteeVanityName")) {
    if (requireMarker && payload.trackingActionType !== WITHDRAW_MARKER) continue;
    const row = toRow(payload);
    if (!row) throw new ShapeError(m().network.shape.payloadWithoutId);
    const seen = rows.get(row.invitationId);
    if (seen && seen.vanityName !== row.vanityName) {
      throw new ShapeError(m().network.shape.twoPeople(row.invitationId));
    }
    rows.set(row.invitationId, row);
  }
  return [...rows.values()];
}

/** `People (309)`, the page's heading over the list (also in German, `Personen (309)`). */
export function readTotal(text: string): number | null {
  const m = /(?:People|Personen)\s*\((\d[\d,.]*)\)/.exec(text);
  return m?.[1] ? Number(m[1].replace(/[,.]/g, "")) : null;
}

/** Whether a page is LinkedIn's sign-in form rather than the list (a logged-out fetch is a 200). */
export function looksLikeLogin(html: string): boolean {
  return /name="session_password"|name="session_key"|\/uas\/login-submit|authwall/i.test(html);
}

/**
 * The withdraw controls of member cards: those with a profile link (`/in/…`) since the control
 * before. An invitation sent to an e-mail address has a card with the same control but no
 * profile, and the page's data carries no payload for it (no 2026 API list shows them): such
 * cards are for the click strategy, and counting them here would
 * refuse every page that has one.
 */
function memberControls(markup: string): number {
  const before = markup.split(WITHDRAW_CONTROL).slice(0, -1);
  return before.filter((segment) => /href="[^"]*\/in\/[^"/]/.test(segment)).length;
}

/**
 * The first page of the sent list. Its rows are the withdraw payloads in the page's scripts,
 * counted against the withdraw controls of the member cards in the markup; the total is
 * `People (N)`.
 */
export function readSentPage(html: string): SduiPage {
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  const total = readTotal(markup);
  const controls = memberControls(markup);
  const rows = readScriptText(html).flatMap((script) => rowsOf(script, true));
  const unique = new Map(rows.map((r) => [r.invitationId, r]));
  if (total === null && unique.size === 0 && controls === 0) {
    throw new ShapeError(
      looksLikeLogin(html) ? m().network.client.signInInstead : m().network.shape.noSentList,
    );
  }
  if (unique.size !== controls) {
    throw new ShapeError(m().network.shape.buttonsAndRows(controls, unique.size));
  }
  return { rows: [...unique.values()], total };
}

/**
 * A further page, as an RSC stream. Its rows are the withdraw payloads, counted against the
 * `InvitationUrn(invitationId=…)` strings of the stream's model states: the same ids, or the
 * page is refused.
 */
export function readRscPage(stream: string): SduiPage {
  if (/^\s*<(!doctype|html)/i.test(stream)) {
    throw new ShapeError(m().network.shape.webPageNext);
  }
  const rows = rowsOf(stream, false);
  const urns = new Set(
    [...stream.matchAll(/InvitationUrn\(invitationId=(\d+)\)/g)].map((m) => m[1]),
  );
  const ids = new Set(rows.map((r) => r.invitationId));
  if (urns.size !== ids.size || [...ids].some((id) => !urns.has(id))) {
    throw new ShapeError(m().network.shape.namesAndPayloads(urns.size, ids.size));
  }
  return { rows, total: null };
}

const ARGS_TYPE = "proto.sdui.actions.requests.RequestedArguments";
const METADATA = { $type: "proto.sdui.common.RequestMetadata" };

/** The pagination request for the sent list from `startIndex` (what the page asks for). */
export function paginationBody(startIndex: number): string {
  const requestedArguments = {
    $type: ARGS_TYPE,
    payload: {
      startIndex,
      invitationTypeEnum: ["GenericInvitationType_CONNECTION"],
      invitationClassificationTypes: [],
      filterCriteriaEnum: "FilterCriteria_UNKNOWN",
      invitationDirectionEnum: "PendingInvitationDirection_SENT",
    },
    requestedStateKeys: [],
    requestMetadata: METADATA,
    states: [],
    screenId: "com.linkedin.sdui.flagshipnav.mynetwork.invitations.InvitationSentWithType",
  };
  return JSON.stringify({
    pagerId: SENT_PAGER,
    clientArguments: requestedArguments,
    paginationRequest: {
      $type: "proto.sdui.actions.requests.PaginationRequest",
      pagerId: SENT_PAGER,
      requestedArguments,
      trigger: {
        $case: "itemDistanceTrigger",
        itemDistanceTrigger: {
          $type: "proto.sdui.actions.requests.ItemDistanceTrigger",
          preloadDistance: 3,
          preloadLength: 250,
        },
      },
      retryCount: 2,
    },
  });
}

/** A server request of an SDUI action: the payload, in both places the web app puts it. */
function serverRequestBody(action: string, payload: unknown, screenId: string): string {
  const requestedArguments = {
    $type: ARGS_TYPE,
    payload,
    requestedStateKeys: [],
    requestMetadata: METADATA,
    states: [],
    screenId,
  };
  return JSON.stringify({
    requestId: action,
    serverRequest: { requestId: action, requestedArguments },
    states: [],
    requestedArguments,
  });
}

const WITHDRAW_SCREEN =
  "com.linkedin.sdui.flagshipnav.mynetwork.invitations.WithdrawConfirmationDialog";

/** The smallest withdraw body that has been used live: the invitation id and two enums. */
export function withdrawBody(invitationId: string): string {
  return serverRequestBody(
    WITHDRAW_ACTION,
    {
      inviterActionType: "InviterActionType_WITHDRAW",
      invitationType: "GenericInvitationType_CONNECTION",
      invitationUrn: { invitationId },
    },
    WITHDRAW_SCREEN,
  );
}

/**
 * The body the web app's own Withdraw button posts, from the row's payload. The list embeds the
 * enums as integers (2, 1) and the action takes them as strings: translated, never copied.
 */
export function fullWithdrawBody(row: SduiRow): string {
  return serverRequestBody(
    WITHDRAW_ACTION,
    {
      inviterActionType: "InviterActionType_WITHDRAW",
      inviteeVanityName: row.vanityName ?? "",
      firstName: row.firstName,
      lastName: row.lastName,
      profileUrn: row.profileUrn ?? "",
      queryName: "ProfileMemberRelationshipRefreshById",
      invitationType: "GenericInvitationType_CONNECTION",
      invitationUrn: { invitationId: row.invitationId },
    },
    WITHDRAW_SCREEN,
  );
}

/** Removing a connection, keyed by the profile's vanity name as the web app does. */
export function removeBody(person: { slug: string; firstName: string; lastName: string }): string {
  return serverRequestBody(
    REMOVE_ACTION,
    {
      disconnectVanityName: person.slug,
      disconnectFirstName: person.firstName,
      disconnectLastName: person.lastName,
    },
    "com.linkedin.sdui.flagshipnav.mynetwork.Connections",
  );
}

/** Whether an SDUI action's 200 says it failed (the web app shows a toast, not a status). */
export function actionFailed(body: string): boolean {
  return /Failed to (withdraw invitation|remove connection)/.test(body);
}
