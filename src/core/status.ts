/** The counts `invites status` shows, computed from stored facts and a given "today". */
import {
  type ConnectionKeys,
  DEFAULT_RULES,
  type InvitationState,
  indexConnections,
  invitationState,
  type LifecycleRules,
  type OutgoingInvitationFacts,
} from "./states.js";

export interface StatusInput {
  outgoing: readonly OutgoingInvitationFacts[];
  incoming: number;
  connections: ReadonlyArray<ConnectionKeys & { gone: boolean; removed: boolean }>;
  contacts: { total: number; withEmail: number; emails: number };
  sources: ReadonlyArray<{ path: string; kind: string; rows: number; importedAt: string }>;
}

export interface Status {
  invitations: { outgoing: number; incoming: number } & Record<InvitationState, number>;
  connections: { active: number; removed: number };
  contacts: { total: number; withEmail: number; emails: number };
  sources: Array<{ path: string; kind: string; rows: number; importedAt: string }>;
}

export function summarizeStatus(
  input: StatusInput,
  asOf: Date,
  rules: LifecycleRules = DEFAULT_RULES,
): Status {
  const index = indexConnections(input.connections);
  const states: Record<InvitationState, number> = {
    pending: 0,
    accepted: 0,
    expired: 0,
    withdrawn: 0,
    closed: 0,
  };
  for (const inv of input.outgoing) states[invitationState(inv, index, asOf, rules)]++;
  const removed = input.connections.filter((c) => c.removed || c.gone).length;
  return {
    invitations: { outgoing: input.outgoing.length, incoming: input.incoming, ...states },
    connections: { active: input.connections.length - removed, removed },
    contacts: { ...input.contacts },
    sources: input.sources.map(({ path, kind, rows, importedAt }) => ({
      path,
      kind,
      rows,
      importedAt,
    })),
  };
}
