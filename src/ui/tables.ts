/** Renderers: data in, string out. Nothing here prints. */
import type { ChalkInstance } from "chalk";
import Table from "cli-table3";
import type { Status } from "../core/status.js";
import type { ContactView, SourceView } from "../store/queries.js";
import type { FileReport, ImportReport } from "../store/importer.js";

const n = (value: number) => value.toLocaleString("en-US");

function table(head: string[], colour: ChalkInstance, options: Table.TableConstructorOptions = {}) {
  return new Table({
    head: head.map((h) => colour.bold(h)),
    style: { head: [], border: [], compact: false },
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
    .map(([reason, count]) => `${n(count)} ${reason}`)
    .join(", ");
}

function fileNotes(file: FileReport): string[] {
  const notes: string[] = [];
  if (file.outcome === "unchanged") {
    notes.push(`already imported ${file.previouslyImportedAt?.slice(0, 16).replace("T", " ")} UTC: nothing changed`);
    return notes;
  }
  if (file.skipped > 0) notes.push(`skipped ${describeSkips(file)}`);
  if (file.imported > file.added) notes.push(`${n(file.imported - file.added)} already known`);
  if (file.droppedValues.x500 > 0) {
    notes.push(`${n(file.droppedValues.x500)} Exchange X.500 name(s) are not email addresses, left out`);
  }
  if (file.droppedValues.notEmail > 0) {
    notes.push(`${n(file.droppedValues.notEmail)} value(s) in email columns are not addresses, left out`);
  }
  if (file.closedInvitations > 0) {
    notes.push(`${n(file.closedInvitations)} invitation(s) no longer listed by this newer export: closed`);
  }
  if (file.goneConnections > 0) {
    notes.push(`${n(file.goneConnections)} connection(s) no longer listed by this newer export`);
  }
  if (file.replacedContacts > 0) {
    notes.push(`replaced ${n(file.replacedContacts)} contacts of an older copy`);
  }
  if (file.encoding !== "utf-8") notes.push(`read as ${file.encoding}`);
  return notes;
}

export function renderImportReport(report: ImportReport, colour: ChalkInstance, width: number): string {
  const lines: string[] = [];
  if (report.files.length > 0) {
    const fileWidth = Math.max(16, Math.min(48, width - 70));
    const t = table(["File", "Recognised as", "Rows", "Imported", "New", "Skipped", "Notes"], colour, {
      colAligns: ["left", "left", "right", "right", "right", "right", "left"],
      colWidths: [fileWidth + 2, 24, null, null, null, null, Math.max(24, width - fileWidth - 70)],
    });
    for (const file of report.files) {
      const unchanged = file.outcome === "unchanged";
      t.push([
        file.label,
        file.description,
        unchanged ? "–" : n(file.rows),
        unchanged ? "–" : colour.green(n(file.imported)),
        unchanged ? "–" : n(file.added),
        unchanged ? "–" : file.skipped > 0 ? colour.yellow(n(file.skipped)) : "0",
        fileNotes(file).join("; "),
      ]);
    }
    lines.push(t.toString());
  }
  if (report.passedOver.length > 0) {
    const shown = report.passedOver.slice(0, 3).map((p) => p.label.replace(/^.* › /, ""));
    const more = report.passedOver.length - shown.length;
    lines.push(
      colour.dim(
        `Passed over ${n(report.passedOver.length)} other file(s) that hold no invitations, connections or contacts: ${shown.join(", ")}${more > 0 ? `, and ${n(more)} more` : ""}.`,
      ),
    );
  }
  const imported = report.files.filter((f) => f.outcome === "imported");
  if (report.files.length > 0 && imported.length === 0) {
    lines.push("Nothing new: every file was imported before.");
  }
  return lines.join("\n");
}

export function renderStatus(status: Status, asOf: Date, colour: ChalkInstance): string {
  const i = status.invitations;
  const rows: Array<[string, string]> = [
    ["Invitations you sent", n(i.outgoing)],
    ["  pending (can be withdrawn)", colour.bold(n(i.pending))],
    ["  accepted (now connections)", n(i.accepted)],
    ["  expired (older than 6 months)", n(i.expired)],
    ["  withdrawn", n(i.withdrawn)],
    ["  closed (gone from a newer export)", n(i.closed)],
    ["Invitations you received", n(i.incoming)],
    ["Connections", `${n(status.connections.active)} active, ${n(status.connections.removed)} removed`],
    [
      "Address-book contacts",
      `${n(status.contacts.total)} (${n(status.contacts.withEmail)} with email, ${n(status.contacts.emails)} addresses)`,
    ],
  ];
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.replace(/\x1b\[[0-9;]*m/g, "").length));
  const lines = [colour.bold(`As of ${asOf.toISOString().slice(0, 10)}`)];
  for (const [label, value] of rows) {
    const visible = value.replace(/\x1b\[[0-9;]*m/g, "").length;
    const align = /^\d[\d,]*$/.test(value.replace(/\x1b\[[0-9;]*m/g, "")) ? valueWidth - visible : 0;
    lines.push(`${label.padEnd(labelWidth)}  ${" ".repeat(Math.max(0, align))}${value}`);
  }
  return lines.join("\n");
}

export function renderSources(sources: SourceView[], colour: ChalkInstance, width: number): string {
  if (sources.length === 0) return colour.dim("No files imported yet: run `invites import <file>`.");
  const t = table(["#", "File", "Kind", "Rows", "Imported at (UTC)"], colour, {
    colAligns: ["right", "left", "left", "right", "left"],
    colWidths: [null, Math.max(20, width - 70), null, null, null],
  });
  for (const s of sources) {
    t.push([String(s.id), s.path, s.kind, n(s.rows), s.importedAt.slice(0, 16).replace("T", " ")]);
  }
  return t.toString();
}

export function renderContacts(contacts: ContactView[], colour: ChalkInstance, width: number): string {
  if (contacts.length === 0) return colour.dim("No contacts imported.");
  const nameWidth = Math.max(16, Math.floor((width - 20) * 0.25));
  const emailWidth = Math.max(20, Math.floor((width - 20) * 0.3));
  const t = table(["Name", "Email", "Phone", "Company", "Source"], colour, {
    wordWrap: false,
  });
  for (const c of contacts) {
    t.push([
      truncate(c.name, nameWidth),
      truncate(c.emails.join(", "), emailWidth),
      truncate(c.phones.join(", "), 18),
      truncate(c.company, 20),
      truncate(c.source.replace(/^.*[/\\]/, ""), 24),
    ]);
  }
  return `${t.toString()}\n${n(contacts.length)} contact(s)`;
}
