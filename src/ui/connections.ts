/** The table of connections a removal plans: data in, string out. */
import type { ChalkInstance } from "chalk";
import type { ConnectionRow } from "../core/connections.js";
import { printable } from "./printable.js";
import { n, table, truncate } from "./tables.js";

export function connectionName(c: Pick<ConnectionRow, "firstName" | "lastName">): string {
  return `${c.firstName} ${c.lastName}`.trim();
}

export function renderConnectionTable(
  rows: readonly ConnectionRow[],
  options: { colour: ChalkInstance; width: number; maxRows: number },
): string {
  const { colour, width } = options;
  if (rows.length === 0) return colour.dim("No connection matches this selection.");
  const shown = rows.slice(0, options.maxRows);
  const withBatch = width >= 70;
  // Connected (10) and Batch (5), each with two spaces of padding and a border, and the table's.
  const fixed = 13 + (withBatch ? 8 : 0) + 3 * 3 + 1;
  const flexible = Math.max(24, width - fixed);
  const nameWidth = Math.max(8, Math.floor(flexible * 0.3));
  const profileWidth = Math.max(8, Math.floor(flexible * 0.3));
  const workWidth = Math.max(8, flexible - nameWidth - profileWidth);
  const t = table(
    ["Name", "Profile", "Connected", ...(withBatch ? ["Batch"] : []), "Company, position"],
    colour,
    { wordWrap: false },
  );
  for (const c of shown) {
    const work = [c.company, c.position].filter(Boolean).join(", ");
    t.push([
      truncate(printable(connectionName(c) || "(no name)"), nameWidth),
      truncate(c.slug ? printable(`in/${c.slug}`) : "–", profileWidth),
      c.connectedOn ?? "",
      ...(withBatch ? [c.batch ?? ""] : []),
      truncate(printable(work), workWidth),
    ]);
  }
  const lines = [t.toString()];
  if (rows.length > shown.length) lines.push(`… and ${n(rows.length - shown.length)} more`);
  return lines.join("\n");
}
