/**
 * Deterministic fault injection for the emulation: `429@20,500@30,reset@40,challenge@50,slow@60`
 * makes the 20th request (counting every /voyager/api call) answer 429, and so on.
 */
import { UsageError } from "../errors.js";

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
  | "restricted";

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
];

export const LATCHED: ReadonlySet<FaultKind> = new Set(["challenge", "999", "401", "login"]);

export function parseFaults(spec: string | undefined): Fault[] {
  if (!spec?.trim()) return [];
  return spec.split(",").map((part) => {
    const m = /^\s*([a-z0-9]+)@(\d+)(?::(\d+))?\s*$/i.exec(part);
    const kind = m?.[1]?.toLowerCase() as FaultKind | undefined;
    if (!m || !kind || !KINDS.includes(kind) || Number(m[2]) < 1) {
      throw new UsageError(
        `--faults: "${part.trim()}" is not a fault (expected KIND@N with KIND one of ${KINDS.join(", ")}, e.g. 429@20)`,
      );
    }
    return { kind, at: Number(m[2]), ...(m[3] ? { ms: Number(m[3]) } : {}) };
  });
}
