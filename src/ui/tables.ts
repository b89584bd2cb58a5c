/**
 * Renderers: data in, string out. Nothing here prints. Text from files goes through printable()
 * before it is truncated or coloured.
 */
import { resolve } from "node:path";
import type { ChalkInstance } from "chalk";
import Table from "cli-table3";
import type { SkipReason } from "../core/records.js";
import type { Status } from "../core/status.js";
import { formatLocation } from "../errors.js";
import { m } from "../i18n/index.js";
import {
  DUPLICATE_CONTACT,
  type FileReport,
  type ImportReport,
  type RefusedFile,
} from "../store/importer.js";
import type { ContactView, SourceView } from "../store/queries.js";
import { printable } from "./printable.js";
import { truncateToWidth } from "./wrap.js";

/** A number as the language in use writes it: `1,234` / `1.234`. */
export const n = (value: number) => m().fmt.num(value);

export function table(
  head: readonly string[],
  colour: ChalkInstance,
  options: Table.TableConstructorOptions = {},
) {
  return new Table({
    head: head.map((h) => colour.bold(h)),
    style: { head: [], border: [], compact: true },
    wordWrap: true,
    ...options,
  });
}

/** Shortens text to `width` terminal columns with an ellipsis (a CJK character takes two). */
export function truncate(text: string, width: number): string {
  return truncateToWidth(text, width);
}

/** The skipped rows by reason, in the language in use; repeated contacts are told as merged. */
function describeSkips(file: FileReport): string {
  const words = m().formats.skipped;
  return (Object.entries(file.skipReasons) as Array<[SkipReason, number]>)
    .filter(([reason]) => reason !== DUPLICATE_CONTACT)
    .map(([reason, times]) => words[reason](times))
    .join(", ");
}

/**
 * What a file was recognised as, in the language in use. The readers' own description
 * (`Outlook CSV (German)`) is what the database keeps and `--json` prints, from before too.
 */
export function describeFormat(description: string): string {
  const words = m().formats.recognised;
  if (description === "Google's Outlook CSV") return words.googleOutlook;
  return description.replace(
    /\((English|German|French|Spanish|legacy)\)$/,
    (_, qualifier: keyof typeof words.qualifiers) => `(${words.qualifiers[qualifier]})`,
  );
}

function fileNotes(file: FileReport): string[] {
  const t = m().importReport;
  if (file.outcome === "unchanged") return [t.unchanged(file.previouslyImportedAt ?? "")];
  const notes: string[] = [];
  const skips = describeSkips(file);
  if (skips !== "") notes.push(t.skipped(skips));
  const merged = file.skipReasons[DUPLICATE_CONTACT] ?? 0;
  if (merged > 0) notes.push(t.merged(merged));
  if (file.imported > file.added) notes.push(t.alreadyKnown(file.imported - file.added));
  if (file.droppedValues.x500 > 0) notes.push(t.x500(file.droppedValues.x500));
  if (file.droppedValues.notEmail > 0) notes.push(t.notEmail(file.droppedValues.notEmail));
  if (file.closedInvitations > 0) notes.push(t.closed(file.closedInvitations));
  if (file.goneConnections > 0) notes.push(t.gone(file.goneConnections));
  if (file.replacedContacts > 0) notes.push(t.replaced(file.replacedContacts));
  if (file.alsoLikely.length > 0) {
    notes.push(
      t.alsoLikely(
        encodingName(file.encoding),
        file.alsoLikely.map(encodingName),
        file.alsoLikely.map((e) => `--encoding ${e}`),
      ),
    );
  } else if (!file.encoding.startsWith("utf-")) {
    notes.push(t.readAs(encodingName(file.encoding)));
  }
  return notes;
}

/**
 * `macintosh` is what TextDecoder calls Mac OS Roman; users know the second name. A vCard's
 * properties may name their own charset: `per property, else windows-1252` (as kept).
 */
function encodingName(encoding: string): string {
  const named = encoding.replace(/\bmacintosh\b/, m().importReport.macRoman);
  const perProperty = /^per property, else (.+)$/.exec(named);
  return perProperty ? m().formats.perProperty(perProperty[1] ?? "") : named;
}

