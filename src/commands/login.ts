/**
 * `invites login` and `invites logout`: the browser profile of invites, logged in to LinkedIn
 * by the user in a window of their own browser (2FA, captchas and "Is this you?" are solved
 * there), and deleted again. The session check runs inside that window's page; no cookie value
 * ever reaches this process.
 */
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { CancelledError, StoppedError, UsageError } from "../errors.js";
import { m } from "../i18n/index.js";
import { resolveBaseUrl } from "../network/base-url.js";
import {
  type BrowserWindow,
  checkProfileDir,
  checkScreen,
  findBrowser,
  isAuthBlocker,
  lockProfile,
  openBrowser,
  PROFILE_MARKER,
} from "../network/browser.js";
import type { Account } from "../network/driver.js";
import { LinkedInClient } from "../network/linkedin-client.js";
import { realSleep } from "../network/pacer.js";
import { PageTransport } from "../network/page-transport.js";
import { TransientNetworkError } from "../network/transport.js";
import { resolveBrowserProfilePath } from "../store/location.js";
import type { Output } from "../ui/output.js";
import { printable } from "../ui/printable.js";
import { askYesNo } from "../ui/prompts.js";
import { wrap } from "../ui/wrap.js";

export interface LoginOptions {
  browser?: string | boolean;
  browserProfile?: string;
  baseUrl?: string;
  headless?: boolean;
}

/** How long the user has to log in, 2FA and checks included. */
const LOGIN_WAIT_MS = 10 * 60_000;

export async function runLogin(options: LoginOptions, output: Output): Promise<number> {
  const { baseUrl, isLinkedIn } = resolveBaseUrl(options.baseUrl);
  const headless = options.headless === true;
  const words = m().network.login;
  if (headless && isLinkedIn) throw new UsageError(words.headless, words.headlessFix);
  const browser = findBrowser(typeof options.browser === "string" ? options.browser : true);
  const profileDir = resolveBrowserProfilePath(options.browserProfile);
  const site = new URL(baseUrl);
  // Before it says a window opens.
  checkScreen(headless);
  output.err(
    wrap(
      words.opening(printable(browser.label), `${site.origin}/login`, printable(profileDir)),
      output.width,
    ),
  );
  if (!headless) output.err(wrap(words.logInThere(LOGIN_WAIT_MS / 60_000), output.width));
  const window = await openBrowser({
    browser,
    profileDir,
    headless,
    url: new URL("/login", site).href,
    holder: "invites login",
  });
  try {
    const account = await waitForLogin(window, site);
    output.out(words.loggedIn(printable(account.publicIdentifier)));
    output.err(wrap(words.kept(printable(profileDir)), output.width));
    return 0;
  } finally {
    await window.close();
  }
}

/**
 * Waits until the window has left the login and check pages for a page of the site, and the
 * session check works there; a window closed first is a cancel.
 */
async function waitForLogin(window: BrowserWindow, site: URL): Promise<Account> {
  const api = new LinkedInClient({
    transport: new PageTransport({ page: window.page, baseUrl: site.href }),
  });
  const deadline = Date.now() + LOGIN_WAIT_MS;
  for (;;) {
    if (window.closed) throw new CancelledError();
    let here: URL | null = null;
    try {
      here = new URL(window.page.url());
    } catch {
      here = null;
    }
    // Only once the user is through: a check while they type would ask LinkedIn for nothing.
    if (here?.origin === site.origin && !isAuthBlocker(here.pathname)) {
      try {
        return await api.checkSession();
      } catch (error) {
        if (!(error instanceof TransientNetworkError)) {
          if (!(error instanceof StoppedError)) throw error;
          if (!["expired", "challenge", "csrf"].includes(error.signal)) throw error;
        }
      }
    }
    if (Date.now() > deadline) {
      const words = m().network.login;
      throw new StoppedError("expired", words.tooLong(LOGIN_WAIT_MS / 60_000), words.tooLongFix);
    }
    await realSleep(1000);
  }
}

export interface LogoutOptions {
  browserProfile?: string;
  yes?: boolean;
}

/** Deletes the profile after asking; only a folder that invites made (it holds our marker). */
export async function runLogout(options: LogoutOptions, output: Output): Promise<number> {
  const dir = resolveBrowserProfilePath(options.browserProfile);
  const shown = printable(dir);
  const words = m().network.logout;
  if (!existsSync(dir)) {
    output.err(wrap(words.none(shown), output.width));
    return 0;
  }
  checkProfileDir(dir);
  if (!existsSync(join(dir, PROFILE_MARKER))) {
    output.err(wrap(words.emptyFolder(shown), output.width));
    return 0;
  }
  if (!options.yes && !output.isInteractive) {
    throw new UsageError(words.noTerminal, words.noTerminalFix);
  }
  const lock = lockProfile(dir, "invites logout");
  try {
    if (!options.yes && !(await askYesNo(words.ask(shown), false))) throw new CancelledError();
    // Windows does not delete a file that is open; elsewhere the lock is held to the end.
    if (process.platform === "win32") lock.release();
    rmSync(dir, { recursive: true, force: true });
  } finally {
    lock.release();
  }
  output.err(wrap(words.deleted(shown), output.width));
  return 0;
}
