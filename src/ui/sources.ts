/** The imports as a table, what taking one back does, and the question before either goes ahead. */
import type { ChalkInstance } from "chalk";
import type { MassClosure } from "../store/importer.js";
import type { ForgetReport, ImportedSource } from "../store/sources.js";
import { count, n, table, truncateStart } from "./tables.js";

/** What an import changed beyond its own rows, in words; empty when nothing. */
function describeEffects(s: ImportedSource): string {
  return [
    s.closedInvitations > 0 ? `closed ${count(s.closedInvitations, "invitation")}` : "",
    s.goneConnections > 0 ? `${count(s.goneConnections, "connection")} gone` : "",
    s.replacedContacts > 0 ? `replaced ${count(s.replacedContacts, "contact")}` : "",
    s.replacedBy !== null ? `replaced by #${s.replacedBy}` : "",
  ]
    .filter(Boolean)
    .join(", ");
}

export function renderImportedSources(
  sources: readonly ImportedSource[],
  colour: ChalkInstance,
  width: number,
): string {
  if (sources.length === 0)
    return colour.dim("No files imported yet: run `invites import <file>`.");
  const t = table(["#", "File", "Recognised as", "Rows", "Imported at (UTC)", "Effects"], colour, {
    colAligns: ["right", "left", "left", "right", "left", "left"],
    wordWrap: false,
  });
  const fileWidth = Math.max(30, width - 105);
  for (const s of sources) {
    const effects = describeEffects(s);
    t.push([
      String(s.id),
      truncateStart(s.path, fileWidth),
      s.description,
      n(s.rows),
      s.importedAt.slice(0, 16).replace("T", " "),
      s.replacedBy === null ? effects : colour.dim(effects),
    ]);
  }
  return `${t.toString()}\n${colour.dim("invites sources forget <#> takes an import back, with everything it changed.")}`;
}

/** The plan of `sources forget`, as measured inside its transaction. */
export function renderForgetReport(report: ForgetReport, colour: ChalkInstance): string {
  const s = report.source;
  const lines = [
    colour.bold(
      `Taking back import ${s.id}: ${s.path} (${s.description}, ${count(s.rows, "row")}, imported ${s.importedAt.slice(0, 16).replace("T", " ")} UTC)`,
    ),
  ];
  const item = (value: number, text: string) => {
    if (value > 0) lines.push(`  ${text}`);
  };
  item(report.contacts, `${count(report.contacts, "contact")} of it removed`);
  item(report.invitations, `${count(report.invitations, "invitation")} only it lists removed`);
  item(report.connections, `${count(report.connections, "connection")} only it lists removed`);
  item(
    report.reopenedInvitations,
    `${count(report.reopenedInvitations, "invitation")} it closed open again`,
  );
  item(
    report.closedInvitations,
    `${count(report.closedInvitations, "invitation")} closed, as an older export no longer lists them`,
  );
  item(
    report.returnedConnections,
    `${count(report.returnedConnections, "connection")} it marked gone active again`,
  );
  item(
    report.goneConnections,
    `${count(report.goneConnections, "connection")} gone, as an older export no longer lists them`,
  );
  for (const r of report.restored) {
    lines.push(
      r.contacts === 0 && r.imported > 0
        ? colour.yellow(
            `  import ${r.id} (${r.path}) stands again, but its contacts were deleted when it was replaced, before invites kept them: import that file again after this`,
          )
        : `  ${count(r.contacts, "contact")} of import ${r.id} (${r.path}) shown again`,
    );
  }
  if (lines.length === 1) lines.push("  nothing else: no other row depends on it");
  lines.push(colour.dim("  Importing the same file again brings it back."));
  return lines.join("\n");
}

/** One line for each file of an import that would close more than half of what is open. */
export function renderMassClosures(closures: readonly MassClosure[]): string {
  return closures
    .map((c) =>
      c.noun === "invitations"
        ? `${c.label} would close ${n(c.closing)} of your ${count(c.open, "pending invitation")}`
        : `${c.label} would mark ${n(c.closing)} of your ${count(c.open, "connection")} as gone`,
    )
    .join("; ");
}

export interface PromptStreams {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** Asks yes or no on stderr, no by default; Ctrl-C or Esc count as no. */
export async function askToGoAhead(message: string, streams: PromptStreams = {}): Promise<boolean> {
  const { confirm } = await import("@inquirer/prompts");
  return confirm({ message, default: false }, { output: process.stderr, ...streams }).catch(
    () => false,
  );
}
