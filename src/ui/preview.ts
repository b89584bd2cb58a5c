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
  fitTableLines,
  fitTableWithin,
  n,
  renderBlocks,
  streamTableLines,
  type Column as TableColumn,
  widest,
  widestCells,
} from "./tables.js";
import { displayWidth, truncateToWidth, wrap } from "./wrap.js";

/** `in/<slug>` for a profile, else the e-mail address: what every table shows of a person. */
export function profileOrEmail(view: Pick<InvitationView, "profileUrl" | "email">): string {
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
}

interface Column {
  head: string;
  cell: (v: InvitationView) => string;
  /** Visible characters of the widest cell; 0 for the two columns that share what is left. */
  width: number;
}

/**
 * A table of up to this many rows is fitted to its widest cells; a longer one (`preview --all`
 * of 1,000,000) is drawn as its rows come, its name and profile columns as wide as the terminal
 * leaves them and each other column as wide as the layout plans it (wider where its first rows
 * are).
 */
export const FITTED_ROWS = 1000;

/**
 * The preview's table of `views`, its lines drawn as they are taken; the views are taken as the
 * lines are, and past `maxRows` counted, so that a long table's first lines are written before
 * its last views are made, and none is held.
 */
export function* previewTableLines(
  views: Iterable<InvitationView>,
  options: PreviewTableOptions,
): Generator<string> {
  const more = views[Symbol.iterator]();
  try {
    yield* tableOf(more, options);
  } finally {
    // Left early (a reader gone): the views' source ends too (a read transaction, say).
    more.return?.();
  }
}

