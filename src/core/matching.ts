/**
 * Which live invitation on the network a planned one is: by profile slug, else by email, else by
 * a name key that exactly one live invitation carries. Pure.
 */
import { toNameKey, toProfileSlug } from "./identity.js";
import type { InvitationView } from "./preview.js";

export interface LiveKeys {
  id: string;
  slug: string | null;
  email: string | null;
  name: string;
}

export interface Matched<L extends LiveKeys> {
  planned: InvitationView;
  live: L;
}

export interface MatchResult<L extends LiveKeys> {
  matched: Array<Matched<L>>;
  /** Planned invitations the network no longer lists: accepted, withdrawn or expired meanwhile. */
  unmatched: InvitationView[];
}

export function matchLive<L extends LiveKeys>(
  planned: readonly InvitationView[],
  live: readonly L[],
): MatchResult<L> {
  const bySlug = new Map<string, L>();
  const byEmail = new Map<string, L>();
  const byName = new Map<string, L[]>();
  for (const l of live) {
    if (l.slug) bySlug.set(l.slug, l);
    if (l.email) byEmail.set(l.email, l);
    const key = toNameKey(l.name);
    if (key) byName.set(key, [...(byName.get(key) ?? []), l]);
  }
  const used = new Set<string>();
  const result: MatchResult<L> = { matched: [], unmatched: [] };
  for (const p of planned) {
    const slug = toProfileSlug(p.profileUrl);
    let found: L | undefined;
    if (slug) found = bySlug.get(slug);
    else if (p.email) found = byEmail.get(p.email);
    else {
      const namesakes = byName.get(toNameKey(p.name) ?? "") ?? [];
      found = namesakes.length === 1 ? namesakes[0] : undefined;
    }
    if (found && !used.has(found.id)) {
      used.add(found.id);
      result.matched.push({ planned: p, live: found });
    } else result.unmatched.push(p);
  }
  return result;
}
