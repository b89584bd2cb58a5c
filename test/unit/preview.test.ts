import { describe, expect, it } from "vitest";
import { type BatchRules, groupBatches, isPersonal } from "../../src/core/batches.js";
import {
  buildViews,
  compareByReminder,
  type InvitationView,
  memberFacts,
  nextReminder,
  type StoredInvitation,
  summarize,
  summarizeBatch,
} from "../../src/core/preview.js";
import { isRoleAddress } from "../../src/core/roles.js";
import {
  isKept,
  parseDuration,
  parseKeepList,
  selectInvitations,
  subtractDuration,
  UnreadableKeepLine,
} from "../../src/core/selection.js";
import { indexConnections } from "../../src/core/states.js";
import { random } from "../support/random.js";

const minute = 60_000;

function at(base: string, minutes: number): string {
  return new Date(Date.parse(base) + minutes * minute).toISOString().replace(".000Z", "Z");
}

function stored(
  id: number,
  sentAt: string,
  extra: Partial<StoredInvitation> = {},
): StoredInvitation {
  return {
    id,
    name: `Person ${id}`,
    profileUrl: `https://www.linkedin.com/in/person-${id}`,
    message: null,
    peerSlug: `person-${id}`,
    inviteeEmail: null,
    peerNameKey: `person ${id}`,
    sentAt,
    withdrawnAt: null,
    closedAt: null,
    ...extra,
  };
}

/** A burst of `size` note-less invitations, one a minute from `start`, ids from `firstId`. */
function burst(firstId: number, size: number, start: string): StoredInvitation[] {
  return Array.from({ length: size }, (_, i) => stored(firstId + i, at(start, i)));
}

/** What groupBatches sees of stored invitations. */
function candidates(invitations: StoredInvitation[]) {
  return invitations.map((i) => ({ id: i.id, sentAt: i.sentAt, personal: isPersonal(i.message) }));
}

/** The batches groupBatches finds, with their members' ids. */
function detectBatches(items: ReturnType<typeof candidates>, rules?: BatchRules) {
  return groupBatches(items, rules).map(({ batch, members }) => ({
    ...batch,
    members: members.map((item) => item.id),
  }));
}

describe("groupBatches", () => {
  it("groups note-less invitations sent within the gap and keeps bursts of at least 20", () => {
    const invitations = [
      ...burst(1, 25, "2026-11-14T09:00:00Z"),
      ...burst(100, 19, "2026-11-15T09:00:00Z"),
      ...burst(200, 20, "2026-11-16T09:00:00Z"),
    ];
    const batches = detectBatches(candidates(invitations));
    expect(batches.map((b) => [b.id, b.members.length, b.first, b.last])).toEqual([
      ["B1", 25, "2026-11-14T09:00:00Z", "2026-11-14T09:24:00Z"],
      ["B2", 20, "2026-11-16T09:00:00Z", "2026-11-16T09:19:00Z"],
    ]);
  });

  it("splits a burst where the gap exceeds 10 minutes, and honours other rules", () => {
    const first = burst(1, 20, "2026-11-14T09:00:00Z");
    const second = burst(50, 20, at("2026-11-14T09:19:00Z", 11));
    expect(detectBatches(candidates([...first, ...second]))).toHaveLength(2);
    const joined = burst(50, 20, at("2026-11-14T09:19:00Z", 10));
    expect(detectBatches(candidates([...first, ...joined]))).toHaveLength(1);
    expect(
      detectBatches(candidates([...first, ...second]), { gapMinutes: 15, minSize: 20 }),
    ).toHaveLength(1);
    expect(detectBatches(candidates(first), { gapMinutes: 10, minSize: 21 })).toHaveLength(0);
  });

  it("never puts an invitation with a note in a batch, and ids are stable whatever the order", () => {
    const invitations = burst(1, 22, "2026-11-14T09:00:00Z");
    const withNote = { ...stored(99, at("2026-11-14T09:00:00Z", 5)), message: "Hallo Anna!" };
    const batches = detectBatches(candidates([...invitations.reverse(), withNote]));
    expect(batches).toHaveLength(1);
    expect(batches[0]?.members).not.toContain(99);
    expect(batches[0]?.members[0]).toBe(1);
    expect(isPersonal("  ")).toBe(false);
    expect(isPersonal("Hallo Anna!")).toBe(true);
    expect(isPersonal(null)).toBe(false);
  });
});

