/** Every envelope LinkedIn has answered a list in, and everything that must not read as a list. */
import { describe, expect, it } from "vitest";
import {
  follow,
  readCollection,
  readNormalized,
  ShapeError,
  urnId,
} from "../../src/network/envelope.js";

const view = (n: number) => `urn:li:fs_relSentInvitationView:${n}`;

describe("reading a list in any envelope", () => {
  it("resolves *-pointers through included, never by position, and reads ids from URN strings", () => {
    const c = readCollection({
      data: { "*elements": [view(1), view(2)] },
      included: [
        {
          entityUrn: "urn:li:fs_relInvitation:7233649881779728384",
          invitationId: 7233649881779728000,
        },
        { entityUrn: view(2), "*invitation": "urn:li:missing:1" },
        { entityUrn: view(1), "*invitation": "urn:li:fs_relInvitation:7233649881779728384" },
      ],
    });
    expect(c.rows.map((v) => v.entityUrn)).toEqual([view(1), view(2)]);
    const invitation = c.rows[0] && follow(c, c.rows[0], "invitation");
    expect(urnId(invitation?.entityUrn)).toBe("7233649881779728384");
    expect(c.rows[1] && follow(c, c.rows[1], "invitation")).toBeUndefined();
  });

  it("reads the wrapped envelope (data.data), inline rows, and rows at the top level", () => {
    const row = { entityUrn: view(1), invitation: { entityUrn: "urn:li:fs_relInvitation:9" } };
    for (const answer of [
      { data: { data: { elements: [row] } } },
      { data: { data: { "*elements": [view(1)] } }, included: [row] },
      { data: { elements: [row] } },
      { elements: [row], paging: { start: 0, count: 10 } },
    ]) {
      const c = readCollection(answer);
      expect(c.rows).toHaveLength(1);
      expect(urnId(follow(c, c.rows[0] as never, "invitation")?.entityUrn)).toBe("9");
    }
  });

  it("reads GraphQL's list under its finder, normalized and inline", () => {
    const row = { invitation: { entityUrn: "urn:li:fsd_invitation:7" } };
    const finder = "relationshipsDashSentInvitationViewsByInvitationType";
    expect(readCollection({ data: { [finder]: { elements: [row] } } }, finder).rows).toEqual([row]);
    expect(
      readCollection(
        {
          data: { data: { [finder]: { "*elements": ["urn:li:x:1"] } } },
          included: [{ entityUrn: "urn:li:x:1" }],
        },
        finder,
      ).rows,
    ).toEqual([{ entityUrn: "urn:li:x:1" }]);
  });

  it("reads an empty page as empty, and only that", () => {
    expect(readCollection({ data: { "*elements": [], paging: {} }, included: [] }).rows).toEqual(
      [],
    );
    expect(readCollection({ elements: [] }).rows).toEqual([]);
  });

  it("refuses what is not provably a list: no container, a dangling pointer, a zero beside data", () => {
    const refuse = (answer: unknown) => expect(() => readCollection(answer)).toThrow(ShapeError);
    // Rows under a key no client knows: a silent zero in the old client.
    refuse({ data: { "*results": [view(1)] }, included: [{ entityUrn: view(1) }] });
    refuse({ data: { paging: { total: 0 } } });
    refuse({});
    refuse(null);
    refuse("<html>");
    // A row that is listed but not included is a person silently missing.
    refuse({ data: { "*elements": [view(1), view(2)] }, included: [{ entityUrn: view(1) }] });
    // An empty list beside entities: the rows are somewhere this reader does not look.
    refuse({ data: { "*elements": [] }, included: [{ entityUrn: view(1) }] });
  });

  it("reads the session's single entity, wrapped or not", () => {
    const mini = { entityUrn: "urn:li:fs_miniProfile:1", publicIdentifier: "katrin" };
    for (const answer of [
      { data: { "*miniProfile": mini.entityUrn }, included: [mini] },
      { data: { data: { "*miniProfile": mini.entityUrn } }, included: [mini] },
    ]) {
      const n = readNormalized(answer);
      expect(follow(n, n.data, "miniProfile")?.publicIdentifier).toBe("katrin");
    }
  });
});
