/** `invites history`: the journal's runs, what each did, when, and how it ended. */
import { withDatabase } from "../store/database.js";
import { Journal } from "../store/journal.js";
import { type Output, printJson } from "../ui/output.js";
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
  if (runs.length === 0) {
    output.out(output.colour.dim("No runs yet: withdrawals and removals are listed here."));
    return 0;
  }
  const t = table(
    ["#", "Started (UTC)", "Action", "Account", "Planned", "Done", "Skipped", "Failed", "Ended"],
    output.colour,
    {
      colAligns: ["right", "left", "left", "left", "right", "right", "right", "right", "left"],
    },
  );
  for (const r of runs) {
    const c = r.counts;
    t.push([
      String(r.id),
      r.startedAt.slice(0, 16).replace("T", " "),
      r.action,
      r.account ?? "",
      n(r.planned),
      n(
        (c.withdrawn ?? 0) +
          (c["settled-withdrawn"] ?? 0) +
          (c.removed ?? 0) +
          (c["settled-removed"] ?? 0),
      ),
      n(r.skipped ?? c["not-found"] ?? 0),
      n((c.refused ?? 0) + (c.failed ?? 0)),
      r.outcome === null
        ? "interrupted"
        : `${r.outcome}${r.outcome === "done" ? "" : `: ${r.detail ?? ""}`}`,
    ]);
  }
  output.out(t.toString());
  return 0;
}
