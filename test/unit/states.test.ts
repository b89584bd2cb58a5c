import { describe, expect, it } from "vitest";
import {
  indexConnections,
  invitationState,
  type OutgoingInvitationFacts,
} from "../../src/core/states.js";

const base: OutgoingInvitationFacts = {
  peerSlug: "anna-nowak",
  inviteeEmail: null,
  peerNameKey: "anna nowak",
  sentAt: "2026-11-03T09:14:00Z",
  withdrawnAt: null,
  closedAt: null,
};
const asOf = new Date("2026-11-20T12:00:00Z");
const none = indexConnections([]);

describe("invitationState", () => {
  it("is pending while nothing else applies", () => {
    expect(invitationState(base, none, asOf)).toBe("pending");
  });

  it("is accepted when the invitee is a connection by slug", () => {
    const index = indexConnections([{ slug: "anna-nowak", email: null, nameKey: "x" }]);
    expect(invitationState(base, index, asOf)).toBe("accepted");
  });

  it("matches an email invitation by address", () => {
    const inv = { ...base, peerSlug: null, inviteeEmail: "anna@example.pl", peerNameKey: null };
    const index = indexConnections([{ slug: "a", email: "anna@example.pl", nameKey: null }]);
    expect(invitationState(inv, index, asOf)).toBe("accepted");
  });

  it("matches by name only when the invitation has no URL and the name is unique", () => {
    const inv = { ...base, peerSlug: null };
    const one = indexConnections([{ slug: "anna-n", email: null, nameKey: "anna nowak" }]);
    expect(invitationState(inv, one, asOf)).toBe("accepted");
    const two = indexConnections([
      { slug: "anna-n", email: null, nameKey: "anna nowak" },
      { slug: "anna-n2", email: null, nameKey: "anna nowak" },
    ]);
    expect(invitationState(inv, two, asOf)).toBe("pending");
  });

  it("does not take a namesake with another profile for the invitee", () => {
    const index = indexConnections([{ slug: "anna-nowak-2", email: null, nameKey: "anna nowak" }]);
    expect(invitationState(base, index, asOf)).toBe("pending");
  });

  it("matches by name a connection row without URL (exports before mid-2023)", () => {
    const index = indexConnections([{ slug: null, email: null, nameKey: "anna nowak" }]);
    expect(invitationState(base, index, asOf)).toBe("accepted");
  });

  it("expires 183 days after sending", () => {
    const inv = { ...base, sentAt: "2026-05-21T12:00:00Z" };
    expect(invitationState(inv, none, new Date("2026-11-20T11:59:59Z"))).toBe("pending");
    expect(invitationState(inv, none, new Date("2026-11-20T12:00:00Z"))).toBe("expired");
    expect(invitationState(inv, none, asOf, { expiryDays: 200, reinviteDays: 21 })).toBe("pending");
  });

  it("puts withdrawn before accepted, and accepted before expired and closed", () => {
    const index = indexConnections([{ slug: "anna-nowak", email: null, nameKey: null }]);
    expect(invitationState({ ...base, withdrawnAt: "2026-11-10" }, index, asOf)).toBe("withdrawn");
    expect(invitationState({ ...base, sentAt: "2025-01-01T00:00:00Z" }, index, asOf)).toBe(
      "accepted",
    );
    expect(invitationState({ ...base, closedAt: "2026-11-19" }, none, asOf)).toBe("closed");
    expect(
      invitationState(
        { ...base, closedAt: "2026-11-19", sentAt: "2025-01-01T00:00:00Z" },
        none,
        asOf,
      ),
    ).toBe("expired");
  });
});
