import { type Selectable, sql, type Updateable } from "kysely";
import { forIds, inChunks, isAnyOf, type New } from "../platform/db/rows.ts";
import type { DbOf } from "../platform/db/schema.ts";
import type { DecisionFacts, ReportKind } from "./clock.ts";
import type { Law, RegisterDecision } from "./report.ts";
import standardCatalogue from "./standard-catalogue.json" with { type: "json" };
import type {
  EvbCodeTable,
  EvbDB,
  EvbDecisionTable,
  EvbInsatsTable,
  EvbInterruptionTable,
  EvbOfferTable,
  EvbWaitTable,
} from "./tables.ts";

type Db = DbOf<EvbDB>;

/** Adds the standard insatser and reason codes a kommun lacks; existing rows (maybe edited) are left alone. */
export async function installStandardCatalogue(db: Db, kommunId: string): Promise<{ insatser: number; codes: number }> {
  const insatser = await db
    .insertInto("evb_insats")
    .values(
      standardCatalogue.insatser.map((i, index) => ({
        org_node_id: kommunId,
        code: i.code,
        law: i.law as Law,
        lagrum: i.lagrum,
        name: i.name,
        sort_order: index,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .execute();
  const codes = await db
    .insertInto("evb_code")
    .values([
      ...standardCatalogue.delay.map((c, index) => ({
        org_node_id: kommunId,
        kind: "delay" as const,
        code: c.code,
        label: c.label,
        side: c.side as EvbCodeTable["side"],
        sort_order: index,
      })),
      ...standardCatalogue.closure.map((c, index) => ({
        org_node_id: kommunId,
        kind: "closure" as const,
        code: c.code,
        label: c.label,
        side: null,
        sort_order: index,
      })),
    ])
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .execute();
  return { insatser: insatser.length, codes: codes.length };
}

const insatsColumns = ["id", "org_node_id", "code", "law", "lagrum", "name", "active", "sort_order"] as const;
const codeColumns = ["id", "org_node_id", "kind", "code", "label", "side", "active", "sort_order"] as const;

export const insatserOf = (db: Db, kommunId: string) =>
  db
    .selectFrom("evb_insats")
    .select(insatsColumns)
    .where("org_node_id", "=", kommunId)
    .orderBy("law")
    .orderBy("sort_order")
    .orderBy("name")
    .execute();

export const findInsats = (db: Db, id: string) =>
  db.selectFrom("evb_insats").select(insatsColumns).where("id", "=", id).executeTakeFirst();

export const insertInsats = (
  db: Db,
  values: Pick<EvbInsatsTable, "org_node_id" | "code" | "law" | "lagrum" | "name"> & {
    active: boolean;
    sort_order: number;
  },
) => db.insertInto("evb_insats").values(values).returning(insatsColumns).executeTakeFirstOrThrow();

export const updateInsats = (
  db: Db,
  id: string,
  values: Partial<{ law: Law; lagrum: string; name: string; active: boolean; sort_order: number }>,
) => db.updateTable("evb_insats").set(values).where("id", "=", id).returning(insatsColumns).executeTakeFirstOrThrow();

export const codesOf = (db: Db, kommunId: string) =>
  db
    .selectFrom("evb_code")
    .select(codeColumns)
    .where("org_node_id", "=", kommunId)
    .orderBy("kind")
    .orderBy("sort_order")
    .execute();

export const findCode = (db: Db, id: string) =>
  db.selectFrom("evb_code").select(codeColumns).where("id", "=", id).executeTakeFirst();

export const insertCode = (
  db: Db,
  values: Pick<EvbCodeTable, "org_node_id" | "kind" | "code" | "label" | "side"> & {
    active: boolean;
    sort_order: number;
  },
) => db.insertInto("evb_code").values(values).returning(codeColumns).executeTakeFirstOrThrow();

export const updateCode = (
  db: Db,
  id: string,
  values: Partial<{ label: string; side: EvbCodeTable["side"]; active: boolean; sort_order: number }>,
) => db.updateTable("evb_code").set(values).where("id", "=", id).returning(codeColumns).executeTakeFirstOrThrow();

export type DecisionRow = Awaited<ReturnType<typeof findDecision>> & {};

export const decisionColumns = [
  "id",
  "org_node_id",
  "person_id",
  "sex",
  "protected_identity",
  "insats_id",
  "decision_date",
  "parts_total",
  "parts_executed",
  "executed_date",
  "closed_date",
  "closure_code_id",
  "delay_code_id",
  "reason_text",
  "interim_support",
] as const;

export type DecisionValues = Omit<
  EvbDecisionTable,
  "id" | "created_at" | "updated_at" | "protected_identity" | "parts_total" | "parts_executed"
> & {
  protected_identity: boolean;
  parts_total: number;
  parts_executed: number;
};

export const findDecision = (db: Db, id: string) =>
  db.selectFrom("evb_decision").select(decisionColumns).where("id", "=", id).executeTakeFirst();

export const findDecisionByKey = (db: Db, insatsId: string, personId: string, decisionDate: string) =>
  db
    .selectFrom("evb_decision")
    .select(decisionColumns)
    .where("insats_id", "=", insatsId)
    .where("person_id", "=", personId)
    .where("decision_date", "=", decisionDate)
    .executeTakeFirst();

export const insertDecision = (db: Db, values: DecisionValues) =>
  db.insertInto("evb_decision").values(values).returning(decisionColumns).executeTakeFirstOrThrow();

export const updateDecision = (db: Db, id: string, values: Partial<DecisionValues>) =>
  db.updateTable("evb_decision").set(values).where("id", "=", id).returning(decisionColumns).executeTakeFirstOrThrow();

/** A child stays with its decision; its tenant key moves with it (moveChildren). */
type ChildChanges<T> = Omit<Updateable<T>, "id" | "decision_id" | "created_at" | "updated_at">;

export const offerColumns = ["id", "org_node_id", "decision_id", "offered_date", "answer", "note"] as const;
export type OfferRow = Awaited<ReturnType<typeof findOffer>> & {};

export const findOffer = (db: Db, id: string) =>
  db.selectFrom("evb_offer").select(offerColumns).where("id", "=", id).executeTakeFirst();

export const offersOf = (db: Db, decisionId: string) =>
  db
    .selectFrom("evb_offer")
    .select(offerColumns)
    .where("decision_id", "=", decisionId)
    .orderBy("offered_date")
    .execute();

export const insertOffer = (db: Db, values: New<EvbDB, "evb_offer">) =>
  db.insertInto("evb_offer").values(values).returning(offerColumns).executeTakeFirstOrThrow();

export const updateOffer = (db: Db, id: string, values: ChildChanges<EvbOfferTable>) =>
  db.updateTable("evb_offer").set(values).where("id", "=", id).returning(offerColumns).executeTakeFirstOrThrow();

export const deleteOffer = (db: Db, id: string) => db.deleteFrom("evb_offer").where("id", "=", id).execute();

export const interruptionColumns = [
  "id",
  "org_node_id",
  "decision_id",
  "start_date",
  "resumed_date",
  "reason_code_id",
  "reason_text",
] as const;
export type InterruptionRow = Awaited<ReturnType<typeof findInterruption>> & {};

export const findInterruption = (db: Db, id: string) =>
  db.selectFrom("evb_interruption").select(interruptionColumns).where("id", "=", id).executeTakeFirst();

export const interruptionsOf = (db: Db, decisionId: string) =>
  db
    .selectFrom("evb_interruption")
    .select(interruptionColumns)
    .where("decision_id", "=", decisionId)
    .orderBy("start_date")
    .execute();

export const insertInterruption = (db: Db, values: New<EvbDB, "evb_interruption">) =>
  db.insertInto("evb_interruption").values(values).returning(interruptionColumns).executeTakeFirstOrThrow();

export const updateInterruption = (db: Db, id: string, values: ChildChanges<EvbInterruptionTable>) =>
  db
    .updateTable("evb_interruption")
    .set(values)
    .where("id", "=", id)
    .returning(interruptionColumns)
    .executeTakeFirstOrThrow();

export const deleteInterruption = (db: Db, id: string) =>
  db.deleteFrom("evb_interruption").where("id", "=", id).execute();

/** Moves a decision's offers and interruptions with it when its unit changes (they share its tenant key). */
export async function moveChildren(db: Db, decisionId: string, orgNodeId: string): Promise<void> {
  await db.updateTable("evb_offer").set({ org_node_id: orgNodeId }).where("decision_id", "=", decisionId).execute();
  await db
    .updateTable("evb_interruption")
    .set({ org_node_id: orgNodeId })
    .where("decision_id", "=", decisionId)
    .execute();
}

export type RegisterFilter = {
  /** Subtrees (materialised paths) the reader may see; empty means nothing. */
  scopes: string[];
  /** Optional narrower subtree. */
  under?: string;
  ids?: string[];
  law?: Law;
  insatsId?: string;
  sex?: "K" | "M";
  personId?: string;
  decidedOnOrBefore?: string;
  /** Leaves out decisions closed before this date (they cannot be in a later report). */
  notClosedBefore?: string;
  /**
   * Only decisions with a wait the quarter's report carries (stored waits): open and overdue on its last
   * day, or ended during it after the deadline.
   */
  reportedIn?: { start: string; end: string };
};

/** Decisions with unit, insats, codes, offers and interruptions, in the shape the reports take. */
export async function loadRegister(
  db: Db,
  filter: RegisterFilter,
): Promise<(RegisterDecision & { unit: { path: string } })[]> {
  if (filter.scopes.length === 0) return [];
  let query = db
    .selectFrom("evb_decision as d")
    .innerJoin("org_node as n", "n.id", "d.org_node_id")
    .innerJoin("evb_insats as i", "i.id", "d.insats_id")
    .leftJoin("evb_code as dc", "dc.id", "d.delay_code_id")
    .leftJoin("evb_code as cc", "cc.id", "d.closure_code_id")
    .select([
      ...decisionColumns.map((c) => `d.${c}` as const),
      "n.name as unit_name",
      "n.path as unit_path",
      "i.name as insats_name",
      "i.law",
      "i.lagrum",
      "dc.code as delay_code",
      "dc.label as delay_label",
      "cc.code as closure_code",
      "cc.label as closure_label",
    ])
    .where((eb) => eb.or(filter.scopes.map((p) => eb("n.path", "like", `${p}%`))));
  if (filter.under) query = query.where("n.path", "like", `${filter.under}%`);
  if (filter.ids) query = query.where(isAnyOf("d.id", filter.ids));
  if (filter.law) query = query.where("i.law", "=", filter.law);
  if (filter.insatsId) query = query.where("d.insats_id", "=", filter.insatsId);
  if (filter.sex) query = query.where("d.sex", "=", filter.sex);
  if (filter.personId) query = query.where("d.person_id", "like", `${filter.personId.toUpperCase()}%`);
  if (filter.decidedOnOrBefore) query = query.where("d.decision_date", "<=", filter.decidedOnOrBefore);
  if (filter.notClosedBefore) {
    const from = filter.notClosedBefore;
    query = query.where((eb) => eb.or([eb("d.closed_date", "is", null), eb("d.closed_date", ">=", from)]));
  }
  if (filter.reportedIn) {
    const period = filter.reportedIn;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("evb_wait as w")
          .select("w.decision_id")
          .whereRef("w.decision_id", "=", "d.id")
          .where(sql<boolean>`${reportKindIn(period)} IS NOT NULL`),
      ),
    );
  }
  // By id last, so that lines of one person's decisions of one day keep an order the report's pages share.
  const rows = await query.orderBy("d.decision_date").orderBy("d.person_id").orderBy("d.id").execute();
  if (rows.length === 0) return [];

  const ids = rows.map((r) => r.id);
  const offers = await db
    .selectFrom("evb_offer")
    .select(["decision_id", "offered_date", "answer", "note"])
    .where(isAnyOf("decision_id", ids))
    .orderBy("offered_date")
    .execute();
  const interruptions = await db
    .selectFrom("evb_interruption as x")
    .leftJoin("evb_code as c", "c.id", "x.reason_code_id")
    .select(["x.decision_id", "x.start_date", "x.resumed_date", "x.reason_text", "c.code", "c.label"])
    .where(isAnyOf("x.decision_id", ids))
    .orderBy("x.start_date")
    .execute();

  const offersBy = groupBy(offers, (o) => o.decision_id);
  const interruptionsBy = groupBy(interruptions, (x) => x.decision_id);
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    sex: r.sex,
    protectedIdentity: r.protected_identity,
    unit: { id: r.org_node_id, name: r.unit_name, path: r.unit_path },
    insats: { id: r.insats_id, name: r.insats_name, law: r.law, lagrum: r.lagrum },
    decisionDate: r.decision_date,
    executedDate: r.executed_date,
    closedDate: r.closed_date,
    closureReason: r.closure_code && r.closure_label ? { code: r.closure_code, label: r.closure_label } : null,
    delayReason: r.delay_code && r.delay_label ? { code: r.delay_code, label: r.delay_label } : null,
    reasonText: r.reason_text,
    interimSupport: r.interim_support,
    partsTotal: r.parts_total,
    partsExecuted: r.parts_executed,
    offers: (offersBy.get(r.id) ?? []).map((o) => ({ date: o.offered_date, answer: o.answer, note: o.note })),
    interruptions: (interruptionsBy.get(r.id) ?? []).map((x) => ({
      start: x.start_date,
      resumed: x.resumed_date,
      reason: x.code && x.label ? { code: x.code, label: x.label } : null,
      reasonText: x.reason_text,
    })),
  }));
}

