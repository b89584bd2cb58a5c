/**
 * LinkedIn's JSON envelopes: normalized (`*elements` pointing at entities in
 * `included` by URN), wrapped one level deeper (`data.data`), or inline (`elements` holding the
 * rows themselves). The same endpoint has answered in more than one of these within weeks, and
 * reading the wrong one gives a clean, well-formed zero, which a run would take for "nothing is
 * pending". So every list is read here, in every shape, and anything that is not provably a
 * list (no container, a pointer that resolves to nothing, an empty list beside a full
 * `included`) is a ShapeError, never an empty page.
 *
 * Ids are always taken from URN strings: the JSON numbers that carry them exceed 2^53 and lose
 * digits in JSON.parse.
 */

import { m } from "../i18n/index.js";

export type Entity = Record<string, unknown> & { entityUrn?: string; $type?: string };

/** LinkedIn answered something that is not the list it was asked for, or not all of it. */
export class ShapeError extends Error {}

export interface Normalized {
  data: Entity;
  byUrn: Map<string, Entity>;
}

function isEntity(value: unknown): value is Entity {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The entities of `included`, wherever the envelope put it, by URN. */
function indexIncluded(root: Entity): Map<string, Entity> {
  const byUrn = new Map<string, Entity>();
  const data = isEntity(root.data) ? root.data : {};
  for (const list of [root.included, data.included]) {
    if (!Array.isArray(list)) continue;
    for (const entity of list) {
      if (isEntity(entity) && typeof entity.entityUrn === "string") {
        byUrn.set(entity.entityUrn, entity);
      }
    }
  }
  return byUrn;
}

/** A single-entity answer (`/me`): its `data`, wrapped or not, and `included` by URN. */
export function readNormalized(json: unknown): Normalized {
  const root = isEntity(json) ? json : {};
  const data = isEntity(root.data) ? root.data : {};
  const inner = isEntity(data.data) ? data.data : data;
  return { data: inner, byUrn: indexIncluded(root) };
}

/** Follows a `*key` pointer of an entity, or takes the inline object; undefined when neither. */
export function follow(n: Normalized, entity: Entity, key: string): Entity | undefined {
  const urn = entity[`*${key}`];
  if (typeof urn === "string") return n.byUrn.get(urn);
  const inline = entity[key];
  return isEntity(inline) ? inline : undefined;
}

export interface Collection extends Normalized {
  rows: Entity[];
}

/**
 * The rows of a list answer. `finder` names the GraphQL finder the rows sit under
 * (`data.data.<finder>` normalized, `data.<finder>` inline). Every pointer must resolve: a row
 * that is listed but not included would be a person silently missing from the list.
 */
export function readCollection(json: unknown, finder?: string): Collection {
  const words = m().network.shape;
  if (!isEntity(json)) throw new ShapeError(words.notObject);
  const byUrn = indexIncluded(json);
  const data = isEntity(json.data) ? json.data : undefined;
  const wrapped = data && isEntity(data.data) ? data.data : undefined;
  const candidates = finder
    ? [wrapped?.[finder], data?.[finder], wrapped, data]
    : [wrapped, data, json];
  for (const candidate of candidates) {
    if (!isEntity(candidate)) continue;
    const pointers = candidate["*elements"];
    const inline = candidate.elements;
    if (!Array.isArray(pointers) && !Array.isArray(inline)) continue;
    const listed: unknown[] = Array.isArray(pointers) ? pointers : (inline as unknown[]);
    const rows = listed.map((element) => {
      const row = typeof element === "string" ? byUrn.get(element) : element;
      if (!isEntity(row)) {
        throw new ShapeError(
          words.rowMissing(typeof element === "string" ? element : typeof element),
        );
      }
      return row;
    });
    if (rows.length === 0 && byUrn.size > 0) {
      throw new ShapeError(words.emptyBeside(byUrn.size));
    }
    return { rows, byUrn, data: candidate };
  }
  throw new ShapeError(words.noList);
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
