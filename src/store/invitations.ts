/** The invitations the user sent, as the preview and the selection see them. */
import {
  type Batch,
  type BatchRules,
  batchesInSendOrder,
  isPersonal,
  type SentInOrder,
} from "../core/batches.js";
import { BatchOrigins } from "../core/connections.js";
import {
  type BatchSummary,
  buildViews,
  type InvitationView,
  memberFacts,
  nextReminder,
  type PreviewResult,
  pendingViews,
  type StoredInvitation,
  summarizeBatch,
  viewOf,
} from "../core/preview.js";
import { type InvitationState, indexConnections } from "../core/states.js";
import type { Db } from "./database.js";
import {
  eachOutgoingInvitation,
  outgoingInvitations,
  readAddressBookIndex,
  readConnectionKeys,
} from "./queries.js";

/** Sorts after every ISO day: compareByReminder puts invitations with no reminder left last. */
const NO_REMINDER = "~";

/**
 * Every invitation the user sent, one at a time, sorted by SQLite as compareByReminder sorts the
 * pending ones (core/preview.ts): by the reminder nextReminder gives its send time as of `asOf`,
 * then by send time and id. SQLite asks core's nextReminder itself, so there is one rule; a test
 * holds the order to compareByReminder's. A caller that streams the pending views holds none.
 */
function* eachOutgoingInvitationByReminder(db: Db, asOf: Date): Generator<StoredInvitation> {
  db.function(
    "invites_next_reminder",
    { deterministic: true },
    (sentAt) => nextReminder(sentAt as string, asOf) ?? NO_REMINDER,
  );
  yield* outgoingInvitations(db, "ORDER BY invites_next_reminder(sent_at), sent_at, id");
}

/**
 * The note-less invitations the user sent, oldest first and then by id, as the batches are
 * found in them (batchesInSendOrder). Send times are all of one form, to the second
 * (formats/dates.ts), so that SQLite's order of their text is their order in time.
 */
function* eachNotelessBySendTime(db: Db): Generator<SentInOrder<number>> {
  const rows = db
    .prepare(
      `SELECT id, sent_at, message FROM invitations WHERE direction = 'OUTGOING'
       ORDER BY sent_at, id`,
    )
    .raw(true)
    .iterate() as IterableIterator<[number, string, string | null]>;
  for (const [id, sentAt, message] of rows) {
    if (!isPersonal(message)) yield { key: id, at: Date.parse(sentAt), sentAt };
  }
}

/** The highest id of an invitation the user sent, 0 with none. */
function lastOutgoingId(db: Db): number {
  return (
    db
      .prepare<[], number | null>("SELECT max(id) FROM invitations WHERE direction = 'OUTGOING'")
      .pluck()
      .get() ?? 0
  );
}

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
 * The pending invitations' views, soonest reminder first (compareByReminder), each made as
 * SQLite hands its invitation over in that order, and the batches, found before over every
 * invitation's send time and note alone: a preview that streams its rows holds none of them.
 * `pending` is read once, while the database is open.
 *
 * Every read is of one snapshot, held from the batches' read until `pending` ends: an import
 * that commits in between would otherwise show rows the batches were not found over.
 */
export function readPendingPreview(
  db: Db,
  options: ReadOptions,
): { batches: Batch[]; pending: Iterable<InvitationView> } {
  db.exec("BEGIN");
  try {
    const { batches, batchOf } = readBatchIndex(db, options.batchRules);
    const preview = { ...previewOptions(db, options), addressBook: readAddressBookIndex(db) };
    const rows = eachOutgoingInvitationByReminder(db, options.asOf);
    return { batches, pending: endingSnapshot(db, pendingViews(rows, preview, batchOf)) };
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
}

/** `items`, and the read transaction ended once they are (or once they are left). */
function* endingSnapshot<T>(db: Db, items: Iterable<T>): Generator<T> {
  try {
    yield* items;
  } finally {
    if (db.inTransaction) db.exec("COMMIT");
  }
}

/** The batches, and which one each invitation the user sent is in, by its id. */
function readBatchIndex(db: Db, rules: BatchRules) {
  const batches: Batch[] = [];
  // Each id's batch as its number from 1, 0 for none: four bytes an invitation, not an entry.
  const numberOf = new Int32Array(lastOutgoingId(db) + 1);
  for (const { batch, keys } of batchesInSendOrder(eachNotelessBySendTime(db), rules)) {
    batches.push(batch);
    for (const id of keys) numberOf[id] = batches.length;
  }
  const batchOf = (id: number) => batches[(numberOf[id] ?? 0) - 1]?.id ?? null;
  return { batches, batchOf };
}

/**
 * The batches found over every note-less invitation the user sent, read once in send order (then
 * by id), each with its members' keys as `key` makes them from their invitations: a batch of
 * 1,000,000 is held as its keys alone.
 */
function* batchesWith<K>(
  db: Db,
  rules: BatchRules,
  key: (inv: StoredInvitation) => K,
): Generator<{ batch: Batch; keys: K[] }> {
  const candidates = function* () {
    for (const inv of outgoingInvitations(db, "ORDER BY sent_at, id")) {
      if (!isPersonal(inv.message)) {
        yield { key: key(inv), at: Date.parse(inv.sentAt), sentAt: inv.sentAt };
      }
    }
  };
  yield* batchesInSendOrder(candidates(), rules);
}

const STATES: readonly InvitationState[] = [
  "pending",
  "accepted",
  "expired",
  "withdrawn",
  "closed",
];

/**
 * The batches with their members counted, in one read of one snapshot: a member is held as a
 * number (its state and whether it is in an address book) until its burst is known to be a
 * batch, and no view is made.
 */
export function readBatchSummaries(db: Db, options: ReadOptions): BatchSummary[] {
  return db.transaction(() => {
    const preview = { ...previewOptions(db, options), addressBook: readAddressBookIndex(db) };
    const code = (inv: StoredInvitation) => {
      const facts = memberFacts(inv, preview);
      return STATES.indexOf(facts.state) * 2 + Number(facts.addressBook);
    };
    const decoded = function* (codes: readonly number[]) {
      for (const c of codes)
        yield { state: STATES[c >> 1] as InvitationState, addressBook: (c & 1) === 1 };
    };
    const summaries: BatchSummary[] = [];
    for (const { batch, keys } of batchesWith(db, options.batchRules, code)) {
      summaries.push(summarizeBatch(batch, decoded(keys)));
    }
    return summaries;
  })();
}

/**
 * The connections' batches (core/connections.ts): which batch each accepted invitation's invitee
 * came from, the latest sent winning, and how many of the batches' invitations closed, in one
 * read of one snapshot. Of a burst's members only the accepted and closed are held; no
 * address book is read.
 */
export function readBatchOrigins(db: Db, options: ReadOptions): BatchOrigins {
  return db.transaction(() => {
    const preview = previewOptions(db, options);
    const kept = (inv: StoredInvitation) => {
      const facts = memberFacts(inv, preview);
      return facts.state === "accepted" || facts.state === "closed" ? facts : null;
    };
    const origins = new BatchOrigins();
    for (const { batch, keys } of batchesWith(db, options.batchRules, kept)) {
      for (const facts of keys) if (facts !== null) origins.add({ ...facts, batch: batch.id });
    }
    return origins;
  })();
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