function* tableOf(more: Iterator<InvitationView>, options: PreviewTableOptions): Generator<string> {
  const { colour, width, asOf, maxRows } = options;
  const words = m().preview;
  const { fmt } = m();
  const first: InvitationView[] = [];
  while (first.length < Math.min(maxRows, FITTED_ROWS + 1)) {
    const next = more.next();
    if (next.done) break;
    first.push(next.value);
  }
  if (first.length === 0) return yield colour.dim(words.none);
  const streamed = first.length > FITTED_ROWS;
  const flagWidthOf = (compact: boolean) =>
    Math.max(
      words.head.flags.length,
      widest(first, (v) => stripAnsi(flags(v, colour, compact)).length),
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
  // The flags are written out while they leave the name and the profile 14 columns each; in
  // one letter each when not (a German "persönlich Adressbuch" is twice as long as "personal book").
  let compact = width < 70;
  let flagWidth = flagWidthOf(compact);
  if (!compact && width - usedWith(flagWidth) < 2 * 14) {
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
  // The name gets the larger share: it is what a careful user checks a withdrawal by.
  // Each at least 8, the two no wider together than what is left.
  const nameWidth = Math.max(8, Math.min(flexible - 8, Math.ceil(flexible * 0.55)));
  const profileWidth = Math.max(8, flexible - nameWidth);
  const profileHead =
    profileWidth >= words.head.profileOrEmail.length
      ? words.head.profileOrEmail
      : words.head.profile;
  const head = [words.head.name, profileHead, ...fixed.map((c) => c.head)];
  const cells = (v: InvitationView) => [
    truncateToWidth(printable(v.name || m().common.noName), nameWidth),
    truncateToWidth(printable(profileOrEmail(v)), profileWidth),
    ...fixed.map((c) => c.cell(v)),
  ];
  let shown = first.length;
  let total = first.length;
  if (!streamed) {
    for (const _ of iterable(more)) total++;
    // The cells were cut to what the width leaves them: each column is as wide as its widest.
    yield* fitTableLines(
      head.map((h) => ({ head: h })),
      first.map(cells),
      colour,
      width,
    );
  } else {
    // The widths the layout above planned, wider where the first rows are (a later cell wider
    // still wraps in its column).
    const firstRows = first.map(cells);
    const natural = widestCells(head.length, firstRows);
    const widths = [
      nameWidth,
      profileWidth,
      ...fixed.map((c, i) => Math.max(c.width, displayWidth(c.head), natural[i + 2] ?? 0)),
    ];
    const rows = function* () {
      yield* firstRows;
      for (const view of iterable(more)) {
        total++;
        if (shown >= maxRows) continue;
        shown++;
        yield cells(view);
      }
    };
    yield* streamTableLines(
      head.map((h) => ({ head: h })),
      widths,
      rows(),
      colour,
    );
  }
  if (total > shown) {
    const rest = total - shown;
    yield wrap(options.hasAll === false ? words.moreInPreview(rest) : words.more(rest), width);
  }
  yield colour.dim(wrap(compact ? words.legendCompact : words.legend, width));
}

/** The rest of an iterator, for `for … of`. */
function iterable<T>(iterator: Iterator<T>): Iterable<T> {
  return { [Symbol.iterator]: () => iterator };
}

export function renderPreviewSummary(
  summary: PreviewSummary,
  selected: number,
  asOf: Date,
  colour: Colour,
  width = Number.POSITIVE_INFINITY,
  /** Selected in all, where the table shows only what this run sends (`selected`). */
  inAll = selected,
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
    colour.bold(
      inAll > selected
        ? words.selectedThisRun(inAll, summary.pending, selected)
        : words.selected(selected, summary.pending),
    ),
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
  // Expired or closed is left out while no batch has any: a batch is mostly weeks old, and the
  // column would take an 80-column terminal's last room.
  const ended = batches.some((b) => b.expired + b.closed > 0);
  const h = words.head;
  const left = (head: string): TableColumn => ({ head, align: "left" });
  const right = (head: string): TableColumn => ({ head, align: "right" });
  const columns = [
    left(h.batch),
    left(h.firstSent),
    left(h.lastSent),
    ...[h.size, h.pending, h.withdrawn, h.accepted, ...(ended ? [h.ended] : []), h.addressBook].map(
      right,
    ),
  ];
  const counts = (b: BatchSummary) => [
    n(b.size),
    n(b.pending),
    n(b.withdrawn),
    n(b.accepted),
    ...(ended ? [n(b.expired + b.closed)] : []),
    fmt.percent(b.addressBookShare),
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
  const compact = fitTableWithin(
    [batch as TableColumn, { head: words.sent, give: "wrap" }, ...rest],
    batches.map((b) => [colour.bold(b.id), sent(b), ...counts(b)]),
    colour,
    width,
  );
  if (compact !== undefined) return compact;
  // Narrower still (a phone's terminal): each batch as lines of a label and its count.
  const labels = rest.map((column) => column.head);
  return renderBlocks(
    batches.map((b) => ({
      title: `${colour.bold(b.id)}  ${words.sentUtc(sent(b))}`,
      fields: counts(b).map((count, i) => [labels[i] ?? "", count] as const),
    })),
    width,
    "right",
  );
}

/** What printPreview prints besides the table's rows. */
export interface PreviewPrint extends Pick<PreviewTableOptions, "asOf" | "maxRows" | "hasAll"> {
  /** How many are selected in all, where the table holds only this run's share of them. */
  inAll?: number;
  /**
   * The counts over every pending invitation, chosen or not (summarize), read once the table is
   * drawn: a PreviewTally's, counted as the views are taken, is whole by then.
   */
  summary: PreviewSummary;
}

/**
 * The table of the selected invitations and the summary of all pending ones: the selected are
 * taken one at a time as the table is written, and counted.
 */
export async function printPreview(
  output: Output,
  selected: Iterable<InvitationView>,
  print: PreviewPrint,
): Promise<void> {
  const { summary, asOf, maxRows, hasAll = true, inAll } = print;
  let total = 0;
  const counted = function* () {
    for (const view of selected) {
      total++;
      yield view;
    }
  };
  await printLines(
    output,
    previewTableLines(counted(), {
      colour: output.colour,
      width: output.width,
      maxRows,
      asOf,
      hasAll,
    }),
  );
  output.out(renderPreviewSummary(summary, total, asOf, output.colour, output.width, inAll));
}
