import type { z } from "zod";
import { kommunIdOf, nodeOrThrow } from "../organisation/index.ts";
import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { notFound } from "../platform/errors.ts";
import { read, write } from "../platform/service.ts";
import { checkCodeFree } from "./list-entries.ts";
import * as repo from "./repository.ts";
import type { causeInput, causePatch, typeInput, typePatch } from "./schema.ts";
import type { KvalitetDB } from "./tables.ts";

type Db = DbOf<KvalitetDB>;

export const toType = (r: repo.TypeRow) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  group: r.type_group,
  active: r.active,
  sortOrder: r.sort_order,
});

export const toCause = (r: repo.CauseRow) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  active: r.active,
  sortOrder: r.sort_order,
});

/** The kommun's types and causes; anyone who may read the node may read them (they hold no personal data). */
export function lists(db: Db, actor: Actor, orgNodeId: string) {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => {
    const kommunId = kommunIdOf(node.path);
    const [types, causes] = [await repo.typesOf(db, kommunId), await repo.causesOf(db, kommunId)];
    return { kommunId, types: types.map(toType), causes: causes.map(toCause) };
  });
}

/** The lists are the kommun's: only an admin of the whole kommun edits them, so writes check the kommun. */
const kommunOf = async (db: Db, orgNodeId: string) => kommunIdOf((await nodeOrThrow(db, orgNodeId)).path);

export async function installStandardLists(db: Db, actor: Actor, orgNodeId: string) {
  return write(db, actor, "admin", await kommunOf(db, orgNodeId), async ({ trx, node: kommun, audit }) => {
    const added = await repo.installStandardLists(trx, kommun.id);
    if (added.types + added.causes > 0) await audit("kvalitet_lists", kommun.id, "install", { after: added });
    return added;
  });
}

export async function createType(db: Db, actor: Actor, input: z.infer<typeof typeInput>) {
  const kommunId = await kommunOf(db, input.orgNodeId);
  return write(db, actor, "admin", kommunId, async ({ trx, audit }) => {
    checkCodeFree(await repo.typesOf(trx, kommunId), input.code);
    const row = await repo.insertType(trx, {
      org_node_id: kommunId,
      code: input.code,
      name: input.name,
      type_group: input.group,
      active: input.active,
      sort_order: input.sortOrder,
    });
    await audit("kvalitet_event_type", row.id, "create", { after: row });
    return toType(row);
  });
}

/** Renames, regroups, reorders or (de)activates a type; a deactivated type stays on the händelser that have it. */
export async function updateType(db: Db, actor: Actor, id: string, patch: z.infer<typeof typePatch>) {
  const before = await repo.findType(db, id);
  if (!before) throw notFound("Händelsetypen");
  return write(db, actor, "admin", before.org_node_id, async ({ trx, audit }) => {
    const after = await repo.updateType(trx, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.group !== undefined ? { type_group: patch.group } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
    });
    await audit("kvalitet_event_type", id, "update", { before, after });
    return toType(after);
  });
}

export async function createCause(db: Db, actor: Actor, input: z.infer<typeof causeInput>) {
  const kommunId = await kommunOf(db, input.orgNodeId);
  return write(db, actor, "admin", kommunId, async ({ trx, audit }) => {
    checkCodeFree(await repo.causesOf(trx, kommunId), input.code);
    const row = await repo.insertCause(trx, {
      org_node_id: kommunId,
      code: input.code,
      name: input.name,
      active: input.active,
      sort_order: input.sortOrder,
    });
    await audit("kvalitet_cause", row.id, "create", { after: row });
    return toCause(row);
  });
}

export async function updateCause(db: Db, actor: Actor, id: string, patch: z.infer<typeof causePatch>) {
  const before = await repo.findCause(db, id);
  if (!before) throw notFound("Orsaken");
  return write(db, actor, "admin", before.org_node_id, async ({ trx, audit }) => {
    const after = await repo.updateCause(trx, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
    });
    await audit("kvalitet_cause", id, "update", { before, after });
    return toCause(after);
  });
}
