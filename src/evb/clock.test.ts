import { describe, expect, it } from "vitest";
import { quarterEnd, quarterStart } from "../platform/calendar.ts";
import {
  becomesReportableWithin,
  clockAt,
  type DecisionFacts,
  deadlineFor,
  episodesAsOf,
  overdueFromFor,
  reportLines,
  waitingBand,
} from "./clock.ts";

const decided = (decisionDate: string, more: Partial<DecisionFacts> = {}): DecisionFacts => ({
  decisionDate,
  executedDate: null,
  closedDate: null,
  interruptions: [],
  ...more,
});

const q = (year: number, quarter: 1 | 2 | 3 | 4) => ({
  start: quarterStart({ year, quarter }),
  end: quarterEnd({ year, quarter }),
});

const kinds = (facts: DecisionFacts, year: number, quarter: 1 | 2 | 3 | 4) =>
  reportLines(facts, q(year, quarter)).map((l) => `${l.episode.kind}:${l.kind}`);

describe("the deadline: three calendar months, clamped to the month's end", () => {
  it.each([
    ["2023-09-04", "2023-12-04"],
    ["2023-11-30", "2024-02-29"], // leap year
    ["2022-11-30", "2023-02-28"],
    ["2023-08-31", "2023-11-30"],
    ["2023-05-31", "2023-08-31"],
    ["2023-12-31", "2024-03-31"],
    ["2024-02-29", "2024-05-29"],
  ])("decided %s → last day in time %s", (decision, deadline) => {
    expect(deadlineFor(decision)).toBe(deadline);
  });

  it("the deadline day itself is still in time; the next day is reportable", () => {
    const facts = decided("2023-11-30");
    expect(overdueFromFor("2023-11-30")).toBe("2024-03-01");
    const onDeadline = clockAt(facts, "2024-02-29");
    expect(onDeadline).toMatchObject({ status: "vantar", reportable: false, reportableSince: null, daysWaited: 91 });
    const dayAfter = clockAt(facts, "2024-03-01");
    expect(dayAfter).toMatchObject({
      status: "vantar",
      reportable: true,
      reportableSince: "2024-03-01",
      daysWaited: 92,
    });
  });

  it("31 August runs to 30 November, reportable from 1 December", () => {
    const facts = decided("2023-08-31");
    expect(clockAt(facts, "2023-11-30").reportable).toBe(false);
    expect(clockAt(facts, "2023-12-01").reportable).toBe(true);
    expect(kinds(facts, 2023, 4)).toEqual(["beslut:ny"]);
  });

  it("executed on the deadline day is never reported", () => {
    const facts = decided("2023-09-04", { executedDate: "2023-12-04" });
    expect(clockAt(facts, "2023-12-04").status).toBe("verkstalld");
    expect(kinds(facts, 2023, 4)).toEqual([]);
    expect(kinds(facts, 2024, 1)).toEqual([]);
  });

  it("executed the day after the deadline is reported as executed late in that quarter", () => {
    const facts = decided("2023-09-04", { executedDate: "2023-12-05" });
    const lines = reportLines(facts, q(2023, 4));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ kind: "verkstalld", previouslyReported: false });
    expect(lines[0]?.episode).toMatchObject({ start: "2023-09-04", end: "2023-12-05", ending: "verkstalld" });
  });

  it("a deadline on the quarter's last day moves the first report to the next quarter", () => {
    const facts = decided("2023-12-31");
    expect(deadlineFor("2023-12-31")).toBe("2024-03-31");
    expect(kinds(facts, 2024, 1)).toEqual([]);
    expect(clockAt(facts, "2024-03-31").nextReportingQuarter).toEqual({ year: 2024, quarter: 2 });
    expect(kinds(facts, 2024, 2)).toEqual(["beslut:ny"]);
  });

  it("a deadline on the last day of Q3 makes the decision new in Q4", () => {
    const facts = decided("2023-06-30");
    expect(deadlineFor("2023-06-30")).toBe("2023-09-30");
    expect(kinds(facts, 2023, 3)).toEqual([]);
    expect(kinds(facts, 2023, 4)).toEqual(["beslut:ny"]);
    expect(kinds(facts, 2024, 1)).toEqual(["beslut:aterrapportering"]);
  });
});

