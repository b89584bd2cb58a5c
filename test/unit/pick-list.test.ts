import { PassThrough } from "node:stream";
import { stripVTControlCharacters } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import type { InvitationView } from "../../src/core/preview.js";
import { CancelledError } from "../../src/errors.js";
import { setLang } from "../../src/i18n/index.js";
import { isInitiallyChecked, pickConnections, pickInvitations } from "../../src/ui/pick-list.js";
import { connectionRow } from "../support/rows.js";

function view(id: number, extra: Partial<InvitationView> = {}): InvitationView {
  return {
    id,
    name: `Person ${id}`,
    profileUrl: `https://www.linkedin.com/in/person-${id}`,
    email: null,
    sentAt: "2026-11-14T09:00:00Z",
    state: "pending",
    batch: "B1",
    personal: false,
    addressBook: true,
    roleAddress: false,
    nextReminder: "2026-11-21",
    expiresAt: "2027-05-16",
    ...extra,
  };
}

const ITEMS: InvitationView[] = [
  view(1, { name: "Jürgen Weiß" }),
  view(2, { name: "Dörte Schröder" }),
  view(3, { name: "Anna Nowak", batch: null, personal: true }),
  view(4, { name: "Hans Müller", batch: null }),
];

interface FakeTerminal {
  context: { input: PassThrough; output: PassThrough; clearPromptOnDone: false };
  width: number;
  pageSize: number;
}

/**
 * Runs a pick-list prompt on fake streams: `start` opens it with the terminal it is given, and
 * `keys` are typed one after another once it has rendered.
 */
async function type<T>(start: (terminal: FakeTerminal) => Promise<T>, keys: string[]) {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = "";
  output.on("data", (chunk: Buffer) => {
    screen += chunk.toString();
  });
  const answer = start({
    context: { input, output, clearPromptOnDone: false },
    width: 100,
    pageSize: 10,
  });
  for (const key of keys) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    input.write(key);
  }
  const result = await answer.finally(() => input.end());
  return { result, screen: stripVTControlCharacters(screen), raw: screen };
}

const drive = (items: InvitationView[], keys: string[]) =>
  type((terminal) => pickInvitations(items, terminal), keys);

const ids = (views: InvitationView[]) => views.map((v) => v.id);

describe("the pick-list", () => {
  it("pre-checks the accidental batch, not personal invitations", () => {
    expect(ids(ITEMS.filter(isInitiallyChecked))).toEqual([1, 2]);
  });

  it("confirms the pre-checked choice with enter", async () => {
    const { result, screen } = await drive(ITEMS, ["\r"]);
    expect(ids(result)).toEqual([1, 2]);
    expect(screen).toContain("2 chosen of 4");
  });

  it("toggles with space and moves with the arrows", async () => {
    const { result } = await drive(ITEMS, [" ", "\x1b[B", "\x1b[B", " ", "\r"]);
    expect(ids(result)).toEqual([2, 3]);
  });

  it("a, i and n act on everything the filter shows", async () => {
    expect(ids((await drive(ITEMS, ["a", "\r"])).result)).toEqual([1, 2, 3, 4]);
    expect(ids((await drive(ITEMS, ["i", "\r"])).result)).toEqual([3, 4]);
    expect(ids((await drive(ITEMS, ["n", "\r"])).result)).toEqual([]);
  });

  it("filters by typed text, accent-insensitively, and counts what it hides", async () => {
    const { result, screen } = await drive(ITEMS, [
      "/",
      "s",
      "c",
      "h",
      "r",
      "o",
      "e",
      "\r",
      "n",
      "\r",
    ]);
    expect(screen).toContain("3 hidden by the filter");
    expect(screen).toContain("Dörte Schröder");
    // `n` cleared only what the filter showed: Jürgen stays chosen.
    expect(ids(result)).toEqual([1]);
  });

  it("cancels with Esc, changing nothing", async () => {
    await expect(drive(ITEMS, ["\x1b"])).rejects.toBeInstanceOf(CancelledError);
  });

  it("takes the filter away at the first Esc after it, keeping what was picked under it", async () => {
    // Filter, take everything it shows out, Esc: the filter goes, the choice stays; Enter.
    const { result, screen } = await drive(ITEMS, ["/", ..."juer", "\r", "n", "\x1b", "\r"]);
    expect(screen).toContain("(/ to change, esc to clear)");
    expect(ids(result)).toEqual([2]);
  });

  it("draws names and profiles from files printable, the filter too", async () => {
    const hostile = [
      view(1, { name: "Lena\x1b[2J\x1b]8;;https://evil.example\x07Müller\x1b]8;;\x07" }),
      view(2, { name: "Anna \u202eKAWON\u202c\u200b", email: "a\u009b2J@example.de" }),
      view(3, { name: "Fake\rJürgen\x08\x08", profileUrl: null, email: "j\x1b[Hw@example.de" }),
    ];
    const { raw, screen } = await drive(hostile, ["/", "\u202e", "\u009b", "K", "\r", "\r"]);
    for (const sequence of [
      "\x1b[2J",
      "\x1b]8",
      "\x1b[H",
      "\x07",
      "\x08",
      "\u009b",
      "\u202e",
      "\u200b",
    ])
      expect(raw).not.toContain(sequence);
    expect(screen).toContain("Lena\\u001b[2J\\u001b]8;;htt…");
    expect(screen).toContain("Anna KAWON");
    expect(screen).toContain("Fake\\u000dJürgen\\u0008");
    expect(screen).toContain("Filter: \\u009bK");
    expect(screen).toContain("j\\u001b[Hw@example.de");
  });

  it("renders 3,000 entries one page at a time", async () => {
    const many = Array.from({ length: 3000 }, (_, i) => view(i + 1, { name: `Person ${i + 1}` }));
    const { result, screen } = await drive(many, ["\x1b[6~", "n", "\r"]);
    expect(result).toEqual([]);
    expect(screen).toContain("3000 chosen of 3000");
    expect(screen).not.toContain("Person 2999");
  });
});

