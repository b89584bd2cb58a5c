import { UsageError } from "../errors.js";
import { m } from "../i18n/index.js";
import { withDatabase } from "../store/database.js";
import { NETWORK_KINDS } from "../store/derived.js";
import { listContacts, sourceOf } from "../store/queries.js";
import { type Output, printJsonArray, printLines } from "../ui/output.js";
import { contactLines } from "../ui/tables.js";
import { wrap } from "../ui/wrap.js";
import { type DatabaseOptions, databasePath, screenful } from "./options.js";

export interface ContactsOptions extends DatabaseOptions {
  source?: string;
  json?: boolean;
  all?: boolean;
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
      if (sourceId !== undefined) {
        const source = sourceOf(db, sourceId);
        const words = m().commands;
        if (source === null) {
          throw new UsageError(words.noSourceNumber(sourceId), words.statusListsSources);
        }
        // "No contacts imported" would be untrue of either.
        if (NETWORK_KINDS.includes(source.kind)) {
          throw new UsageError(words.sourceHoldsNoContacts(sourceId), words.statusListsSources);
        }
        if (source.replacedBy !== null) {
          output.err(wrap(words.sourceReplaced(sourceId, source.replacedBy), output.width));
        }
      }
      return listContacts(db, sourceId);
    },
    "read",
  );
  if (options.json) await printJsonArray(output, contacts);
  else
    await printLines(
      output,
      contactLines(contacts, output.colour, output.width, screenful(options, output)),
    );
  return 0;
}
