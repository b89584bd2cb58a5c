/**
 * Every variable invites reads (src/env.ts) is in the README's table, and those of the tool's own
 * (`invites`) in the help's Environment section of both languages too.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { VARIABLES } from "../../src/env.js";
import { deHelp, enHelp } from "../../src/i18n/help.js";

const OWN = Object.entries(VARIABLES)
  .filter(([, kind]) => kind === "invites")
  .map(([name]) => name);
const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("every environment variable invites reads", () => {
  it.each(Object.keys(VARIABLES))("%s is in the README's table", (name) => {
    const rows = README.split("\n").filter((line) => line.startsWith("| `"));
    expect(rows.some((row) => row.split(" | ")[0]?.includes(`\`${name}\``))).toBe(true);
  });
});

describe("the tool's own environment variables", () => {
  it("are there to check", () => {
    expect(OWN).toContain("INVITES_DB");
  });

  it.each(OWN)("%s is in the README's table and in the help of both languages", (name) => {
    expect(README).toMatch(new RegExp(`^\\| \`${name}\` \\|`, "m"));
    for (const help of [enHelp, deHelp]) {
      const section = Object.entries(help.environment.variables).flat().join("\n");
      expect(section).toMatch(new RegExp(`\\b${name}\\b`));
    }
  });
});
