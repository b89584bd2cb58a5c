/**
 * The emulation's Voyager answers: the session, the sent list of three generations (legacy in
 * each envelope LinkedIn has used, Dash REST inline, GraphQL inline) and the connections list,
 * with `included` shuffled, as LinkedIn's order is not that of `*elements`.
 */

import { DAY_MS } from "../core/days.js";
import type { SandboxConnection, SandboxInvitation, SandboxWorld } from "./seed.js";

/** The legacy list's envelope: LinkedIn's two, inline, or rows under a key no client knows. */
export type Envelope = "normalized" | "wrapped" | "inline" | "unknown";

export const ENVELOPES: readonly Envelope[] = ["normalized", "wrapped", "inline", "unknown"];

const T = {
  collection: "com.linkedin.restli.common.CollectionResponse",
  view: "com.linkedin.voyager.relationships.invitation.SentInvitationViewV2",
  invitation: "com.linkedin.voyager.relationships.invitation.Invitation",
  mini: "com.linkedin.voyager.identity.shared.MiniProfile",
  email: "com.linkedin.voyager.relationships.invitation.EmailInvitee",
  profileInvitee: "com.linkedin.voyager.relationships.invitation.ProfileInvitee",
  connection: "com.linkedin.voyager.dash.relationships.Connection",
  profile: "com.linkedin.voyager.dash.identity.profile.Profile",
  me: "com.linkedin.voyager.common.Me",
};

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export function miniProfile(
  memberId: string,
  first: string,
  last: string,
  slug: string | null,
  occupation: string,
) {
  return {
    $type: T.mini,
    entityUrn: `urn:li:fs_miniProfile:${memberId}`,
    dashEntityUrn: `urn:li:fsd_profile:${memberId}`,
    objectUrn: `urn:li:member:${parseInt(memberId.slice(5, 12), 36) || 1}`,
    firstName: first,
    lastName: last,
    occupation,
    publicIdentifier: slug ?? memberId,
    trackingId: "c2FuZGJveA==",
  };
}

export function meAnswer(world: SandboxWorld) {
  const a = world.account;
  return {
    data: {
      $type: T.me,
      plainId: 645270965,
      premiumSubscriber: false,
      publicContactInfo: {},
      "*miniProfile": `urn:li:fs_miniProfile:${a.memberId}`,
    },
    included: [miniProfile(a.memberId, a.firstName, a.lastName, a.publicIdentifier, "")],
  };
}

/** Pending invitations, newest first, as every list of LinkedIn's orders them. */
export function pendingInvitations(world: SandboxWorld): SandboxInvitation[] {
  return world.invitations
    .filter((i) => i.state === "pending")
    .sort((a, b) => b.sentAt - a.sentAt || (a.id < b.id ? 1 : -1));
}

export function splitName(name: string): [string, string] {
  const [first = "", ...rest] = name.split(" ");
  return [first, rest.join(" ")];
}

/** The legacy sent list, one page, in the envelope asked for. */
export function legacySentPage(
  world: SandboxWorld,
  start: number,
  count: number,
  envelope: Envelope,
  seed: number,
) {
  const page = pendingInvitations(world).slice(start, start + count);
  const views = page.map((inv) => {
    const [first, last] = splitName(inv.inviteeName);
    const mini = inv.memberId ? miniProfile(inv.memberId, first, last, inv.slug, "") : null;
    const invitation: Record<string, unknown> = {
      $type: T.invitation,
      entityUrn: `urn:li:fs_relInvitation:${inv.id}`,
      mailboxItemId: `urn:li:invitation:${inv.id}`,
      sharedSecret: inv.sharedSecret,
      sentTime: inv.sentAt,
      invitationType: "SENT",
      customMessage: inv.message !== null,
      message: inv.message,
      "*fromMember": `urn:li:fs_miniProfile:${world.account.memberId}`,
      unseen: false,
      // Fields the client must ignore, and a JSON number that loses digits if ever trusted.
      invitationId: Number(inv.id),
      tracking: { sandbox: true },
    };
    if (mini) {
      invitation["*toMember"] = mini.entityUrn;
      invitation.toMemberId = inv.memberId;
      invitation.invitee = { $type: T.profileInvitee, "*miniProfile": mini.entityUrn };
    } else {
      invitation.toMember = null;
      invitation.invitee = { $type: T.email, email: inv.email ?? inv.inviteeName };
    }
    return { inv, mini, invitation };
  });
  const paging = { start, count, total: 0, links: [] };
  if (envelope === "wrapped" || envelope === "inline") {
    // Rows inline: the invitation inside its view, the member inside the invitation.
    const elements = views.map(({ inv, mini, invitation }) => {
      const inline: Record<string, unknown> = { ...invitation };
      delete inline["*toMember"];
      if (mini) {
        inline.toMember = mini;
        inline.invitee = { $type: T.profileInvitee, miniProfile: mini };
      }
      return {
        $type: T.view,
        entityUrn: `urn:li:fs_relSentInvitationView:${inv.id}`,
        invitation: inline,
      };
    });
    const list = { $type: T.collection, elements, paging };
    return envelope === "wrapped" ? { data: { data: list } } : list;
  }
  const included: unknown[] = [];
  for (const { inv, mini, invitation } of views) {
    if (mini) included.push(mini);
    included.push(invitation, {
      $type: T.view,
      entityUrn: `urn:li:fs_relSentInvitationView:${inv.id}`,
      "*invitation": invitation.entityUrn,
    });
  }
  const urns = page.map((i) => `urn:li:fs_relSentInvitationView:${i.id}`);
  return {
    data: {
      $type: T.collection,
      // "unknown": the rows under a key no client reads, to prove the client stops.
      [envelope === "unknown" ? "*results" : "*elements"]: urns,
      metadata: {
        invitationType: "CONNECTION",
        $type: "com.linkedin.voyager.relationships.invitation.SentInvitationsMetadata",
      },
      // LinkedIn's total is unreliable and usually 0.
      paging,
    },
    included: shuffled(included, seed + start),
  };
}

