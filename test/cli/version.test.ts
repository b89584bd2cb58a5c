/**
 * `--version` as a process prints it: alone it is answered by src/main.ts before commander loads
 * (only the binary shows that path); with more given, by commander.
 */
import { spawn } from "node:child_process";
import { expect, it } from "vitest";
import { VERSION } from "../../src/version.js";
import { BIN, binaryEnv, collect, runBinary, runCli } from "../support/cli.js";

it("prints the version alone, and through commander where more is given", async () => {
  for (const flag of ["--version", "-V"]) {
    const result = await runBinary([flag]);
    expect(result).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  }
  const withLang = await runCli(["--lang", "de", "--version"]);
  expect(withLang).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
});

it("ends quietly with exit 0 when its reader has gone before the version is written", async () => {
  const child = spawn(process.execPath, [BIN, "--version"], {
    env: binaryEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.destroy();
  const result = await collect(child);
  expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
});
