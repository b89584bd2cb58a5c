import { describe, expect, it } from "vitest";
import { type LiveKeys, matchLive, type PersonKeys } from "../../src/core/matching.js";

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
