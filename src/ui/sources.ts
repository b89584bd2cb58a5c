/** The imports as a table, what taking one back does, and the question before either goes ahead. */

import { m } from "../i18n/index.js";
import type { MassClosure } from "../store/importer.js";
import type { ForgetReport, ImportedSource } from "../store/sources.js";
import type { Colour } from "./colour.js";
import { printable } from "./printable.js";
import { describeFormat, fitSources, sourceCells, sourceColumns } from "./tables.js";
import { wrap } from "./wrap.js";

/** What an import changed beyond its own rows, in words; empty when nothing. */
function describeEffects(s: ImportedSource): string {
  const e = m().sources.effects;
  return [
    s.closedInvitations > 0 ? e.closed(s.closedInvitations) : "",
    s.goneConnections > 0 ? e.gone(s.goneConnections) : "",
    s.replacedContacts > 0 ? e.replaced(s.replacedContacts) : "",
    s.replacedBy !== null ? e.replacedBy(s.replacedBy) : "",
  ]
    .filter(Boolean)
    .join(", ");
}

export function renderImportedSources(
  sources: readonly ImportedSource[],
  colour: Colour,
  width: number,
): string {
  const words = m().sources;
  if (sources.length === 0) return colour.dim(words.noneYet);
  const columns = sourceColumns(words.headWithEffects);
  const rows = sources.map((s) => {
    const effects = describeEffects(s);
    return [...sourceCells(s), s.replacedBy === null ? effects : colour.dim(effects)];
  });
  return `${fitSources(columns, rows, colour, width)}\n${colour.dim(wrap(words.forgetHint, width))}`;
}

/** The plan of `sources forget`, as measured inside its transaction. */
export function renderForgetReport(report: ForgetReport, colour: Colour, width: number): string {
  const s = report.source;
  const w = m().sources.forget;
  const lines = [
    colour.bold(
      w.title(s.id, printable(s.path), describeFormat(s.description), s.rows, s.importedAt),
    ),
  ];
  const item = (value: number, text: (n: number) => string) => {
    if (value > 0) lines.push(`  ${text(value)}`);
  };
  item(report.contacts, w.contacts);
  item(report.invitations, w.invitations);
  item(report.connections, w.connections);
  item(report.reopenedInvitations, w.reopened);
  item(report.closedInvitations, w.closed);
  item(report.returnedConnections, w.returned);
  item(report.goneConnections, w.gone);
  for (const r of report.restored) {
    lines.push(
      r.contacts === 0 && r.imported > 0
        ? colour.yellow(`  ${w.deletedBefore(r.id, printable(r.path))}`)
        : `  ${w.shownAgain(r.contacts, r.id, printable(r.path))}`,
    );
  }
  if (lines.length === 1) lines.push(`  ${w.nothingElse}`);
  lines.push(colour.dim(`  ${w.importAgain}`));
  // Each line wraps under its own text: the items are indented two spaces.
  return lines.map((line) => wrap(line, width)).join("\n");
}

/** One line for each file of an import that would close more than half of what is open. */
export function renderMassClosures(closures: readonly MassClosure[]): string {
  const w = m().sources.massClosure;
  return closures
    .map((c) =>
      c.noun === "invitations"
        ? w.invitations(printable(c.label), c.closing, c.open)
        : w.connections(printable(c.label), c.closing, c.open),
    )
    .join("; ");
}
