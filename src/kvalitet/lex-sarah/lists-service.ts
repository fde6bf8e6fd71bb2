import { kommunIdOf, nodeOrThrow } from "../../organisation/index.ts";
import type { Actor } from "../../platform/auth/access.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { read, write } from "../../platform/service.ts";
import type { KvalitetDB } from "../tables.ts";
import * as repo from "./repository.ts";

type Db = DbOf<KvalitetDB>;

/** The kommun's lex Sarah lists, for the forms; anyone who may read the node may read them (no personal data). */
export function lists(db: Db, actor: Actor, orgNodeId: string) {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => {
    const entries = await repo.listEntriesOf(db, kommunIdOf(node.path));
    const of = (list: repo.ListEntryRow["list"]) =>
      entries.filter((e) => e.list === list).map((e) => ({ code: e.code, name: e.name, active: e.active }));
    return { categories: of("kategori"), causes: of("orsak"), measures: of("atgard"), items: of("utredningspunkt") };
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
