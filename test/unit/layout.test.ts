/**
 * Laying text out in terminal columns: the width of text (its fast path agrees with
 * string-width), cutting from either end, wrapping commands with a backslash, and tables that fit
 * a width by cutting, wrapping and wrapping their headings.
 */
import stringWidth from "string-width";
import { afterEach, describe, expect, it } from "vitest";
import type { ReinviteEntry } from "../../src/core/reinvite.js";
import { setLang } from "../../src/i18n/index.js";
import type { RunView } from "../../src/store/journal.js";
import { plain } from "../../src/ui/colour.js";
import { renderReinviteList } from "../../src/ui/reinvite.js";
import { renderHistory } from "../../src/ui/run.js";
import { drawTableLines, fitTable, streamTableLines } from "../../src/ui/tables.js";
import {
  displayWidth,
  truncateStartToWidth,
  truncateToWidth,
  wrapCell,
  wrapCommand,
} from "../../src/ui/wrap.js";

const widest = (text: string) => Math.max(...text.split("\n").map(displayWidth));

describe("the width of text", () => {
  it("agrees with string-width on every character the fast path takes, and counts wide ones as two", () => {
    const samples: string[] = [];
    for (const [from, to] of [
      [0x20, 0x7e],
      [0xa0, 0x24f],
      [0x2010, 0x2027],
    ] as const) {
      for (let c = from; c <= to; c++) samples.push(String.fromCharCode(c));
    }
    samples.push("Jürgen Weiß", "–", "…");
    for (const text of samples) expect(displayWidth(text), text).toBe(stringWidth(text));
    // Past the fast path displayWidth asks string-width itself, so these are pinned as numbers.
    expect(["山田", "山田 太郎", "김 민준", "Øster 😀", "👩‍💻"].map(displayWidth)).toEqual([
      4, 9, 7, 8, 2,
    ]);
  });

  it("cuts at either end to the width, a wide character whole or not at all", () => {
    expect(truncateToWidth("Maximiliane", 6)).toBe("Maxim…");
    expect(truncateToWidth("山田太郎", 5)).toBe("山田…");
    expect(truncateStartToWidth("/home/anna/Downloads/Invitations.csv", 17)).toBe(
      "…/Invitations.csv",
    );
    expect(truncateStartToWidth("株式会社東京海上日動", 7)).toBe("…上日動");
    expect(truncateToWidth("short", 10)).toBe("short");
  });

  it("wraps a cell however narrow, never looping on a character wider than the line", () => {
    expect(wrapCell("14.11.2026 09:14–09:20", 11)).toBe("14.11.2026\n09:14–09:20");
    expect(wrapCell("山田", 1).split("\n")).toEqual(["山", "田"]);
    expect(wrapCell("a https://www.linkedin.com/in/x b", 10)).toBe(
      "a\nhttps://ww\nw.linkedin\n.com/in/x\nb",
    );
    // An indentation that would leave less than half the line is dropped, the words kept.
    expect(wrapCell("    • one two", 4)).toBe("one\ntwo");
  });

  it("breaks a command between words with a backslash, so that it still runs when copied", () => {
    const words = [
      ...["invites", "connections", "remove", "--batch", "--yes", "--pace", "20ms"],
      ...["--base-url", "http://127.0.0.1:40761", "--out", "/tmp/my folder/removed.csv"],
    ];
    const lines = wrapCommand(words, 60).split("\n");
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(lines.slice(0, -1).every((line) => line.endsWith(" \\"))).toBe(true);
    // The path with a space is one quoted word, never broken inside its quotes.
    expect(lines.map((line) => line.replace(/ \\$/, "").trim()).join(" ")).toBe(
      `$ ${words.slice(0, -1).join(" ")} '/tmp/my folder/removed.csv'`,
    );
  });
});

