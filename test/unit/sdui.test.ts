/**
 * Reading the server-driven sent list: by anchors, healed of chunk joins, at both escaping
 * depths, each row's fields from its own payload, and failing closed when the anchors disagree.
 */
import { describe, expect, it } from "vitest";
import { ShapeError } from "../../src/network/envelope.js";
import {
  fullWithdrawBody,
  objectsWithKey,
  readRscPage,
  readScriptText,
  readSentPage,
  readTotal,
  unescapeJs,
  WITHDRAW_CONTROL,
  withdrawBody,
} from "../../src/network/sdui.js";
import { sentPageHtml, sentPageRsc } from "../../src/sandbox/sdui.js";
import { seedWorld } from "../../src/sandbox/seed.js";
import { pendingInvitations } from "../../src/sandbox/voyager.js";
import { DEMO_EXPORT as DEMO } from "../support/cli.js";

const AS_OF = new Date("2026-11-20T23:59:59Z");

/** A row's withdraw action as the page embeds it. */
function action(id: string, vanity: string, first: string, last: string) {
  return {
    title: "Withdraw invitation",
    requestedArguments: {
      payload: {
        profileUrn: `ACoAA${id.slice(-4)}`,
        trackingActionType: "INVITATION_MANAGER_WITHDRAW",
        invitationType: 1,
        inviterActionType: 2,
        inviteeVanityName: vanity,
        firstName: first,
        lastName: last,
        invitationUrn: { invitationId: id },
      },
    },
  };
}

/** A page whose island is split into chunks at the given offsets of the escaped text. */
function page(island: string, splitAt: number[], controls: number, total: number | null): string {
  const escaped = JSON.stringify(island).slice(1, -1);
  const parts: string[] = [];
  let from = 0;
  for (const at of [...splitAt, escaped.length]) {
    parts.push(escaped.slice(from, at));
    from = at;
  }
  // Member cards: the name links to the profile, then the withdraw control.
  const buttons = Array.from(
    { length: controls },
    (_, i) =>
      `<div role="listitem"><a href="https://www.linkedin.com/in/p-${i}/">P ${i}</a><button ${WITHDRAW_CONTROL}>Withdraw</button></div>`,
  );
  return `<html><body>${total === null ? "" : `<h2>People (${total})</h2>`}${buttons.join("")}<script>window.x = [${parts.map((p) => `"${p}"`).join(",")}];</script></body></html>`;
}

describe("the server-driven sent page", () => {
  it("heals chunk joins that cut through an id, and reads both escaping depths", () => {
    const once = JSON.stringify({
      a: action("7498810568384856065", "doerte-s", "Dörte", "Schröder"),
    });
    const twice = JSON.stringify({
      b: JSON.stringify(action("7498810568384856064", "jan-k", "Jan", "Kühn")),
    });
    const island = `1:${once}\n2:${twice}`;
    const escaped = JSON.stringify(island).slice(1, -1);
    // Cut inside the first id's digits and inside the second name.
    const cuts = [escaped.indexOf("74988105683") + 5, escaped.indexOf("Kühn") + 2];
    expect(cuts.every((n) => n > 2)).toBe(true);
    const read = readSentPage(page(island, cuts, 2, 2));
    expect(read.total).toBe(2);
    expect(read.rows).toEqual([
      {
        invitationId: "7498810568384856065",
        vanityName: "doerte-s",
        firstName: "Dörte",
        lastName: "Schröder",
        profileUrn: "ACoAA6065",
      },
      {
        invitationId: "7498810568384856064",
        vanityName: "jan-k",
        firstName: "Jan",
        lastName: "Kühn",
        profileUrn: "ACoAA6064",
      },
    ]);
  });

  it("takes each row's fields from its own payload, never from a neighbour", () => {
    // The second row's payload lacks a vanity name; a reader by position would take the next one.
    const a = action("1001", "anna-a", "Anna", "A");
    const b = action("1002", "", "Bernd", "B");
    const c = action("1003", "carla-c", "Carla", "C");
    const read = readSentPage(page([a, b, c].map((x) => JSON.stringify(x)).join("\n"), [], 3, 3));
    expect(read.rows.map((r) => [r.invitationId, r.vanityName])).toEqual([
      ["1001", "anna-a"],
      ["1002", null],
      ["1003", "carla-c"],
    ]);
  });

  it("fails closed when the withdraw buttons and the payloads disagree", () => {
    const two = [action("1", "a", "A", "A"), action("2", "b", "B", "B")].map((x) =>
      JSON.stringify(x),
    );
    expect(() => readSentPage(page(two.join("\n"), [], 3, 3))).toThrow(ShapeError);
    expect(() => readSentPage(page(two.join("\n"), [], 1, 2))).toThrow(/2 invitations/);
  });

  it("is not an empty list when it is the sign-in page or no list at all", () => {
    expect(() =>
      readSentPage(
        '<html><form><input name="session_key"><input name="session_password"></form></html>',
      ),
    ).toThrow(/sign-in page/);
    expect(() => readSentPage("<html><body><h1>Welcome</h1></body></html>")).toThrow(ShapeError);
    expect(readSentPage(page("", [], 0, 0))).toEqual({ rows: [], total: 0 });
  });

  it("reads the emulation's own page, cards and island alike", async () => {
    const world = await seedWorld([DEMO], AS_OF);
    const html = sentPageHtml(world, AS_OF.getTime());
    const read = readSentPage(html);
    const members = world.invitations.filter((i) => i.state === "pending" && i.memberId);
    expect(read.total).toBe(members.length);
    // Ten cards, newest first; the island carries the members' among them.
    const first = pendingInvitations(world).slice(0, 10);
    expect(read.rows.map((r) => r.invitationId)).toEqual(
      first.filter((i) => i.memberId).map((i) => i.id),
    );
    for (const row of read.rows) expect(row.invitationId).toMatch(/^\d{19}$/);
    expect(readScriptText(html).join("")).toContain("INVITATION_MANAGER_WITHDRAW");
  });

  it("counts only member cards against the payloads: an e-mail invitee's card has none", async () => {
    const one = JSON.stringify(action("2001", "anna-a", "Anna", "A"));
    const emailCard = `<div role="listitem"><span>oma.hildegard@gmx.example</span><p>Sent 6 days ago</p><button ${WITHDRAW_CONTROL} aria-label="Withdraw invitation sent to oma.hildegard@gmx.example">Withdraw</button><p>Note: see linkedin.com/in/not-a-link</p></div>`;
    const html = page(one, [], 1, 1).replace("<script>", `${emailCard}<script>`);
    expect(readSentPage(html).rows.map((r) => r.invitationId)).toEqual(["2001"]);
    // The emulation's page, whose first ten cards hold the demo's six e-mail invitees.
    const world = await seedWorld([DEMO], AS_OF);
    const first = sentPageHtml(world, AS_OF.getTime());
    expect(first).toContain('aria-label="Withdraw invitation sent to oma.hildegard@gmx.example"');
    const emailCards = world.invitations.filter((i) => i.state === "pending" && i.email).length;
    expect(emailCards).toBe(6);
    expect(readSentPage(first).rows).toHaveLength(10 - emailCards);
  });
});

