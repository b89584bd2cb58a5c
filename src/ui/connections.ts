/** The table of connections a removal plans: data in, string out. */

import { type ConnectionRow, connectionName } from "../core/connections.js";
import { m } from "../i18n/index.js";
import type { Colour } from "./colour.js";
import { printable } from "./printable.js";
import { type Column, fitTable } from "./tables.js";

export function renderConnectionTable(
  rows: readonly ConnectionRow[],
  options: { colour: Colour; width: number; maxRows: number },
): string {
  const { colour, width } = options;
  const words = m().connectionsTable;
  if (rows.length === 0) return colour.dim(words.none);
  const shown = rows.slice(0, options.maxRows);
  const withBatch = width >= 70;
  const h = words.head;
  const columns: Column[] = [
    { head: h.name, give: "end" },
    { head: h.profile, give: "end" },
    { head: h.connected },
    ...(withBatch ? [{ head: h.batch }] : []),
    { head: h.work, give: "end" },
  ];
  const cells = shown.map((c) => [
    printable(connectionName(c) || m().common.noName),
    c.slug ? printable(`in/${c.slug}`) : "–",
    c.connectedOn ? m().fmt.day(c.connectedOn) : "",
    ...(withBatch ? [c.batch ?? ""] : []),
    printable([c.company, c.position].filter(Boolean).join(", ")),
  ]);
  const lines = [fitTable(columns, cells, colour, width)];
  if (rows.length > shown.length) lines.push(words.more(rows.length - shown.length));
  return lines.join("\n");
}
