/**
 * The accidental mass send: note-less outgoing invitations sent in a burst. As the lifecycle has it: "the
 * accidental batch is a burst of note-less invitations sent within minutes".
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
  members: number[];
}

/** An invitation sent with a note was sent on purpose. */
export function isPersonal(message: string | null): boolean {
  return message !== null && message.trim() !== "";
}

/** Groups note-less invitations into bursts and keeps those large enough to be batches. */
export function detectBatches(
  invitations: readonly BatchCandidate[],
  rules: BatchRules = DEFAULT_BATCH_RULES,
): Batch[] {
  const noteless = invitations
    .filter((inv) => !inv.personal)
    .map((inv) => ({ id: inv.id, sentAt: inv.sentAt, at: Date.parse(inv.sentAt) }))
    .sort((a, b) => a.at - b.at || a.id - b.id);
  const gap = rules.gapMinutes * 60_000;
  const bursts: Array<typeof noteless> = [];
  let current: typeof noteless = [];
  for (const inv of noteless) {
    const previous = current[current.length - 1];
    if (previous && inv.at - previous.at > gap) {
      bursts.push(current);
      current = [];
    }
    current.push(inv);
  }
  if (current.length > 0) bursts.push(current);
  return bursts
    .filter((burst) => burst.length >= rules.minSize)
    .map((burst, i) => ({
      id: `B${i + 1}`,
      first: burst[0]?.sentAt ?? "",
      last: burst[burst.length - 1]?.sentAt ?? "",
      members: burst.map((inv) => inv.id),
    }));
}