describe("the server-driven pages after the first (RSC)", () => {
  it("reads rows by their payloads and checks them against the model states' ids", async () => {
    const world = await seedWorld([DEMO], AS_OF);
    const stream = sentPageRsc(world, 10, AS_OF.getTime());
    const read = readRscPage(stream);
    expect(read.rows).toHaveLength(10);
    expect(read.total).toBeNull();
    expect(readRscPage(sentPageRsc(world, 1000, AS_OF.getTime())).rows).toEqual([]);
  });

  it("fails closed when an id is named without its payload, or answered with a page", () => {
    const stream = [
      '0:{"modelStates":[{"value":"InvitationUrn(invitationId=11)"},{"value":"InvitationUrn(invitationId=12)"}]}',
      '1:{"action":{"payload":{"inviteeVanityName":"a","firstName":"A","lastName":"A","invitationId":"11"}}}',
    ].join("\n");
    expect(() => readRscPage(stream)).toThrow(/names 2 invitations/);
    expect(() => readRscPage("<!DOCTYPE html><html></html>")).toThrow(ShapeError);
  });
});

describe("the pieces", () => {
  it("undoes JavaScript escapes", () => {
    expect(unescapeJs('a\\"b\\\\c\\u00fc\\x41\\n')).toBe('a"b\\cüA\n');
  });

  it("finds objects around a key at any depth of JSON-in-strings", () => {
    const inner = JSON.stringify({ k: { inviteeVanityName: "x", id: 1 } });
    const text = `junk {"outer":${JSON.stringify(inner)}} {"inviteeVanityName":"y"}`;
    expect(objectsWithKey(text, "inviteeVanityName")).toEqual([
      { inviteeVanityName: "x", id: 1 },
      { inviteeVanityName: "y" },
    ]);
  });

  it("reads People (N) in English and German, with thousands separators", () => {
    expect(readTotal("<h2>People (1,234)</h2>")).toBe(1234);
    expect(readTotal("<h2>Personen (1.234)</h2>")).toBe(1234);
    expect(readTotal("<h2>Sent</h2>")).toBeNull();
  });

  it("translates the list's integer enums into the strings the action takes", () => {
    const minimal = JSON.parse(withdrawBody("42"));
    expect(minimal.serverRequest.requestedArguments.payload).toEqual({
      inviterActionType: "InviterActionType_WITHDRAW",
      invitationType: "GenericInvitationType_CONNECTION",
      invitationUrn: { invitationId: "42" },
    });
    const full = JSON.parse(
      fullWithdrawBody({
        invitationId: "42",
        vanityName: "a",
        firstName: "A",
        lastName: "B",
        profileUrn: "ACoAA1",
      }),
    );
    expect(full.requestedArguments.payload).toMatchObject({
      inviterActionType: "InviterActionType_WITHDRAW",
      invitationType: "GenericInvitationType_CONNECTION",
      inviteeVanityName: "a",
      profileUrn: "ACoAA1",
    });
  });
});