export function renderImportReport(
  report: ImportReport,
  colour: ChalkInstance,
  width: number,
): string {
  const words = m().importReport;
  const lines: string[] = [];
  if (report.files.length > 0 || report.refused.length > 0) {
    const t = table(words.head, colour, {
      colAligns: ["left", "left", "right", "right", "right", "right"],
      wordWrap: false,
    });
    const fileWidth = Math.max(30, width - 80);
    for (const file of report.files) {
      const unchanged = file.outcome === "unchanged";
      t.push([
        truncateStart(printable(file.label), fileWidth),
        describeFormat(file.description),
        unchanged ? "–" : n(file.rows),
        unchanged ? "–" : colour.green(n(file.imported)),
        unchanged ? "–" : n(file.added),
        unchanged ? "–" : file.skipped > 0 ? colour.yellow(n(file.skipped)) : "0",
      ]);
    }
    for (const file of report.refused) {
      t.push([
        truncateStart(file.label, fileWidth),
        describeFormat(file.description),
        "–",
        colour.red(m().common.refused),
        "–",
        "–",
      ]);
    }
    lines.push(t.toString());
    const allUnchanged = report.files.every((f) => f.outcome === "unchanged");
    for (const file of allUnchanged ? [] : report.files) {
      const notes = fileNotes(file);
      if (notes.length > 0)
        lines.push(`${colour.bold(shortName(file.label))}: ${notes.join("; ")}.`);
    }
    for (const file of report.refused) {
      lines.push(
        `${colour.bold(shortName(file.label))}: ${colour.red(words.refusedNote(file.line, printable(file.problem)))}.`,
      );
    }
  }
  if (report.passedOver.length > 0) {
    const shown = report.passedOver.slice(0, 3).map((p) => shortName(p.label));
    const more = report.passedOver.length - shown.length;
    lines.push(colour.dim(words.passedOver(report.passedOver.length, shown, more)));
  }
  if (
    report.files.length > 0 &&
    report.refused.length === 0 &&
    report.files.every((f) => f.outcome === "unchanged")
  ) {
    lines.push(words.nothingChanged);
  }
  return lines.join("\n");
}

/**
 * For stderr: each refused file in one line, as any bad input is reported, and what it means.
 * The import itself went through for the other files.
 */
export function renderRefusedFiles(refused: RefusedFile[]): string {
  const lines = refused.map(
    (f) =>
      `invites: ${printable(formatLocation(f.line === null ? { file: f.label } : { file: f.label, line: f.line }))}: ${printable(f.problem)}`,
  );
  lines.push(`  ${m().importReport.refusedFiles(refused.length)}`);
  return lines.join("\n");
}

/**
 * The last part of a path or archive label, `export.zip › Invitations.csv` → `Invitations.csv`,
 * printable: file and entry names come from the disk and from archives.
 */
function shortName(label: string): string {
  return printable(label.replace(/^.* › /, "").replace(/^.*[/\\]/, ""));
}

/** Shortens from the left, keeping the file name: `…/exports/Invitations.csv`. */
export function truncateStart(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `…${chars.slice(chars.length - width + 1).join("")}`;
}

/** Which database a report shows: with --db, INVITES_DB and a default, it is worth saying. */
export function renderDatabaseName(path: string, colour: ChalkInstance): string {
  return colour.dim(m().status.database(resolve(path)));
}

export function renderStatus(status: Status, asOf: Date, colour: ChalkInstance): string {
  const i = status.invitations;
  const c = status.connections;
  const w = m().status;
  const rows: Array<[string, number, boolean?]> = [
    [w.rows.outgoing, i.outgoing, true],
    [w.rows.pending, i.pending],
    [w.rows.accepted, i.accepted],
    [w.rows.expired, i.expired],
    [w.rows.withdrawn, i.withdrawn],
    [w.rows.closed, i.closed],
    [w.rows.incoming, i.incoming, true],
    [w.rows.connections, c.active + c.removed, true],
    [w.rows.active, c.active],
    [w.rows.removed, c.removed],
    [w.rows.contacts, status.contacts.total, true],
    [w.rows.withEmail, status.contacts.withEmail],
    [w.rows.emails, status.contacts.emails],
  ];
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => n(value).length));
  const lines = [colour.bold(w.asOf(asOf))];
  for (const [label, value, heading] of rows) {
    const line = `${label.padEnd(labelWidth)}  ${n(value).padStart(valueWidth)}`;
    lines.push(heading ? colour.bold(line) : line);
  }
  return lines.join("\n");
}

export function renderSources(sources: SourceView[], colour: ChalkInstance, width: number): string {
  if (sources.length === 0) return colour.dim(m().sources.noneYet);
  const t = table(m().sources.head, colour, {
    colAligns: ["right", "left", "left", "right", "left"],
    wordWrap: false,
  });
  const fileWidth = Math.max(30, width - 75);
  for (const s of sources) {
    t.push([
      String(s.id),
      truncateStart(printable(s.path), fileWidth),
      describeFormat(s.description),
      n(s.rows),
      m().sources.importedAt(s.importedAt),
    ]);
  }
  return t.toString();
}

export function renderContacts(
  contacts: ContactView[],
  colour: ChalkInstance,
  width: number,
): string {
  const words = m().contacts;
  if (contacts.length === 0) return colour.dim(words.none);
  const nameWidth = Math.max(16, Math.floor((width - 20) * 0.25));
  const emailWidth = Math.max(20, Math.floor((width - 20) * 0.3));
  const t = table(words.head, colour, {
    wordWrap: false,
  });
  for (const c of contacts) {
    t.push([
      c.name === "" ? colour.dim(m().common.noName) : truncate(printable(c.name), nameWidth),
      truncate(printable(c.emails.join(", ")), emailWidth),
      truncate(printable(c.phones.join(", ")), 18),
      truncate(printable(c.company), 20),
      truncate(printable(c.source.replace(/^.*[/\\]/, "")), 24),
    ]);
  }
  return `${t.toString()}\n${words.total(contacts.length)}`;
}
