import { describe, expect, it } from "vitest";
import type { DecisionFacts } from "./clock.ts";
import { evbStartCounts } from "./start.ts";

const open = (decisionDate: string): DecisionFacts => ({
  decisionDate,
  executedDate: null,
  closedDate: null,
  interruptions: [],
});

describe("evbStartCounts", () => {
  const asOf = "2024-03-15";

  it("counts a decision reportable the day after its three months, not on the deadline day", () => {
    // 2023-12-15 + 3 months = 2024-03-15 (the deadline, still in time); 2023-12-14 passed it yesterday.
    expect(evbStartCounts([open("2023-12-15")], asOf)).toEqual({ reportable: 0, soonReportable: 1 });
    expect(evbStartCounts([open("2023-12-14")], asOf)).toEqual({ reportable: 1, soonReportable: 0 });
  });

  it("warns of a decision passing three months within 30 days, and not of one further off", () => {
    // Overdue from 2024-04-14 (asOf + 30): warned. Overdue from 2024-04-15: not yet.
    expect(evbStartCounts([open("2024-01-13")], asOf).soonReportable).toBe(1);
    expect(evbStartCounts([open("2024-01-14")], asOf).soonReportable).toBe(0);
  });

  it("leaves out executed and closed decisions, counts an open interruption, and ignores later decisions", () => {
    const decisions: DecisionFacts[] = [
      { ...open("2023-06-01"), executedDate: "2023-07-01" },
      { ...open("2023-06-01"), closedDate: "2024-01-01" },
      { ...open("2022-01-01"), executedDate: "2022-02-01", interruptions: [{ start: "2023-11-01", resumed: null }] },
      {
        ...open("2022-01-01"),
        executedDate: "2022-02-01",
        interruptions: [{ start: "2023-11-01", resumed: "2024-01-01" }],
      },
      open("2024-04-01"),
    ];
    expect(evbStartCounts(decisions, asOf)).toEqual({ reportable: 1, soonReportable: 0 });
  });
});