/** Items by key, each group in the order given. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

/** The audit trail of a decision and its offers and interruptions, newest first. */
export const historyOf = (db: Db, entityIds: string[]) =>
  db
    .selectFrom("audit_log")
    .select(["id", "created_at", "actor_name", "entity", "entity_id", "action", "before", "after"])
    .where("entity_id", "in", entityIds)
    .where("entity", "like", "evb_%")
    .orderBy("id", "desc")
    .execute();

/** The earliest decision date under the given subtrees (undefined when there is none). */
export async function firstDecisionDate(db: Db, scopes: string[]): Promise<string | undefined> {
  if (scopes.length === 0) return undefined;
  const row = await db
    .selectFrom("evb_decision as d")
    .innerJoin("org_node as n", "n.id", "d.org_node_id")
    .select((eb) => eb.fn.min("d.decision_date").as("first"))
    .where((eb) => eb.or(scopes.map((p) => eb("n.path", "like", `${p}%`))))
    .executeTakeFirst();
  return row?.first ?? undefined;
}

export type OpenDecision = { id: string; nodePath: string; facts: DecisionFacts };

/**
 * What the three-month clock needs of every decision under `path` that may be open on `asOf`: not closed
 * before it, and not executed or with an interruption not resumed by then, with its id and unit. No person
 * data. The start page counts them; reminders and calendar feeds date them.
 */
