import { type Db, withDatabase } from "../store/database.js";
import { readStatus } from "../store/queries.js";
import { type Output, printJson } from "../ui/output.js";
import { checkAsOf, type DatabaseOptions, databasePath, parseAsOf } from "./options.js";

export interface StatusOptions extends DatabaseOptions {
  asOf?: string;
  json?: boolean;
}

export async function runStatus(options: StatusOptions, output: Output, now = new Date()) {
  const asOf = parseAsOf(options.asOf, now);
  const path = databasePath(options);
  if (options.json) {
    const read = (db: Db) => {
      checkAsOf(db, options.asOf, asOf);
      return readStatus(db, asOf);
    };
    printJson(output, (await withDatabase(path, read, "read")).status);
    return 0;
  }
  // The tables' code only for the tables.
  const { renderDatabaseName, renderStatusReport } = await import("../ui/tables.js");
  const { status, sources } = await withDatabase(
    path,
    (db) => {
      checkAsOf(db, options.asOf, asOf);
      // Which database, as soon as it is open: the counts of a large one take a moment.
      output.out(renderDatabaseName(path, output.colour));
      return readStatus(db, asOf);
    },
    "read",
  );
  output.out(renderStatusReport(status, sources, asOf, output));
  return 0;
}
