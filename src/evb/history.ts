import type { DbOf } from "../platform/db/schema.ts";
import * as importRepo from "./import-repository.ts";
import * as repo from "./repository.ts";
import type { EvbDB } from "./tables.ts";

/**
 * The audit trail of a decision and its offers and interruptions, newest first: the events of forms and the
 * API (one per row) and the rows' entries in imports' bulk events (a row without a before was created).
 */
export async function historyOf(db: DbOf<EvbDB>, entityIds: string[]) {
  const events = await repo.historyOf(db, entityIds);
  const imported = (await importRepo.bulkHistoryOf(db, entityIds)).map((e) => ({
    id: e.id,
    created_at: e.created_at,
    actor_name: e.actor_name,
    entity: e.entity,
    entity_id: e.row.id,
    action: e.row.before === null ? "create" : "update",
    before: e.row.before,
    after: e.row.after,
  }));
  return [...events, ...imported].sort((a, b) => b.id - a.id);
}
