/** The invitations the user sent, as the preview and the selection see them. */
import type { BatchRules } from "../core/batches.js";
import {
  type BatchFacts,
  type BatchSummary,
  buildViews,
  type InvitationView,
  markStoredBatches,
  type PreviewResult,
  summarizeStoredBatches,
  viewOf,
} from "../core/preview.js";
import { indexConnections } from "../core/states.js";
import type { Db } from "./database.js";
import { eachOutgoingInvitation, readAddressBookIndex, readConnectionKeys } from "./queries.js";

export interface ReadOptions {
  asOf: Date;
  batchRules: BatchRules;
}

/** What the rules of core/preview.ts need besides the invitations, but the address book. */
function previewOptions(db: Db, options: ReadOptions) {
  return {
    asOf: options.asOf,
    connections: indexConnections(readConnectionKeys(db)),
    batchRules: options.batchRules,
  };
}

export function readPreview(db: Db, options: ReadOptions): PreviewResult {
  return buildViews(eachOutgoingInvitation(db), {
    ...previewOptions(db, options),
    addressBook: readAddressBookIndex(db),
  });
}

/**
 * The invitations' batch facts (`markStoredBatches`): their batches and states, for the
 * connections' batches. No address book is read.
 */
export function readBatchFacts(db: Db, options: ReadOptions): Omit<BatchFacts, "addressBook">[] {
  return markStoredBatches(eachOutgoingInvitation(db), previewOptions(db, options)).facts;
}

/** The batches with their members counted, without making every invitation's view. */
export function readBatchSummaries(db: Db, options: ReadOptions): BatchSummary[] {
  return summarizeStoredBatches(eachOutgoingInvitation(db), {
    ...previewOptions(db, options),
    addressBook: readAddressBookIndex(db),
  });
}

/**
 * The views of the withdrawn invitations alone, without batches: what the re-invite list needs,
 * without reading every invitation. A withdrawn invitation is withdrawn whoever became a
 * connection since (invitationState's first rule), so no connection is read either.
 */
export function readWithdrawnViews(db: Db, options: { asOf: Date }): InvitationView[] {
  const preview = {
    asOf: options.asOf,
    connections: indexConnections([]),
    addressBook: readAddressBookIndex(db),
  };
  const views: InvitationView[] = [];
  for (const inv of eachOutgoingInvitation(db, "withdrawn")) views.push(viewOf(inv, preview));
  return views;
}
