/**
 * The re-invite list: people whose invitation was withdrawn and who are real contacts, and the
 * day LinkedIn lets them be invited again. A rule without I/O; `invites reinvite-list` reads
 * the database and words it.
 */
import { toProfileSlug } from "./identity.js";
import type { InvitationView } from "./preview.js";

/** Why someone is worth inviting again: what shows they are a real contact. */
export type ReinviteReason = "addressBook" | "personal" | "invitedYou";

export interface ReinviteEntry {
  name: string;
  profileUrl: string | null;
  email: string | null;
  withdrawnAt: string | null;
  /** YYYY-MM-DD, or null where the withdrawal's day is not known. */
  reinviteFrom: string | null;
  reasons: ReinviteReason[];
}

/**
 * The withdrawn invitations to people in the address book, with a personal note, or who invited
 * the user themselves; never a role address. The soonest to invite again first, then by name.
 */
export function reinviteList(
  views: readonly InvitationView[],
  dates: ReadonlyMap<number, { withdrawnAt: string; reinviteAfter: string | null }>,
  incomingSlugs: ReadonlySet<string>,
): ReinviteEntry[] {
  const list: ReinviteEntry[] = [];
  for (const v of views) {
    if (v.state !== "withdrawn" || v.roleAddress) continue;
    const slug = toProfileSlug(v.profileUrl);
    const reasons: ReinviteReason[] = [];
    if (v.addressBook) reasons.push("addressBook");
    if (v.personal) reasons.push("personal");
    if (slug && incomingSlugs.has(slug)) reasons.push("invitedYou");
    if (reasons.length === 0) continue;
    const when = dates.get(v.id);
    list.push({
      name: v.name,
      profileUrl: v.profileUrl,
      email: v.email,
      withdrawnAt: when?.withdrawnAt ?? null,
      reinviteFrom: when?.reinviteAfter ?? null,
      reasons,
    });
  }
  return list.sort(
    (a, b) =>
      (a.reinviteFrom ?? "").localeCompare(b.reinviteFrom ?? "") || a.name.localeCompare(b.name),
  );
}