describe("quarter report kinds", () => {
  it("a decision waiting for a place is new, then re-reported every quarter", () => {
    // Domain example: 2023-09-04 LSS 9 § 9 gruppbostad, "Saknas plats".
    const facts = decided("2023-09-04");
    expect(kinds(facts, 2023, 3)).toEqual([]);
    expect(kinds(facts, 2023, 4)).toEqual(["beslut:ny"]);
    expect(kinds(facts, 2024, 1)).toEqual(["beslut:aterrapportering"]);
    expect(kinds(facts, 2024, 2)).toEqual(["beslut:aterrapportering"]);
  });

  it("executed on the last day of a quarter is reported as executed in that quarter and then drops out", () => {
    const facts = decided("2023-06-15", { executedDate: "2023-12-31" });
    expect(kinds(facts, 2023, 3)).toEqual(["beslut:ny"]);
    const q4 = reportLines(facts, q(2023, 4));
    expect(q4.map((l) => l.kind)).toEqual(["verkstalld"]);
    expect(q4[0]?.previouslyReported).toBe(true);
    expect(kinds(facts, 2024, 1)).toEqual([]);
  });

  it("executed on the first day of a quarter is executed in that quarter, not the one before", () => {
    const facts = decided("2023-06-15", { executedDate: "2023-10-01" });
    expect(kinds(facts, 2023, 3)).toEqual(["beslut:ny"]);
    expect(kinds(facts, 2023, 4)).toEqual(["beslut:verkstalld"]);
  });

  it("facts dated after the quarter are not yet known in its report", () => {
    const facts = decided("2023-03-27", { executedDate: "2024-02-12" });
    expect(kinds(facts, 2023, 4)).toEqual(["beslut:aterrapportering"]);
    expect(clockAt(facts, "2023-12-31")).toMatchObject({ status: "vantar", band: "6-12", daysWaited: 279 });
    expect(kinds(facts, 2024, 1)).toEqual(["beslut:verkstalld"]);
  });

  it("a decision decided after the quarter is not in it", () => {
    expect(kinds(decided("2024-01-10"), 2023, 4)).toEqual([]);
    expect(episodesAsOf(decided("2024-01-10"), "2023-12-31")).toEqual([]);
    expect(() => clockAt(decided("2024-01-10"), "2023-12-31")).toThrow();
  });

  it("closure before the deadline is never reported; closure after it is reported as closed", () => {
    expect(kinds(decided("2023-09-04", { closedDate: "2023-11-20" }), 2023, 4)).toEqual([]);
    const late = decided("2023-05-10", { closedDate: "2023-11-20" });
    expect(kinds(late, 2023, 3)).toEqual(["beslut:ny"]);
    expect(kinds(late, 2023, 4)).toEqual(["beslut:avslutad"]);
    expect(clockAt(late, "2023-12-31").status).toBe("avslutad");
  });

  it("became overdue and was executed within the same quarter: reported once, as executed, not previously", () => {
    const facts = decided("2023-07-20", { executedDate: "2023-11-02" });
    const [line] = reportLines(facts, q(2023, 4));
    expect(line).toMatchObject({ kind: "verkstalld", previouslyReported: false });
  });
});

describe("interruptions restart the clock", () => {
  // Domain example: 2021-10-29 LSS 9 § 10 daglig verksamhet, "Avbrott … pga hälsotillstånd".
  const executedThenInterrupted = decided("2021-10-29", {
    executedDate: "2021-12-01",
    interruptions: [{ start: "2023-05-15", resumed: null }],
  });

  it("counts three months from the interruption, not from the decision", () => {
    expect(clockAt(executedThenInterrupted, "2023-05-14").status).toBe("verkstalld");
    const onDeadline = clockAt(executedThenInterrupted, "2023-08-15");
    expect(onDeadline).toMatchObject({ status: "avbrott", reportable: false, daysWaited: 92 });
    expect(onDeadline.daysSinceDecision).toBe(655);
    const after = clockAt(executedThenInterrupted, "2023-08-16");
    expect(after).toMatchObject({ status: "avbrott", reportable: true, reportableSince: "2023-08-16" });
    expect(kinds(executedThenInterrupted, 2023, 3)).toEqual(["avbrott:ny"]);
    expect(kinds(executedThenInterrupted, 2023, 4)).toEqual(["avbrott:aterrapportering"]);
  });

  it("resumption within three months ends the interruption without a report", () => {
    const facts = decided("2021-10-29", {
      executedDate: "2021-12-01",
      interruptions: [{ start: "2023-05-15", resumed: "2023-08-15" }],
    });
    expect(kinds(facts, 2023, 3)).toEqual([]);
    expect(clockAt(facts, "2023-09-30").status).toBe("verkstalld");
  });

  it("late resumption is reported as executed again", () => {
    const facts = decided("2021-10-29", {
      executedDate: "2021-12-01",
      interruptions: [{ start: "2023-05-15", resumed: "2023-10-10" }],
    });
    const [line] = reportLines(facts, q(2023, 4));
    expect(line).toMatchObject({ kind: "verkstalld", previouslyReported: true });
    expect(line?.episode).toMatchObject({ kind: "avbrott", ending: "aterupptagen", end: "2023-10-10" });
  });

  it("a decision executed late and interrupted later gets a fresh clock for the interruption", () => {
    const facts = decided("2023-01-10", {
      executedDate: "2023-06-01",
      interruptions: [{ start: "2023-07-03", resumed: null }],
    });
    expect(kinds(facts, 2023, 2)).toEqual(["beslut:verkstalld"]);
    // 2023-07-03 + 3 months = 2023-10-03: still in time on 3 October, reportable from the 4th.
    expect(clockAt(facts, "2023-10-03").reportable).toBe(false);
    expect(clockAt(facts, "2023-10-04")).toMatchObject({ reportable: true, daysWaited: 93, band: "3-6" });
    expect(kinds(facts, 2023, 3)).toEqual([]);
    expect(kinds(facts, 2023, 4)).toEqual(["avbrott:ny"]);
  });

  it("a second interruption starts its own clock after the first was resumed", () => {
    const facts = decided("2022-02-01", {
      executedDate: "2022-03-01",
      interruptions: [
        { start: "2023-09-01", resumed: null },
        { start: "2023-01-02", resumed: "2023-02-15" },
      ],
    });
    const episodes = episodesAsOf(facts, "2023-12-31");
    expect(episodes.map((e) => `${e.kind}:${e.start}:${e.end}`)).toEqual([
      "beslut:2022-02-01:2022-03-01",
      "avbrott:2023-01-02:2023-02-15",
      "avbrott:2023-09-01:null",
    ]);
    expect(kinds(facts, 2023, 4)).toEqual(["avbrott:ny"]);
  });

  it("closure during an interruption ends it", () => {
    const facts = decided("2021-10-29", {
      executedDate: "2021-12-01",
      closedDate: "2024-01-20",
      interruptions: [{ start: "2023-05-15", resumed: null }],
    });
    expect(kinds(facts, 2024, 1)).toEqual(["avbrott:avslutad"]);
    expect(clockAt(facts, "2024-03-31").status).toBe("avslutad");
  });

  it("ignores an interruption dated before execution (the register refuses it)", () => {
    const facts = decided("2023-01-10", { interruptions: [{ start: "2023-02-01", resumed: null }] });
    expect(episodesAsOf(facts, "2023-12-31")).toHaveLength(1);
  });
});

