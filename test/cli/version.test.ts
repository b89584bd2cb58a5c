/**
 * `--version` as a process prints it: alone it is answered by src/main.ts before commander loads
 * (only the binary shows that path); with more given, by commander.
 */
import { expect, it } from "vitest";
import { VERSION } from "../../src/version.js";
import { runBinary, runCli } from "../support/cli.js";

it("prints the version alone, and through commander where more is given", async () => {
  for (const flag of ["--version", "-V"]) {
    const result = await runBinary([flag]);
    expect(result).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  }
  const withLang = await runCli(["--lang", "de", "--version"]);
  expect(withLang).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
});