export async function openDecisions(db: Db, path: string, asOf: string): Promise<OpenDecision[]> {
  const rows = await db
    .selectFrom("evb_decision as d")
    .innerJoin("org_node as n", "n.id", "d.org_node_id")
    .select(["d.id", "n.path", "d.decision_date", "d.executed_date", "d.closed_date"])
    .where("n.path", "like", `${path}%`)
    .where("d.decision_date", "<=", asOf)
    .where((eb) => eb.or([eb("d.closed_date", "is", null), eb("d.closed_date", ">", asOf)]))
    .where((eb) =>
      eb.or([
        eb("d.executed_date", "is", null),
        eb("d.executed_date", ">", asOf),
        eb.exists(
          eb
            .selectFrom("evb_interruption as x")
            .select("x.id")
            .whereRef("x.decision_id", "=", "d.id")
            .where((w) => w.or([w("x.resumed_date", "is", null), w("x.resumed_date", ">", asOf)])),
        ),
      ]),
    )
    .orderBy("d.id")
    .execute();
  return (await withFacts(db, rows)).map((r) => ({ id: r.id, nodePath: r.path, facts: r.facts }));
}

type DatedRow = { id: string; decision_date: string; executed_date: string | null; closed_date: string | null };

/** Decision rows with what the clock needs of them: their dates and their interruptions (one query for all). */
async function withFacts<R extends DatedRow>(
  db: Db,
  rows: R[],
): Promise<(R & { facts: DecisionFacts; interruptionReasons: ClockDecision["interruptionReasons"] })[]> {
  const interruptions = await forIds(rows, () =>
    db
      .selectFrom("evb_interruption")
      .select(["decision_id", "start_date", "resumed_date", "reason_code_id", "reason_text"])
      .where(
        isAnyOf(
          "decision_id",
          rows.map((r) => r.id),
        ),
      )
      .execute(),
  );
  const by = groupBy(interruptions, (x) => x.decision_id);
  return rows.map((r) => ({
    ...r,
    facts: {
      decisionDate: r.decision_date,
      executedDate: r.executed_date,
      closedDate: r.closed_date,
      interruptions: (by.get(r.id) ?? []).map((x) => ({ start: x.start_date, resumed: x.resumed_date })),
    },
    interruptionReasons: (by.get(r.id) ?? []).map((x) => ({
      start: x.start_date,
      reason: x.reason_code_id,
      text: x.reason_text,
    })),
  }));
}

