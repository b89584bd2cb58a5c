/** `invites history`: the journal's runs, what each did, when, and how it ended. */

import { m } from "../i18n/index.js";
import { withDatabase } from "../store/database.js";
import { DONE_OUTCOMES, Journal } from "../store/journal.js";
import { type Output, printJson } from "../ui/output.js";
import { printable } from "../ui/printable.js";
import { n, table } from "../ui/tables.js";
import { type DatabaseOptions, databasePath } from "./options.js";

export interface HistoryOptions extends DatabaseOptions {
  json?: boolean;
}

export async function runHistory(options: HistoryOptions, output: Output): Promise<number> {
  const runs = await withDatabase(databasePath(options), (db) => new Journal(db).runs(), "read");
  if (options.json) {
    printJson(output, runs);
    return 0;
  }
  const words = m().history;
  if (runs.length === 0) {
    output.out(output.colour.dim(words.none));
    return 0;
  }
  // Every "done" is verified: a complete re-read of LinkedIn's list no longer showed the item.
  const t = table(words.head, output.colour, {
    colAligns: [
      "right",
      "left",
      "left",
      "left",
      "right",
      "right",
      "right",
      "right",
      "right",
      "right",
      "left",
    ],
  });
  for (const r of runs) {
    const c = r.counts;
    t.push([
      String(r.id),
      m().fmt.dayTime(r.startedAt),
      words.action(r.action),
      printable(r.account ?? ""),
      n(r.planned),
      n(DONE_OUTCOMES.reduce((sum, outcome) => sum + (c[outcome] ?? 0), 0)),
      n(c["not-done"] ?? 0),
      n(r.skipped ?? c["not-found"] ?? 0),
      n((c.refused ?? 0) + (c.failed ?? 0)),
      n(c.unsettled ?? 0),
      r.outcome === null ? words.interrupted : printable(words.ended(r.outcome, r.detail)),
    ]);
  }
  output.out(t.toString());
  return 0;
}