/** A row of the Dash and GraphQL lists: only members, a profile URL, a relative age. */
function dashRow(inv: SandboxInvitation, now: number) {
  const days = Math.max(0, Math.round((now - inv.sentAt) / DAY_MS));
  return {
    invitationUrn: `urn:li:fsd_invitation:${inv.id}`,
    title: { text: inv.inviteeName },
    subtitle: { text: "" },
    sentTimeLabel: `Sent ${days} days ago`,
    cardActionTarget: inv.profileUrl ?? `https://www.linkedin.com/in/${inv.slug}/`,
  };
}

function memberInvitations(world: SandboxWorld): SandboxInvitation[] {
  return pendingInvitations(world).filter((i) => i.memberId !== null);
}

/** The Dash REST sent list: inline rows at the top level. */
export function dashSentPage(world: SandboxWorld, start: number, count: number, now: number) {
  const page = memberInvitations(world).slice(start, start + count);
  return { elements: page.map((i) => dashRow(i, now)), paging: { start, count, links: [] } };
}

/** The GraphQL sent list: inline rows under the finder, within `data.data`. */
export function graphqlSentPage(world: SandboxWorld, start: number, count: number, now: number) {
  const page = memberInvitations(world).slice(start, start + count);
  return {
    data: {
      data: {
        relationshipsDashSentInvitationViewsByInvitationType: {
          elements: page.map((inv) => {
            const [firstName, lastName] = splitName(inv.inviteeName);
            return {
              ...dashRow(inv, now),
              invitation: {
                entityUrn: `urn:li:fsd_invitation:${inv.id}`,
                sharedSecret: null,
                message: inv.message,
                inviteeMemberResolutionResult: {
                  entityUrn: `urn:li:fsd_profile:${inv.memberId}`,
                  firstName,
                  lastName,
                },
              },
            };
          }),
          paging: { start, count, total: 0 },
        },
      },
    },
  };
}

export function activeConnections(world: SandboxWorld): SandboxConnection[] {
  return world.connections
    .filter((c) => c.state === "active")
    .sort((a, b) => (b.connectedAt ?? 0) - (a.connectedAt ?? 0));
}

/** The Dash connections list, normalized. */
export function connectionsPage(world: SandboxWorld, start: number, count: number, seed: number) {
  const page = activeConnections(world).slice(start, start + count);
  const included: unknown[] = [];
  for (const c of page) {
    included.push(
      {
        $type: T.connection,
        entityUrn: `urn:li:fsd_connection:${c.memberId}`,
        connectedMember: `urn:li:fsd_profile:${c.memberId}`,
        "*connectedMemberResolutionResult": `urn:li:fsd_profile:${c.memberId}`,
        createdAt: c.connectedAt,
      },
      {
        $type: T.profile,
        entityUrn: `urn:li:fsd_profile:${c.memberId}`,
        firstName: c.firstName,
        lastName: c.lastName,
        headline: c.headline,
        publicIdentifier: c.slug ?? c.memberId,
        memorialized: false,
      },
    );
  }
  return {
    data: {
      $type: T.collection,
      "*elements": page.map((c) => `urn:li:fsd_connection:${c.memberId}`),
      paging: { start, count, links: [] },
    },
    included: shuffled(included, seed + start),
  };
}

export function connectionsSummary(world: SandboxWorld) {
  return {
    data: {
      $type: "com.linkedin.voyager.relationships.shared.connection.ConnectionsSummary",
      numConnections: activeConnections(world).length,
    },
    included: [],
  };
}