/** The clock facts of openDecisions, for counts that need no id. */
export const openClockFacts = async (db: Db, path: string, asOf: string): Promise<DecisionFacts[]> =>
  (await openDecisions(db, path, asOf)).map((d) => d.facts);

// ---------------------------------------------------------------- waits (the clock's result, stored)

export type WaitRow = Selectable<EvbWaitTable>;

/**
 * clock.ts reportLines in SQL, over a stored wait `w`: how the quarter's report (as of its last day) carries
 * the wait, or null. Open then and overdue: "ny", or "aterrapportering" if already overdue on the previous
 * quarter's last day; ended during the quarter after its deadline: by how it ended. A wait ending after the
 * quarter is open on its last day, as the clock does not yet know of the ending. waits.test.ts holds this
 * against the clock on a random register.
 */
export const reportKindIn = (period: { start: string; end: string }) =>
  sql<ReportKind | null>`CASE
    WHEN w.end_date IS NULL OR w.end_date > ${period.end} THEN
      CASE WHEN w.overdue_from > ${period.end} THEN NULL
           WHEN w.overdue_from < ${period.start} THEN 'aterrapportering' ELSE 'ny' END
    WHEN w.end_date >= ${period.start} AND w.end_date > w.deadline THEN
      CASE WHEN w.ending = 'avslutad' THEN 'avslutad' ELSE 'verkstalld' END
  END`;

