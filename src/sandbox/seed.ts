/**
 * The emulated account, seeded from a data export: its pending invitations are the outgoing ones
 * that are neither accepted nor expired as of the given day, its connections are Connections.csv.
 */
import { createHash, randomBytes } from "node:crypto";
import { toProfileSlug } from "../core/identity.js";
import type { ConnectionRecord, InvitationRecord } from "../core/records.js";
import { indexConnections, invitationState } from "../core/states.js";
import { readInputs } from "../formats/inputs.js";

export type SandboxInvitationState = "pending" | "withdrawn" | "accepted" | "expired";

export interface SandboxInvitation {
  /** 19 digits, above 2^53, as LinkedIn's are. */
  id: string;
  sharedSecret: string;
  inviteeName: string;
  profileUrl: string | null;
  slug: string | null;
  email: string | null;
  /** `ACoAA…` member id; null for an email invitee. */
  memberId: string | null;
  sentAt: number;
  message: string | null;
  /** What the cards of the server-driven page show under the name. */
  headline: string;
  state: SandboxInvitationState;
  withdrawCalls: number;
  /** The surface that withdrew it. */
  via: string | null;
}

export interface SandboxConnection {
  memberId: string;
  profileUrl: string | null;
  slug: string | null;
  firstName: string;
  lastName: string;
  headline: string;
  connectedAt: number | null;
  state: "active" | "removed";
  removeCalls: number;
  /** The surface that removed it. */
  via: string | null;
}

export interface SandboxAccount {
  memberId: string;
  firstName: string;
  lastName: string;
  publicIdentifier: string;
  liAt: string;
  jsessionid: string;
}

export interface SandboxWorld {
  account: SandboxAccount;
  invitations: SandboxInvitation[];
  connections: SandboxConnection[];
}

/** A stable `ACoAA…` member id for a person, derived from how the export names them. */
function memberId(key: string): string {
  return `ACoAA${createHash("sha256").update(key).digest("base64url").slice(0, 34)}`;
}

function digits(n: number): string {
  return Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join("");
}

export async function seedWorld(paths: readonly string[], asOf: Date): Promise<SandboxWorld> {
  const invitations: InvitationRecord[] = [];
  const connections: ConnectionRecord[] = [];
  for await (const item of readInputs(paths)) {
    if ("passedOver" in item) continue;
    for await (const batch of item.batches()) {
      for (const r of batch) {
        if (r.type === "invitation") invitations.push(r);
        else if (r.type === "connection") connections.push(r);
      }
    }
  }
  const index = indexConnections(connections);
  const outgoing = invitations.filter((r) => r.direction === "OUTGOING");
  const owner = outgoing[0];
  const ownerName = (owner?.fromName ?? "Test Account").split(" ");
  // Ids count up from a 19-digit base: JSON numbers that large lose digits, strings do not.
  const base = 7233649881779728384n;
  return {
    account: {
      memberId: memberId(owner?.inviterUrl ?? "owner"),
      firstName: ownerName[0] ?? "",
      lastName: ownerName.slice(1).join(" "),
      publicIdentifier: toProfileSlug(owner?.inviterUrl) ?? "test-account",
      liAt: randomBytes(30).toString("base64url"),
      jsessionid: `"ajax:${digits(19)}"`,
    },
    invitations: outgoing.map((r, i) => {
      const facts = { ...r, withdrawnAt: null, closedAt: null };
      const state = invitationState(facts, index, asOf);
      return {
        id: (base + BigInt(i) * 1_000_003n).toString(),
        sharedSecret: createHash("sha1")
          .update(`${i}:${r.identity}`)
          .digest("base64url")
          .slice(0, 8),
        inviteeName: r.toName,
        profileUrl: r.inviteeUrl,
        slug: r.peerSlug,
        email: r.inviteeEmail,
        memberId: r.peerSlug ? memberId(r.peerSlug) : null,
        sentAt: Date.parse(r.sentAt),
        message: r.message,
        headline: "",
        state: state === "accepted" || state === "expired" ? state : "pending",
        withdrawCalls: 0,
        via: null,
      };
    }),
    connections: connections.map((c, i) => ({
      memberId: memberId(c.slug ?? c.identity ?? `hidden-${i}`),
      profileUrl: c.url,
      slug: c.slug,
      firstName: c.firstName,
      lastName: c.lastName,
      headline: c.position,
      connectedAt: c.connectedOn ? Date.parse(`${c.connectedOn}T12:00:00Z`) : null,
      state: "active",
      removeCalls: 0,
      via: null,
    })),
  };
}
