/**
 * How a request reaches LinkedIn and what comes back, as plain facts: the client and the
 * classifier above never see a socket, a cookie or a WHATWG Response (a status such as 999 does
 * not fit in one). The cookie transport sends from this process with the user's session cookies.
 */
import { StoppedError } from "../errors.js";
import { m } from "../i18n/index.js";
import { cookieHeader, csrfToken, redact, type SessionCookies } from "./cookies.js";

export interface WireRequest {
  method: "GET" | "POST";
  /** Path and query, relative to the base URL. */
  path: string;
  /** Headers besides the session's own (cookie, csrf-token), which the transport adds. */
  headers?: Record<string, string>;
  body?: string;
}

export interface WireResponse {
  status: number;
  /** Where a redirect points, if the answer was one. */
  location: string | null;
  contentType: string;
  text: string;
}

export interface Transport {
  send(request: WireRequest): Promise<WireResponse>;
  /** The text with every secret of this session replaced, for anything shown or stored. */
  scrub(text: string): string;
}

/** A failure that may pass: a reset connection, a timeout, a body cut off. The caller decides. */
export class TransientNetworkError extends Error {}

/**
 * The largest answer read. LinkedIn's sent page is about 635 KB and a list page of 100 rows a
 * few hundred KB; anything past 32 MiB is not an answer to our question, and reading it whole
 * is how a hostile or broken server grows this process without bound.
 */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

const USER_AGENT =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";

export interface CookieTransportOptions {
  baseUrl: string;
  cookies: SessionCookies;
  /** Milliseconds before a request and its body are given up as a timeout. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  maxBodyBytes?: number;
}

/** Reads a body up to a bound; past it the request is abandoned. */
async function readBounded(response: Response, limit: number, what: string): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > limit) throw tooLarge(what, limit);
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(what, limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The stop for an answer past the bound; the page transport makes the same one. */
export function tooLarge(what: string, limit: number): StoppedError {
  const words = m().network.answer;
  return new StoppedError(
    "changed",
    words.tooLarge(what, limit / 1024 / 1024),
    words.tooLargeAdvice,
  );
}

/** Node's own fetch with the session cookies: the emulation, CI, and users who paste cookies. */
export class CookieTransport implements Transport {
  private readonly baseUrl: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: CookieTransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.fetch = options.fetch ?? fetch;
  }

  scrub(text: string): string {
    return redact(text, this.options.cookies);
  }

  async send(request: WireRequest): Promise<WireResponse> {
    const { method, path } = request;
    const headers: Record<string, string> = {
      "user-agent": USER_AGENT,
      ...request.headers,
      cookie: cookieHeader(this.options.cookies),
      "csrf-token": csrfToken(this.options.cookies),
    };
    const what = `${method} ${path.split("?")[0]}`;
    try {
      const response = await this.fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        redirect: "manual",
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
      return {
        status: response.status,
        location: response.headers.get("location"),
        contentType: response.headers.get("content-type") ?? "",
        text: await readBounded(response, this.options.maxBodyBytes ?? MAX_BODY_BYTES, what),
      };
    } catch (error) {
      if (error instanceof StoppedError) throw error;
      // A body cut off half way is a lost answer, never an empty one.
      const reason =
        error instanceof Error
          ? ((error.cause as Error | undefined)?.message ?? error.message)
          : String(error);
      throw new TransientNetworkError(
        this.scrub(
          `${what}: ${/timeout|aborted/i.test(reason) ? m().network.answer.timedOut : reason}`,
        ),
      );
    }
  }
}
