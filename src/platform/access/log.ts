import { AsyncLocalStorage } from "node:async_hooks";
import { type Actor, scopesFor } from "../auth/access.ts";
import { csvDocument } from "../csv.ts";
import { writable } from "../db/replica.ts";
import type { PlatformDb } from "../db/schema.ts";
import { type AccessOperation, accessOperations } from "./operations.ts";
import * as repo from "./repository.ts";

export type { AccessOperation };

/** One record a read disclosed: `personId` is the registered person's pseudonymous id when there is one. */
export type DisclosedRecord = { entity: string; id: string; orgNodeId: string | null; personId?: string | null };

export type AccessEntry = {
  operation: AccessOperation;
  /** The node the read was made on: the chosen nämnd or unit, or the record's own unit. */
  orgNodeId: string | null;
  records: readonly DisclosedRecord[];
};

const noted = new AsyncLocalStorage<AccessEntry[]>();

/**
 * Runs `read` and returns, with its result, every access entry it logged: an answer held in memory
 * (http/answer-cache.ts) logs them again each time it is given out, as if it had been read anew.
 */
export async function noteAccess<T>(read: () => Promise<T>): Promise<{ result: T; entries: AccessEntry[] }> {
  const entries: AccessEntry[] = [];
  const result = await noted.run(entries, read);
  return { result, entries };
}

/**
 * Records one read of personal data. Call it right after the read, before the data leaves the server:
 * if the entry cannot be written the read fails. A read that disclosed no records is not logged.
 */
export async function logPersonalDataAccess(db: PlatformDb, actor: Actor, entry: AccessEntry): Promise<void> {
  noted.getStore()?.push(entry);
  const unique = new Map(entry.records.map((r) => [`${r.entity}:${r.id}`, r]));
  if (unique.size === 0) return;
  const write = (trx: PlatformDb) =>
    repo.insertAccessEntry(
      trx,
      {
        actor_id: actor.id,
        actor_name: actor.displayName,
        org_node_id: entry.orgNodeId,
        operation: entry.operation,
        purpose: accessOperations[entry.operation],
        record_count: unique.size,
      },
      [...unique.values()].map((r) => ({
        org_node_id: r.orgNodeId,
        entity: r.entity,
        record_id: r.id,
        person_id: r.personId ?? null,
      })),
    );
  // A heavy read answered by the read replica still logs on the primary.
  const target = writable(db);
  await (target.isTransaction ? write(target) : target.transaction().execute(write));
}

/** Records shown per entry in the list; the entry's record_count says how many it disclosed in all. */
const RECORDS_SHOWN = 20;

/**
 * Entries an admin may see: the read was made on a node in the admin's scope, or disclosed a record there.
 */
export async function listAccess(
  db: PlatformDb,
  actor: Actor,
  f: repo.AccessFilter & { limit: number; offset: number },
) {
  const { entries, total } = await repo.accessEntries(db, scopesFor(actor, "admin"), f);
  const ids = entries.map((e) => e.id);
  const records = await repo.recordsOfEntries(db, ids);
  return {
    total,
    rows: entries.map((e) => ({
      ...e,
      id: Number(e.id),
      records: records
        .filter((r) => String(r.access_id) === String(e.id))
        .slice(0, RECORDS_SHOWN)
        .map(({ access_id: _a, ...r }) => r),
    })),
  };
}

/**
 * Every disclosure of the matching records (one line per entry and record), oldest first: what a
 * registered person is entitled to see under GDPR art. 15, as CSV with formulas neutralised (platform/csv.ts).
 */
export async function exportAccessCsv(db: PlatformDb, actor: Actor, f: repo.AccessFilter): Promise<string> {
  const rows = await repo.disclosures(db, scopesFor(actor, "admin"), f);
  const header = [
    "Tid (UTC)",
    "Användare",
    "Användar-id",
    "Åtgärd",
    "Syfte",
    "Organisation",
    "Posttyp",
    "Post-id",
    "Person-id",
  ];
  const lines = rows.map((r) => [
    new Date(r.created_at).toISOString(),
    r.actor_name,
    r.actor_id,
    r.operation,
    r.purpose,
    r.org_node_name,
    r.entity,
    r.record_id,
    r.person_id,
  ]);
  return csvDocument([header, ...lines]);
}
