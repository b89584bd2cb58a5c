/** The re-invite list as `invites reinvite-list` shows it: data in, string out. */

import type { ReinviteEntry, ReinviteReason } from "../core/reinvite.js";
import { m } from "../i18n/index.js";
import type { Colour } from "./colour.js";
import { profileOrEmail } from "./preview.js";
import { printable } from "./printable.js";
import { type Column, fitTable } from "./tables.js";
import { wrap } from "./wrap.js";

/** Why someone is on the list, in the language in use. */
export function reinviteWhy(reasons: readonly ReinviteReason[]): string {
  return reasons.map((reason) => m().reinviteList.why[reason]).join(", ");
}

export function renderReinviteList(
  list: readonly ReinviteEntry[],
  colour: Colour,
  width: number,
  maxRows = Number.POSITIVE_INFINITY,
): string {
  const words = m().reinviteList;
  if (list.length === 0) return colour.dim(wrap(words.none, width));
  const [name = "", profile = "", from = "", why = ""] = words.head;
  const columns: Column[] = [
    { head: name, give: "end" },
    { head: profile, give: "end" },
    { head: from },
    { head: why, give: "wrap" },
  ];
  const rows = list.slice(0, maxRows).map((r) => [
    printable(r.name),
    // As the preview shows it: a whole URL, cut to fit, would tell less than its slug.
    printable(profileOrEmail(r)),
    r.reinviteFrom === null ? "" : m().fmt.day(r.reinviteFrom),
    reinviteWhy(r.reasons),
  ]);
  const table = fitTable(columns, rows, colour, width);
  if (list.length === rows.length) return table;
  return `${table}\n${wrap(m().preview.more(list.length - rows.length), width)}`;
}
