/**
 * How a request reaches LinkedIn and what comes back, as plain facts: the client and the
 * classifier above never see a socket, a cookie or a WHATWG Response (a status such as 999 does
 * not fit in one). The cookie transport sends from this process with the user's session cookies.
 */
import http from "node:http";
import https from "node:https";
import { type Readable, Transform, type TransformCallback } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from "node:zlib";
import { AppError, ExitCode, StoppedError } from "../errors.js";
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
  /**
   * Whether a request may reach the network twice without the caller knowing: a browser sends a
   * request again on its own (Chromium does, POST too) when a connection it reused closes before
   * the answer, and what comes back is the answer to that second copy. After a first copy that
   * took effect, that answer is "not there".
   */
  readonly mayResend?: boolean;
  /** The text with every secret of this session replaced, for anything shown or stored. */
  scrub(text: string): string;
}

/**
 * A failure that may pass: a reset connection, a timeout, a body cut off. The caller decides:
 * a read is retried, a request's answer is journaled as lost. One that reaches the user ends the
 * command as a stop does (exit 3): run the same command again once LinkedIn can be reached.
 */
export class TransientNetworkError extends AppError {
  readonly exitCode = ExitCode.stopped;
  constructor(message: string) {
    super(message, "network-unreachable", m().network.answer.unreachableAdvice);
  }
}

/** What Node says of a connection that failed, in the catalogue's words and its code. */
function failureWords(error: Error): string {
  const words = m().network.answer;
  const code = (error as NodeJS.ErrnoException).code ?? "";
  if (code === "ECONNREFUSED") return words.refused;
  if (code === "ECONNRESET" || code === "EPIPE" || code === "ECONNABORTED") return words.reset;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return words.noName;
  if (["ETIMEDOUT", "ENETUNREACH", "EHOSTUNREACH", "ENETDOWN"].includes(code)) {
    return words.unreachable;
  }
  // Node's own message is English: the code (an identifier, in any language) says what it was.
  if (/^(ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/.test(code)) return words.tls(code);
  // Node's HTTP parser (HPE_…) or a decoder (Z_…, ERR_BROTLI…) could not read what came back.
  if (/^(HPE_|Z_|ERR_BROTLI|ERR_ZLIB)/.test(code)) return words.unreadable(code);
  return words.failed(code);
}

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
  maxBodyBytes?: number;
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

/** What a timeout destroys a request with: its message is the catalogue's, not Node's. */
class TimedOut extends Error {}

/** An answer that ended short of its whole message: said in the catalogue's words. */
class CutOff extends Error {}

/**
 * `deflate` as servers send it: zlib-wrapped as the standard says, or raw, as some do. The first
 * byte tells (a zlib stream's first byte names deflate in its low four bits), as browsers do.
 */
class DeflateDecoder extends Transform {
  #inner: Transform | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.#inner === null) {
      const inner = ((chunk[0] ?? 0) & 0x0f) === 0x08 ? createInflate() : createInflateRaw();
      inner.on("data", (data: Buffer) => this.push(data));
      inner.on("error", (error) => this.destroy(error));
      this.#inner = inner;
    }
    this.#inner.write(chunk, () => done());
  }

  override _flush(done: TransformCallback): void {
    const inner = this.#inner;
    if (inner === null) {
      done();
      return;
    }
    inner.once("end", () => done());
    inner.end();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.#inner?.destroy();
    done(error);
  }
}

/**
 * The decoders of a `content-encoding` list, in the order the body needs them (the last coding
 * applied comes off first); null for one this client does not know, whose body stays as sent.
 */
function decoders(encoding: string | undefined): Transform[] | null {
  const codings = (encoding ?? "")
    .toLowerCase()
    .split(",")
    .map((c) => c.trim())
    .filter((c) => c !== "" && c !== "identity")
    .reverse();
  const made: Transform[] = [];
  for (const coding of codings) {
    if (coding === "gzip" || coding === "x-gzip") made.push(createGunzip());
    else if (coding === "br") made.push(createBrotliDecompress());
    else if (coding === "deflate") made.push(new DeflateDecoder());
    else return null;
  }
  return made;
}

/**
 * Node's HTTP client with the session cookies, over one kept-alive connection: the emulation,
 * CI, and users who paste cookies. It follows no redirect (the client reads where one points),
 * asks for and undoes compression as a browser does, reads at most `maxBodyBytes` of the
 * undone body, and gives the whole exchange, body included, `timeoutMs`. Node's fetch did the
 * same in twice the time and three times the CPU a request (measured at 127.0.0.1).
 */
