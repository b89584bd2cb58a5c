import { UsageError } from "../errors.js";
import { m } from "../i18n/index.js";
import { withDatabase } from "../store/database.js";
import { listContacts, sourceExists } from "../store/queries.js";
import { type Output, printJsonArray, printLines } from "../ui/output.js";
import { contactLines } from "../ui/tables.js";
import { type DatabaseOptions, databasePath } from "./options.js";

export interface ContactsOptions extends DatabaseOptions {
  source?: string;
  json?: boolean;
}

export async function runContacts(options: ContactsOptions, output: Output): Promise<number> {
  const sourceId = options.source === undefined ? undefined : Number(options.source);
  if (sourceId !== undefined && !Number.isInteger(sourceId)) {
    throw new UsageError(
      m().commands.notSourceNumber(options.source ?? ""),
      m().commands.statusListsSources,
    );
  }
  const contacts = await withDatabase(
    databasePath(options),
    (db) => {
      if (sourceId !== undefined && !sourceExists(db, sourceId)) {
        throw new UsageError(
          m().commands.noSourceNumber(sourceId),
          m().commands.statusListsSources,
        );
      }
      return listContacts(db, sourceId);
    },
    "read",
  );
  if (options.json) await printJsonArray(output, contacts);
  else await printLines(output, contactLines(contacts, output.colour, output.width));
  return 0;
}
