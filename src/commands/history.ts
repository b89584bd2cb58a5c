/** `invites history`: the journal's runs, what each did, when, and how it ended. */

import { withDatabase } from "../store/database.js";
import { Journal } from "../store/journal.js";
import { type Output, printJson } from "../ui/output.js";
import { renderHistory } from "../ui/run.js";
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
  output.out(renderHistory(runs, output.colour, output.width));
  return 0;
}
