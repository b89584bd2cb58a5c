/** Rows of plain data for the unit tests of core rules and renderers. */
import type { ConnectionRow } from "../../src/core/connections.js";

/** A connection `Person <id>` with profile `person-<id>`, connected 2026-11-15, from batch B1. */
export function connectionRow(id: number, extra: Partial<ConnectionRow> = {}): ConnectionRow {
  return {
    id,
    firstName: "Person",
    lastName: String(id),
    url: `https://www.linkedin.com/in/person-${id}`,
    slug: `person-${id}`,
    email: null,
    company: "",
    position: "",
    connectedOn: "2026-11-15",
    source: "Connections.csv",
    batch: "B1",
    active: true,
    ...extra,
  };
}
