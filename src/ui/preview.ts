/** Renderers for preview and batches (strings, or lines as they are drawn), and printPreview. */
import { stripVTControlCharacters as stripAnsi } from "node:util";
import { DAY_MS } from "../core/days.js";
import { toProfileSlug } from "../core/identity.js";
import type { BatchSummary, InvitationView, PreviewSummary } from "../core/preview.js";
import { m } from "../i18n/index.js";
import type { Colour } from "./colour.js";
import { type Output, printLines } from "./output.js";
import { printable } from "./printable.js";
import {
  fitTable,
  fitTableLines,
  fitTableWithin,
  n,
  type Column as TableColumn,
} from "./tables.js";
import { truncateToWidth, wrap } from "./wrap.js";

export function profileOrEmail(view: InvitationView): string {
  const slug = toProfileSlug(view.profileUrl);
  return slug ? `in/${slug}` : (view.email ?? view.profileUrl ?? "");
}

function age(view: InvitationView, asOf: Date): string {
  return m().preview.age(Math.floor((asOf.getTime() - Date.parse(view.sentAt)) / DAY_MS));
}

function flags(view: InvitationView, colour: Colour, compact = false): string {
  const f = m().preview.flags;
  const list: string[] = [];
  if (view.personal) list.push(colour.green(compact ? f.p : f.personal));
  if (view.addressBook) list.push(compact ? f.b : f.book);
  if (view.roleAddress) list.push(colour.yellow(compact ? f.r : f.role));
  return list.join(compact ? "" : " ");
}

export interface PreviewTableOptions {
  colour: Colour;
  width: number;
  /** How many rows fit; the rest is counted, not listed. Infinity lists every one. */
  maxRows: number;
  asOf: Date;
  /** The command has --all (preview does; withdraw points to preview for the whole list). */
  hasAll?: boolean;
  /** How many the table stands for when `views` holds only the first of them: the rest are counted. */
  total?: number;
}

interface Column {
  head: string;
  cell: (v: InvitationView) => string;
  /** Visible characters of the widest cell; 0 for the two columns that share what is left. */
  width: number;
}

/** The preview's table of `views`, its lines drawn as they are taken. */
export function* previewTableLines(
  views: readonly InvitationView[],
  options: PreviewTableOptions,
): Generator<string> {
  const { colour, width, asOf } = options;
  const words = m().preview;
  const { fmt } = m();
  const total = options.total ?? views.length;
  if (total === 0) return yield colour.dim(words.none);
  const shown = views.slice(0, options.maxRows);
  const flagWidthOf = (compact: boolean) =>
    Math.max(
      words.head.flags.length,
      ...shown.map((v) => stripAnsi(flags(v, colour, compact)).length),
    );
  // Narrow terminals lose the time of day, then the age, then the batch column.
  const others: Column[] = [
    width >= 100
      ? { head: words.head.sentUtc, cell: (v) => fmt.dayTime(v.sentAt), width: 16 }
      : { head: words.head.sent, cell: (v) => fmt.day(v.sentAt), width: 10 },
    ...(width >= 90
      ? [
          {
            head: words.head.age,
            cell: (v: InvitationView) => age(v, asOf),
            width: Math.max(4, words.head.age.length),
          },
        ]
      : []),
    ...(width >= 75
      ? [
          {
            head: words.head.batch,
            cell: (v: InvitationView) => v.batch ?? "",
            width: Math.max(5, words.head.batch.length),
          },
        ]
      : []),
  ];
  const reminder: Column = {
    head: words.head.reminder,
    cell: (v) => (v.nextReminder ? fmt.day(v.nextReminder) : "–"),
    width: Math.max(10, words.head.reminder.length),
  };
  // Every column costs its text, two spaces of padding and a border; the table one border more.
  const usedWith = (flagWidth: number) =>
    [...others, reminder].reduce((sum, c) => sum + c.width + 3, 0) + flagWidth + 3 + 2 * 3 + 1;
  // The flags are written out while they leave the name and the profile their 16 columns; in
  // one letter each when not (a German "persönlich Adressbuch" is twice as long as "personal book").
  let compact = width < 70;
  let flagWidth = flagWidthOf(compact);
  if (!compact && width - usedWith(flagWidth) < 16) {
    compact = true;
    flagWidth = flagWidthOf(true);
  }
  const fixed: Column[] = [
    ...others,
    { head: words.head.flags, cell: (v) => flags(v, colour, compact), width: flagWidth },
    reminder,
  ];
  const used = usedWith(flagWidth);
  const flexible = Math.max(16, width - used);
  const nameWidth = Math.max(8, Math.floor(flexible * 0.45));
  const profileWidth = Math.max(8, flexible - nameWidth);
  const profileHead =
    profileWidth >= words.head.profileOrEmail.length
      ? words.head.profileOrEmail
      : words.head.profile;
  const head = [words.head.name, profileHead, ...fixed.map((c) => c.head)];
  const rows = shown.map((v) => [
    truncateToWidth(printable(v.name || m().common.noName), nameWidth),
    truncateToWidth(printable(profileOrEmail(v)), profileWidth),
    ...fixed.map((c) => c.cell(v)),
  ]);
  // The cells were cut to what the width leaves them: each column is as wide as its widest.
  yield* fitTableLines(
    head.map((h) => ({ head: h })),
    rows,
    colour,
    width,
  );
  if (total > shown.length) {
    const more = total - shown.length;
    yield wrap(options.hasAll === false ? words.moreInPreview(more) : words.more(more), width);
  }
  yield colour.dim(wrap(compact ? words.legendCompact : words.legend, width));
}

