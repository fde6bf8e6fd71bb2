// The clock's result that does not depend on the day asked about, stored per wait (evb_wait) so the
// dashboard and the quarter report count and filter in SQL. Every write that changes a decision's dates or
// its interruptions calls refreshWaits in the same transaction.

import type { DbOf } from "../platform/db/schema.ts";
import { bandEnds, type DecisionFacts, episodesAsOf } from "./clock.ts";
import * as repo from "./repository.ts";
import type { EvbDB } from "./tables.ts";

/** Later than any date registered: every fact is known, so the waits are complete. */
const END_OF_TIME = "9999-12-31";

/** The waits of one decision as the clock works them out from everything registered. */
export function waitRows(decisionId: string, orgNodeId: string, facts: DecisionFacts): repo.WaitRow[] {
  const episodes = episodesAsOf(facts, END_OF_TIME);
  return episodes.map((e, i) => {
    const [, six, twelve] = bandEnds(e.start);
    return {
      decision_id: decisionId,
      org_node_id: orgNodeId,
      kind: e.kind,
      start_date: e.start,
      deadline: e.deadline,
      overdue_from: e.overdueFrom,
      six_months: six,
      twelve_months: twelve,
      end_date: e.end,
      ending: e.ending,
      next_start: episodes[i + 1]?.start ?? null,
    };
  });
}

/** Rewrites the stored waits of the given decisions from their current facts; a few statements per call. */
export async function refreshWaits(db: DbOf<EvbDB>, decisionIds: readonly string[]): Promise<void> {
  const decisions = await repo.clockFactsOf(db, decisionIds);
  await repo.replaceWaits(
    db,
    decisionIds,
    decisions.flatMap((d) => waitRows(d.id, d.orgNodeId, d.facts)),
  );
}
