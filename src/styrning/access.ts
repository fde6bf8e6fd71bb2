import { nodeOrThrow } from "../organisation/index.ts";
import { type Actor, can, scopesFor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { forbidden, notFound } from "../platform/errors.ts";
import type { StyrningDB } from "./tables.ts";

/**
 * Styrning holds no personal data and is adopted in public, so reading reaches both ways: a person who
 * reads a node may read its subtree, and one who reads any unit may read the goals, indicators and
 * directives of the nämnd above it — the goals the unit works towards.
 */
export function canReadStyrning(actor: Actor, path: string): boolean {
  return scopesFor(actor, "read").some((scope) => path.startsWith(scope) || scope.startsWith(path));
}

export const canWriteStyrning = (actor: Actor, path: string) => can(actor, "write:styrning", path);

/** The rows an actor may read, each saying whether the actor may also change it; paths stay on the server. */
export const readableRows = <R extends { path: string }>(actor: Actor, rows: R[]) =>
  rows
    .filter((r) => canReadStyrning(actor, r.path))
    .map(({ path, ...r }) => ({ ...r, writable: canWriteStyrning(actor, path) }));

export async function requireStyrningRead(db: DbOf<StyrningDB>, actor: Actor, orgNodeId: string) {
  const node = await nodeOrThrow(db, orgNodeId);
  if (!canReadStyrning(actor, node.path)) throw forbidden(`Du saknar läsbehörighet för ${node.name}.`);
  return node;
}

export function assertReadable(actor: Actor, row: { path: string } | undefined, what: string): asserts row {
  if (!row) throw notFound(what);
  if (!canReadStyrning(actor, row.path)) throw forbidden(`Du saknar läsbehörighet för ${what.toLowerCase()}.`);
}

/** The row, or "… finns inte" naming what was looked for. */
export async function found<R>(row: Promise<R | undefined>, what: string): Promise<R> {
  const value = await row;
  if (!value) throw notFound(what);
  return value;
}
