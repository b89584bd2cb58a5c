/** `--version` as a process prints it: alone it is answered before commander, with a command by commander. */
import { expect, it } from "vitest";
import { VERSION } from "../../src/version.js";
import { runCli } from "../support/cli.js";

it("prints the version alone, and through commander where more is given", async () => {
  for (const flag of ["--version", "-V"]) {
    const result = await runCli([flag]);
    expect(result).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  }
  const withLang = await runCli(["--lang", "de", "--version"]);
  expect(withLang.code).toBe(0);
  expect(withLang.stdout).toBe(`${VERSION}\n`);
});
