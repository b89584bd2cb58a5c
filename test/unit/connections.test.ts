import { describe, expect, it } from "vitest";
import {
  assignBatches,
  BatchOrigins,
  type ConnectionRow,
  compareByConnectedOn,
  selectConnections,
} from "../../src/core/connections.js";
import type { InvitationView } from "../../src/core/preview.js";
import { reinviteAfter } from "../../src/core/states.js";
import { connectionRow } from "../support/rows.js";

/** A stored connection, before anything is known of its batch. */
function connection(id: number, extra: Partial<ConnectionRow> = {}): Omit<ConnectionRow, "batch"> {
  const { batch: _, ...row } = connectionRow(id, extra);
  return row;
}

const invitation = (extra: Partial<InvitationView>) =>
  ({ batch: "B1", state: "accepted", profileUrl: null, email: null, ...extra }) as InvitationView;

function originsOf(invitations: InvitationView[]): BatchOrigins {
  const origins = new BatchOrigins();
  for (const i of invitations) origins.add(i);
  return origins;
}

describe("where a connection came from", () => {
  it("takes the batch of the invitation it accepted, by profile or by address", () => {
    const rows = assignBatches(
      [
        connection(1),
        connection(2, { slug: null, url: null, email: "zoe@example.fr" }),
        connection(3),
        connection(4),
      ],
      originsOf([
        invitation({ profileUrl: "https://www.linkedin.com/in/Person-1/" }),
        invitation({ email: "zoe@example.fr", batch: "B2" }),
        // Still pending, or accepted outside a batch: neither makes a batch connection.
        invitation({ profileUrl: "https://www.linkedin.com/in/person-3", state: "pending" }),
        invitation({ profileUrl: "https://www.linkedin.com/in/person-4", batch: null }),
      ]),
    );
    expect(rows.map((r) => r.batch)).toEqual(["B1", "B2", null, null]);
    expect(selectConnections(rows, { batch: true }).map((r) => r.id)).toEqual([1, 2]);
  });

  it("counts the batch's invitations that closed without a withdrawal here", () => {
    const views = [
      invitation({ state: "closed" }),
      invitation({ state: "closed", batch: null }),
      invitation({ state: "withdrawn" }),
      invitation({ state: "pending" }),
    ];
    expect(originsOf(views).closed).toBe(1);
  });
});

describe("the order of a removal", () => {
  it("is longest-standing first, unknown dates last, then by name as a German reads it", () => {
    const rows = [
      connection(1, { connectedOn: null }),
      connection(2, { firstName: "Zoë", lastName: "Lefèvre" }),
      connection(3, { firstName: "Ärne", lastName: "Berg" }),
      connection(4, { connectedOn: "2019-03-01" }),
    ].map((c): ConnectionRow => ({ ...c, batch: null }));
    expect(rows.sort(compareByConnectedOn).map((r) => r.id)).toEqual([4, 3, 2, 1]);
  });
});

describe("re-inviting", () => {
  it("is possible 21 days after the withdrawal, as a UTC day", () => {
    expect(reinviteAfter(new Date("2026-11-22T23:30:00Z"))).toBe("2026-12-13");
  });
});
