import type { z } from "zod";
import { kommunIdOf, nodeOrThrow } from "../../organisation/index.ts";
import type { Actor } from "../../platform/auth/access.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { notFound } from "../../platform/errors.ts";
import { read, write } from "../../platform/service.ts";
import { checkCodeFree, orderOfNew } from "../list-entries.ts";
import type { KvalitetDB } from "../tables.ts";
import * as repo from "./repository.ts";
import type { listEntryInput, listEntryPatch } from "./schema.ts";

type Db = DbOf<KvalitetDB>;

/** The kommun's lex Sarah lists, for the forms; anyone who may read the node may read them (no personal data). */
export function lists(db: Db, actor: Actor, orgNodeId: string) {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => {
    const kommunId = kommunIdOf(node.path);
    const entries = await repo.listEntriesOf(db, kommunId);
    const of = (list: repo.ListEntryRow["list"]) =>
      entries.filter((e) => e.list === list).map((e) => ({ id: e.id, code: e.code, name: e.name, active: e.active }));
    return {
      kommunId,
      categories: of("kategori"),
      causes: of("orsak"),
      measures: of("atgard"),
      items: of("utredningspunkt"),
    };
  });
}

/** Adds the standard lists' entries the kommun lacks (an admin of the kommun); returns how many were added. */
export async function installLists(db: Db, actor: Actor, orgNodeId: string): Promise<number> {
  const kommunId = kommunIdOf((await nodeOrThrow(db, orgNodeId)).path);
  return write(db, actor, "admin", kommunId, async ({ trx, audit }) => {
    const added = await repo.installLists(trx, kommunId);
    if (added > 0) await audit("kvalitet_lex_sarah_lists", kommunId, "install", { after: { added } });
    return added;
  });
}

const toEntry = (r: NonNullable<Awaited<ReturnType<typeof repo.findListEntry>>>) => ({
  id: r.id,
  list: r.list,
  code: r.code,
  name: r.name,
  active: r.active,
  sortOrder: r.sort_order,
});

/** A new entry at the end of one of the kommun's lists (an admin of the kommun). */
export async function createListEntry(db: Db, actor: Actor, input: z.infer<typeof listEntryInput>) {
  const kommunId = kommunIdOf((await nodeOrThrow(db, input.orgNodeId)).path);
  return write(db, actor, "admin", kommunId, async ({ trx, audit }) => {
    const entries = (await repo.listEntriesOf(trx, kommunId)).filter((e) => e.list === input.list);
    checkCodeFree(entries, input.code);
    const row = await repo.insertListEntry(trx, {
      org_node_id: kommunId,
      list: input.list,
      code: input.code,
      name: input.name,
      sort_order: orderOfNew(entries, input.sortOrder),
    });
    await audit("kvalitet_lex_sarah_list", row.id, "create", { after: row });
    return toEntry(row);
  });
}

/**
 * Renames, reorders or (de)activates an entry. Entries are never deleted: a deactivated one is no longer
 * offered but stays on the cases that have it (the rules keep it there).
 */
export async function updateListEntry(db: Db, actor: Actor, id: string, patch: z.infer<typeof listEntryPatch>) {
  const before = await repo.findListEntry(db, id);
  if (!before) throw notFound("Posten i listan");
  return write(db, actor, "admin", before.org_node_id, async ({ trx, audit }) => {
    const after = await repo.updateListEntry(trx, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
    });
    await audit("kvalitet_lex_sarah_list", id, "update", { before, after });
    return toEntry(after);
  });
}
