/** What the guide (commands/start.ts) makes of a path typed or dropped into the terminal. */
import { homedir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { typedPath } from "../../src/commands/start.js";

describe("a typed path", () => {
  it("is taken as the user meant it: quoted, dropped with a trailing space, escaped, or from ~", () => {
    const zip = "/home/anna/Downloads/Basic_LinkedInDataExport_11-20-2026.zip";
    expect(typedPath(`${zip}\n`)).toBe(zip);
    expect(typedPath(`'${zip}' `)).toBe(zip);
    expect(typedPath(`"${zip}"`)).toBe(zip);
    expect(typedPath("/home/anna/Meine\\ Downloads/export\\ \\(1\\).zip")).toBe(
      "/home/anna/Meine Downloads/export (1).zip",
    );
    expect(typedPath("~/Downloads/export.zip")).toBe(join(homedir(), "Downloads/export.zip"));
    expect(typedPath("~")).toBe(homedir());
    // Only a leading ~ of the user's own home: another's, or one inside a name, stays.
    expect(typedPath("~bob/export.zip")).toBe("~bob/export.zip");
    expect(typedPath("  ")).toBe("");
  });
});