describe("offers and partial execution do not stop the clock", () => {
  it("a decision with four declined offers stays reportable", () => {
    // Domain example: 2022-03-16 LSS 9 § 9 gruppbostad, "Tackat nej till 4 erbjudanden".
    // The clock has no input for offers at all: only execution, resumption and closure end a wait.
    const facts = decided("2022-03-16");
    expect(clockAt(facts, "2023-12-31")).toMatchObject({
      status: "vantar",
      reportable: true,
      reportableSince: "2022-06-17",
      daysWaited: 655,
      band: "over12",
    });
    expect(kinds(facts, 2023, 4)).toEqual(["beslut:aterrapportering"]);
  });
});

describe("waiting bands and the early warning", () => {
  it.each([
    ["2023-12-04", "under3"],
    ["2023-12-05", "3-6"],
    ["2024-03-04", "3-6"],
    ["2024-03-05", "6-12"],
    ["2024-09-04", "6-12"],
    ["2024-09-05", "over12"],
  ] as const)("decided 2023-09-04, on %s the band is %s", (asOf, band) => {
    expect(waitingBand("2023-09-04", asOf)).toBe(band);
  });

  it("warns when the decision will pass three months within 30 days", () => {
    // Overdue from 2023-12-31, exactly 30 days after 2023-12-01.
    expect(becomesReportableWithin(clockAt(decided("2023-09-30"), "2023-12-01"), 30)).toBe(true);
    // Overdue from 2024-01-02, 32 days away.
    expect(becomesReportableWithin(clockAt(decided("2023-10-01"), "2023-12-01"), 30)).toBe(false);
    // Already overdue: no longer a warning but a report.
    expect(becomesReportableWithin(clockAt(decided("2023-08-01"), "2023-12-01"), 30)).toBe(false);
    // Executed: nothing to warn about.
    expect(
      becomesReportableWithin(clockAt(decided("2023-09-30", { executedDate: "2023-11-01" }), "2023-12-01"), 30),
    ).toBe(false);
  });

  it("tells which quarter will next carry an open decision", () => {
    expect(clockAt(decided("2023-09-04"), "2023-10-15").nextReportingQuarter).toEqual({ year: 2023, quarter: 4 });
    expect(clockAt(decided("2023-10-04"), "2023-10-15").nextReportingQuarter).toEqual({ year: 2024, quarter: 1 });
    expect(clockAt(decided("2023-01-04"), "2023-10-15").nextReportingQuarter).toEqual({ year: 2023, quarter: 4 });
    expect(
      clockAt(decided("2023-01-04", { executedDate: "2023-02-01" }), "2023-10-15").nextReportingQuarter,
    ).toBeNull();
  });
});
