// The start page: each capability's items for the actor on one node, grouped. Each capability checks its
// own access; one the actor may not read on this node is left out, and the node itself must be readable.
import { startItemsFor as ekonomiItems } from "../ekonomi/index.ts";
import { startItemsFor as evbItems } from "../evb/index.ts";
import { startItemsFor as kvalitetItems } from "../kvalitet/index.ts";
import { startItemsFor as namndItems } from "../namnd/index.ts";
import { type Actor, requireAccess } from "../platform/auth/access.ts";
import type { DbOf, PlatformDb } from "../platform/db/schema.ts";
import { DomainError } from "../platform/errors.ts";
import type { StartItem } from "../platform/start-item.ts";
import { startItemsFor as styrningItems } from "../styrning/index.ts";
import type { AppDB } from "./capabilities.ts";
import type { StartCapability } from "./start-api.ts";

type Source = (db: DbOf<AppDB>, actor: Actor, orgNodeId: string) => Promise<StartItem[]>;

const sources: Record<StartCapability, Source> = {
  evb: evbItems,
  styrning: styrningItems,
  ekonomi: ekonomiItems,
  kvalitet: kvalitetItems,
  namnd: namndItems,
};

export async function startPage(db: DbOf<AppDB>, actor: Actor, orgNodeId: string) {
  const node = await requireAccess(db as unknown as PlatformDb, actor, "read", orgNodeId);
  const groups: { capability: StartCapability; items: StartItem[] }[] = [];
  for (const [capability, itemsFor] of Object.entries(sources) as [StartCapability, Source][]) {
    try {
      groups.push({ capability, items: await itemsFor(db, actor, node.id) });
    } catch (error) {
      if (!(error instanceof DomainError && error.code === "forbidden")) throw error;
    }
  }
  return { organisation: { id: node.id, name: node.name }, groups };
}
