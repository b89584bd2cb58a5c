/**
 * The browser's options as the command line checks them, before any browser starts: what goes
 * together, what is refused against linkedin.com, and what is said when no browser is there.
 */
import { describe, expect, it } from "vitest";
import { fixture, runCli, useTempDatabase } from "../support/cli.js";

const DEMO = fixture("demo", "Basic_LinkedInDataExport_11-20-2026.zip");
const temp = useTempDatabase();

async function withdraw(...flags: string[]) {
  expect((await runCli(["import", "--db", temp.db, DEMO])).code).toBe(0);
  return runCli(["withdraw", "--db", temp.db, "--batch", "--yes", ...flags], {
    env: { INVITES_COOKIES: "", INVITES_BROWSER: "" },
    cwd: temp.dir,
    timeoutMs: 20_000,
  });
}

describe("--browser and its companions", () => {
  it.each([
    [["--browser", "--cookies", "c.txt"], "--browser and --cookies are two ways to reach LinkedIn"],
    [["--strategy", "click"], "--strategy click works with --browser only"],
    [["--headless"], "--headless works with --browser only"],
    [["--browser", "--strategy", "dom"], '--strategy "dom" must be api or click'],
    [
      ["--browser", "--headless"],
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
