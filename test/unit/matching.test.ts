import { describe, expect, it } from "vitest";
import {
  type LiveKeys,
  matchLive,
  type PersonKeys,
  sharedNameKeys,
} from "../../src/core/matching.js";

interface Planned extends PersonKeys {
  id: number;
}

const live = (id: string, name: string, slug: string | null = null, email: string | null = null) =>
  ({ id, name, slug, email }) satisfies LiveKeys;
const planned = (
  id: number,
  name: string,
  slug: string | null = null,
  email: string | null = null,
) => ({ id, name, slug, email }) satisfies Planned;
const keys = (p: Planned): PersonKeys => p;

describe("matching planned items to the live list", () => {
  it("matches by profile, else by address, else by a name only one live item carries", () => {
    const result = matchLive(
      [
        planned(1, "Jürgen Weiß", "juergen-weiss-123"),
        planned(2, "zoe@example.fr", null, "zoe@example.fr"),
        planned(3, "Zoë Lefèvre"),
      ],
      [
        live("a", "Jürgen Weiss", "juergen-weiss-123"),
        live("b", "zoe@example.fr", null, "zoe@example.fr"),
        live("c", "Zoe Lefevre", "zoe-lefevre"),
      ],
      keys,
    );
    expect(result.matched.map((m) => [m.planned.id, m.live.id])).toEqual([
      [1, "a"],
      [2, "b"],
      [3, "c"],
    ]);
    expect(result.unmatched).toEqual([]);
    expect(result.uncertain).toEqual([]);
  });

  it("takes an item the live list does not name at all as gone", () => {
    const result = matchLive([planned(1, "Jürgen Weiß", "juergen-weiss-123")], [], keys);
    expect(result.unmatched.map((p) => p.id)).toEqual([1]);
  });

  it("never guesses between namesakes, a changed profile, or someone without a name", () => {
    const result = matchLive(
      [planned(1, "Anna Schmidt"), planned(2, "Hans Müller", "hans-mueller-alt"), planned(3, "")],
      [
        live("a", "Anna Schmidt", "anna-schmidt-1"),
        live("b", "Anna Schmidt", "anna-schmidt-2"),
        live("c", "Hans Mueller", "hans-mueller-neu"),
      ],
      keys,
    );
    expect(result.matched).toEqual([]);
    expect(result.unmatched).toEqual([]);
    expect(result.uncertain.map((u) => [u.planned.id, u.reason])).toEqual([
      [1, "namesakes"],
      [2, "other-profile"],
      [3, "no-keys"],
    ]);
  });

  it("matches each live item once", () => {
    const result = matchLive(
      [planned(1, "Lukas Fuchs", "lukas-fuchs"), planned(2, "Lukas Fuchs", "lukas-fuchs")],
      [live("a", "Lukas Fuchs", "lukas-fuchs")],
      keys,
    );
    expect(result.matched.map((m) => m.planned.id)).toEqual([1]);
    expect(result.unmatched.map((p) => p.id)).toEqual([2]);
  });
});

describe("a planned item known by its name alone", () => {
  it("is uncertain when another stored item shares its name: the one live namesake may be that one", () => {
    // Two Anna Schmidts stored, from an export without profile addresses; the one selected (1)
    // has gone meanwhile, and the live list shows the other, who was not selected.
    const stored = [
      planned(1, "Anna Schmidt"),
      planned(2, "Anna Schmidt"),
      planned(3, "Bernd Meier"),
    ];
    const shared = sharedNameKeys(stored, keys);
    expect([...shared]).toEqual(["anna schmidt"]);
    const result = matchLive(
      [stored[0] as Planned, stored[2] as Planned],
      [live("x", "Anna Schmidt", "anna-schmidt-keep"), live("y", "Bernd Meier", "bernd")],
      keys,
      shared,
    );
    expect(result.matched.map((m) => [m.planned.id, m.live.id])).toEqual([[3, "y"]]);
    expect(result.uncertain).toEqual([{ planned: stored[0], reason: "namesakes" }]);
  });

  it("counts a stored namesake that has a profile address, and folds accents and case", () => {
    const stored = [planned(1, "Zoë Lefèvre"), planned(2, "zoe lefevre", "zoe-lefevre-2")];
    const result = matchLive(
      [stored[0] as Planned],
      [live("x", "Zoe Lefevre", "zoe-lefevre-2")],
      keys,
      sharedNameKeys(stored, keys),
    );
    expect(result.matched).toEqual([]);
    expect(result.uncertain.map((u) => u.reason)).toEqual(["namesakes"]);
  });
});