export class CookieTransport implements Transport {
  private readonly client: typeof http | typeof https;
  private readonly agent: http.Agent;

  constructor(private readonly options: CookieTransportOptions) {
    const secure = new URL(options.baseUrl).protocol === "https:";
    this.client = secure ? https : http;
    this.agent = new (secure ? https.Agent : http.Agent)({ keepAlive: true, maxSockets: 1 });
  }

  scrub(text: string): string {
    return redact(text, this.options.cookies);
  }

  async send(request: WireRequest): Promise<WireResponse> {
    const { method, path } = request;
    const what = `${method} ${path.split("?")[0]}`;
    try {
      return await this.exchange(request, what);
    } catch (error) {
      if (error instanceof StoppedError) throw error;
      // A body cut off half way is a lost answer, never an empty one.
      const reason =
        error instanceof TimedOut
          ? m().network.answer.timedOut
          : error instanceof CutOff
            ? m().network.answer.cutOff
            : error instanceof Error
              ? failureWords(error)
              : String(error);
      throw new TransientNetworkError(this.scrub(`${what}: ${reason}`));
    }
  }

  private exchange(request: WireRequest, what: string): Promise<WireResponse> {
    const limit = this.options.maxBodyBytes ?? MAX_BODY_BYTES;
    const body = request.body === undefined ? undefined : Buffer.from(request.body, "utf8");
    const headers: Record<string, string> = {
      accept: "*/*",
      "accept-encoding": this.client === https ? "br, gzip, deflate" : "gzip, deflate",
      "user-agent": USER_AGENT,
      ...request.headers,
      cookie: cookieHeader(this.options.cookies),
      "csrf-token": csrfToken(this.options.cookies),
      ...(body === undefined ? {} : { "content-length": String(body.byteLength) }),
    };
    // Joined as text, as the base URL and the path were meant: a path is never another host's.
    const url = new URL(`${this.options.baseUrl.replace(/\/+$/, "")}${request.path}`);
    return new Promise<WireResponse>((resolve, reject) => {
      const req = this.client.request(url, { method: request.method, headers, agent: this.agent });
      let expired = false;
      let over = false;
      let chain: Transform[] = [];
      const timer = setTimeout(() => {
        expired = true;
        req.destroy(new TimedOut());
      }, this.options.timeoutMs ?? 30_000);
      // Whatever gives way first after a timeout (the request, the body, a decoder), the answer
      // is that it timed out. The decoders stop too: one fed a bomb would go on filling memory.
      const fail = (error: unknown) => {
        if (over) return;
        over = true;
        clearTimeout(timer);
        req.destroy();
        for (const decoder of chain) decoder.destroy();
        reject(expired ? new TimedOut() : error);
      };
      req.on("error", fail);
      req.on("response", (res) => {
        const declared = Number(res.headers["content-length"] ?? Number.NaN);
        if (declared > limit) return fail(tooLarge(what, limit));
        chain = decoders(res.headers["content-encoding"]) ?? [];
        // Read as it comes, through the decoders if any (a pipeline for a plain body cost a
        // tenth of the client's time a request). Every part's error fails the exchange; the
        // answer's own, before it is whole, is Node's "aborted": the connection ended first.
        res.on("error", (error) => fail(res.complete ? error : new CutOff()));
        let decoded: Readable = res;
        for (const decoder of chain) {
          decoder.on("error", fail);
          decoded = decoded.pipe(decoder);
        }
        const chunks: Buffer[] = [];
        let size = 0;
        decoded.on("data", (chunk: Buffer) => {
          if (over) return;
          size += chunk.byteLength;
          if (size > limit) return fail(tooLarge(what, limit));
          chunks.push(chunk);
        });
        // Node 20 errs first when an answer is cut off (above); should an end ever come short of
        // the whole message all the same, it is the same lost answer, never an empty one.
        decoded.on("end", () => {
          if (!res.complete) return fail(new CutOff());
          if (over) return;
          over = true;
          clearTimeout(timer);
          // Scrubbed here, whole, before anything reads it: what cuts an answer to show a
          // part of it could otherwise cut a secret in two and show a half that no pattern finds.
          const location = res.headers.location;
          resolve({
            status: res.statusCode ?? 0,
            location: location === undefined ? null : this.scrub(location),
            contentType: res.headers["content-type"] ?? "",
            text: this.scrub(Buffer.concat(chunks).toString("utf8")),
          });
        });
      });
      req.end(body);
    });
  }
}
