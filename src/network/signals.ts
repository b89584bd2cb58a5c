/**
 * What a response means for the run (README, `invites withdraw`, step 6): go on, record this
 * item and go on, retry after a pause, or stop everything. Pure: status, Location and body in,
 * verdict out.
 */
import type { StopSignal } from "../errors.js";
import { m } from "../i18n/index.js";

export type Verdict =
  | { kind: "ok" }
  /** This item is not pending any more (withdrawn, expired, accepted) or does not exist. */
  | { kind: "not-found" }
  /** This item was refused; the run goes on. */
  | { kind: "refused"; detail: string }
  /** A passing failure: a 5xx. Retried a bounded number of times with backoff. */
  | { kind: "transient"; detail: string }
  /**
   * The network will not go on. `mayHaveActed` when the answer does not prove the request was
   * turned away (a redirect to a page that is no sign-in or check, which can follow a done
   * request); every other stop is a status, redirect or code that refuses before acting.
   */
  | { kind: "stop"; signal: StopSignal; detail: string; mayHaveActed?: true };

const RESTRICTION_MARKERS = [
  "CHALLENGE_REQUIRED",
  "ACCOUNT_RESTRICTED",
  "FUSE_LIMIT_EXCEEDED",
  "TOO_MANY_REQUESTS",
];

export interface ResponseFacts {
  status: number;
  location: string | null;
  body: string;
  /**
   * The body as `jsonObjectBody` parsed it, when the caller has already done so: a list page of
   * a few hundred KB is then parsed once, not once for the markers and again for its rows.
   */
  json?: unknown;
}

/** Keys whose string value is an error code in LinkedIn's JSON error bodies. */
const CODE_KEYS = ["code", "errorCode", "serviceErrorCode", "exceptionClass", "status"];

/** The largest body searched for a restriction marker; an error body is a few hundred bytes. */
const MARKER_BODY_LIMIT = 1024 * 1024;

/**
 * A body that is a JSON object, parsed; undefined for anything else (a web page, an RSC stream,
 * JSON cut short) and for a body past the size any error body has.
 */
export function jsonObjectBody(body: string): unknown {
  if (body.length > MARKER_BODY_LIMIT || !body.trimStart().startsWith("{")) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/**
 * A restriction marker in a JSON body's code fields, at the top or one level down. Never a
 * substring of the whole body: an HTML page or an RSC stream of 600 KB carries script blobs and
 * people's notes, where such a word means nothing (and a note could stop every run).
 */
function restrictionMarkerIn(json: unknown): string | undefined {
  if (typeof json !== "object" || json === null) return undefined;
  const objects: unknown[] = [json, ...Object.values(json)];
  for (const object of objects) {
    if (typeof object !== "object" || object === null || Array.isArray(object)) continue;
    for (const key of CODE_KEYS) {
      const value = (object as Record<string, unknown>)[key];
      if (typeof value === "string" && RESTRICTION_MARKERS.includes(value)) return value;
    }
  }
  return undefined;
}

export function classifyResponse(r: ResponseFacts): Verdict {
  const words = m().network.verdict;
  const marker = restrictionMarkerIn("json" in r ? r.json : jsonObjectBody(r.body));
  if (marker) return { kind: "stop", signal: "restricted", detail: words.restricted(marker) };
  if (r.status >= 300 && r.status < 400) {
    const where = r.location ?? "";
    if (/\/checkpoint\//.test(where)) {
      return { kind: "stop", signal: "challenge", detail: words.securityCheck };
    }
    if (/\/(uas\/)?login|authwall/.test(where)) {
      return { kind: "stop", signal: "expired", detail: words.toLogin };
    }
    return {
      kind: "stop",
      signal: "expired",
      detail: where ? words.redirected(where) : words.elsewhere,
      mayHaveActed: true,
    };
  }
  switch (r.status) {
    case 200:
    case 201:
    case 204:
      return { kind: "ok" };
    case 401:
      return { kind: "stop", signal: "expired", detail: words.notLoggedIn };
    case 403:
      if (r.body.includes("CSRF check failed")) {
        return { kind: "stop", signal: "csrf", detail: words.csrf };
      }
      // A 403 on a write could be taken for a refusal of that item alone; this tool stops on any
      // 403, as a careful user would want when the account may be flagged.
      return { kind: "stop", signal: "forbidden", detail: words.forbidden };
    case 404:
    case 410:
      return { kind: "not-found" };
    case 400:
      return { kind: "refused", detail: `400 ${r.body.slice(0, 80)}` };
    case 429:
      return { kind: "stop", signal: "throttled", detail: words.throttled };
    case 451:
      return { kind: "stop", signal: "challenge", detail: words.securityCheck451 };
    case 999:
      return { kind: "stop", signal: "blocked", detail: words.blocked };
    default:
      if (r.status >= 500) return { kind: "transient", detail: words.serverError(r.status) };
      return { kind: "refused", detail: words.unexpectedStatus(r.status) };
  }
}

/**
 * The advice of a message catalogue as a record whose entries are read when a stop is made, so
 * that the advice is in the language in use then (the language is set when the command starts,
 * after this module is loaded).
 */
function adviceOf<K extends string>(
  keys: readonly K[],
  advice: () => Partial<Record<K, string>>,
): Readonly<Record<K, string>> {
  const record = {} as Record<K, string>;
  for (const key of keys) {
    Object.defineProperty(record, key, { enumerable: true, get: () => advice()[key] });
  }
  return record;
}

/** What the user should do after each kind of stop. */
export const STOP_ADVICE: Readonly<Record<StopSignal, string>> = adviceOf(
  Object.keys(m().network.stopAdvice) as StopSignal[],
  () => m().network.stopAdvice,
);

/**
 * The same stops as a run through the user's own browser meets them: the user acts in the
 * browser window (the one invites opened on its profile), not in a cookie file.
 */
export const BROWSER_STOP_ADVICE: Readonly<Partial<Record<StopSignal, string>>> = adviceOf(
  Object.keys(m().network.browserStopAdvice) as StopSignal[],
  () => m().network.browserStopAdvice,
);