describe("a table that fits", () => {
  const columns = [
    { head: "Name", give: "end" as const },
    { head: "File", give: "start" as const },
    { head: "Rows", align: "right" as const },
    { head: "Imported at (UTC)" },
  ];
  const rows = [
    [
      "Maximiliane-Friederike von Hohenzollern",
      "/home/anna/Downloads/Invitations.csv",
      "1,234",
      "2026-11-20 09:14",
    ],
    ["山田 太郎", "Connections.csv", "8", "2026-11-20 09:15"],
  ];

  it("is drawn at its natural width when that fits", () => {
    const text = fitTable(columns, rows, plain, 200);
    expect(text).toContain("│ Maximiliane-Friederike von Hohenzollern │");
    expect(text).toContain("│ 山田 太郎 ");
    expect(text.split("\n")[1]).toContain("│ Imported at (UTC) │");
  });

  it("cuts the columns that may give way and wraps headings, to the width", () => {
    const text = fitTable(columns, rows, plain, 60);
    expect(widest(text)).toBeLessThanOrEqual(60);
    // A path keeps the file's own name whole; the name gives way instead.
    expect(text).toMatch(/│ …Invitations\.csv /);
    expect(text).toMatch(/│ Maximilia… /);
    // Counts and dates are never cut.
    expect(text).toContain("1,234");
    expect(text).toContain("2026-11-20 09:14");
  });

  it("aligns, keeps every line of the border as wide as the rows, and draws no line between rows", () => {
    const text = [
      ...drawTableLines(
        ["A", "Count"],
        [
          ["x", "1"],
          ["yy", "22"],
        ],
        [2, 5],
        ["left", "right"],
        plain,
      ),
    ].join("\n");
    expect(text).toBe(
      [
        "┌────┬───────┐",
        "│ A  │ Count │",
        "├────┼───────┤",
        "│ x  │     1 │",
        "│ yy │    22 │",
        "└────┴───────┘",
      ].join("\n"),
    );
  });

  it("measures a column of more rows than a spread into Math.max holds", () => {
    // 300,000 arguments overflow V8's stack: a wrapped column was measured so.
    const many = Array.from({ length: 300_000 }, (_, i) => [`row ${i}`, "a few words here"]);
    const text = fitTable([{ head: "Row" }, { head: "Note", give: "wrap" }], many, plain, 30);
    expect(text.split("\n")).toHaveLength(3 + 300_000 * 2 + 1);
    expect(text).toContain("│ row 299999 │ a few words │\n│            │ here        │");
  });
});

describe("a table drawn as its rows come", () => {
  it("keeps the given widths and wraps a cell wider than its column, losing none of it", () => {
    const rows = [
      ["Anna", "book"],
      ["Björn", "personal book role"],
    ];
    const text = [
      ...streamTableLines([{ head: "Name" }, { head: "Flags" }], [6, 13], rows, plain),
    ].join("\n");
    expect(text).toBe(
      [
        "┌────────┬───────────────┐",
        "│ Name   │ Flags         │",
        "├────────┼───────────────┤",
        "│ Anna   │ book          │",
        "│ Björn  │ personal book │",
        "│        │ role          │",
        "└────────┴───────────────┘",
      ].join("\n"),
    );
  });
});

describe("the history of runs, too narrow for a table", () => {
  afterEach(() => setLang("en"));

  it.each([
    ["de", "Begonnen (UTC)", "04.12.2026 09:15 UTC"],
    ["en", "Started (UTC)", "2026-12-04 09:15 UTC"],
  ] as const)(
    "says in %s that a run's start is in UTC, as the table's heading does",
    (lang, head, start) => {
      setLang(lang);
      const run: RunView = {
        id: 1,
        command: "withdraw --batch",
        action: "withdraw",
        account: "Lena Voß",
        startedAt: "2026-12-04T09:15:00.000Z",
        endedAt: "2026-12-04T09:20:00.000Z",
        outcome: "done",
        detail: null,
        signal: null,
        planned: 3,
        skipped: 0,
        counts: { withdrawn: 3 },
        requests: 3,
      };
      expect(renderHistory([run], plain, 200)).toContain(head);
      const narrow = renderHistory([run], plain, 60);
      expect(narrow).not.toContain("┌");
      expect(narrow.split("\n")[0]).toContain(start);
    },
  );
});

describe("the re-invite list", () => {
  it("lists no more than the rows it is given room for, and counts the rest", () => {
    const entry = (i: number): ReinviteEntry => ({
      name: `Person ${i}`,
      profileUrl: `https://www.linkedin.com/in/person-${i}`,
      email: null,
      withdrawnAt: "2026-12-01T10:00:00.000Z",
      reinviteFrom: "2027-03-01",
      reasons: ["addressBook"],
    });
    const list = Array.from({ length: 34 }, (_, i) => entry(i));
    const text = renderReinviteList(list, plain, 60, 20);
    expect(text).toContain("Person 19");
    expect(text).not.toContain("Person 20");
    expect(text).toContain("… and 14 more (--all to list every one)");
    expect(renderReinviteList(list, plain, 60)).toContain("Person 33");
  });
});
