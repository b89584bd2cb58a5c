import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ImportRecord, SkipReason } from "../../src/core/records.js";
import { readInputs } from "../../src/formats/inputs.js";
import { packRecords, unpackRecords } from "../../src/formats/record-batch.js";
import { fixture } from "../support/cli.js";

async function recordsOf(path: string): Promise<ImportRecord[]> {
  const records: ImportRecord[] = [];
  for await (const item of readInputs([path])) {
    if ("passedOver" in item) continue;
    for await (const batch of item.batches()) records.push(...batch);
  }
  return records;
}

describe("records packed for the reader thread's postMessage", () => {
  it("come back as they went, for every kind of record the fixtures hold", async () => {
    const paths = [
      ...readdirSync(fixture("address-books")).map((f) => fixture("address-books", f)),
      ...readdirSync(fixture("linkedin")).map((f) => fixture("linkedin", f)),
    ];
    const kinds = new Set<string>();
    for (const path of paths) {
      const records = await recordsOf(path);
      for (const r of records) kinds.add(r.type);
      expect(unpackRecords(packRecords(records))).toEqual(records);
    }
    expect([...kinds].sort()).toEqual(["connection", "contact", "invitation", "skip"]);
  });

  it("cut their text into pieces between strings, empty strings and nulls at the cuts too", () => {
    const long = "ä".repeat(16 * 1024);
    // The packer takes any text: a skip's reason is one string slot to test it with.
    const reason = (text: string) => text as SkipReason;
    const records: ImportRecord[] = [
      { type: "skip", line: 1, reason: reason(long) },
      { type: "skip", line: 2, reason: reason("") },
      {
        type: "contact",
        line: 3,
        displayName: "Jürgen Weiß",
        firstName: "",
        lastName: long,
        company: "",
        title: "x",
        emails: [],
        phones: ["", "+49 170 1234567"],
        nameKey: null,
        dropped: { x500: 2, notEmail: 0 },
      },
      { type: "skip", line: 4, reason: reason(long) },
    ];
    const packed = packRecords(records);
    expect(packed.texts.length).toBeGreaterThan(2);
    expect(packed.texts.every((t) => t.length <= 2 * long.length)).toBe(true);
    expect(unpackRecords(packed)).toEqual(records);
  });
});
