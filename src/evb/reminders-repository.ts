// The reads the reminder job and the calendar feed need: every open decision with its unit, across the tree.
import type { DbOf } from "../platform/db/schema.ts";
import type { DecisionFacts } from "./clock.ts";
import type { EvbDB } from "./tables.ts";

export type OpenDecision = { id: string; nodePath: string; facts: DecisionFacts };

/** Decisions still waiting on `asOf` (not executed, or in an interruption not resumed, and not closed). */
export async function openDecisions(db: DbOf<EvbDB>, asOf: string): Promise<OpenDecision[]> {
  const rows = await db
    .selectFrom("evb_decision as d")
    .innerJoin("org_node as n", "n.id", "d.org_node_id")
    .select(["d.id", "n.path", "d.decision_date", "d.executed_date", "d.closed_date"])
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
  if (rows.length === 0) return [];
  const interruptions = await db
    .selectFrom("evb_interruption")
    .select(["decision_id", "start_date", "resumed_date"])
    .where(
      "decision_id",
      "in",
      rows.map((r) => r.id),
    )
    .execute();
  const byDecision = new Map<string, { start: string; resumed: string | null }[]>();
  for (const x of interruptions) {
    const list = byDecision.get(x.decision_id) ?? [];
    list.push({ start: x.start_date, resumed: x.resumed_date });
    byDecision.set(x.decision_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    nodePath: r.path,
    facts: {
      decisionDate: r.decision_date,
      executedDate: r.executed_date,
      closedDate: r.closed_date,
      interruptions: byDecision.get(r.id) ?? [],
    },
  }));
}
