// SQL of the batched import: each statement takes a whole batch of rows as one array parameter per column
// (unnest), so a file of any length sends a number of statements that grows with its batches, not its rows,
// and never passes PostgreSQL's 65 535 parameters of a statement.
import { type RawBuilder, sql } from "kysely";
import { forIds, isAnyOf } from "../platform/db/rows.ts";
import type { DbOf } from "../platform/db/schema.ts";
import {
  type DecisionRow,
  type DecisionValues,
  decisionColumns,
  groupBy,
  type InterruptionRow,
  interruptionColumns,
  type OfferRow,
  offerColumns,
} from "./repository.ts";
import type { EvbDB } from "./tables.ts";

type Db = DbOf<EvbDB>;

/** The key an import matches a decision by. */
export type DecisionKey = { insats_id: string; person_id: string; decision_date: string };

/** An array parameter of one column of `rows`, cast to the column's type. */
const column = <T>(rows: readonly T[], key: keyof T, type: string): RawBuilder<unknown> =>
  sql`${rows.map((r) => r[key] ?? null)}::${sql.raw(type)}[]`;

const selected = (alias: string, columns: readonly string[]) => sql.join(columns.map((c) => sql.ref(`${alias}.${c}`)));

const keyColumns: Columns<DecisionKey> = [
  ["insats_id", "uuid"],
  ["person_id", "text"],
  ["decision_date", "date"],
];

/** The stored decisions with any of the keys, in one statement. */
export async function decisionsByKeys(db: Db, keys: readonly DecisionKey[]): Promise<DecisionRow[]> {
  if (keys.length === 0) return [];
  const result = await sql<DecisionRow>`
    SELECT ${selected("d", decisionColumns)} FROM evb_decision d JOIN ${unnested(keys, keyColumns)}
    ON d.insats_id = v.insats_id AND d.person_id = v.person_id AND d.decision_date = v.decision_date`.execute(db);
  return result.rows;
}

/** Rows by their decision, in the order read. */
const byDecision = <R extends { decision_id: string }>(rows: readonly R[]) => groupBy(rows, (r) => r.decision_id);

/** The offers of many decisions by decision, each decision's in date order (as offersOf). */
export const offersByDecision = async (db: Db, decisionIds: readonly string[]) =>
  byDecision(
    await forIds(decisionIds, () =>
      db
        .selectFrom("evb_offer")
        .select(offerColumns)
        .where(isAnyOf("decision_id", decisionIds))
        .orderBy("offered_date")
        .execute(),
    ),
  );

/** The interruptions of many decisions by decision, each decision's in date order (as interruptionsOf). */
export const interruptionsByDecision = async (db: Db, decisionIds: readonly string[]) =>
  byDecision(
    await forIds(decisionIds, () =>
      db
        .selectFrom("evb_interruption")
        .select(interruptionColumns)
        .where(isAnyOf("decision_id", decisionIds))
        .orderBy("start_date")
        .execute(),
    ),
  );

export type NewDecision = DecisionValues & { id: string };
export type OfferWrite = Omit<OfferRow, "org_node_id" | "decision_id"> & { org_node_id: string; decision_id: string };
export type InterruptionWrite = InterruptionRow;

/** A table's columns as written: name and SQL type (each becomes one array parameter). */
type Columns<T> = readonly (readonly [keyof T & string, string])[];

const decisionValueColumns: Columns<NewDecision> = [
  ["id", "uuid"],
  ["org_node_id", "uuid"],
  ["person_id", "text"],
  ["sex", "text"],
  ["protected_identity", "boolean"],
  ["insats_id", "uuid"],
  ["decision_date", "date"],
  ["parts_total", "int"],
  ["parts_executed", "int"],
  ["executed_date", "date"],
  ["closed_date", "date"],
  ["closure_code_id", "uuid"],
  ["delay_code_id", "uuid"],
  ["reason_text", "text"],
  ["interim_support", "text"],
];
const offerValueColumns: Columns<OfferWrite> = [
  ["id", "uuid"],
  ["org_node_id", "uuid"],
  ["decision_id", "uuid"],
  ["offered_date", "date"],
  ["answer", "text"],
  ["note", "text"],
];
const interruptionValueColumns: Columns<InterruptionWrite> = [
  ["id", "uuid"],
  ["org_node_id", "uuid"],
  ["decision_id", "uuid"],
  ["start_date", "date"],
  ["resumed_date", "date"],
  ["reason_code_id", "uuid"],
  ["reason_text", "text"],
];
/** What an update of an offer or interruption rewrites: its decision and unit stay (moveChildrenOf moves them). */
const childChanges = <T>(columns: Columns<T>) =>
  columns.filter(([key]) => key !== "org_node_id" && key !== "decision_id");