describe("isRoleAddress", () => {
  it.each([
    ["info@firma.example", true],
    ["bewerbung@stadtwerke.example", true],
    ["kundenservice@versand.example", true],
    ["no-reply@shop.example", true],
    ["noreply@shop.example", true],
    ["jobs-de@firma.example", true],
    ["info.berlin@firma.example", true],
    ["juergen.weiss@example.de", false],
    ["max.info@example.de", false],
    [null, false],
  ])("%s → %s", (email, expected) => {
    expect(isRoleAddress(email)).toBe(expected);
  });
});

describe("reminders, expiry and views", () => {
  it("gives the next reminder one and two weeks after sending, then none", () => {
    const sent = "2026-11-14T09:00:00Z";
    expect(nextReminder(sent, new Date("2026-11-20T00:00:00Z"))).toBe("2026-11-21");
    expect(nextReminder(sent, new Date("2026-11-21T10:00:00Z"))).toBe("2026-11-28");
    expect(nextReminder(sent, new Date("2026-11-28T10:00:00Z"))).toBeNull();
  });

  it("builds views with state, batch, flags, reminder and expiry", () => {
    const invitations = [
      ...burst(1, 20, "2026-11-14T09:00:00Z"),
      stored(50, "2026-10-01T10:00:00Z", { message: "Schön, dich zu sehen" }),
      stored(51, "2026-11-14T09:30:00Z", {
        profileUrl: null,
        peerSlug: null,
        inviteeEmail: "info@baeckerei.example",
        peerNameKey: "info baeckerei example",
        name: "info@baeckerei.example",
      }),
    ];
    const { views, batches } = buildViews(invitations, {
      asOf: new Date("2026-11-20T12:00:00Z"),
      connections: indexConnections([{ slug: "person-1", email: null, nameKey: null }]),
      addressBook: { emails: new Set(["info@baeckerei.example"]), names: new Set(["person 2"]) },
    });
    expect(batches).toHaveLength(1);
    const byId = new Map(views.map((v) => [v.id, v]));
    expect(byId.get(1)).toMatchObject({ state: "accepted", nextReminder: null, batch: "B1" });
    expect(byId.get(2)).toMatchObject({
      state: "pending",
      batch: "B1",
      addressBook: true,
      personal: false,
      nextReminder: "2026-11-21",
      expiresAt: "2027-05-16",
    });
    expect(byId.get(50)).toMatchObject({ personal: true, batch: null, nextReminder: null });
    expect(byId.get(51)).toMatchObject({
      roleAddress: true,
      addressBook: true,
      email: "info@baeckerei.example",
    });
    const summary = summarize(views, new Date("2026-11-20T12:00:00Z"));
    expect(summary).toEqual({ pending: 21, inBatch: 19, personal: 1, remindersNextWeek: 20 });
  });

  it.each([1, 2, 3, 4, 5, 6])(
    "marks and counts the batches' members as the views have them (seed %i)",
    (seed) => {
      const { pick } = random(seed);
      let time = Date.parse("2026-06-01T08:00:00Z");
      const invitations = Array.from({ length: 400 }, (_, i) => {
        // Mostly a minute apart, at times just inside or past the 10-minute gap, or hours.
        time += pick([1, 1, 1, 1, 1, 1, 10, 10.001, 11, 600]) * minute;
        const slug = pick([null, "anna", "bert", `p${i}`]);
        return stored(i + 1, new Date(time).toISOString(), {
          peerSlug: slug,
          profileUrl: slug ? `https://www.linkedin.com/in/${slug}` : null,
          inviteeEmail: pick([null, "anna@example.org", "eva@example.org"]),
          peerNameKey: pick([null, "anna nowak", "bert meier"]),
          message: pick([null, null, null, "", "  ", "\u00a0\n", "Hallo"]),
          withdrawnAt: pick([null, null, null, "2026-06-20T10:00:00Z"]),
          closedAt: pick([null, null, null, "2026-06-25T00:00:00Z"]),
        });
      });
      const options = {
        asOf: new Date("2026-09-01T12:00:00Z"),
        connections: indexConnections([
          { slug: "anna", email: null, nameKey: "anna nowak" },
          { slug: null, email: "eva@example.org", nameKey: "bert meier" },
        ]),
        addressBook: { emails: new Set(["anna@example.org"]), names: new Set(["bert meier"]) },
        batchRules: { gapMinutes: 10, minSize: pick([3, 5, 8]) },
      };
      const { views, batches } = buildViews(invitations, options);
      const expected = batches.map((b) => {
        const members = views.filter((v) => v.batch === b.id);
        return {
          id: b.id,
          first: b.first,
          last: b.last,
          size: members.length,
          pending: members.filter((v) => v.state === "pending").length,
          withdrawn: members.filter((v) => v.state === "withdrawn").length,
          accepted: members.filter((v) => v.state === "accepted").length,
          expired: members.filter((v) => v.state === "expired").length,
          closed: members.filter((v) => v.state === "closed").length,
          addressBookShare: members.filter((v) => v.addressBook).length / members.length,
        };
      });
      const members = invitations.map((inv) => memberFacts(inv, options));
      const summaries = batches.map((b) =>
        summarizeBatch(
          b,
          members.filter((_, i) => views[i]?.batch === b.id),
        ),
      );
      expect(summaries).toEqual(expected);
      const facts = (v: Pick<InvitationView, "state" | "addressBook" | "profileUrl" | "email">) =>
        [v.state, v.addressBook, v.profileUrl, v.email].join(" ");
      expect(members.map(facts)).toEqual(views.map(facts));
      // Every seed has batches with pending and accepted members, and bursts that are not.
      expect(expected.length).toBeGreaterThan(1);
      expect(expected.some((b) => b.pending > 0 && b.accepted > 0)).toBe(true);
      expect(views.some((v) => v.batch === null && !v.personal)).toBe(true);
    },
  );

  it("orders the soonest reminder first, those without one last", () => {
    const view = (id: number, nextReminder: string | null, sentAt: string) =>
      ({ id, nextReminder, sentAt }) as InvitationView;
    const sorted = [
      view(1, null, "2026-01-01T00:00:00Z"),
      view(2, "2026-11-28", "2026-11-14T00:00:00Z"),
      view(3, "2026-11-21", "2026-11-14T00:00:00Z"),
      view(4, "2026-11-21", "2026-11-13T00:00:00Z"),
    ].sort(compareByReminder);
    expect(sorted.map((v) => v.id)).toEqual([4, 3, 2, 1]);
  });
});

