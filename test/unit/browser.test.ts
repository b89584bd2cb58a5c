/**
 * Which browser is driven and which profile it gets: the name or path given, INVITES_BROWSER,
 * then Chrome, Edge and Chromium where each platform installs them; never an everyday profile.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import {
  checkProfileDir,
  findBrowser,
  isAuthBlocker,
  launchFlags,
  lockProfile,
  makeProfileDir,
  PROFILE_MARKER,
} from "../../src/network/browser.js";
import { toPageInvitation } from "../../src/network/click-driver.js";
import { defaultBrowserProfilePath } from "../../src/store/location.js";

const only =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe("finding the browser", () => {
  it("takes Chrome, then Edge, then Chromium where Linux installs them", () => {
    const find = (...installed: string[]) =>
      findBrowser(undefined, {}, "linux", only(...installed), "/home/k").executablePath;
    expect(find("/usr/bin/chromium", "/usr/bin/google-chrome-stable")).toBe(
      "/usr/bin/google-chrome-stable",
    );
    expect(find("/usr/bin/chromium", "/opt/microsoft/msedge/msedge")).toBe(
      "/opt/microsoft/msedge/msedge",
    );
    expect(find("/snap/bin/chromium")).toBe("/snap/bin/chromium");
  });

  it("knows the macOS and Windows install locations", () => {
    expect(
      findBrowser(
        undefined,
        {},
        "darwin",
        only("/Users/k/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"),
        "/Users/k",
      ),
    ).toEqual({
      executablePath: "/Users/k/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
      label: "Microsoft Edge",
    });
    const env = {
      PROGRAMFILES: "C:\\Program Files",
      "PROGRAMFILES(X86)": "C:\\Program Files (x86)",
      LOCALAPPDATA: "C:\\Users\\k\\AppData\\Local",
    };
    expect(
      findBrowser(
        "chrome",
        env,
        "win32",
        only("C:\\Users\\k\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe"),
      ).executablePath,
    ).toBe("C:\\Users\\k\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe");
    expect(
      findBrowser(
        undefined,
        env,
        "win32",
        only("C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe"),
      ).label,
    ).toBe("Microsoft Edge");
  });

  it("takes --browser before INVITES_BROWSER, each as a name or a path", () => {
    const installed = only("/usr/bin/google-chrome", "/usr/bin/chromium", "/opt/my/browser");
    const env = { INVITES_BROWSER: "chromium" };
    expect(findBrowser(undefined, env, "linux", installed).executablePath).toBe(
      "/usr/bin/chromium",
    );
    expect(findBrowser("/opt/my/browser", env, "linux", installed).executablePath).toBe(
      "/opt/my/browser",
    );
    expect(findBrowser("Google-Chrome", env, "linux", installed).label).toBe("Google Chrome");
    expect(findBrowser(true, {}, "linux", installed).label).toBe("Google Chrome");
  });

  it("names what it looked for when nothing is there", () => {
    const none = () => false;
    expect(() => findBrowser(undefined, {}, "linux", none)).toThrow(UsageError);
    expect(() => findBrowser(undefined, {}, "linux", none)).toThrow(
      /found no Chrome, Edge or Chromium on this computer \(looked for \/usr\/bin\/google-chrome, .*\/snap\/bin\/chromium\)/,
    );
    expect(() => findBrowser("edge", {}, "linux", none)).toThrow(
      /Microsoft Edge is not installed where it usually is \(looked for \/usr\/bin\/microsoft-edge/,
    );
    expect(() => findBrowser("/no/such/browser", {}, "linux", none)).toThrow(
      /--browser "\/no\/such\/browser" is neither a browser this tool knows/,
    );
    expect(() => findBrowser(undefined, { INVITES_BROWSER: "firefox" }, "linux", none)).toThrow(
      /INVITES_BROWSER "firefox"/,
    );
  });

  it("tells someone without any of the three browsers the way with cookies", () => {
    const none = () => false;
    for (const asked of [undefined, "firefox"]) {
      const error = (() => {
        try {
          findBrowser(asked, {}, "linux", none);
        } catch (e) {
          return e;
        }
      })();
      expect(error, String(asked)).toBeInstanceOf(UsageError);
      expect((error as UsageError).suggestion).toContain(
        'withdraw and connections remove take your cookies instead: see "If you cannot use the browser window: copy your cookies" in the README',
      );
    }
  });
});

describe("the browser profile", () => {
  let dir = "";
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = "";
  });

  it("lives in the user data directory by default", () => {
    expect(defaultBrowserProfilePath({}, "linux", "/home/k")).toBe(
      "/home/k/.local/share/invites/browser-profile",
    );
    expect(defaultBrowserProfilePath({}, "darwin", "/Users/k")).toBe(
      "/Users/k/Library/Application Support/invites/browser-profile",
    );
  });

  it("is made 0700 with its marker, and refuses an everyday profile or a foreign folder", () => {
    dir = mkdtempSync(join(tmpdir(), "invites-profile-"));
    const profile = join(dir, "profile");
    makeProfileDir(profile);
    expect(statSync(profile).mode & 0o777).toBe(0o700);
    expect(statSync(join(profile, PROFILE_MARKER)).isFile()).toBe(true);
    expect(() => checkProfileDir(profile)).not.toThrow();
    const everyday = join(dir, ".config", "google-chrome");
    expect(() => checkProfileDir(join(everyday, "Default"), [everyday])).toThrow(
      /is your everyday browser profile/,
    );
    const foreign = join(dir, "photos");
    mkdirSync(foreign);
    writeFileSync(join(foreign, "holiday.jpg"), "");
    expect(() => checkProfileDir(foreign)).toThrow(/is not empty and was not made by invites/);
  });

  it("is held by one command at a time, and the second is told who has it", () => {
    dir = mkdtempSync(join(tmpdir(), "invites-profile-"));
    makeProfileDir(dir);
    const lock = lockProfile(dir, "invites withdraw --batch --browser");
    expect(() => lockProfile(dir, "invites login")).toThrow(
      /the browser profile .* is in use: process \d+: invites withdraw --batch --browser/,
    );
    lock.release();
    lockProfile(dir, "invites login").release();
  });
});

describe("launching", () => {
  it("hides the automation switch, keeps the sandbox but as root, and adds INVITES_BROWSER_ARGS", () => {
    expect(launchFlags(false, {}, false)).toEqual({
      args: ["--disable-blink-features=AutomationControlled"],
      chromiumSandbox: true,
    });
    expect(launchFlags(true, { INVITES_BROWSER_ARGS: " --no-sandbox  --lang=de " }, true)).toEqual({
      args: [
        "--disable-blink-features=AutomationControlled",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-sandbox",
        "--lang=de",
      ],
      chromiumSandbox: false,
    });
  });

  it("tells login walls and security checks from other pages", () => {
    for (const path of ["/login", "/uas/login", "/checkpoint/challenge/AgG1x", "/authwall"]) {
      expect(isAuthBlocker(path)).toBe(true);
    }
    for (const path of ["/feed/", "/mynetwork/invitation-manager/sent/", "/loginhelp"]) {
      expect(isAuthBlocker(path)).toBe(false);
    }
  });
});

describe("a card of the Sent page", () => {
  it("is its person: a member by profile, an e-mail invitee by address, anything else none", () => {
    const member = toPageInvitation({
      href: "/in/J%C3%BCrgen-Wei%C3%9F-1/",
      linkText: "Jürgen Weiß",
      firstLine: "Jürgen Weiß",
    });
    expect(member).toMatchObject({
      id: "in/jürgen-weiß-1",
      surface: "page",
      slug: "jürgen-weiß-1",
      name: "Jürgen Weiß",
      firstName: "Jürgen",
      lastName: "Weiß",
      email: null,
    });
    expect(
      toPageInvitation({
        href: "https://www.linkedin.com/in/anna-a/",
        linkText: "Anna A",
        firstLine: "Anna A",
      })?.id,
    ).toBe("in/anna-a");
    expect(
      toPageInvitation({ href: null, linkText: "", firstLine: "Oma.Hildegard@GMX.example" }),
    ).toMatchObject({ id: "mailto:oma.hildegard@gmx.example", slug: null });
    expect(toPageInvitation({ href: null, linkText: "", firstLine: "Someone" })).toBeNull();
  });
});
