/**
 * The one place that decides when the next request may go: a delay with jitter between requests
 * and backoff before a retry. Clock, sleep and randomness are injected, so tests run instantly.
 */

export interface Pace {
  /** Shortest delay between two requests, in ms. */
  minMs: number;
  /** Longest delay; the delay is drawn evenly between the two. */
  maxMs: number;
}

/** The default: 2 to 4 seconds between requests. */
export const DEFAULT_PACE: Pace = { minMs: 2000, maxMs: 4000 };

/** Between the pages of a list read: a person scrolling, not a script. */
const LIST_PACE: Pace = { minMs: 500, maxMs: 1500 };

/**
 * `0`, `250ms`, `3s`, `2-4s`, `1.5s`; null when the text is none of these. A number without a
 * unit is refused (but 0): `2-4` meant as seconds and read as milliseconds would send requests
 * to LinkedIn without pause.
 */
export function parsePace(text: string): Pace | null {
  if (/^\s*0+(\.0+)?\s*$/.test(text)) return { minMs: 0, maxMs: 0 };
  const m = /^\s*(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?\s*(ms|s)\s*$/i.exec(text);
  if (!m) return null;
  const unit = (m[3] ?? "").toLowerCase() === "s" ? 1000 : 1;
  const min = Math.round(Number(m[1]) * unit);
  const max = m[2] === undefined ? min : Math.round(Number(m[2]) * unit);
  return max < min ? null : { minMs: min, maxMs: max };
}

export interface PacerParts {
  pace: Pace;
  /** Waits `ms`, or less when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export class Pacer {
  private first = true;
  private readonly random: () => number;

  constructor(private readonly parts: PacerParts) {
    this.random = parts.random ?? Math.random;
  }

  /** Waits before every request but the first; no longer once `stop` aborts (Ctrl-C). */
  async beforeRequest(stop?: AbortSignal): Promise<void> {
    if (this.first) {
      this.first = false;
      return;
    }
    const { minMs, maxMs } = this.parts.pace;
    const ms = minMs + (maxMs - minMs) * this.random();
    if (ms > 0) await this.parts.sleep(ms, stop);
  }

  /**
   * Waits between two pages of one list read: 0.5 to 1.5 s, never longer
   * than the pace between requests, so that --pace 0 against the emulation reads at once. A long
   * list read in one burst would run into the rate limit before anything is sent.
   */
  async beforeListPage(): Promise<void> {
    const minMs = Math.min(LIST_PACE.minMs, this.parts.pace.minMs);
    const maxMs = Math.min(LIST_PACE.maxMs, this.parts.pace.maxMs);
    const ms = minMs + (maxMs - minMs) * this.random();
    if (ms > 0) await this.parts.sleep(ms);
  }

  /** Waits before retry number `attempt` (1, 2, …) of a request that failed in passing. */
  async beforeRetry(attempt: number): Promise<void> {
    // At the emulation's pace 0 the retries stay quick; against the network they back off to minutes.
    const base = this.parts.pace.maxMs === 0 ? 50 : Math.max(2000, this.parts.pace.maxMs);
    await this.parts.sleep(Math.min(5 * 60_000, base * 4 ** (attempt - 1)));
  }

  /** Waits `ms`, or less when `stop` aborts (Ctrl-C). */
  async wait(ms: number, stop?: AbortSignal): Promise<void> {
    if (ms > 0) await this.parts.sleep(ms, stop);
  }

  /** The mean delay, for estimating how long a run takes. */
  get meanDelayMs(): number {
    return (this.parts.pace.minMs + this.parts.pace.maxMs) / 2;
  }
}

export const realSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done);
  });