/** A decision as its stored waits need it: the clock's facts, and what counts group the waits by. */
export type ClockDecision = {
  id: string;
  orgNodeId: string;
  personId: string;
  sex: "K" | "M";
  insatsId: string;
  delayCodeId: string | null;
  reasonText: string | null;
  facts: DecisionFacts;
  /** The interruptions' own reasons, by start. */
  interruptionReasons: { start: string; reason: string | null; text: string | null }[];
};

/** What the clock and the stored waits need of the given decisions. */
export async function clockFactsOf(db: Db, decisionIds: readonly string[]): Promise<ClockDecision[]> {
  const ids = [...decisionIds];
  const rows = await forIds(ids, () =>
    db
      .selectFrom("evb_decision")
      .select([
        "id",
        "org_node_id",
        "person_id",
        "sex",
        "insats_id",
        "delay_code_id",
        "reason_text",
        "decision_date",
        "executed_date",
        "closed_date",
      ])
      .where(isAnyOf("id", ids))
      .execute(),
  );
  return (await withFacts(db, rows)).map((r) => ({
    id: r.id,
    orgNodeId: r.org_node_id,
    personId: r.person_id,
    sex: r.sex,
    insatsId: r.insats_id,
    delayCodeId: r.delay_code_id,
    reasonText: r.reason_text,
    facts: r.facts,
    interruptionReasons: r.interruptionReasons,
  }));
}

/** Replaces the stored waits of the given decisions with `waits` (all of theirs); set-based, in slices. */
export async function replaceWaits(db: Db, decisionIds: readonly string[], waits: readonly WaitRow[]): Promise<void> {
  if (decisionIds.length === 0) return;
  await db
    .deleteFrom("evb_wait")
    .where(isAnyOf("decision_id", [...decisionIds]))
    .execute();
  // 16 columns a row: 4 000 rows stay under PostgreSQL's 65 535 parameters of a statement.
  await inChunks(waits, 4000, async (chunk) => {
    await db.insertInto("evb_wait").values(chunk).execute();
    return [];
  });
}

/** Every stored wait of the decisions under `path`, for comparing with the clock. */
export const waitsUnder = (db: Db, path: string) =>
  db
    .selectFrom("evb_wait as w")
    .innerJoin("org_node as n", "n.id", "w.org_node_id")
    .selectAll("w")
    .where("n.path", "like", `${path}%`)
    .orderBy("w.decision_id")
    .orderBy("w.kind")
    .orderBy("w.start_date")
    .execute();

