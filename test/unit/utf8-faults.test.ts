import { describe, expect, it } from "vitest";
import { countUtf8, findUtf8Fault, lineAtOffset } from "../../src/formats/bytes.js";

const bytes = (text: string) => Buffer.from(text, "latin1");

describe("findUtf8Fault", () => {
  it("finds the first byte that is no UTF-8, and tells a character cut off by the end", () => {
    expect(findUtf8Fault(bytes("J\xc3\xbcrgen"))).toBeNull();
    expect(findUtf8Fault(bytes("J\xc3\xbcrgen Wei\xdf"))).toEqual({ offset: 11, cutOff: true });
    expect(findUtf8Fault(bytes("J\xfcrgen"))).toEqual({ offset: 1, cutOff: false });
    expect(findUtf8Fault(bytes("Gesch\xe2\x82"))).toEqual({ offset: 5, cutOff: true });
    // Overlong forms, surrogates and code points past U+10FFFF are no UTF-8 either.
    expect(findUtf8Fault(bytes("a\xc0\xafb"))).toEqual({ offset: 1, cutOff: false });
    expect(findUtf8Fault(bytes("a\xed\xa0\x80"))).toEqual({ offset: 1, cutOff: false });
    expect(findUtf8Fault(bytes("a\xf4\x90\x80\x80"))).toEqual({ offset: 1, cutOff: false });
  });

  it("counts characters and bad bytes, and the line of an offset", () => {
    expect(countUtf8(bytes("J\xc3\xbcrgen Lef\xe8vre \xf0\x9f\x91\xa9"))).toEqual({
      multiByte: 2,
      bad: 1,
    });
    expect(lineAtOffset(bytes("a\nb\nc"), 4)).toBe(3);
    expect(lineAtOffset(bytes("a\nb\nc"), 0)).toBe(1);
    // Windows' CRLF is one break, and Excel for Mac's lone CR one too.
    expect(lineAtOffset(bytes("a\r\nb\r\nc"), 6)).toBe(3);
    expect(lineAtOffset(bytes("a\rb\rc"), 4)).toBe(3);
    expect(lineAtOffset(bytes("a\r\n\rb\n\nc"), 7)).toBe(5);
  });
});
