/**
 * The browser's options as the command line checks them, before any browser starts: what goes
 * together, what is refused against linkedin.com, and what is said when no browser is there;
 * and login and logout as they say it in German.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROFILE_MARKER } from "../../src/network/browser.js";
import { CHROMIUM } from "../support/browser.js";
import { DEMO_EXPORT as DEMO, runCli, useTempDatabase } from "../support/cli.js";

const temp = useTempDatabase();

async function withdraw(...flags: string[]) {
  expect((await runCli(["import", "--db", temp.db, DEMO])).code).toBe(0);
  return runCli(["withdraw", "--db", temp.db, "--batch", "--yes", ...flags], {
    env: { INVITES_COOKIES: "", INVITES_BROWSER: "" },
    cwd: temp.dir,
  });
}

describe("--browser and its companions", () => {
  it.each([
    [["--browser", "--cookies", "c.txt"], "--browser and --cookies are two ways to reach LinkedIn"],
    [["--strategy", "click"], "--strategy click works with --browser only"],
    [["--headless"], "--headless works with --browser only"],
    [["--browser", "--strategy", "dom"], '--strategy "dom" must be api or click'],
    [
      // A dry run: were the refusal broken, the test must not open a browser on linkedin.com.
      ["--browser", "--headless", "--base-url", "https://www.linkedin.com", "--dry-run"],
      "--headless against linkedin.com shows LinkedIn a browser without a window",
    ],
    [
      ["--browser", "/no/such/browser"],
      '--browser "/no/such/browser" is neither a browser this tool knows',
    ],
  ])("refuses %j before anything is sent, exit 2", async (flags, message) => {
    const result = await withdraw(...flags);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("says how to log in when neither the browser nor cookies are given", async () => {
    const result = await withdraw();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "no LinkedIn session: neither --browser nor cookies were given",
    );
    expect(result.stderr).toContain("log in once with: invites login, then add --browser");
  });

  it("opens no browser on a dry run", async () => {
    const result = await withdraw("--dry-run", "--browser", "/no/such/browser");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Plan: withdraw 38 invitations");
  });

  it("refuses a headless login to linkedin.com, and lists login and logout in the help", async () => {
    const login = await runCli(["login", "--headless", "--base-url", "https://www.linkedin.com"]);
    expect(login.code).toBe(2);
    expect(login.stderr).toContain("LinkedIn's login needs a window you can see");
    const help = await runCli(["--help"]);
    expect(help.stdout).toMatch(/login .*open your browser on LinkedIn's login/);
    expect(help.stdout).toMatch(/logout .*delete the browser profile of invites/);
    expect(help.stdout).toContain("INVITES_BROWSER ");
    const withdrawHelp = await runCli(["withdraw", "--help"]);
    expect(withdrawHelp.stdout).toContain("--strategy <api|click>");
    expect(withdrawHelp.stdout).toContain("Exit codes:");
    const removeHelp = await runCli(["connections", "remove", "--help"]);
    expect(removeHelp.stdout).not.toContain("--strategy");
    expect(removeHelp.stdout).toContain("no clicking is needed");
  });
});

describe("invites login without a screen", () => {
  it("says there is no screen before it says a window opens, exit 2", async () => {
    const login = await runCli(
      ["login", "--browser", CHROMIUM, "--browser-profile", join(temp.dir, "profile")],
      { env: { DISPLAY: undefined, WAYLAND_DISPLAY: undefined }, cwd: temp.dir },
    );
    expect(login.code).toBe(2);
    expect(login.stderr).toMatch(/^invites: there is no screen here to open a browser window on/);
    expect(login.stderr).not.toContain("Opening");
    // login itself takes no cookies: the advice names the commands that do.
    expect(login.stderr).toContain("give withdraw and connections remove your cookies instead");
    expect(existsSync(join(temp.dir, "profile"))).toBe(false);
  });
});

describe("invites login and logout in German", () => {
  it("refuses a headless login to linkedin.com with --lang de", async () => {
    const login = await runCli([
      "login",
      "--lang",
      "de",
      "--headless",
      "--base-url",
      "https://www.linkedin.com",
    ]);
    expect(login.code).toBe(2);
    expect(login.stderr).toBe(
      "invites: Die Anmeldung bei LinkedIn braucht ein Fenster, das Sie sehen: --headless ist nur für die Nachbildung von LinkedIn und für Tests gedacht\n  Lassen Sie --headless weg\n",
    );
  });

  it("names a browser it does not know, and an address that is none, in the language of LANG", async () => {
    const env = { LANG: "de_DE.UTF-8", INVITES_BROWSER: "" };
    const browser = await runCli(["login", "--browser", "/no/such/browser"], { env });
    expect(browser.code).toBe(2);
    expect(browser.stderr).toContain(
      '--browser "/no/such/browser" ist weder ein Browser, den dieses Werkzeug kennt (chrome, edge, chromium), noch ein vorhandenes Programm',
    );
    expect(browser.stderr).toContain("Geben Sie chrome, edge oder chromium an");
    const address = await runCli(["login", "--headless", "--base-url", "::"], { env });
    expect(address.code).toBe(2);
    expect(address.stderr).toContain('--base-url "::" ist keine URL');
  });

  it("logs out in German: nothing to delete, asking first, and deleted", async () => {
    const profile = join(temp.dir, "profile");
    const logout = (...flags: string[]) =>
      runCli(["logout", "--lang", "de", "--browser-profile", profile, ...flags], {
        cwd: temp.dir,
      });
    mkdirSync(profile);
    const empty = await logout();
    expect(empty.code).toBe(0);
    // Prose, wrapped to the width: compared with one space for each break.
    const prose = (text: string) => text.replace(/\s+/g, " ").trim();
    expect(prose(empty.stderr)).toBe(
      `${profile} ist ein leerer Ordner, kein Browserprofil von invites: Es gibt nichts zu löschen.`,
    );
    writeFileSync(join(profile, PROFILE_MARKER), "");
    const noTerminal = await logout();
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.stderr).toBe(
      "invites: Der Befehl logout fragt nach, bevor er die Anmeldung löscht, aber es gibt kein Terminal, in dem gefragt werden kann\n  Fügen Sie --yes hinzu, um sie ohne Nachfrage zu löschen\n",
    );
    const deleted = await logout("--yes");
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(prose(deleted.stderr)).toBe(
      `Das Browserprofil von invites unter ${profile} wurde gelöscht: invites ist bei LinkedIn abgemeldet.`,
    );
    expect(existsSync(profile)).toBe(false);
  });

  it("says in German how to log in when neither the browser nor cookies are given", async () => {
    const result = await withdraw("--lang", "de");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "Keine Sitzung bei LinkedIn: Weder --browser noch Cookies wurden angegeben",
    );
    expect(result.stderr).toContain("Melden Sie sich einmal an mit: invites login");
  });
});
