import { describe, expect, it } from "vitest";
import { plain } from "../../src/ui/colour.js";
import type { Output } from "../../src/ui/output.js";
import { printable } from "../../src/ui/printable.js";
import { createProgress } from "../../src/ui/progress.js";
import { rawCharacters } from "../support/terminal.js";

describe("printable", () => {
  it("keeps ordinary text as it is, umlauts, ß and accents included", () => {
    for (const text of [
      "Jürgen Weiß",
      "Dörte Schröder-Öztürk",
      "Åsa Lindström",
      "Tomáš Dvořák",
      "",
    ])
      expect(printable(text)).toBe(text);
  });

  it("shows C0 controls, DEL and C1 controls escaped as \\uXXXX", () => {
    expect(printable("a\x1b[2Jb")).toBe("a\\u001b[2Jb");
    expect(printable("ding\x07 back\x08 cr\r lf\n tab\t nul\x00 del\x7f")).toBe(
      "ding\\u0007 back\\u0008 cr\\u000d lf\\u000a tab\\u0009 nul\\u0000 del\\u007f",
    );
    expect(printable("\u009b31mred\u0085next")).toBe("\\u009b31mred\\u0085next");
    expect(printable("line\u2028para\u2029")).toBe("line\\u2028para\\u2029");
  });

  it("makes an OSC 8 link inert text", () => {
    const link = "\x1b]8;;https://evil.example\x07Lena Müller\x1b]8;;\x07";
    expect(printable(link)).toBe(
      "\\u001b]8;;https://evil.example\\u0007Lena Müller\\u001b]8;;\\u0007",
    );
  });

  it("removes bidi controls and zero-width characters", () => {
    expect(printable("Anna \u202eLEUNAM\u202c Nowak")).toBe("Anna LEUNAM Nowak");
    expect(printable("\u2066x\u2067y\u2068z\u2069\u200e\u200f\u061c")).toBe("xyz");
    expect(printable("Jür\u200bgen\u200c\u2060 We\ufeffiß")).toBe("Jürgen Weiß");
  });

  it("keeps a zero-width joiner inside an emoji sequence only", () => {
    expect(printable("👩\u200d💻 Lena")).toBe("👩\u200d💻 Lena");
    expect(printable("👍🏽\u200d👍 ❤\ufe0f\u200d🔥")).toBe("👍🏽\u200d👍 ❤\ufe0f\u200d🔥");
    expect(printable("Le\u200dna \u200d👩 👩\u200d")).toBe("Lena 👩 👩");
  });

  it("leaves nothing raw in any mix", () => {
    let all = "";
    for (let c = 0; c < 0x3000; c++) all += String.fromCharCode(c);
    expect(rawCharacters(printable(all), [])).toEqual([]);
    expect(rawCharacters(all, [])).toHaveLength(0x20 + 0x21 + 1 + 2 + 2 + 7 + 1 + 4);
  });
});

describe("the progress line without a terminal", () => {
  it("shows the item's name printable", () => {
    const lines: string[] = [];
    const output: Output = {
      out: () => undefined,
      err: (text) => lines.push(text),
      colour: plain,
      width: 100,
      height: 40,
      isInteractive: false,
    };
    const progress = createProgress(output, { isTTY: false, write: () => true });
    progress.item(1, 2, "withdrawn: Lena\x1b[2J\x1b]8;;https://evil.example\x07Müller\u202e");
    expect(lines).toEqual([
      "1/2 withdrawn: Lena\\u001b[2J\\u001b]8;;https://evil.example\\u0007Müller",
    ]);
  });
});