describe("the pick-list for connections", () => {
  const CONNECTIONS = [
    connectionRow(1, { firstName: "Jürgen", lastName: "Weiß" }),
    connectionRow(2, {
      firstName: "Zoë",
      lastName: "Lefèvre",
      batch: null,
      connectedOn: "2019-03-01",
    }),
    connectionRow(3, { firstName: "", lastName: "", slug: null, url: null, batch: null }),
  ];

  async function pick(preChecked: "batch" | "all", keys: string[]) {
    const { result, screen } = await type(
      (terminal) => pickConnections(CONNECTIONS, { preChecked, ...terminal }),
      keys,
    );
    return { ids: result.map((c) => c.id), screen };
  }

  it("pre-checks those from a batch for a removal, and every one for an export", async () => {
    const removal = await pick("batch", ["\r"]);
    expect(removal.ids).toEqual([1]);
    expect(removal.screen).toContain("in/person-1");
    expect(removal.screen).toContain("2019-03-01");
    expect(removal.screen).toContain("(no profile in the export)");
    expect((await pick("all", ["\r"])).ids).toEqual([1, 2, 3]);
  });

  it("filters connections by name, accent-insensitively", async () => {
    const { ids, screen } = await pick("batch", ["/", "z", "o", "e", "\r", "a", "\r"]);
    expect(screen).toContain("2 hidden by the filter");
    expect(ids).toEqual([1, 2]);
  });
});

describe("the pick-list in German", () => {
  afterEach(() => setLang("en"));

  it("says its counts, hints and keys in German, and shows days as Germans write them", async () => {
    setLang("de");
    const { result, screen } = await drive(ITEMS, ["/", "x", "y", "z", "\r", "\r"]);
    expect(ids(result)).toEqual([1, 2]);
    expect(screen).toContain("? Welche Einladungen?  2 von 4 gewählt");
    expect(screen).toContain("/ zum Filtern");
    expect(screen).toContain("(Enter behält ihn, Esc löscht ihn)");
    expect(screen).toContain("4 vom Filter ausgeblendet");
    expect(screen).toContain("Filter: xyz  (/ zum Ändern, Esc zum Löschen)");
    expect(screen).toContain("Nichts passt zum Filter.");
    // The line of keys is wrapped at the terminal's width.
    expect(screen).toContain("Leertaste an/aus · a alle · i umkehren · n keine (im Filter)");
    expect(screen).toContain("Enter bestätigen · Esc abbrechen");
    expect(screen).toContain("14.11.2026");
    expect(screen).toContain("persönlich");
    expect(screen).toContain("✔ Welche Einladungen? 2 gewählt");
    for (const english of ["chosen", "hidden", "to filter", "space toggle", "Nothing", "personal"])
      expect(screen).not.toContain(english);
  });

  it("names what has no profile, and a name that is missing, in German", async () => {
    setLang("de");
    const nameless = [connectionRow(1, { firstName: "", lastName: "", slug: null, url: null })];
    const { screen } = await type(
      (terminal) => pickConnections(nameless, { preChecked: "all", ...terminal }),
      ["\r"],
    );
    expect(screen).toContain("? Welche Kontakte?  1 von 1 gewählt");
    expect(screen).toContain("(ohne Namen)");
    expect(screen).toContain("(kein Profil im Export)");
    expect(screen).toContain("15.11.2026");
  });

  it("cancels with Esc in German", async () => {
    setLang("de");
    const cancelled = await drive(ITEMS, ["\x1b"]).catch((error: unknown) => error);
    expect(cancelled).toBeInstanceOf(CancelledError);
    expect((cancelled as CancelledError).message).toBe("abgebrochen: Nichts wurde geändert");
  });
});
