/** What the guide (commands/start.ts) makes of a path typed or dropped into the terminal. */
import { homedir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { looksLikeCookies, typedPath } from "../../src/commands/start.js";

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

describe("cookies pasted where a path is asked for", () => {
  it("are told from a path in the forms people copy them, and a path is not taken for them", () => {
    const liAt = "AQEDARxxYZ0B1hpmAAABk9Xq-8sAAAGT_fdvy04AsE1Wn3cdBnJd2Dt8bXfSzQ9kT2c";
    for (const pasted of [
      `li_at=${liAt}; JSESSIONID="ajax:1234567890123456789"`,
      `Cookie: JSESSIONID="ajax:1234567890123456789"; li_at=${liAt}`,
      `bcookie="v=2&abc"; lang=v=2&lang=de-de`,
      `li_at\t${liAt}\t.www.linkedin.com\t/`,
      liAt,
      `"ajax:1234567890123456789"`,
      "curl 'https://www.linkedin.com/feed/' -H 'cookie: a=b'",
    ]) {
      expect(looksLikeCookies(pasted), pasted).toBe(true);
    }
    for (const path of [
      "/home/anna/Downloads/Basic_LinkedInDataExport_11-20-2026.zip",
      "Basic_LinkedInDataExport_11-20-2026.zip",
      "~/Schreibtisch/Outlook-Kontakte.CSV",
      "C:\\Users\\Anna\\Downloads\\Complete_LinkedInDataExport_11-20-2026.zip",
      "'/home/anna/Meine Downloads/export (1).zip' ",
      "",
    ]) {
      expect(looksLikeCookies(path), path).toBe(false);
    }
  });
});
