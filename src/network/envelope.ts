/**
 * LinkedIn's normalized envelope (LINKEDIN-API.md §3.1): `data` with `*`-keys pointing at
 * entities in `included` by URN. Ids are always taken from URN strings: the JSON numbers that
 * carry them exceed 2^53 and lose digits in JSON.parse.
 */

export type Entity = Record<string, unknown> & { entityUrn?: string; $type?: string };

export interface Normalized {
  data: Entity;
  byUrn: Map<string, Entity>;
}

export function readNormalized(json: unknown): Normalized {
  const root = (json ?? {}) as { data?: Entity; included?: Entity[] };
  const byUrn = new Map<string, Entity>();
  for (const entity of root.included ?? []) {
    if (typeof entity?.entityUrn === "string") byUrn.set(entity.entityUrn, entity);
  }
  return { data: root.data ?? {}, byUrn };
}

/** Follows a `*key` pointer of an entity; undefined when unresolved (never an empty record). */
export function follow(n: Normalized, entity: Entity, key: string): Entity | undefined {
  const urn = entity[`*${key}`];
  return typeof urn === "string" ? n.byUrn.get(urn) : undefined;
}

/** The entities that `data["*elements"]` points at, in that order; unresolved ones left out. */
export function elements(n: Normalized): Entity[] {
  const urns = n.data["*elements"];
  if (!Array.isArray(urns)) return [];
  return urns
    .map((urn) => (typeof urn === "string" ? n.byUrn.get(urn) : undefined))
    .filter((e): e is Entity => e !== undefined);
}

/** How many rows a page announced in `*elements`, resolved or not. */
export function elementCount(n: Normalized): number {
  const urns = n.data["*elements"];
  return Array.isArray(urns) ? urns.length : 0;
}

/** The last segment of a URN: `urn:li:fs_relInvitation:7233649881779728384` → `7233649881779728384`. */
export function urnId(urn: unknown): string | null {
  if (typeof urn !== "string") return null;
  const i = urn.lastIndexOf(":");
  return i >= 0 && i < urn.length - 1 ? urn.slice(i + 1) : null;
}

export function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}
