/**
 * Renderers: data in, string out. Nothing here prints. Text from files goes through printable()
 * before it is truncated or coloured.
 */
import { resolve } from "node:path";
import type { ChalkInstance } from "chalk";
import Table from "cli-table3";
import type { Status } from "../core/status.js";
import { formatLocation } from "../errors.js";
import {
  DUPLICATE_CONTACT,
  type FileReport,
  type ImportReport,
  type RefusedFile,
} from "../store/importer.js";
import type { ContactView, SourceView } from "../store/queries.js";
import { printable } from "./printable.js";

export const n = (value: number) => value.toLocaleString("en-US");

/** "1 row", "2 rows": `plural` defaults to the singular with an s. */
export function count(value: number, singular: string, plural = `${singular}s`): string {
  return `${n(value)} ${value === 1 ? singular : plural}`;
}

export function table(
  head: string[],
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

/** Shortens text to `width` characters with an ellipsis. */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(1, width - 1)).join("")}…`;
}

function describeSkips(file: FileReport): string {
  return Object.entries(file.skipReasons)
    .filter(([reason]) => reason !== DUPLICATE_CONTACT)
    .map(
      ([reason, times]) =>
        `${n(times)} ${times === 1 ? reason : reason.replace(/\brow\b/, "rows")}`,
    )
    .join(", ");
}

function fileNotes(file: FileReport): string[] {
  if (file.outcome === "unchanged") {
    const when = file.previouslyImportedAt?.slice(0, 16).replace("T", " ");
    return [`imported before (${when} UTC) with the same content: nothing to do`];
  }
  const notes: string[] = [];
  const skips = describeSkips(file);
  if (skips !== "") notes.push(`skipped ${skips}`);
  const merged = file.skipReasons[DUPLICATE_CONTACT] ?? 0;
  if (merged > 0) notes.push(`merged ${count(merged, "duplicate row")}`);
  if (file.imported > file.added)
    notes.push(`${n(file.imported - file.added)} already known from another file`);
  if (file.droppedValues.x500 > 0) {
    notes.push(
      `left out ${count(file.droppedValues.x500, "Exchange X.500 name")} found in email columns`,
    );
  }
  if (file.droppedValues.notEmail > 0) {
    notes.push(
      `left out ${count(file.droppedValues.notEmail, "value")} in email columns that are not addresses`,
    );
  }
  if (file.closedInvitations > 0) {
    notes.push(
      `${count(file.closedInvitations, "invitation")} no longer listed by this newer export: closed`,
    );
  }
  if (file.goneConnections > 0) {
    notes.push(
      `${count(file.goneConnections, "connection")} no longer listed by this newer export`,
    );
  }
  if (file.replacedContacts > 0) {
    notes.push(`replaced ${count(file.replacedContacts, "contact")} of an older copy`);
  }
  if (file.alsoLikely.length > 0) {
    const others = file.alsoLikely.map(encodingName).join(" and ");
    const flags = file.alsoLikely.map((e) => `--encoding ${e}`).join(" or ");
    notes.push(
      `read as ${encodingName(file.encoding)}; ${others} ${file.alsoLikely.length === 1 ? "was" : "were"} almost as likely: if names look wrong, import again with ${flags}`,
    );
  } else if (!file.encoding.startsWith("utf-")) {
    notes.push(`read as ${encodingName(file.encoding)}`);
  }
  return notes;
}

/** `macintosh` is what TextDecoder calls Mac OS Roman; users know the second name. */
function encodingName(encoding: string): string {
  return encoding.replace(/\bmacintosh\b/, "macintosh (Mac OS Roman)");
}

export function renderImportReport(
  report: ImportReport,
  colour: ChalkInstance,
  width: number,
): string {
  const lines: string[] = [];
  if (report.files.length > 0 || report.refused.length > 0) {
    const t = table(["File", "Recognised as", "Rows", "Imported", "New", "Skipped"], colour, {
      colAligns: ["left", "left", "right", "right", "right", "right"],
      wordWrap: false,
    });
    const fileWidth = Math.max(30, width - 80);
    for (const file of report.files) {
      const unchanged = file.outcome === "unchanged";
      t.push([
        truncateStart(printable(file.label), fileWidth),
        file.description,
        unchanged ? "–" : n(file.rows),
        unchanged ? "–" : colour.green(n(file.imported)),
        unchanged ? "–" : n(file.added),
        unchanged ? "–" : file.skipped > 0 ? colour.yellow(n(file.skipped)) : "0",
      ]);
    }
    for (const file of report.refused) {
      t.push([
        truncateStart(file.label, fileWidth),
        file.description,
        "–",
        colour.red("refused"),
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
      const at = file.line === null ? "" : `line ${n(file.line)}: `;
      lines.push(
        `${colour.bold(shortName(file.label))}: ${colour.red("refused")}, nothing of it was imported: ${at}${file.problem}.`,
      );
    }
  }
  if (report.passedOver.length > 0) {
    const shown = report.passedOver.slice(0, 3).map((p) => shortName(p.label));
    const more = report.passedOver.length - shown.length;
    lines.push(
      colour.dim(
        `Passed over ${count(report.passedOver.length, "other file")} with no invitations, connections or contacts: ${shown.join(", ")}${more > 0 ? ` and ${n(more)} more` : ""}.`,
      ),
    );
  }
  if (
    report.files.length > 0 &&
    report.refused.length === 0 &&
    report.files.every((f) => f.outcome === "unchanged")
  ) {
    lines.push("Nothing changed: every file was imported before with the same content.");
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
  const one = refused.length === 1;
  lines.push(
    `  ${one ? "That file was" : "Those files were"} refused and nothing of ${one ? "it" : "them"} was imported; the other files were. Correct ${one ? "it" : "them"} or download the export again, then import again.`,
  );
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
  return colour.dim(`Database: ${resolve(path)}`);
}

export function renderStatus(status: Status, asOf: Date, colour: ChalkInstance): string {
  const i = status.invitations;
  const c = status.connections;
  const rows: Array<[string, number, boolean?]> = [
    ["Invitations you sent", i.outgoing, true],
    ["  pending: can still be withdrawn", i.pending],
    ["  accepted: now connections", i.accepted],
    ["  expired: older than 6 months", i.expired],
    ["  withdrawn", i.withdrawn],
    ["  closed: gone from a newer export", i.closed],
    ["Invitations you received", i.incoming, true],
    ["Connections", c.active + c.removed, true],
    ["  active", c.active],
    ["  removed", c.removed],
    ["Address-book contacts", status.contacts.total, true],
    ["  with an email address", status.contacts.withEmail],
    ["  distinct email addresses", status.contacts.emails],
  ];
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => n(value).length));
  const lines = [colour.bold(`As of ${asOf.toISOString().slice(0, 10)}`)];
  for (const [label, value, heading] of rows) {
    const line = `${label.padEnd(labelWidth)}  ${n(value).padStart(valueWidth)}`;
    lines.push(heading ? colour.bold(line) : line);
  }
  return lines.join("\n");
}

export function renderSources(sources: SourceView[], colour: ChalkInstance, width: number): string {
  if (sources.length === 0)
    return colour.dim("No files imported yet: run `invites import <file>`.");
  const t = table(["#", "File", "Recognised as", "Rows", "Imported at (UTC)"], colour, {
    colAligns: ["right", "left", "left", "right", "left"],
    wordWrap: false,
  });
  const fileWidth = Math.max(30, width - 75);
  for (const s of sources) {
    t.push([
      String(s.id),
      truncateStart(printable(s.path), fileWidth),
      s.description,
      n(s.rows),
      s.importedAt.slice(0, 16).replace("T", " "),
    ]);
  }
  return t.toString();
}

export function renderContacts(
  contacts: ContactView[],
  colour: ChalkInstance,
  width: number,
): string {
  if (contacts.length === 0) return colour.dim("No contacts imported.");
  const nameWidth = Math.max(16, Math.floor((width - 20) * 0.25));
  const emailWidth = Math.max(20, Math.floor((width - 20) * 0.3));
  const t = table(["Name", "Email", "Phone", "Company", "Source"], colour, {
    wordWrap: false,
  });
  for (const c of contacts) {
    t.push([
      c.name === "" ? colour.dim("(no name)") : truncate(printable(c.name), nameWidth),
      truncate(printable(c.emails.join(", ")), emailWidth),
      truncate(printable(c.phones.join(", ")), 18),
      truncate(printable(c.company), 20),
      truncate(printable(c.source.replace(/^.*[/\\]/, "")), 24),
    ]);
  }
  return `${t.toString()}\n${count(contacts.length, "contact")}`;
}
