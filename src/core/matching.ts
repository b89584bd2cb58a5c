/**
 * Which live item on the network a planned one is: by profile slug, else by email, else by a name
 * key that exactly one live item carries and no other stored item shares. Pure; used for
 * invitations and for connections.
 */
import { toNameKey, toProfileSlug } from "./identity.js";
import type { InvitationView } from "./preview.js";

/** How a person is recognised on either side. */
export interface PersonKeys {
  slug: string | null;
  email: string | null;
  name: string;
}

export interface LiveKeys extends PersonKeys {
  id: string;
}

export interface Matched<P, L extends LiveKeys> {
  planned: P;
  live: L;
}

/**
 * Why a planned item cannot be told apart safely: nothing to recognise it by, namesakes, someone
 * of its name under another profile, or an invitation to an address on a list that shows none.
 */
export type UncertainReason = "no-keys" | "namesakes" | "other-profile" | "unlisted-email";

export interface MatchResult<P, L extends LiveKeys> {
  matched: Array<Matched<P, L>>;
  /** Planned items the network no longer lists: accepted, withdrawn, removed or expired meanwhile. */
  unmatched: P[];
  /**
   * Planned items that cannot be told apart safely: namesakes, a changed profile address, or
   * nothing to recognise them by. Neither acted on nor taken as gone.
   */
  uncertain: Array<{ planned: P; reason: UncertainReason }>;
}

/** Nothing a live list could show to recognise the person by: no profile, address or name. */
export function hasNoKeys(keys: PersonKeys): boolean {
  return !keys.slug && !keys.email && !toNameKey(keys.name);
}

/** The keys of a planned invitation: its invitee's profile, else address, else name. */
export function invitationKeys(p: InvitationView): PersonKeys {
  return { slug: toProfileSlug(p.profileUrl), email: p.email, name: p.name };
}

/**
 * The name keys that more than one of `stored` carries. A planned item known by its name alone
 * cannot be told from a stored namesake: the one live item of that name may be the other one
 * (the planned one gone meanwhile), which was not selected.
 */
export function sharedNameKeys<P>(stored: Iterable<P>, keysOf: (p: P) => PersonKeys): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const p of stored) {
    const key = toNameKey(keysOf(p).name);
    if (!key) continue;
    if (seen.has(key)) shared.add(key);
    else seen.add(key);
  }
  return shared;
}

/**
 * Matches the planned items to the live ones. `sharedNames` are the name keys several stored
 * items carry (`sharedNameKeys` of every stored item, selected or not).
 */
export function matchLive<P, L extends LiveKeys>(
  planned: readonly P[],
  live: readonly L[],
  keysOf: (p: P) => PersonKeys,
  sharedNames: ReadonlySet<string> = new Set(),
): MatchResult<P, L> {
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
  const result: MatchResult<P, L> = { matched: [], unmatched: [], uncertain: [] };
  for (const p of planned) {
    const keys = keysOf(p);
    const nameKey = toNameKey(keys.name);
    const namesakes = (nameKey ? (byName.get(nameKey) ?? []) : []).filter((l) => !used.has(l.id));
    let found: L | undefined;
    if (keys.slug) found = bySlug.get(keys.slug);
    else if (keys.email) found = byEmail.get(keys.email);
    // hasNoKeys, the profile and address being tested already.
    else if (!nameKey) {
      result.uncertain.push({ planned: p, reason: "no-keys" });
      continue;
    } else if (namesakes.length > 1 || sharedNames.has(nameKey)) {
      result.uncertain.push({ planned: p, reason: "namesakes" });
      continue;
    } else found = namesakes[0];
    if (found && !used.has(found.id)) {
      used.add(found.id);
      result.matched.push({ planned: p, live: found });
    } else if (!found && (keys.slug || keys.email) && namesakes.length > 0) {
      // The export's profile address or email is not listed, but someone of this name is:
      // perhaps the address changed. Guessing could remove the wrong person.
      result.uncertain.push({ planned: p, reason: "other-profile" });
    } else result.unmatched.push(p);
  }
  return result;
}

/**
 * Unmatched items that the live list cannot show at all (invitations to e-mail addresses, on a
 * list that has none) are uncertain, not gone: their absence proves nothing.
 */
export function unseenAsUncertain<P, L extends LiveKeys>(
  result: MatchResult<P, L>,
  shown: (p: P) => boolean,
): MatchResult<P, L> {
  const unmatched: P[] = [];
  const uncertain = [...result.uncertain];
  for (const p of result.unmatched) {
    if (shown(p)) unmatched.push(p);
    else uncertain.push({ planned: p, reason: "unlisted-email" });
  }
  return { matched: result.matched, unmatched, uncertain };
}
