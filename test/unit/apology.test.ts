/** The apology's rows (core/apology.ts): whom a note goes to, found by the address books. */
import { describe, expect, it } from "vitest";
import { buildApologies, DEFAULT_TEMPLATES } from "../../src/core/apology.js";
import type { InvitationView } from "../../src/core/preview.js";

function withdrawn(name: string, email: string | null = null): InvitationView {
  return {
    id: 1,
    name,
    profileUrl: email
      ? null
      : `https://www.linkedin.com/in/${name.toLowerCase().replace(/ /g, "-")}`,
    email,
    sentAt: "2026-11-14T09:15:00Z",
    state: "withdrawn",
    batch: "B1",
    personal: false,
    addressBook: true,
    roleAddress: false,
    nextReminder: null,
    expiresAt: "2027-05-16",
  };
}

const options = { sender: "Katrin", includeRoleAddresses: false };

describe("buildApologies", () => {
  it("leaves out a role address found by the name, and does not count it as a second address", () => {
    const byName = new Map([
      ["anna schmidt", ["info@firma.de"]],
      ["lena voss", ["lena@example.de", "jobs@firma.de"]],
    ]);
    const { rows, severalAddresses } = buildApologies(
      [withdrawn("Anna Schmidt"), withdrawn("Lena Voss")],
      byName,
      DEFAULT_TEMPLATES.en,
      options,
    );
    expect(rows.map((r) => r.email)).toEqual(["lena@example.de"]);
    expect(severalAddresses).toEqual([]);
    const asked = buildApologies([withdrawn("Anna Schmidt")], byName, DEFAULT_TEMPLATES.en, {
      ...options,
      includeRoleAddresses: true,
    });
    expect(asked.rows.map((r) => r.email)).toEqual(["info@firma.de"]);
  });
});
