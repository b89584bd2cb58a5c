/** The invitations the user sent, as the preview and the selection see them. */
import type { BatchRules } from "../core/batches.js";
import { buildViews, type PreviewResult } from "../core/preview.js";
import { indexConnections, type LifecycleRules } from "../core/states.js";
import type { Db } from "./database.js";
import { readAddressBookIndex, readConnectionKeys, readOutgoingInvitations } from "./queries.js";

export function readPreview(
  db: Db,
  options: { asOf: Date; batchRules: BatchRules; rules?: LifecycleRules },
): PreviewResult {
  return buildViews(readOutgoingInvitations(db), {
    asOf: options.asOf,
    connections: indexConnections(readConnectionKeys(db)),
    addressBook: readAddressBookIndex(db),
    batchRules: options.batchRules,
    ...(options.rules ? { rules: options.rules } : {}),
  });
}
