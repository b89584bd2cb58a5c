import { withDatabase } from "../store/database.js";
import { readStatus } from "../store/queries.js";
import { type Output, printJson } from "../ui/output.js";
import { renderDatabaseName, renderStatusReport } from "../ui/tables.js";
import { type DatabaseOptions, databasePath, parseAsOf } from "./options.js";

export interface StatusOptions extends DatabaseOptions {
  asOf?: string;
  json?: boolean;
}

export async function runStatus(options: StatusOptions, output: Output, now = new Date()) {
  const asOf = parseAsOf(options.asOf, now);
  const path = databasePath(options);
  const { status, sources } = await withDatabase(
    path,
    (db) => {
      // Which database, as soon as it is open: the counts of a large one take a moment.
      if (!options.json) output.out(renderDatabaseName(path, output.colour));
      return readStatus(db, asOf);
    },
    "read",
  );
  if (options.json) printJson(output, status);
  else output.out(renderStatusReport(status, sources, asOf, output));
  return 0;
}