/** The rows as `unnest(col1, col2, …) AS v(col1, col2, …)`: one array parameter per column. */
const unnested = <T>(rows: readonly T[], columns: Columns<T>) =>
  sql`unnest(${sql.join(columns.map(([key, type]) => column(rows, key, type)))}) AS v(${names(columns)})`;

const names = <T>(columns: Columns<T>) => sql.join(columns.map(([key]) => sql.id(key)));

/** Inserts rows (the caller chooses their ids) in one statement. */
async function insertAll<T>(db: Db, table: string, columns: Columns<T>, rows: readonly T[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`INSERT INTO ${sql.table(table)} (${names(columns)}) SELECT * FROM ${unnested(rows, columns)}`.execute(db);
}

/** Rewrites the columns (but the id) of rows found by id, in one statement. */
async function updateAll<T>(db: Db, table: string, columns: Columns<T>, rows: readonly T[]): Promise<void> {
  if (rows.length === 0) return;
  const set = sql.join(
    columns.filter(([key]) => key !== "id").map(([key]) => sql`${sql.id(key)} = ${sql.ref(`v.${key}`)}`),
  );
  await sql`UPDATE ${sql.table(table)} AS t SET ${set} FROM ${unnested(rows, columns)} WHERE t.id = v.id`.execute(db);
}

export const insertDecisions = (db: Db, rows: readonly NewDecision[]) =>
  insertAll(db, "evb_decision", decisionValueColumns, rows);
export const updateDecisions = (db: Db, rows: readonly NewDecision[]) =>
  updateAll(db, "evb_decision", decisionValueColumns, rows);
export const insertOffers = (db: Db, rows: readonly OfferWrite[]) =>
  insertAll(db, "evb_offer", offerValueColumns, rows);
export const updateOffers = (db: Db, rows: readonly OfferWrite[]) =>
  updateAll(db, "evb_offer", childChanges(offerValueColumns), rows);
export const insertInterruptions = (db: Db, rows: readonly InterruptionWrite[]) =>
  insertAll(db, "evb_interruption", interruptionValueColumns, rows);
export const updateInterruptions = (db: Db, rows: readonly InterruptionWrite[]) =>
  updateAll(db, "evb_interruption", childChanges(interruptionValueColumns), rows);

/** Moves the offers and interruptions of decisions that moved to another unit (they share its tenant key). */
export async function moveChildrenOf(db: Db, moves: readonly { id: string; org_node_id: string }[]): Promise<void> {
  if (moves.length === 0) return;
  const columns: Columns<(typeof moves)[number]> = [
    ["id", "uuid"],
    ["org_node_id", "uuid"],
  ];
  for (const table of ["evb_offer", "evb_interruption"]) {
    await sql`UPDATE ${sql.table(table)} AS c SET org_node_id = v.org_node_id
      FROM ${unnested(moves, columns)} WHERE c.decision_id = v.id`.execute(db);
  }
}

/** One row of an import's bulk event, as the event's own entry for it. */
export type BulkHistoryRow = {
  id: number;
  created_at: Date;
  actor_name: string;
  entity: string;
  row: { id: string; before: Record<string, unknown> | null; after: Record<string, unknown> };
};

/** The rows with these ids in imports' bulk events (audit_log_bulk_row_ids finds the events). */
export async function bulkHistoryOf(db: Db, entityIds: readonly string[]): Promise<BulkHistoryRow[]> {
  if (entityIds.length === 0) return [];
  const named = sql.join(
    entityIds.map((id) => sql`jsonb_path_query_array(a.after, '$.rows[*].id') @> ${JSON.stringify([id])}::jsonb`),
    sql` OR `,
  );
  const result = await sql<BulkHistoryRow>`
    SELECT a.id, a.created_at, a.actor_name, a.entity, r.value AS row
    FROM audit_log a CROSS JOIN jsonb_array_elements(a.after->'rows') AS r
    WHERE a.entity_id IS NULL AND a.entity LIKE 'evb_%' AND (${named}) AND r.value->>'id' = ANY(${entityIds}::text[])`.execute(
    db,
  );
  return result.rows;
}
