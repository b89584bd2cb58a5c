/** Where the network is: linkedin.com, or the emulation that --base-url names. */
import { readEnv } from "../env.js";
import { UsageError } from "../errors.js";
import { m } from "../i18n/index.js";

export const DEFAULT_BASE_URL = "https://www.linkedin.com";

/**
 * --base-url, else INVITES_BASE_URL, else linkedin.com; and whether that is LinkedIn itself
 * (where headless windows, fast paces and high caps need the user's word). A value that is no
 * URL is a usage error.
 */
export function resolveBaseUrl(option: string | undefined): {
  baseUrl: string;
  isLinkedIn: boolean;
} {
  const baseUrl = option ?? readEnv("INVITES_BASE_URL") ?? DEFAULT_BASE_URL;
  let host: string;
  try {
    host = new URL(baseUrl).hostname.toLowerCase();
  } catch {
    throw new UsageError(m().run.options.badUrl(baseUrl));
  }
  return { baseUrl, isLinkedIn: host === "linkedin.com" || host.endsWith(".linkedin.com") };
}
