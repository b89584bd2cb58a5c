import { describe, expect, it } from "vitest";
import { soleMatches } from "../../src/store/same-person.js";

describe("soleMatches", () => {
  it("pairs rows that share a key, by either of their keys", () => {
    const fresh = [
      { id: 10, a: "e:anna@example.pl", b: "n:anna nowak|2021-03-29" },
      { id: 11, a: null, b: "n:ines kohler|2023-01-23" },
    ];
    const stored = [
      { id: 1, a: "e:anna@example.pl", b: null },
      { id: 2, a: null, b: "n:ines kohler|2023-01-23" },
    ];
    expect(soleMatches(fresh, stored)).toEqual([
      [10, 1],
      [11, 2],
    ]);
  });

  it("leaves a row that two rows of the other side fit, on either side", () => {
    const twoStored = soleMatches(
      [{ id: 10, a: "e:t@example.de", b: "n:thomas muller|2022-05-05" }],
      [
        { id: 1, a: "e:t@example.de", b: null },
        { id: 2, a: null, b: "n:thomas muller|2022-05-05" },
      ],
    );
    const twoFresh = soleMatches(
      [
        { id: 10, a: null, b: "n:thomas muller|2022-05-05" },
        { id: 11, a: null, b: "n:thomas muller|2022-05-05" },
        { id: 12, a: null, b: "n:ida roth|2022-05-06" },
      ],
      [
        { id: 1, a: null, b: "n:thomas muller|2022-05-05" },
        { id: 2, a: null, b: "n:ida roth|2022-05-06" },
      ],
    );
    expect(twoStored).toEqual([]);
    expect(twoFresh).toEqual([[12, 2]]);
  });
});
