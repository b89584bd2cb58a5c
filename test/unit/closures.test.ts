import { describe, expect, it } from "vitest";
import { isMassClosure, pendingClosedShare } from "../../src/core/closures.js";
import { indexConnections, type OutgoingInvitationFacts } from "../../src/core/states.js";

const AS_OF = new Date("2026-11-26T12:00:00Z");

function invitation(id: number, extra: Partial<OutgoingInvitationFacts> = {}) {
  return {
    id,
    peerSlug: `person-${id}`,
    inviteeEmail: null,
    peerNameKey: null,
    sentAt: "2026-11-14T09:15:00Z",
    withdrawnAt: null,
    closedAt: null,
    ...extra,
  };
}

describe("a mass closure", () => {
  it("is more than half of what was open, and at least ten", () => {
    expect(isMassClosure({ closing: 10, open: 19 })).toBe(true);
    expect(isMassClosure({ closing: 11, open: 20 })).toBe(true);
    expect(isMassClosure({ closing: 10, open: 20 })).toBe(false);
    expect(isMassClosure({ closing: 9, open: 9 })).toBe(false);
    expect(isMassClosure({ closing: 41, open: 41 })).toBe(true);
  });

  it("counts only invitations that were pending: not accepted, expired, withdrawn or closed", () => {
    const invitations = [
      invitation(1),
      invitation(2),
      invitation(3, { peerSlug: "now-a-connection" }),
      invitation(4, { sentAt: "2026-03-02T14:30:00Z" }),
      invitation(5, { withdrawnAt: "2026-11-20T10:00:00Z" }),
      invitation(6, { closedAt: "2026-11-20T00:00:00Z" }),
      invitation(7),
    ];
    const share = pendingClosedShare(
      invitations,
      { closed: new Set([1, 3, 4, 5]), reopened: new Set() },
      indexConnections([{ slug: "now-a-connection", email: null, nameKey: null }]),
      AS_OF,
    );
    expect(share).toEqual({ closing: 1, open: 3 });
  });

  it("takes an invitation this import opened again as closed before it", () => {
    const share = pendingClosedShare(
      [invitation(1), invitation(2), invitation(3)],
      { closed: new Set([1]), reopened: new Set([3]) },
      indexConnections([]),
      AS_OF,
    );
    expect(share).toEqual({ closing: 1, open: 2 });
  });
});
