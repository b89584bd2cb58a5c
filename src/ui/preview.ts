/** Renderers for preview and batches: data in, string out. */
import type { ChalkInstance } from "chalk";
import type { Batch } from "../core/batches.js";
import { toProfileSlug } from "../core/identity.js";
import type { InvitationView, PreviewSummary } from "../core/preview.js";
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

function flags(view: InvitationView, colour: ChalkInstance): string {
  const list: string[] = [];
  if (view.personal) list.push(colour.green("personal"));
  if (view.addressBook) list.push("book");
  if (view.roleAddress) list.push(colour.yellow("role"));
  return list.join(" ");
}

export interface PreviewTableOptions {
  colour: ChalkInstance;
  width: number;
  /** How many rows fit; the rest is counted, not listed. Infinity lists every one. */
  maxRows: number;
  asOf: Date;
}

export function renderPreviewTable(views: readonly InvitationView[], options: PreviewTableOptions) {
  const { colour, width, asOf } = options;
  if (views.length === 0) return colour.dim("No pending invitation matches this selection.");
  // Sent, age, batch, flags and reminder take about 60 columns with the borders; name and
  // profile share the rest.
  const flexible = Math.max(24, width - 64);
  const nameWidth = Math.max(10, Math.floor(flexible * 0.45));
  const profileWidth = Math.max(12, flexible - nameWidth);
  const t = table(
    ["Name", "Profile or email", "Sent (UTC)", "Age", "Batch", "Flags", "Reminder"],
    colour,
    {
      wordWrap: false,
    },
  );
  const shown = views.slice(0, options.maxRows);
  for (const v of shown) {
    t.push([
      truncate(v.name || "(no name)", nameWidth),
      truncate(profileOrEmail(v), profileWidth),
      shortTime(v.sentAt),
      age(v, asOf),
      v.batch ?? "",
      flags(v, colour),
      v.nextReminder ?? "–",
    ]);
  }
  const lines = [t.toString()];
  if (views.length > shown.length) {
    lines.push(`… and ${n(views.length - shown.length)} more (--all to list every one)`);
  }
  lines.push(
    colour.dim(
      "Flags: personal = sent with a note, book = in your address book, role = a role address (info@, jobs@, …). Reminder: the next one LinkedIn sends unless you withdraw.",
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