describe("selection", () => {
  const asOf = new Date("2026-11-20T12:00:00Z");
  const { views } = buildViews(
    [
      ...burst(1, 20, "2026-11-14T09:00:00Z"),
      stored(50, "2026-09-01T10:00:00Z", {
        message: "Hallo Jürgen",
        name: "Jürgen Weiß",
        peerSlug: "juergen-weiss",
        profileUrl: "https://www.linkedin.com/in/juergen-weiss",
      }),
      stored(51, "2026-11-18T10:00:00Z", {
        name: "Dörte Schröder",
        inviteeEmail: "doerte@example.de",
        profileUrl: null,
        peerSlug: null,
      }),
      stored(52, "2026-11-01T10:00:00Z", { closedAt: "2026-11-10T00:00:00Z" }),
    ],
    {
      asOf,
      connections: indexConnections([]),
      addressBook: { emails: new Set(["doerte@example.de"]), names: new Set() },
    },
  );
  const ids = (selection: Parameters<typeof selectInvitations>[1]) =>
    selectInvitations(views, selection, asOf).map((v) => v.id);

  it("takes every pending invitation by default, never a closed one", () => {
    expect(ids({})).toHaveLength(22);
    expect(ids({})).not.toContain(52);
  });

  it("selects by batch, age and dates", () => {
    expect(ids({ batch: true })).toHaveLength(20);
    expect(ids({ batch: "B1" })).toHaveLength(20);
    expect(ids({ batch: "B2" })).toEqual([]);
    expect(ids({ olderThan: { amount: 1, unit: "m" } })).toEqual([50]);
    expect(ids({ olderThan: { amount: 5, unit: "d" } })).toHaveLength(21);
    expect(ids({ sentBefore: new Date("2026-11-14T00:00:00Z") })).toEqual([50]);
    expect(ids({ sentAfter: new Date("2026-11-17T23:59:59.999Z") })).toEqual([51]);
  });

  it("matches text without regard to case and accents, and by email", () => {
    expect(ids({ match: "JUERGEN" })).toEqual([50]);
    expect(ids({ match: "weiss" })).toEqual([50]);
    expect(ids({ match: "schröder" })).toEqual([51]);
    // Accents dropped as well as spelled out: "schroder" and "jurgen" find them too.
    expect(ids({ match: "schroder" })).toEqual([51]);
    expect(ids({ match: "jurgen" })).toEqual([50]);
    expect(ids({ match: "doerte@" })).toEqual([51]);
    expect(ids({ match: "person-7" })).toEqual([7]);
  });

  it("combines flags as AND and lets the keep-list win", () => {
    expect(ids({ addressBook: true })).toEqual([51]);
    expect(ids({ addressBook: true, batch: true })).toEqual([]);
    const keep = parseKeepList([
      "https://www.linkedin.com/in/person-3/",
      "doerte@example.de",
      "person-4",
    ]);
    const kept = ids({ keep });
    expect(kept).not.toContain(3);
    expect(kept).not.toContain(4);
    expect(kept).not.toContain(51);
    expect(kept).toHaveLength(19);
  });

  it("reads a profile in the form the tables show it, with or without its slash", () => {
    const keep = parseKeepList(["in/lena-voss-652", "/in/Till-Lefevre", "# in/not-this-one"]);
    expect([...keep.slugs].sort()).toEqual(["lena-voss-652", "till-lefevre"]);
    expect(() => parseKeepList(["in/"])).toThrow(UnreadableKeepLine);
  });

  it("reads keep-lists as lines or CSV cells", () => {
    const keep = parseKeepList([
      "Name,URL,Email",
      '"Weiß, Jürgen",https://de.linkedin.com/in/Juergen-Weiss?trk=x,JW@Example.DE',
      "  anna-nowak  ",
      "",
    ]);
    expect([...keep.slugs].sort()).toEqual(["anna-nowak", "juergen-weiss"]);
    expect([...keep.emails]).toEqual(["jw@example.de"]);
    expect(
      isKept(
        { profileUrl: "https://www.linkedin.com/in/anna-nowak", email: null } as InvitationView,
        keep,
      ),
    ).toBe(true);
  });

  it("refuses a keep-list line that names nobody, with its line, instead of passing over it", () => {
    const unreadable = (lines: string[]) => {
      try {
        parseKeepList(lines);
      } catch (error) {
        if (error instanceof UnreadableKeepLine) return [error.line, error.text];
        throw error;
      }
      return null;
    };
    expect(unreadable(["anna-nowak", "Anna Nowak"])).toEqual([2, "Anna Nowak"]);
    // What a UTF-8 reading of UTF-16 gives: NULs between the letters.
    expect(unreadable(["a\0n\0n\0a\0"])).toEqual([1, "a\0n\0n\0a\0"]);
    expect(unreadable(["anna-nowak, Anna Nowak"])).toEqual([1, "anna-nowak, Anna Nowak"]);
    // In a CSV, a cell of the URL column that is no URL or slug.
    expect(
      unreadable(["Name,URL", "Anna,https://www.linkedin.com/in/anna", "Jan,jan at home"]),
    ).toEqual([3, "jan at home"]);
    expect(unreadable(["Notes:", "anna-nowak"])).toEqual([1, "Notes:"]);
    // A quote that no later one closes: the line it opens on.
    expect(unreadable(["anna-nowak", '"bert-meier', "carla"])).toEqual([2, '"bert-meier']);
    // A record over several lines is named by its first.
    expect(unreadable(["anna-nowak", '"Bert', 'Meier"', "carla"])).toEqual([2, "Bert\nMeier"]);
    expect(unreadable(["# only a comment", "", "  "])).toBeNull();
  });

  it("reads a keep-list CSV with LinkedIn's preamble, hidden members and quoted line breaks", () => {
    const keep = parseKeepList([
      "Notes:",
      '"When exporting your connection data, you may notice that some of the email addresses are missing."',
      "",
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
      'Zoë,Lefèvre,https://www.linkedin.com/in/zoe-lefevre,zoe@example.fr,"Acme, Inc.","Head of ""Growth""",15 Jan 2024',
      ",,,,,,03 Mar 2025",
      'Jan,Nowak,,,"Firma',
      'zwei Zeilen",Chef,1 Apr 2026',
      "Anna,Nowak,anna-nowak,,,,1 Apr 2026",
    ]);
    expect([...keep.slugs].sort()).toEqual(["anna-nowak", "zoe-lefevre"]);
    expect([...keep.emails]).toEqual(["zoe@example.fr"]);
  });

  it("parses durations and subtracts them by the calendar", () => {
    expect(parseDuration("14d")).toEqual({ amount: 14, unit: "d" });
    expect(parseDuration("3W")).toEqual({ amount: 3, unit: "w" });
    expect(parseDuration("2m")).toEqual({ amount: 2, unit: "m" });
    expect(parseDuration("two weeks")).toBeNull();
    expect(
      subtractDuration(new Date("2026-03-31T12:00:00Z"), { amount: 1, unit: "m" }).toISOString(),
    ).toBe("2026-03-03T12:00:00.000Z");
    expect(subtractDuration(asOf, { amount: 3, unit: "w" }).toISOString()).toBe(
      "2026-10-30T12:00:00.000Z",
    );
  });
});

