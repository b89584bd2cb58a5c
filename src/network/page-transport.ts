/**
 * Requests made inside a page of the user's own browser: a `fetch`
 * with the page's own session (`credentials: "include"`), following redirects, with the
 * csrf-token read from the page's JSESSIONID cookie. The browser adds the cookies, its own user
 * agent and the sec-fetch headers; the cookies never reach this process. What comes back is
 * plain facts for the classifier, as from the cookie transport: a redirect that ended on a login
 * wall or a security check is told as that redirect, so that the run stops the same way.
 */
import type { Page } from "playwright-core";
import { StoppedError } from "../errors.js";
import { m } from "../i18n/index.js";
import { isAuthBlocker } from "./browser.js";
import { redact } from "./cookies.js";
import type { PageDocument } from "./page-dom.js";
import { SENT_PAGE_PATH } from "./sdui.js";
import { secretPattern } from "./secret-pattern.js";
import { STOP_ADVICE } from "./signals.js";
import {
  MAX_BODY_BYTES,
  TransientNetworkError,
  type Transport,
  tooLarge,
  type WireRequest,
  type WireResponse,
} from "./transport.js";

declare const document: PageDocument;

/** What the page hands back: facts, never the Response itself (a 999 does not fit in one). */
type PageAnswer =
  | {
      status: number;
      url: string;
      redirected: boolean;
      contentType: string;
      text: string;
    }
  | { failed: "too-large" | "timeout" | "network"; detail: string };

interface PageRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
  maxBytes: number;
  timeoutMs: number;
}

/**
 * Runs in the page, from its source (send() below), with secret-pattern.ts's function as
 * `makePattern`. Besides the fetch it removes every cookie value the page can read from the
 * answer, in any form a server may write it back (defence in depth: li_at is HttpOnly and never
 * visible here, and no answer of LinkedIn's carries the others, but a broken proxy may echo them).
 */
async function fetchInPage(
  r: PageRequest,
  makePattern: (values: readonly string[]) => RegExp | null,
): Promise<PageAnswer> {
  const cookies = document.cookie.split(";").map((c) => c.trim());
  const jsessionid = cookies.find((c) => c.startsWith("JSESSIONID="));
  const csrf = jsessionid ? jsessionid.slice("JSESSIONID=".length).replace(/^"|"$/g, "") : "";
  const headers: Record<string, string> = { ...r.headers };
  if (csrf) headers["csrf-token"] = csrf;
  const values = cookies
    .map((c) => c.slice(c.indexOf("=") + 1).replace(/^"|"$/g, ""))
    .filter((value) => value.length >= 8);
  const pattern = makePattern(values);
  // cookies.ts's REDACTED, written out: this function runs in the page, where nothing is imported.
  const hide = (text: string) => (pattern ? text.replace(pattern, "[redacted]") : text);
  let response: Response;
  try {
    response = await fetch(r.url, {
      method: r.method,
      headers,
      ...(r.body === null ? {} : { body: r.body }),
      credentials: "include",
      redirect: "follow",
      signal: AbortSignal.timeout(r.timeoutMs),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    return {
      failed: name === "TimeoutError" || name === "AbortError" ? "timeout" : "network",
      detail: hide(error instanceof Error ? error.message : String(error)),
    };
  }
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > r.maxBytes) return { failed: "too-large", detail: "" };
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > r.maxBytes) {
          await reader.cancel().catch(() => undefined);
          return { failed: "too-large", detail: "" };
        }
        chunks.push(value);
      }
    } catch (error) {
      // A body cut off half way is a lost answer, never an empty one.
      return { failed: "network", detail: hide(error instanceof Error ? error.message : "") };
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return {
    status: response.status,
    url: hide(response.url),
    redirected: response.redirected,
    contentType: response.headers.get("content-type") ?? "",
    text: hide(new TextDecoder().decode(bytes)),
  };
}

export interface PageTransportOptions {
  page: Page;
  baseUrl: string;
  /** Milliseconds before a request and its body are given up as a timeout. */
  timeoutMs?: number;
  maxBodyBytes?: number;
}

/** Whether an error of Playwright's says the page, its context or the browser is gone. */
export function isClosedError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /has been closed|Target closed|browser has disconnected/i.test(error.message)
  );
}

/** The run's stop when the user closed the browser window (or the browser ended). */
export function windowClosed(): StoppedError {
  return new StoppedError("browser", m().network.answer.windowClosed, STOP_ADVICE.browser);
}

export class PageTransport implements Transport {
  private readonly base: URL;
  /** The page's fetch goes through Chromium's network stack, which resends (transport.ts). */
  readonly mayResend = true;

  constructor(private readonly options: PageTransportOptions) {
    this.base = new URL(options.baseUrl);
  }

  /** The process never holds a cookie value: only the cookie-shaped patterns are removed. */
  scrub(text: string): string {
    return redact(text);
  }

  /** Puts the page back on the site when the user (or a redirect) took it elsewhere. */
  private async onSite(): Promise<void> {
    const { page } = this.options;
    let here: URL | null = null;
    try {
      here = new URL(page.url());
    } catch {
      here = null;
    }
    if (here?.origin === this.base.origin) return;
    await page.goto(new URL(SENT_PAGE_PATH, this.base).href, {
      waitUntil: "domcontentloaded",
    });
  }

  async send(request: WireRequest): Promise<WireResponse> {
    const { page } = this.options;
    const what = `${request.method} ${request.path.split("?")[0]}`;
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    let answer: PageAnswer;
    try {
      await this.onSite();
      answer = await withDeadline(
        page.evaluate<PageAnswer>(
          `(${fetchInPage})(${JSON.stringify({
            url: new URL(request.path, this.base).href,
            method: request.method,
            headers: request.headers ?? {},
            body: request.body ?? null,
            maxBytes: this.options.maxBodyBytes ?? MAX_BODY_BYTES,
            timeoutMs,
          } satisfies PageRequest)}, ${secretPattern})`,
        ),
        timeoutMs + 10_000,
      );
    } catch (error) {
      if (isClosedError(error) || page.isClosed()) throw windowClosed();
      // The page navigated while the request ran (the user clicked, LinkedIn redirected): the
      // answer is lost, and the run settles it by re-reading.
      throw new TransientNetworkError(
        this.scrub(
          `${what}: ${error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)}`,
        ),
      );
    }
    if ("failed" in answer) {
      if (answer.failed === "too-large") {
        throw tooLarge(what, this.options.maxBodyBytes ?? MAX_BODY_BYTES);
      }
      const words = m().network.answer;
      throw new TransientNetworkError(
        this.scrub(
          `${what}: ${answer.failed === "timeout" ? words.timedOut : answer.detail || words.none}`,
        ),
      );
    }
    if (answer.redirected) {
      // As the cookie transport, which follows no redirect, sees it: the redirect itself.
      let location = "/";
      try {
        location = new URL(answer.url).pathname;
      } catch {
        location = "/";
      }
      return { status: 302, location, contentType: answer.contentType, text: "" };
    }
    return {
      status: answer.status,
      location: null,
      contentType: answer.contentType,
      text: answer.text,
    };
  }
}

/** The path of a page URL, when it is a login wall or a security check of the site. */
export function blockerPath(url: string): string | null {
  try {
    const path = new URL(url).pathname;
    return isAuthBlocker(path) ? path : null;
  } catch {
    return null;
  }
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(m().network.answer.noneFromBrowser(ms / 1000))), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
