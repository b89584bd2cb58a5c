/**
 * Deterministic fault injection for the emulation: `429@20,500@30,reset@40,challenge@50,slow@60`
 * makes the 20th request (counting every request to the network's own paths: /voyager/api,
 * /flagship-web and the sent page) answer 429, and so on; `fail200@N` counts writes only.
 */
import { UsageError } from "../errors.js";
import { m } from "../i18n/index.js";

export type FaultKind =
  /** Answers 429 once. */
  | "429"
  /** Answers 500 once. */
  | "500"
  /** Answers 403 once, without the CSRF body. */
  | "403"
  /** Closes the connection without an answer, once. */
  | "reset"
  /** Answers after a delay (`slow@N:MS`, default 3000 ms), once. */
  | "slow"
  /** 303 to /checkpoint/challenge/ from then on (latched, as LinkedIn does). */
  | "challenge"
  /** 999 from then on (latched). */
  | "999"
  /** The login expires: 401 from then on (latched). */
  | "401"
  /** The login expires: 302 to /uas/login from then on (latched). */
  | "login"
  /** A 200 whose body reports CHALLENGE_REQUIRED, once. */
  | "restricted"
  /** A 200 with a web page instead of data, once. */
  | "html"
  /** A 200 with an empty body, once. */
  | "empty"
  /** A 200 with JSON that breaks off, once. */
  | "malformed"
  /** The right answer cut in half and sent as if complete, once. */
  | "cut"
  /**
   * The Nth write (withdraw or remove, counted apart from other requests) answers 200 and does
   * nothing: the server-driven actions say "Failed to …", as LinkedIn's do; the others answer as
   * if done, which only a re-read can catch.
   */
  | "fail200"
  /** The request is carried out, then the connection closes before the answer, once. */
  | "lost"
  /** From the Nth request on, every write answers 500 without acting (latched). */
  | "writes500"
  /** A 400 whose body repeats the request's Cookie header, once. */
  | "echo"
  /** A redirect to the login whose Location carries the login cookie, once. */
  | "echoredirect"
  /** The Sent page shows LinkedIn's "Take care" dialog open, once (if the Nth is that page). */
  | "modal";

export interface Fault {
  kind: FaultKind;
  at: number;
  ms?: number;
}

const KINDS: readonly FaultKind[] = [
  "429",
  "500",
  "403",
  "reset",
  "slow",
  "challenge",
  "999",
  "401",
  "login",
  "restricted",
  "html",
  "empty",
  "malformed",
  "cut",
  "fail200",
  "lost",
  "writes500",
  "echo",
  "echoredirect",
  "modal",
];

export const LATCHED: ReadonlySet<FaultKind> = new Set(["challenge", "999", "401", "login"]);

export function parseFaults(spec: string | undefined): Fault[] {
  if (!spec?.trim()) return [];
  return spec.split(",").map((part) => {
    const match = /^\s*([a-z0-9]+)@(\d+)(?::(\d+))?\s*$/i.exec(part);
    const kind = match?.[1]?.toLowerCase() as FaultKind | undefined;
    if (!match || !kind || !KINDS.includes(kind) || Number(match[2]) < 1) {
      throw new UsageError(m().sandbox.notFault(part.trim(), KINDS));
    }
    return { kind, at: Number(match[2]), ...(match[3] ? { ms: Number(match[3]) } : {}) };
  });
}
