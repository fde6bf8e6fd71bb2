import type { z } from "zod";
import { kommunIdOf, nodeOrThrow } from "../../organisation/index.ts";
import type { Actor } from "../../platform/auth/access.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { notFound } from "../../platform/errors.ts";
import { read, write } from "../../platform/service.ts";
import { checkCodeFree, orderOfNew } from "../list-entries.ts";
import type { KvalitetDB } from "../tables.ts";
import * as repo from "./repository.ts";
import type { inspectionTypeInput, inspectionTypePatch } from "./schema.ts";

type Db = DbOf<KvalitetDB>;

const toType = (r: repo.TypeRow) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  active: r.active,
  sortOrder: r.sort_order,
});

/** The kommun's kinds of tillsyn, for the forms; anyone who may read the node may read them (no personal data). */
export function inspectionTypes(db: Db, actor: Actor, orgNodeId: string) {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => {
    const kommunId = kommunIdOf(node.path);
    return { kommunId, types: (await repo.inspectionTypesOf(db, kommunId)).map(toType) };
  });
}

/** The list is the kommun's: only an admin of the whole kommun edits it, so writes check the kommun. */
const kommunOf = async (db: Db, orgNodeId: string) => kommunIdOf((await nodeOrThrow(db, orgNodeId)).path);

/** Adds the standard kinds the kommun lacks (an admin of the kommun); returns how many were added. */
export async function installInspectionTypes(db: Db, actor: Actor, orgNodeId: string): Promise<number> {
  return write(db, actor, "admin", await kommunOf(db, orgNodeId), async ({ trx, node: kommun, audit }) => {
    const added = await repo.installInspectionTypes(trx, kommun.id);
    if (added > 0) await audit("kvalitet_inspection_types", kommun.id, "install", { after: { added } });
    return added;
  });
}

/** A new kind at the end of the kommun's list unless an order is given (an admin of the kommun). */
export async function createInspectionType(db: Db, actor: Actor, input: z.infer<typeof inspectionTypeInput>) {
  const kommunId = await kommunOf(db, input.orgNodeId);
  return write(db, actor, "admin", kommunId, async ({ trx, audit }) => {
    const types = await repo.inspectionTypesOf(trx, kommunId);
    checkCodeFree(types, input.code);
    const row = await repo.insertInspectionType(trx, {
      org_node_id: kommunId,
      code: input.code,
      name: input.name,
      active: input.active,
      sort_order: orderOfNew(types, input.sortOrder),
    });
    await audit("kvalitet_inspection_type", row.id, "create", { after: row });
    return toType(row);
  });
}

/**
 * Renames, reorders or (de)activates a kind. Kinds are never deleted: a deactivated one is no longer offered
 * but stays on the tillsyner that have it.
 */
export async function updateInspectionType(
  db: Db,
  actor: Actor,
  id: string,
  patch: z.infer<typeof inspectionTypePatch>,
) {
  const before = await repo.findInspectionType(db, id);
  if (!before) throw notFound("Slaget av tillsyn");
  return write(db, actor, "admin", before.org_node_id, async ({ trx, audit }) => {
    const after = await repo.updateInspectionType(trx, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
    });
    await audit("kvalitet_inspection_type", id, "update", { before, after });
    return toType(after);
  });
}
