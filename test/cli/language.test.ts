/** The binary speaks German from the environment alone: help, commander's errors, exit codes. */
import { describe, expect, it } from "vitest";
import { localeEnv, runCli } from "../support/cli.js";

const GERMAN = { ...localeEnv("de_DE.UTF-8"), COLUMNS: "80" };

describe("invites under LANG=de_DE.UTF-8", () => {
  it("prints its help in German, within 80 columns", async () => {
    const result = await runCli(["connections", "remove", "--help"], { env: GERMAN });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Aufruf: invites connections remove [Optionen]");
    expect(result.stdout).toContain("Klicken ist also nicht nötig");
    expect(result.stdout).toContain("130  abgebrochen bei einer Rückfrage");
    expect(result.stdout).not.toContain("Options:");
    for (const line of result.stdout.split("\n")) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it("says commander's errors in German, with exit code 2", async () => {
    const result = await runCli(["status", "--jsn"], { env: GERMAN });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'Fehler: unbekannte Option "--jsn"\n(Meinten Sie --json?)\n(mit --help sehen Sie, wie der Befehl aufgerufen wird)\n',
    );
  });
});
