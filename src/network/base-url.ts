/** Where the network is: linkedin.com, or the emulation that --base-url names. */
import { readSetEnv } from "../env.js";
import { UsageError } from "../errors.js";
import { m } from "../i18n/index.js";

const DEFAULT_BASE_URL = "https://www.linkedin.com";

/** linkedin.com or one of its subdomains (a cookie's domain, a URL's host). */
export function isLinkedInHost(host: string): boolean {
  return /(^|\.)linkedin\.com$/i.test(host);
}

/**
 * --base-url, else INVITES_BASE_URL (where it holds more than spaces), else linkedin.com; and
 * whether that is LinkedIn itself (where headless windows, fast paces and high caps need the
 * user's word). A value that is no URL is a usage error.
 */
export function resolveBaseUrl(
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): {
  baseUrl: string;
  isLinkedIn: boolean;
} {
  const baseUrl = option ?? readSetEnv("INVITES_BASE_URL", env) ?? DEFAULT_BASE_URL;
  let host: string;
  try {
    host = new URL(baseUrl).hostname;
  } catch {
    throw new UsageError(m().run.options.badUrl(baseUrl));
  }
  return { baseUrl, isLinkedIn: isLinkedInHost(host) };
}
