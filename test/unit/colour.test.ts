import { describe, expect, it } from "vitest";
import { colourIsOn, createColour, plain } from "../../src/ui/colour.js";

const terminal = { isTTY: true };
const pipe = { isTTY: false };

describe("colour", () => {
  it("is on at a terminal and off into a pipe or a file", () => {
    expect(colourIsOn(terminal, {})).toBe(true);
    expect(colourIsOn(pipe, {})).toBe(false);
    expect(colourIsOn({}, {})).toBe(false);
  });

  it("honours NO_COLOR before FORCE_COLOR, and an empty NO_COLOR is unset", () => {
    expect(colourIsOn(terminal, { NO_COLOR: "1" })).toBe(false);
    expect(colourIsOn(terminal, { NO_COLOR: "1", FORCE_COLOR: "1" })).toBe(false);
    expect(colourIsOn(pipe, { NO_COLOR: "", FORCE_COLOR: "1" })).toBe(true);
    expect(colourIsOn(pipe, { FORCE_COLOR: "0" })).toBe(false);
    expect(colourIsOn(terminal, { FORCE_COLOR: "0" })).toBe(true);
  });

  it("off, styles nothing: it is the plain styles, which need no chalk", async () => {
    const colour = await createColour(pipe, {});
    expect(colour).toBe(plain);
    expect(colour.bold(`a ${colour.red("b")} c`)).toBe("a b c");
  });

  it("on, styles with the sixteen basic colours, a style nested in another kept whole", async () => {
    const colour = await createColour(pipe, { FORCE_COLOR: "3" });
    expect(colour.bold("x")).toBe("\u001b[1mx\u001b[22m");
    expect(colour.red("x")).toBe("\u001b[31mx\u001b[39m");
    // The inner style's end re-opens the outer one: the text after it is still bold.
    expect(colour.bold(`a${colour.dim("b")}c`)).toBe(
      "\u001b[1ma\u001b[2mb\u001b[22m\u001b[1mc\u001b[22m",
    );
  });
});
