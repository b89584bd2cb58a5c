import { afterEach, describe, expect, it } from "vitest";
import type { InvitationView } from "../../src/core/preview.js";
import { setLang } from "../../src/i18n/index.js";
import { plain } from "../../src/ui/colour.js";
import { previewTableLines } from "../../src/ui/preview.js";

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
    expect(text).toContain("Maximil…");
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
