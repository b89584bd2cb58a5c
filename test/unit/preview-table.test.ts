import { afterEach, describe, expect, it } from "vitest";
import type { InvitationView } from "../../src/core/preview.js";
import { setLang } from "../../src/i18n/index.js";
import { plain } from "../../src/ui/colour.js";
import { FITTED_ROWS, previewTableLines } from "../../src/ui/preview.js";

const views: InvitationView[] = Array.from({ length: 50 }, (_, i) => ({
  id: i + 1,
  name: i === 0 ? "Maximilian-Alexander von Hohenlohe-Langenburg" : `Jürgen Weiß ${i}`,
  profileUrl: i === 1 ? null : `https://www.linkedin.com/in/juergen-weiss-with-a-long-slug-${i}`,
  email: i === 1 ? "kundenservice.zentrale@stadtwerke-koeln.example" : null,
  sentAt: "2026-11-14T09:15:00Z",
  state: "pending",
  batch: i < 40 ? "B1" : null,
  personal: i >= 40,
  addressBook: true,
  roleAddress: i === 1,
  nextReminder: i < 40 ? "2026-11-21" : null,
  expiresAt: "2027-05-16",
}));

const table = (...args: Parameters<typeof previewTableLines>) =>
  [...previewTableLines(...args)].join("\n");

function widest(text: string): number {
  return Math.max(
    ...text
      .split("\n")
      .filter((l) => /^[│┌└├]/.test(l))
      .map((l) => [...l].length),
  );
}

describe("the preview table", () => {
  it.each([160, 120, 100, 80, 70, 60])("fits a terminal %i columns wide", (width) => {
    const text = table(views, {
      colour: plain,
      width,
      maxRows: 20,
      asOf: new Date("2026-11-20T12:00:00Z"),
    });
    expect(widest(text)).toBeLessThanOrEqual(width);
    expect(text).toContain("… and 30 more (--all to list every one)");
  });

  it("keeps what matters when narrow: name, profile or email, flags and reminder", () => {
    const text = table(views, {
      colour: plain,
      width: 60,
      maxRows: 50,
      asOf: new Date("2026-11-20T12:00:00Z"),
    });
    // The name takes the larger share of what is left: more of it shows than of the profile.
    expect(text).toContain("Maximilian…");
    expect(text).toMatch(/│ kunden/);
    expect(text).toMatch(/│ P\w* +│ –/);
    expect(text).toContain("2026-11-21");
  });

  describe("in German, whose flags are twice as long", () => {
    afterEach(() => setLang("en"));
    // Personal, in an address book and a role address at once: the widest flags there are.
    const flagged = views.map((v) => ({ ...v, personal: true, roleAddress: true }));
    it.each([120, 100, 90, 80, 75, 70])("fits a terminal %i columns wide", (width) => {
      setLang("de");
      const text = table(flagged, {
        colour: plain,
        width,
        maxRows: 20,
        asOf: new Date("2026-11-20T12:00:00Z"),
      });
      expect(widest(text)).toBeLessThanOrEqual(width);
    });
  });
});

describe("a table longer than FITTED_ROWS", () => {
  const asOf = new Date("2026-11-20T12:00:00Z");
  const options = { colour: plain, width: 120, maxRows: Number.POSITIVE_INFINITY, asOf };
  const plainViews = views.map((v) => ({ ...v, personal: false, roleAddress: false }));
  const rowsOf = (text: string) => text.split("\n").filter((l) => /^│/.test(l));
  const cellsOf = (line: string) =>
    line
      .split("│")
      .slice(1, -1)
      .map((cell) => cell.trim());

  it("writes its first lines when its first rows are made, and takes the rest as it goes", () => {
    let made = 0;
    const source = function* () {
      for (let i = 0; i < 5000; i++) {
        made++;
        yield views[i % views.length] as InvitationView;
      }
    };
    const lines = previewTableLines(source(), options);
    expect(lines.next().value).toMatch(/^┌/);
    expect(made).toBe(FITTED_ROWS + 1);
    const rest = [...lines];
    expect(made).toBe(5000);
    expect(rest.filter((l) => /^│/.test(l))).toHaveLength(1 + 5000);
  });

  it("shows each view's cells as the fitted table does, every line as wide as the terminal", () => {
    const long = Array.from({ length: 3000 }, (_, i) => views[i % views.length] as InvitationView);
    const text = table(long, options);
    const fitted = rowsOf(table(views, options)).slice(1).map(cellsOf);
    const streamed = rowsOf(text).slice(1).map(cellsOf);
    expect(streamed).toHaveLength(3000);
    streamed.forEach((cells, i) => {
      expect(cells).toEqual(fitted[i % views.length]);
    });
    const widths = new Set(
      text
        .split("\n")
        .filter((l) => /^[│┌└├]/.test(l))
        .map((l) => [...l].length),
    );
    expect([...widths]).toEqual([120]);
  });

  it("wraps a later view's flags wider than its first rows' in their column, all of them kept", () => {
    const long = Array.from({ length: 2000 }, (_, i) =>
      i === 1500
        ? {
            ...(plainViews[0] as InvitationView),
            name: "Zoë Later",
            personal: true,
            roleAddress: true,
          }
        : (plainViews[i % plainViews.length] as InvitationView),
    );
    const lines = table(long, options).split("\n");
    const at = lines.findIndex((l) => l.startsWith("│ Zoë Later "));
    const own = [lines[at] as string];
    while ((lines[at + own.length] as string).startsWith("│  "))
      own.push(lines[at + own.length] as string);
    expect(own.length).toBeGreaterThan(1);
    expect(own.map((l) => cellsOf(l)[5]).join("")).toBe("personalbookrole");
    expect(new Set(own.map((l) => [...l].length))).toEqual(new Set([120]));
  });

  it("lists up to maxRows and counts the rest", () => {
    const long = Array.from({ length: 2500 }, (_, i) => views[i % views.length] as InvitationView);
    const text = table(long, { ...options, maxRows: 1800 });
    expect(rowsOf(text)).toHaveLength(1 + 1800);
    expect(text).toContain("… and 700 more (--all to list every one)");
  });
});
