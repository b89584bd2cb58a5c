/** The counts `invites status` shows (counted by the store: store/queries.ts `readStatus`). */
import type { InvitationState } from "./states.js";

export interface Status {
  invitations: { outgoing: number; incoming: number } & Record<InvitationState, number>;
  /** Removed: by invites (removed_at). Gone: a newer export or a run's read no longer lists them. */
  connections: { active: number; removed: number; gone: number };
  contacts: { total: number; withEmail: number; emails: number };
  /**
   * Pending invitations and active connections whose withdrawal or removal was asked for, and
   * no read of LinkedIn's list has confirmed yet (a lost answer, a run killed while it waited):
   * the next run settles them by that read before it sends anything.
   */
  unconfirmed: { withdrawals: number; removals: number };
  sources: Array<{ path: string; kind: string; rows: number; importedAt: string }>;
}