export function renderPreviewSummary(
  summary: PreviewSummary,
  selected: number,
  asOf: Date,
  colour: Colour,
  width = Number.POSITIVE_INFINITY,
): string {
  const words = m().preview;
  const weekAhead = new Date(asOf.getTime() + 7 * DAY_MS);
  const text = [
    words.summary(
      summary.pending,
      asOf,
      summary.inBatch,
      summary.personal,
      summary.remindersNextWeek,
      weekAhead,
    ),
    colour.bold(words.selected(selected, summary.pending)),
  ].join("\n");
  return wrap(text, width);
}

export function renderBatches(
  batches: readonly BatchSummary[],
  colour: Colour,
  width: number,
): string {
  const words = m().batches;
  const { fmt } = m();
  if (batches.length === 0) return colour.dim(wrap(words.none, width));
  const columns = words.head.map(
    (head, i): TableColumn => ({ head, align: i < 3 ? "left" : "right" }),
  );
  const counts = (b: BatchSummary) => [
    n(b.size),
    n(b.pending),
    n(b.accepted),
    `${Math.round(b.addressBookShare * 100)}%`,
  ];
  const full = fitTableWithin(
    columns,
    batches.map((b) => [
      colour.bold(b.id),
      fmt.dayTime(b.first),
      fmt.dayTime(b.last),
      ...counts(b),
    ]),
    colour,
    width,
  );
  if (full !== undefined) return full;
  // Too wide: first and last sent in one column, the last as its time alone on the same day.
  const [batch, , , ...rest] = columns;
  const sent = (b: BatchSummary) => {
    const last = fmt.dayTime(b.last);
    const first = fmt.dayTime(b.first);
    return `${first}–${first.slice(0, -5) === last.slice(0, -5) ? last.slice(-5) : last}`;
  };
  return fitTable(
    [batch as TableColumn, { head: words.sent, give: "wrap" }, ...rest],
    batches.map((b) => [colour.bold(b.id), sent(b), ...counts(b)]),
    colour,
    width,
  );
}

/** What printPreview prints besides the table's rows. */
export interface PreviewPrint extends Pick<PreviewTableOptions, "asOf" | "maxRows" | "hasAll"> {
  /** The counts over every pending invitation, chosen or not (summarize). */
  summary: PreviewSummary;
  /** How many were chosen, when `selected` holds only the first `maxRows` of them. */
  total?: number;
}

/** The table of the selected invitations and the summary of all pending ones. */
export async function printPreview(
  output: Output,
  selected: readonly InvitationView[],
  print: PreviewPrint,
): Promise<void> {
  const { summary, asOf, maxRows, hasAll = true, total = selected.length } = print;
  await printLines(
    output,
    previewTableLines(selected, {
      colour: output.colour,
      width: output.width,
      maxRows,
      asOf,
      hasAll,
      total,
    }),
  );
  output.out(renderPreviewSummary(summary, total, asOf, output.colour, output.width));
}
