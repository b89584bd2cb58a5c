/**
 * The accidental mass send: a burst of note-less outgoing invitations sent within minutes (an
 * address book sent at once). Sent with a note, an invitation was meant.
 */

export interface BatchRules {
  /** Invitations belong to one burst while each follows the previous within this many minutes. */
  gapMinutes: number;
  /** A burst is a batch from this many invitations on. */
  minSize: number;
}

export const DEFAULT_BATCH_RULES: BatchRules = { gapMinutes: 10, minSize: 20 };

export interface BatchCandidate {
  id: number;
  /** ISO 8601. */
  sentAt: string;
  /** Sent with a personal note: on purpose, and never in a batch. */
  personal: boolean;
}

export interface Batch {
  /** `B1`, `B2`, … oldest first: stable as long as the imported invitations are. */
  id: string;
  first: string;
  last: string;
}

/** An invitation sent with a note was sent on purpose. */
export function isPersonal(message: string | null): boolean {
  return message !== null && message.trim() !== "";
}

/** A note-less invitation as the bursts are found: in send order, then by `id`. */
export interface SentInOrder<K> {
  /** What the caller knows the invitation by: an index of its own, or the invitation's id. */
  key: K;
  /** Milliseconds since 1970: `Date.parse(sentAt)`. */
  at: number;
  sentAt: string;
}

/**
 * The batches among note-less invitations given oldest first (then by id), each with its
 * members' keys, as each burst ends: the rule groupBatches applies after sorting, and the one a
 * store read in send order applies as its rows come. Holds only the burst being read.
 */
export function* batchesInSendOrder<K>(
  items: Iterable<SentInOrder<K>>,
  rules: BatchRules = DEFAULT_BATCH_RULES,
): Generator<{ batch: Batch; keys: K[] }> {
  const gap = rules.gapMinutes * 60_000;
  let count = 0;
  let keys: K[] = [];
  let first = "";
  let last = "";
  let previous = Number.NaN;
  function* end() {
    if (keys.length >= rules.minSize) {
      count++;
      yield { batch: { id: `B${count}`, first, last }, keys };
    }
  }
  for (const item of items) {
    if (keys.length > 0 && item.at - previous > gap) {
      yield* end();
      keys = [];
    }
    if (keys.length === 0) first = item.sentAt;
    keys.push(item.key);
    last = item.sentAt;
    previous = item.at;
  }
  if (keys.length > 0) yield* end();
}

/**
 * Groups note-less invitations into bursts and keeps those large enough to be batches: the
 * batches with the very items in each, oldest first. Sorts indexes by send time read once,
 * without a copy of any item.
 */
export function groupBatches<T extends BatchCandidate>(
  items: readonly T[],
  rules: BatchRules = DEFAULT_BATCH_RULES,
): Array<{ batch: Batch; members: T[] }> {
  const at = new Float64Array(items.length);
  const noteless: number[] = [];
  items.forEach((inv, i) => {
    if (inv.personal) return;
    at[i] = Date.parse(inv.sentAt);
    noteless.push(i);
  });
  const itemAt = (i: number) => items[i] as T;
  noteless.sort((a, b) => (at[a] ?? 0) - (at[b] ?? 0) || itemAt(a).id - itemAt(b).id);
  const inOrder = noteless.map((i) => ({ key: i, at: at[i] ?? 0, sentAt: itemAt(i).sentAt }));
  return Array.from(batchesInSendOrder(inOrder, rules), ({ batch, keys }) => ({
    batch,
    members: keys.map(itemAt),
  }));
}