describe("formula neutralisation", () => {
  it("prefixes cells that start with =, +, -, @, TAB or CR, and leaves the rest", async () => {
    const { neutralizeFormula, restoreFormula, linkedInDate } = await import(
      "../../src/core/connections.js"
    );
    const comma = (cell: string) => neutralizeFormula(cell, ",");
    const semicolon = (cell: string) => neutralizeFormula(cell, ";");
    expect(["=1+1", "+49 30", "-2", "@SUM(A1)", "\tx", "\rx"].map(comma)).toEqual([
      "'=1+1",
      "'+49 30",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ]);
    expect(["Jürgen", "a=b", "", "Müller-Lüdenscheidt", "O'Brien"].map(comma)).toEqual([
      "Jürgen",
      "a=b",
      "",
      "Müller-Lüdenscheidt",
      "O'Brien",
    ]);
    // After the other delimiter inside a cell, where a spreadsheet splitting on it starts a
    // cell of its own; the file's own delimiter is quoted, and left alone.
    const inside = ["ACME;=1+2", "Weber, @x", "a;  -1", "=a,+b", "a,b", "Müller, Schmidt"];
    expect(inside.map(comma)).toEqual([
      "ACME;'=1+2",
      "Weber, @x",
      "a;  '-1",
      "'=a,+b",
      "a,b",
      "Müller, Schmidt",
    ]);
    expect(inside.map(semicolon)).toEqual([
      "ACME;=1+2",
      "Weber, '@x",
      "a;  -1",
      "'=a,'+b",
      "a,b",
      "Müller, Schmidt",
    ]);
    // Apostrophes before a sign are escaped too: restoreFormula takes exactly one back, and the
    // round trip gives the very data, whichever the file's delimiter.
    const tricky = [...inside, "'=x", "''+49", "a; '-b", "a, '@b", "O'Brien, '-x"];
    expect(comma("'=x")).toBe("''=x");
    for (const [delimiter, neutral] of [
      [",", comma],
      [";", semicolon],
    ] as const) {
      expect(tricky.map(neutral).map((cell) => restoreFormula(cell, delimiter))).toEqual(tricky);
    }
    expect(linkedInDate("2026-02-08")).toBe("08 Feb 2026");
    expect(linkedInDate(null)).toBe("");
  });
});
