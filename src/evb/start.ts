// The EVB counts of the start page, read off the three-month clock. Pure.
import { becomesReportableWithin, clockAt, type DecisionFacts, EARLY_WARNING_DAYS } from "./clock.ts";

export type EvbStartCounts = {
  /** Open and past three months on `asOf`: to be reported to IVO. */
  reportable: number;
  /** Open, not yet reportable, but reportable within the early-warning days. */
  soonReportable: number;
};

export function evbStartCounts(decisions: readonly DecisionFacts[], asOf: string): EvbStartCounts {
  const states = decisions.filter((d) => d.decisionDate <= asOf).map((d) => clockAt(d, asOf));
  return {
    reportable: states.filter((s) => s.reportable).length,
    soonReportable: states.filter((s) => becomesReportableWithin(s, EARLY_WARNING_DAYS)).length,
  };
}
