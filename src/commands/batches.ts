import { withDatabase } from "../store/database.js";
import { readBatchSummaries } from "../store/invitations.js";
import { type Output, printJson } from "../ui/output.js";
import { renderBatches } from "../ui/preview.js";
import { checkAsOf, type DatabaseOptions, databasePath, parseAsOf } from "./options.js";
import { resolveBatchRules } from "./selection.js";

export interface BatchesOptions extends DatabaseOptions {
  asOf?: string;
  json?: boolean;
  batchGap?: string;
  batchMin?: string;
}

export async function runBatches(options: BatchesOptions, output: Output, now = new Date()) {
  const asOf = parseAsOf(options.asOf, now);
  const batchRules = resolveBatchRules(options);
  const batches = await withDatabase(
    databasePath(options),
    (db) => {
      checkAsOf(db, options.asOf, asOf);
      return readBatchSummaries(db, { asOf, batchRules });
    },
    "read",
  );
  if (options.json) {
    printJson(
      output,
      batches.map((b) => ({
        id: b.id,
        first: b.first,
        last: b.last,
        size: b.size,
        pending: b.pending,
        withdrawn: b.withdrawn,
        accepted: b.accepted,
        expired: b.expired,
        closed: b.closed,
        addressBookShare: Number(b.addressBookShare.toFixed(3)),
      })),
    );
  } else output.out(renderBatches(batches, output.colour, output.width));
  return 0;
}