/**
 * The waits under `path` open on `asOf`: begun by then, not ended by then, and the decision's latest by then
 * (as the clock reads only a decision's latest wait), joined to their insats and unit (the wait keeps its
 * decision's sex and insats, so the decisions are not joined).
 */
function openWaitsOn(db: Db, path: string, asOf: string) {
  return db
    .selectFrom("evb_wait as w")
    .innerJoin("org_node as n", "n.id", "w.org_node_id")
    .innerJoin("evb_insats as i", "i.id", "w.insats_id")
    .where("n.path", "like", `${path}%`)
    .where("w.start_date", "<=", asOf)
    .where((eb) => eb.or([eb("w.end_date", "is", null), eb("w.end_date", ">", asOf)]))
    .where((eb) => eb.or([eb("w.next_start", "is", null), eb("w.next_start", ">", asOf)]));
}

/**
 * A builder for a subquery: plugins transform the statement it ends up in as a whole, so they are left off
 * here (else they would see it once more, as if it were a statement of its own).
 */
export const subquery = (db: Db) => db.withoutPlugins();

/** Index of the waiting band (clock.ts waitingBands) a wait is in on `asOf`, from its stored band ends. */
export const bandIndexOn = (asOf: string) =>
  sql<number>`CASE WHEN ${asOf} <= w.deadline THEN 0 WHEN ${asOf} <= w.six_months THEN 1
                   WHEN ${asOf} <= w.twelve_months THEN 2 ELSE 3 END`;

/**
 * Open waits on `asOf` counted per law, insats, unit, sex and waiting band: how many, how many reportable
 * (overdue) and how many become reportable by `warnUntil`. One GROUP BY; no row per decision leaves SQL.
 */
export function openWaitCounts(db: Db, path: string, asOf: string, warnUntil: string) {
  // Grouped by ids and small values (sorting by names costs a collation per comparison), named afterwards.
  const counted = openWaitsOn(subquery(db), path, asOf)
    .select((eb) => [
      "w.insats_id",
      "w.org_node_id",
      "w.sex",
      bandIndexOn(asOf).as("band"),
      eb.fn.countAll<string>().as("count"),
      sql<string>`count(*) FILTER (WHERE w.overdue_from <= ${asOf})`.as("reportable"),
      sql<string>`count(*) FILTER (WHERE w.overdue_from > ${asOf} AND w.overdue_from <= ${warnUntil})`.as("warning"),
    ])
    .groupBy(["w.insats_id", "w.org_node_id", "w.sex", sql`4`]);
  return db
    .selectFrom(counted.as("g"))
    .innerJoin("evb_insats as i", "i.id", "g.insats_id")
    .innerJoin("org_node as n", "n.id", "g.org_node_id")
    .select(["i.law", "i.name as insats", "n.name as unit", "g.sex", "g.band", "g.count", "g.reportable", "g.warning"])
    .execute();
}

/**
 * The open waits on `asOf` a dashboard lists by decision: those becoming reportable by `warnUntil`, and the
 * `longest` reportable ones with every tie of the last, in register order (decision date, person).
 */
export function listedOpenWaits(db: Db, path: string, asOf: string, warnUntil: string, longest: number) {
  const longestFrom = openWaitsOn(db, path, asOf)
    .select("w.start_date")
    .where("w.overdue_from", "<=", asOf)
    .orderBy("w.start_date")
    .offset(longest - 1)
    .limit(1);
  return openWaitsOn(db, path, asOf)
    .innerJoin("evb_decision as d", "d.id", "w.decision_id")
    .select([
      "w.decision_id",
      "w.kind",
      "w.start_date",
      "w.deadline",
      "w.overdue_from",
      "d.person_id",
      "d.sex",
      "d.parts_total",
      "d.parts_executed",
      "d.executed_date",
      "w.org_node_id",
      "n.name as unit",
      "i.id as insats_id",
      "i.law",
      "i.name as insats",
      "i.lagrum",
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb("w.overdue_from", ">", asOf), eb("w.overdue_from", "<=", warnUntil)]),
        // With fewer than `longest` reportable waits there is no threshold: all of them are listed.
        eb.and([
          eb("w.overdue_from", "<=", asOf),
          eb("w.start_date", "<=", sql<string>`coalesce((${longestFrom}), ${asOf})`),
        ]),
      ]),
    )
    .orderBy("d.decision_date")
    .orderBy("d.person_id")
    .execute();
}
