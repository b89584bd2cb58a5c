/**
 * runCli, the command line in this process, against runBinary, the built binary: the same code,
 * stdout and stderr, and nothing of one call left for the next (the environment, the working
 * folder, the exit code, the language).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VERSION } from "../../src/version.js";
import {
  DEMO_EXPORT as DEMO,
  fixture,
  localeEnv,
  runBinary,
  runCli,
  useTempDatabase,
} from "../support/cli.js";

const temp = useTempDatabase();
/** German from LANG, whatever the machine's locale says. */
const GERMAN = localeEnv("de_DE.UTF-8");

describe("runCli", () => {
  it("gives what the binary gives: exit code, stdout and stderr", async () => {
    expect((await runCli(["import", "--db", temp.db, DEMO])).code).toBe(0);
    const missing = join(temp.dir, "missing.db");
    const commands = [
      ["--help"],
      ["--version"],
      ["withdraw", "--help", "--lang", "de"],
      ["status", "--frobnicate"],
      ["status", "--db", missing],
      ["import", "--db", missing, fixture("bad", "unclosed-quote.csv")],
      ["batches", "--db", temp.db, "--as-of", "2026-11-20"],
      ["preview", "--db", temp.db, "--batch", "--as-of", "2026-11-20"],
      ["withdraw", "--db", temp.db, "--batch", "--dry-run", "--as-of", "2026-11-20"],
    ];
    for (const args of commands) {
      const env = { COLUMNS: "100" };
      expect(await runCli(args, { env }), args.join(" ")).toEqual(await runBinary(args, { env }));
    }
  });

  it("puts back the environment, the working folder and the exit code", async () => {
    const env = { ...process.env };
    const cwd = process.cwd();
    const exitCode = process.exitCode;
    const result = await runCli(["import", "--db", "here.db", DEMO], {
      env: { ...GERMAN, INVITES_TEST_ONLY: "1", HOME: undefined },
      cwd: temp.dir,
    });
    expect(result.code, result.stderr).toBe(0);
    // The relative --db was the call's working folder's.
    expect(existsSync(join(temp.dir, "here.db"))).toBe(true);
    expect(result.stdout).toContain("Übersprungen");
    expect(process.env).toEqual(env);
    expect(process.cwd()).toBe(cwd);
    expect(process.exitCode).toBe(exitCode);
  });

  it("speaks each call's own language", async () => {
    const german = await runCli(["--help"], { env: GERMAN });
    expect(german.stdout).toContain("Befehle:");
    const english = await runCli(["--help"], { env: { ...GERMAN, LANG: "C" } });
    expect(english.stdout).toContain("Commands:");
    expect(english.stdout).not.toContain("Befehle:");
  });

  it("refuses a call that starts while another one runs", async () => {
    const first = runCli(["status", "--db", temp.db]);
    await expect(runCli(["status", "--db", temp.db])).rejects.toThrow(/while another one runs/);
    await first;
    // And takes the next call once the first has ended.
    expect((await runCli(["--version"])).stdout).toBe(`${VERSION}\n`);
  });
});
