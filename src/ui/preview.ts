/** Renderers for preview and batches: data in, string out. */
import { stripVTControlCharacters as stripAnsi } from "node:util";
import type { ChalkInstance } from "chalk";
import type { Batch } from "../core/batches.js";
import { toProfileSlug } from "../core/identity.js";
import type { InvitationView, PreviewSummary } from "../core/preview.js";
import { printable } from "./printable.js";
import { count, n, table, truncate } from "./tables.js";

const DAY_MS = 24 * 60 * 60 * 1000;

function shortTime(iso: string): string {
  return iso.slice(0, 16).replace("T", " ");
}

export function profileOrEmail(view: InvitationView): string {
  const slug = toProfileSlug(view.profileUrl);
  return slug ? `in/${slug}` : (view.email ?? view.profileUrl ?? "");
}

function age(view: InvitationView, asOf: Date): string {
  const days = Math.floor((asOf.getTime() - Date.parse(view.sentAt)) / DAY_MS);
  return days < 14
    ? `${days}d`
    : days < 70
      ? `${Math.floor(days / 7)}w`
      : `${Math.floor(days / 30)}mo`;
}

function flags(view: InvitationView, colour: ChalkInstance, compact = false): string {
  const list: string[] = [];
  if (view.personal) list.push(colour.green(compact ? "P" : "personal"));
  if (view.addressBook) list.push(compact ? "B" : "book");
  if (view.roleAddress) list.push(colour.yellow(compact ? "R" : "role"));
  return list.join(compact ? "" : " ");
}

export interface PreviewTableOptions {
  colour: ChalkInstance;
  width: number;
  /** How many rows fit; the rest is counted, not listed. Infinity lists every one. */
  maxRows: number;
  asOf: Date;
}

interface Column {
  head: string;
  cell: (v: InvitationView) => string;
  /** Visible characters of the widest cell; 0 for the two columns that share what is left. */
  width: number;
}

export function renderPreviewTable(views: readonly InvitationView[], options: PreviewTableOptions) {
  const { colour, width, asOf } = options;
  if (views.length === 0) return colour.dim("No pending invitation matches this selection.");
  const shown = views.slice(0, options.maxRows);
  const compact = width < 70;
  const flagWidth = Math.max(5, ...shown.map((v) => stripAnsi(flags(v, colour, compact)).length));
  // Narrow terminals lose the time of day, then the age, then the batch column.
  const fixed: Column[] = [
    width >= 100
      ? { head: "Sent (UTC)", cell: (v) => shortTime(v.sentAt), width: 16 }
      : { head: "Sent", cell: (v) => v.sentAt.slice(0, 10), width: 10 },
    ...(width >= 90 ? [{ head: "Age", cell: (v: InvitationView) => age(v, asOf), width: 4 }] : []),
    ...(width >= 75
      ? [{ head: "Batch", cell: (v: InvitationView) => v.batch ?? "", width: 5 }]
      : []),
    { head: "Flags", cell: (v) => flags(v, colour, compact), width: flagWidth },
    { head: "Reminder", cell: (v) => v.nextReminder ?? "–", width: 10 },
  ];
  // Every column costs its text, two spaces of padding and a border; the table one border more.
  const used = fixed.reduce((sum, c) => sum + c.width + 3, 0) + 2 * 3 + 1;
  const flexible = Math.max(16, width - used);
  const nameWidth = Math.max(8, Math.floor(flexible * 0.45));
  const profileWidth = Math.max(8, flexible - nameWidth);
  const profileHead = profileWidth >= 16 ? "Profile or email" : "Profile";
  const t = table(["Name", profileHead, ...fixed.map((c) => c.head)], colour, {
    wordWrap: false,
  });
  for (const v of shown) {
    t.push([
      truncate(printable(v.name || "(no name)"), nameWidth),
      truncate(printable(profileOrEmail(v)), profileWidth),
      ...fixed.map((c) => c.cell(v)),
    ]);
  }
  const lines = [t.toString()];
  if (views.length > shown.length) {
    lines.push(`… and ${n(views.length - shown.length)} more (--all to list every one)`);
  }
  lines.push(
    colour.dim(
      compact
        ? "Flags: P personal (a note), B in your address book, R role address. Reminder: the next one unless withdrawn."
        : "Flags: personal = sent with a note, book = in your address book, role = a role address (info@, jobs@, …). Reminder: the next one LinkedIn sends unless you withdraw.",
    ),
  );
  return lines.join("\n");
}

export function renderPreviewSummary(
  summary: PreviewSummary,
  selected: number,
  asOf: Date,
  colour: ChalkInstance,
): string {
  const weekAhead = new Date(asOf.getTime() + 7 * DAY_MS).toISOString().slice(0, 10);
  return [
    `${colour.bold(count(summary.pending, "pending invitation"))} as of ${asOf.toISOString().slice(0, 10)}: ${n(summary.inBatch)} in an accidental batch, ${n(summary.personal)} personal; ${n(summary.remindersNextWeek)} will get a reminder by ${weekAhead} unless withdrawn.`,
    `Selected: ${colour.bold(n(selected))} of ${n(summary.pending)}.`,
  ].join("\n");
}

export interface BatchView extends Batch {
  pending: number;
  accepted: number;
  /** Members found in an imported address book, 0 to 1. */
  addressBookShare: number;
}

export function describeBatches(
  batches: readonly Batch[],
  views: readonly InvitationView[],
): BatchView[] {
  const byId = new Map(views.map((v) => [v.id, v]));
  return batches.map((b) => {
    const members = b.members.map((id) => byId.get(id)).filter((v): v is InvitationView => !!v);
    return {
      ...b,
      pending: members.filter((v) => v.state === "pending").length,
      accepted: members.filter((v) => v.state === "accepted").length,
      addressBookShare:
        members.length === 0 ? 0 : members.filter((v) => v.addressBook).length / members.length,
    };
  });
}

export function renderBatches(batches: readonly BatchView[], colour: ChalkInstance): string {
  if (batches.length === 0) {
    return colour.dim(
      "No accidental batch found: no burst of note-less invitations large enough (see --batch-gap and --batch-min).",
    );
  }
  const t = table(
    [
      "Batch",
      "First sent (UTC)",
      "Last sent (UTC)",
      "Size",
      "Pending",
      "Accepted",
      "In address book",
    ],
    colour,
    { colAligns: ["left", "left", "left", "right", "right", "right", "right"] },
  );
  for (const b of batches) {
    t.push([
      colour.bold(b.id),
      shortTime(b.first),
      shortTime(b.last),
      n(b.members.length),
      n(b.pending),
      n(b.accepted),
      `${Math.round(b.addressBookShare * 100)}%`,
    ]);
  }
  return t.toString();
}
