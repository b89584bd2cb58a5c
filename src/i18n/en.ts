/**
 * Every word the tool prints, in English. The German catalogue (de.ts) must have the same shape:
 * `Catalogue` is this object's type, and a message missing or extra there does not compile.
 * Numbers and dates go through `fmt`, plural forms through `fmt.plural`.
 */
import { formatsFor } from "./format.js";

const fmt = formatsFor("en-US");
const { num, count, day, dayTime } = fmt;

const rows = (n: number) => count(n, { one: "row", other: "rows" });
const invitations = (n: number) => count(n, { one: "invitation", other: "invitations" });
const connections = (n: number) => count(n, { one: "connection", other: "connections" });
const contacts = (n: number) => count(n, { one: "contact", other: "contacts" });

export const en = {
  fmt,

  common: {
    noName: "(no name)",
    refused: "refused",
    none: "–",
  },

  importReport: {
    head: ["File", "Recognised as", "Rows", "Imported", "New", "Skipped"],
    unchanged: (when: string) =>
      `imported before (${dayTime(when)} UTC) with the same content: nothing to do`,
    skipped: (reasons: string) => `skipped ${reasons}`,
    skipReason: (times: number, reason: string) =>
      `${num(times)} ${times === 1 ? reason : reason.replace(/\brow\b/, "rows")}`,
    merged: (n: number) => `merged ${count(n, { one: "duplicate row", other: "duplicate rows" })}`,
    alreadyKnown: (n: number) => `${num(n)} already known from another file`,
    x500: (n: number) =>
      `left out ${count(n, { one: "Exchange X.500 name", other: "Exchange X.500 names" })} found in email columns`,
    notEmail: (n: number) =>
      `left out ${count(n, { one: "value", other: "values" })} in email columns that are not addresses`,
    closed: (n: number) => `${invitations(n)} no longer listed by this newer export: closed`,
    gone: (n: number) => `${connections(n)} no longer listed by this newer export`,
    replaced: (n: number) => `replaced ${contacts(n)} of an older copy`,
    readAs: (encoding: string) => `read as ${encoding}`,
    alsoLikely: (encoding: string, others: string[], flags: string[]) =>
      `read as ${encoding}; ${fmt.list(others)} ${others.length === 1 ? "was" : "were"} almost as likely: if names look wrong, import again with ${flags.join(" or ")}`,
    macRoman: "macintosh (Mac OS Roman)",
    refusedNote: (line: number | null, problem: string) =>
      `refused, nothing of it was imported: ${line === null ? "" : `line ${num(line)}: `}${problem}`,
    passedOver: (n: number, shown: string[], more: number) =>
      `Passed over ${count(n, { one: "other file", other: "other files" })} with no invitations, connections or contacts: ${shown.join(", ")}${more > 0 ? ` and ${num(more)} more` : ""}.`,
    nothingChanged: "Nothing changed: every file was imported before with the same content.",
    refusedFiles: (n: number) =>
      n === 1
        ? "That file was refused and nothing of it was imported; the other files were. Correct it or download the export again, then import again."
        : "Those files were refused and nothing of them was imported; the other files were. Correct them or download the export again, then import again.",
  },

  status: {
    database: (path: string) => `Database: ${path}`,
    asOf: (when: Date) => `As of ${day(when)}`,
    rows: {
      outgoing: "Invitations you sent",
      pending: "  pending: can still be withdrawn",
      accepted: "  accepted: now connections",
      expired: "  expired: older than 6 months",
      withdrawn: "  withdrawn",
      closed: "  closed: no longer on LinkedIn's list",
      incoming: "Invitations you received",
      connections: "Connections",
      active: "  active",
      removed: "  removed",
      contacts: "Address-book contacts",
      withEmail: "  with an email address",
      emails: "  distinct email addresses",
    },
  },

  sources: {
    noneYet: "No files imported yet: run `invites import <file>`.",
    head: ["#", "File", "Recognised as", "Rows", "Imported at (UTC)"],
    headWithEffects: ["#", "File", "Recognised as", "Rows", "Imported at (UTC)", "Effects"],
    importedAt: (when: string) => dayTime(when),
    effects: {
      closed: (n: number) => `closed ${invitations(n)}`,
      gone: (n: number) => `${connections(n)} gone`,
      replaced: (n: number) => `replaced ${contacts(n)}`,
      replacedBy: (id: number) => `replaced by #${id}`,
    },
    forgetHint: "invites sources forget <#> takes an import back, with everything it changed.",
    forget: {
      title: (id: number, path: string, description: string, n: number, when: string) =>
        `Taking back import ${id}: ${path} (${description}, ${rows(n)}, imported ${dayTime(when)} UTC)`,
      contacts: (n: number) => `${contacts(n)} of it removed`,
      invitations: (n: number) => `${invitations(n)} only it lists removed`,
      connections: (n: number) => `${connections(n)} only it lists removed`,
      reopened: (n: number) => `${invitations(n)} it closed open again`,
      closed: (n: number) => `${invitations(n)} closed, as an older export no longer lists them`,
      returned: (n: number) => `${connections(n)} it marked gone active again`,
      gone: (n: number) => `${connections(n)} gone, as an older export no longer lists them`,
      deletedBefore: (id: number, path: string) =>
        `import ${id} (${path}) stands again, but its contacts were deleted when it was replaced, before invites kept them: import that file again after this`,
      shownAgain: (n: number, id: number, path: string) =>
        `${contacts(n)} of import ${id} (${path}) shown again`,
      nothingElse: "nothing else: no other row depends on it",
      importAgain: "Importing the same file again brings it back.",
    },
    massClosure: {
      invitations: (label: string, closing: number, open: number) =>
        `${label} would close ${num(closing)} of your ${count(open, { one: "pending invitation", other: "pending invitations" })}`,
      connections: (label: string, closing: number, open: number) =>
        `${label} would mark ${num(closing)} of your ${connections(open)} as gone`,
    },
  },

  contacts: {
    none: "No contacts imported.",
    head: ["Name", "Email", "Phone", "Company", "Source"],
    total: (n: number) => contacts(n),
  },

  preview: {
    none: "No pending invitation matches this selection.",
    head: {
      name: "Name",
      profileOrEmail: "Profile or email",
      profile: "Profile",
      sentUtc: "Sent (UTC)",
      sent: "Sent",
      age: "Age",
      batch: "Batch",
      flags: "Flags",
      reminder: "Reminder",
    },
    age: (days: number) =>
      days < 14
        ? `${days}d`
        : days < 70
          ? `${Math.floor(days / 7)}w`
          : `${Math.floor(days / 30)}mo`,
    flags: { personal: "personal", book: "book", role: "role", p: "P", b: "B", r: "R" },
    more: (n: number) => `… and ${num(n)} more (--all to list every one)`,
    legendCompact:
      "Flags: P personal (a note), B in your address book, R role address. Reminder: the next one unless withdrawn.",
    legend:
      "Flags: personal = sent with a note, book = in your address book, role = a role address (info@, jobs@, …). Reminder: the next one LinkedIn sends unless you withdraw.",
    summary: (
      pending: number,
      asOf: Date,
      inBatch: number,
      personal: number,
      reminders: number,
      weekAhead: Date,
    ) =>
      `${count(pending, { one: "pending invitation", other: "pending invitations" })} as of ${day(asOf)}: ${num(inBatch)} in an accidental batch, ${num(personal)} personal; ${num(reminders)} will get a reminder by ${day(weekAhead)} unless withdrawn.`,
    selected: (selected: number, of: number) => `Selected: ${num(selected)} of ${num(of)}.`,
  },

  batches: {
    none: "No accidental batch found: no burst of note-less invitations large enough (see --batch-gap and --batch-min).",
    head: [
      "Batch",
      "First sent (UTC)",
      "Last sent (UTC)",
      "Size",
      "Pending",
      "Accepted",
      "In address book",
    ],
  },

  connectionsTable: {
    none: "No connection matches this selection.",
    head: {
      name: "Name",
      profile: "Profile",
      connected: "Connected",
      batch: "Batch",
      work: "Company, position",
    },
    more: (n: number) => `… and ${num(n)} more`,
  },
};

/** The shape every catalogue has: the same messages, taking the same arguments, giving text. */
type Shape<T> = T extends (...args: infer A) => unknown
  ? (...args: A) => string
  : T extends string
    ? string
    : T extends readonly string[]
      ? readonly string[]
      : { [K in keyof T]: Shape<T[K]> };

export type Catalogue = Shape<typeof en>;
