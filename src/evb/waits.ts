// The clock's result that does not depend on the day asked about, stored per wait (evb_wait) so the
// dashboard and the quarter report count and filter in SQL. Every write that changes a decision's dates or
// its interruptions calls refreshWaits in the same transaction.

import type { DbOf } from "../platform/db/schema.ts";
import { bandEnds, episodesAsOf } from "./clock.ts";
import { reasonSource } from "./report.ts";
import * as repo from "./repository.ts";
import type { EvbDB } from "./tables.ts";

/** Later than any date registered: every fact is known, so the waits are complete. */
const END_OF_TIME = "9999-12-31";

/** The waits of one decision as the clock works them out from everything registered, with what counts group by. */
export function waitRows(d: repo.ClockDecision): repo.WaitRow[] {
  const { facts } = d;
  const episodes = episodesAsOf(facts, END_OF_TIME);
  return episodes.map((e, i) => {
    const [, six, twelve] = bandEnds(e.start);
    const own = e.kind === "avbrott" ? d.interruptionReasons.find((x) => x.start === e.start) : undefined;
    return {
      decision_id: d.id,
      org_node_id: d.orgNodeId,
      person_id: d.personId,
      sex: d.sex,
      insats_id: d.insatsId,
      decision_date: facts.decisionDate,
      reason_code_id: reasonSource(own, { reason: d.delayCodeId, text: d.reasonText }).reason,
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
    decisions.flatMap((d) => waitRows(d)),
  );
}
