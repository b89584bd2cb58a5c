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
  const gap = rules.gapMinutes * 60_000;
  const bursts: T[][] = [];
  let current: T[] = [];
  let previous = Number.NaN;
  for (const i of noteless) {
    const time = at[i] ?? 0;
    if (current.length > 0 && time - previous > gap) {
      bursts.push(current);
      current = [];
    }
    current.push(itemAt(i));
    previous = time;
  }
  if (current.length > 0) bursts.push(current);
  return bursts
    .filter((burst) => burst.length >= rules.minSize)
    .map((members, i) => ({
      batch: {
        id: `B${i + 1}`,
        first: members[0]?.sentAt ?? "",
        last: members[members.length - 1]?.sentAt ?? "",
      },
      members,
    }));
}
