import { kommunIdOf, nodesOfKindUnder } from "../organisation/index.ts";
import { type AccessOperation, logPersonalDataAccess } from "../platform/access/log.ts";
import { type Actor, can } from "../platform/auth/access.ts";
import { todayInSweden } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { notFound } from "../platform/errors.ts";
import { read, type ServiceNode } from "../platform/service.ts";
import type { Lists } from "./proposed.ts";
import * as repo from "./repository.ts";
import type { EventsQuery } from "./schema.ts";
import { ageInDays, areaOf } from "./statistics.ts";
import type { KvalitetDB } from "./tables.ts";

type Db = DbOf<KvalitetDB>;

const SUMMARY_LENGTH = 140;

/** What a list shows of a händelse's text: its beginning. */
export const summaryOf = (text: string) => (text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH)}…` : text);

/** Logs that the händelser (with their free text) were disclosed to the actor. */
function logEvents(db: Db, actor: Actor, operation: AccessOperation, orgNodeId: string, events: repo.EventRow[]) {
  return logPersonalDataAccess(db, actor, {
    operation,
    orgNodeId,
    records: events.map((e) => ({ entity: "kvalitet_event", id: e.id, orgNodeId: e.org_node_id })),
  });
}

/** Age on `asOf`, or on the closing day once closed. */
const ageOf = (e: Pick<repo.EventRow, "reported_on" | "closed_on">, asOf: string) =>
  Math.max(0, ageInDays(e.reported_on, e.closed_on ?? asOf));

/** A page of händelser under a node for readers with read:kvalitet there; every read is in the access log. */
export function listEvents(db: Db, actor: Actor, q: EventsQuery) {
  return read(db, actor, "read:kvalitet", q.orgNodeId, async ({ db, node }) => {
    const types = await repo.typesOf(db, kommunIdOf(node.path));
    const typeId = q.type ? (types.find((t) => t.code === q.type)?.id ?? null) : undefined;
    if (typeId === null) return { total: 0, events: [] };
    const { total, rows } = await repo.listEvents(db, {
      under: node.path,
      kind: q.kind,
      status: q.status,
      typeId,
      year: q.year,
      periodStart: q.periodStart,
      periodEnd: q.periodEnd,
      limit: q.limit,
      offset: q.offset,
    });
    const links = await repo.typeLinksOf(
      db,
      rows.map((r) => r.id),
    );
    await logEvents(db, actor, "kvalitet.handelser", node.id, rows);
    const today = todayInSweden();
    return {
      total,
      events: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        category: r.category,
        unit: { id: r.org_node_id, name: r.unit_name },
        occurredOn: r.occurred_on,
        reportedOn: r.reported_on,
        status: r.status,
        types: types.filter((t) => links.some((l) => l.event_id === r.id && l.list_id === t.id)).map((t) => t.name),
        summary: summaryOf(r.what_happened),
        ageDays: ageOf(r, today),
        escalated: r.lex_sarah_on !== null || r.mas_on !== null,
      })),
    };
  });
}

/** Finds a händelse or says it does not exist. */
export async function eventOrThrow(db: Db, id: string): Promise<repo.EventRow> {
  const row = await repo.findEvent(db, id);
  if (!row) throw notFound("Händelsen");
  return row;
}

/** The kommun's lists of types and causes. */
export const listsOf = async (db: Db, kommunId: string): Promise<Lists> => ({
  types: await repo.typesOf(db, kommunId),
  causes: await repo.causesOf(db, kommunId),
});

/** The lists, and the types and causes chosen on a händelse. */
export type Chosen = { lists: Lists; typeIds: readonly string[]; causeIds: readonly string[] };

export async function chosenOf(db: Db, id: string, kommunId: string): Promise<Chosen> {
  return {
    lists: await listsOf(db, kommunId),
    typeIds: (await repo.typeLinksOf(db, [id])).map((l) => l.list_id),
    causeIds: (await repo.causeLinksOf(db, [id])).map((l) => l.list_id),
  };
}

/** One händelse in full for a reader with read:kvalitet on its unit (logged). */
export async function getEvent(db: Db, actor: Actor, id: string) {
  const row = await eventOrThrow(db, id);
  return read(db, actor, "read:kvalitet", row.org_node_id, async ({ db, node }) =>
    describeEvent(db, actor, row, node, await chosenOf(db, id, kommunIdOf(node.path)), []),
  );
}

/**
 * A händelse in full, logged as disclosed. The caller has checked access on `unit`: read:kvalitet for a
 * read, write:kvalitet for the answer to a change (whoever may change it sees what they changed).
 */
export async function describeEvent(
  db: Db,
  actor: Actor,
  row: repo.EventRow,
  unit: ServiceNode,
  { lists: { types, causes }, typeIds, causeIds }: Chosen,
  warnings: string[],
) {
  const kommunId = kommunIdOf(unit.path);
  const areas = await nodesOfKindUnder(db, [`/${kommunId}/`], ["verksamhetsomrade"]);
  const area = areaOf(unit, areas);
  await logEvents(db, actor, "kvalitet.handelse", unit.id, [row]);
  return {
    id: row.id,
    kind: row.kind,
    category: row.category,
    unit: { id: unit.id, name: unit.name },
    area: area ? { id: area.id, name: area.name } : null,
    occurredOn: row.occurred_on,
    noticedOn: row.noticed_on,
    reportedOn: row.reported_on,
    whatHappened: row.what_happened,
    immediateAction: row.immediate_action,
    status: row.status,
    types: types
      .filter((t) => typeIds.includes(t.id))
      .map((t) => ({ code: t.code, name: t.name, group: t.type_group })),
    causes: causes.filter((c) => causeIds.includes(c.id)).map((c) => ({ code: c.code, name: c.name })),
    investigation: row.investigation,
    measures: row.measures,
    closedOn: row.closed_on,
    lexSarahOn: row.lex_sarah_on,
    masOn: row.mas_on,
    ageDays: ageOf(row, todayInSweden()),
    canWrite: can(actor, "write:kvalitet", unit.path),
    warnings,
  };
}
