/**
 * What a response means for the run (LINKEDIN-API.md §9): go on, record this item and go on,
 * retry after a pause, or stop everything. Pure: status, Location and body in, verdict out.
 */
import type { StopSignal } from "../errors.js";

export type Verdict =
  | { kind: "ok" }
  /** This item is not pending any more (withdrawn, expired, accepted) or does not exist. */
  | { kind: "not-found" }
  /** This item was refused; the run goes on. */
  | { kind: "refused"; detail: string }
  /** A passing failure: a 5xx. Retried a bounded number of times with backoff. */
  | { kind: "transient"; detail: string }
  | { kind: "stop"; signal: StopSignal; detail: string };

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
}

/** Keys whose string value is an error code in LinkedIn's JSON error bodies. */
const CODE_KEYS = ["code", "errorCode", "serviceErrorCode", "exceptionClass", "status"];

/**
 * A restriction marker in a JSON body's code fields, at the top or one level down. Never a
 * substring of the whole body: an HTML page or an RSC stream of 600 KB carries script blobs and
 * people's notes, where such a word means nothing (and a note could stop every run).
 */
export function findRestrictionMarker(body: string): string | undefined {
  const head = body.trimStart();
  if (!head.startsWith("{") || body.length > 1024 * 1024) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const objects: unknown[] = [json];
  if (typeof json === "object" && json !== null) objects.push(...Object.values(json));
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
  const marker = findRestrictionMarker(r.body);
  if (marker) return { kind: "stop", signal: "restricted", detail: `the response says ${marker}` };
  if (r.status >= 300 && r.status < 400) {
    const where = r.location ?? "";
    if (/\/checkpoint\//.test(where)) {
      return { kind: "stop", signal: "challenge", detail: "LinkedIn asks for a security check" };
    }
    return {
      kind: "stop",
      signal: "expired",
      detail: `redirected to ${/\/(uas\/)?login|authwall/.test(where) ? "the login page" : where || "elsewhere"}`,
    };
  }
  switch (r.status) {
    case 200:
    case 201:
    case 204:
      return { kind: "ok" };
    case 401:
      return { kind: "stop", signal: "expired", detail: "not logged in (401)" };
    case 403:
      if (r.body.includes("CSRF check failed")) {
        return {
          kind: "stop",
          signal: "csrf",
          detail: "the csrf-token was refused (403 CSRF check failed)",
        };
      }
      // LINKEDIN-API.md would let one 403 on a write pass as a refusal; this tool stops on any
      // 403, as a careful user would want when the account may be flagged.
      return { kind: "stop", signal: "forbidden", detail: "access denied (403)" };
    case 404:
    case 410:
      return { kind: "not-found" };
    case 400:
      return { kind: "refused", detail: `400 ${r.body.slice(0, 80)}` };
    case 429:
      return { kind: "stop", signal: "throttled", detail: "too many requests (429)" };
    case 451:
      return {
        kind: "stop",
        signal: "challenge",
        detail: "LinkedIn asks for a security check (451)",
      };
    case 999:
      return { kind: "stop", signal: "blocked", detail: "LinkedIn denied the request (999)" };
    default:
      if (r.status >= 500) return { kind: "transient", detail: `server error ${r.status}` };
      return { kind: "refused", detail: `unexpected status ${r.status}` };
  }
}

/** What the user should do after each kind of stop. */
export const STOP_ADVICE: Record<StopSignal, string> = {
  expired:
    "log in to LinkedIn in your browser, export fresh cookies, then run the same command again",
  csrf: "the JSESSIONID cookie does not match: export both cookies again from the same browser",
  challenge: "open LinkedIn in your browser and complete the security check, then wait a day",
  throttled: "LinkedIn asks for a pause: wait at least 15 minutes, then run the same command again",
  blocked:
    "LinkedIn refused this connection: wait at least an hour; a VPN or server address can cause this",
  restricted:
    "LinkedIn reports a restriction on your account: stop for today and check linkedin.com",
  forbidden: "LinkedIn refused access: check the cookies belong to this account and this network",
  changed:
    "nothing was marked or sent; LinkedIn may have changed its web app: run again later, and if it persists, update invites",
  failing: "LinkedIn may be having trouble: wait at least an hour, then run the same command again",
  browser: "keep the browser window open until the run ends; run the same command again to resume",
};

/**
 * The same stops as a run through the user's own browser meets them: the user acts in the
 * browser window (the one invites opened on its profile), not in a cookie file.
 */
export const BROWSER_STOP_ADVICE: Partial<Record<StopSignal, string>> = {
  expired:
    "log in again in the browser window of invites (invites login opens it), then run the same command again",
  csrf: "log in again with invites login, then run the same command again",
  challenge:
    "complete LinkedIn's security check in the browser window of invites (invites login opens it), then wait a day",
  forbidden: "LinkedIn refused access: check that invites login was done with this account",
};
