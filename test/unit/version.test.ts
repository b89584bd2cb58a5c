/** `invites --version` answers before commander loads, from src/version.ts: it must say what package.json says. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { VERSION } from "../../src/version.js";

it("is package.json's version", () => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "../../package.json"), "utf8"));
  expect(VERSION).toBe(pkg.version);
});
