/** The table of connections a removal plans: data in, string out. */
import type { ChalkInstance } from "chalk";
import type { ConnectionRow } from "../core/connections.js";
import { m } from "../i18n/index.js";
import { printable } from "./printable.js";
import { table, truncate } from "./tables.js";

export function connectionName(c: Pick<ConnectionRow, "firstName" | "lastName">): string {
  return `${c.firstName} ${c.lastName}`.trim();
}

export function renderConnectionTable(
  rows: readonly ConnectionRow[],
  options: { colour: ChalkInstance; width: number; maxRows: number },
): string {
  const { colour, width } = options;
  const words = m().connectionsTable;
  if (rows.length === 0) return colour.dim(words.none);
  const shown = rows.slice(0, options.maxRows);
  const withBatch = width >= 70;
  // Connected (10) and Batch (5), each with two spaces of padding and a border, and the table's.
  const fixed = 13 + (withBatch ? 8 : 0) + 3 * 3 + 1;
  const flexible = Math.max(24, width - fixed);
  const nameWidth = Math.max(8, Math.floor(flexible * 0.3));
  const profileWidth = Math.max(8, Math.floor(flexible * 0.3));
  const workWidth = Math.max(8, flexible - nameWidth - profileWidth);
  const h = words.head;
  const t = table(
    [h.name, h.profile, h.connected, ...(withBatch ? [h.batch] : []), h.work],
    colour,
    { wordWrap: false },
  );
  for (const c of shown) {
    const work = [c.company, c.position].filter(Boolean).join(", ");
    t.push([
      truncate(printable(connectionName(c) || m().common.noName), nameWidth),
      truncate(c.slug ? printable(`in/${c.slug}`) : "–", profileWidth),
      c.connectedOn ? m().fmt.day(c.connectedOn) : "",
      ...(withBatch ? [c.batch ?? ""] : []),
      truncate(printable(work), workWidth),
    ]);
  }
  const lines = [t.toString()];
  if (rows.length > shown.length) lines.push(words.more(rows.length - shown.length));
  return lines.join("\n");
}
