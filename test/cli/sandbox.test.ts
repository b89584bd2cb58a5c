import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { BIN, binaryEnv, DEMO_EXPORT as DEMO, localeEnv, runCli } from "../support/cli.js";

describe("invites sandbox", () => {
  it("prints exactly its URL and cookie line first, serves the state, and stops on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      [BIN, "sandbox", "--seed", DEMO, "--as-of", "2026-11-20", "--json"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    const first = await new Promise<string>((resolve) => {
      createInterface({ input: child.stdout }).once("line", resolve);
    });
    expect(first).toMatch(
      /^\{"url": "http:\/\/127\.0\.0\.1:\d+", "cookie": "li_at=[\w-]+; JSESSIONID=\\"ajax:\d{19}\\""\}$/,
    );
    const { url } = JSON.parse(first) as { url: string };
    const state = (await (await fetch(`${url}/__sandbox/state`)).json()) as {
      invitations: Array<Record<string, unknown>>;
      connections: Array<Record<string, unknown>>;
    };
    expect(Object.keys(state.invitations[0] ?? {})).toEqual([
      "id",
      "inviteeName",
      "profileUrl",
      "email",
      "state",
      "withdrawCalls",
      "via",
    ]);
    expect(Object.keys(state.connections[0] ?? {})).toEqual([
      "profileUrl",
      "name",
      "state",
      "removeCalls",
      "via",
    ]);
    expect(state.invitations.filter((i) => i.state === "pending")).toHaveLength(41);
    expect(state.invitations.filter((i) => i.state === "expired")).toHaveLength(2);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("says in German where it runs, with which cookie, and how to log in and stop it", async () => {
    const child = spawn(
      process.execPath,
      [BIN, "sandbox", "--seed", DEMO, "--as-of", "2026-11-20", "--page-cap", "1"],
      { stdio: ["ignore", "pipe", "pipe"], env: binaryEnv(localeEnv("de_DE.UTF-8")) },
    );
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    const lines: string[] = [];
    await new Promise<void>((resolve) => {
      const reader = createInterface({ input: child.stdout });
      reader.on("line", (line) => {
        if (lines.push(line) === 5) reader.close();
      });
      // Also when it ends early: the lines it did print are then what the test shows.
      reader.on("close", resolve);
    });
    const url = /^LinkedIn-Nachbildung unter (http:\/\/127\.0\.0\.1:\d+): /.exec(
      lines[0] ?? "",
    )?.[1];
    expect(url, lines[0]).toBeDefined();
    expect(lines).toEqual([
      `LinkedIn-Nachbildung unter ${url}: 41 ausstehende Einladungen, 9 Kontakte; Oberflächen legacy, dash, graphql, sdui, höchstens 1 Zeile je Seite.`,
      "Cookie-Zeile für --cookies oder INVITES_COOKIES (Testwerte, kein echtes Konto):",
      expect.stringMatching(/^li_at=[\w-]+; JSESSIONID="ajax:\d{19}"$/),
      `Anmeldung im Browser: ${url}/login, mit einer beliebigen E-Mail-Adresse und dem Passwort sandbox; danach invites login --base-url ${url}.`,
      `Zustand: ${url}/__sandbox/state. Strg+C beendet die Nachbildung.`,
    ]);
    // An answer from the emulation: it is past its last line and listens for SIGTERM.
    expect((await fetch(`${url}/__sandbox/state`)).ok).toBe(true);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("refuses a fault, surface, page cap or envelope it does not know, with exit 2", async () => {
    const result = await runCli(["sandbox", "--seed", DEMO, "--faults", "boom@1"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--faults: "boom@1" is not a fault');
    for (const [flag, value, words] of [
      ["--surfaces", "legacy,soap", "names no surface"],
      ["--page-cap", "0", "not a whole number of at least 1"],
      ["--envelope", "square", "must be one of normalized, wrapped, inline, unknown"],
    ]) {
      const refused = await runCli(["sandbox", "--seed", DEMO, flag as string, value as string]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(words);
    }
  });

  it("refuses a fault and a surface it does not know in German", async () => {
    const fault = await runCli(["sandbox", "--lang", "de", "--seed", DEMO, "--faults", "boom@1"]);
    expect(fault.code).toBe(2);
    expect(fault.stderr).toContain(
      'invites: --faults: "boom@1" ist keine Störung, die die Nachbildung kennt (erwartet: ART@N, mit ART aus 429, 500,',
    );
    const surface = await runCli(["sandbox", "--seed", DEMO, "--surfaces", "soap"], {
      env: { LANG: "de_DE.UTF-8" },
    });
    expect(surface.code).toBe(2);
    expect(surface.stderr).toContain('--surfaces "soap" nennt keine bekannte Oberfläche');
  });
});
