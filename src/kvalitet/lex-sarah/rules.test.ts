import { describe, expect, it } from "vitest";
import { buildMemo, memoLine, monthsOf } from "./memo.ts";
import {
  type CaseState,
  checkCase,
  checkTogether,
  type DecisionState,
  formatCaseNumber,
  IVO_SNARAST_DAYS,
  ivoOverdue,
  parseCaseNumber,
  statusOf,
} from "./rules.ts";

const today = "2023-12-15";
const base: CaseState = {
  reportedOn: "2023-11-10",
  noticedOn: "2023-11-09",
  occurredOn: "2023-11-08",
  gist: "brist i tillsyn under natten",
  brist: true,
  consequence: "stress",
  entries: 1,
  decision: null,
};
const decisionB: DecisionState = {
  decidedOn: "2023-12-01",
  outcome: "B",
  finding: null,
  ivoFormDone: false,
  ivoInvestigationAttached: false,
  ivoSentOn: null,
  ivoReference: null,
};
const fields = (s: CaseState) => checkCase(s, today).map((p) => p.field);

describe("case numbers", () => {
  it("formats with three digits and more when needed, and parses back", () => {
    expect(formatCaseNumber(2023, 7)).toBe("2023-007");
    expect(formatCaseNumber(2023, 278)).toBe("2023-278");
    expect(formatCaseNumber(2023, 1204)).toBe("2023-1204");
    expect(parseCaseNumber(" 2023-278 ")).toEqual({ year: 2023, number: 278 });
    expect(parseCaseNumber("2023-0007")).toEqual({ year: 2023, number: 7 });
    for (const bad of ["2023-000", "23-278", "2023/278", "2023-", "1999-001", "2023-278a"]) {
      expect(parseCaseNumber(bad), bad).toBeNull();
    }
  });
});

describe("status", () => {
  it("is rapporterad until anything is investigated, beslutad once decided", () => {
    expect(statusOf({ entries: 0, brist: null, consequence: null, decision: null })).toBe("rapporterad");
    expect(statusOf({ entries: 1, brist: null, consequence: null, decision: null })).toBe("under_utredning");
    expect(statusOf({ entries: 0, brist: false, consequence: null, decision: null })).toBe("under_utredning");
    expect(statusOf({ ...base, decision: decisionB })).toBe("beslutad");
  });
});

describe("checkCase", () => {
  it("accepts a whole, consistent case and one decided today", () => {
    expect(checkCase(base, today)).toEqual([]);
    expect(checkCase({ ...base, decision: { ...decisionB, decidedOn: today } }, today)).toEqual([]);
    expect(checkCase({ ...base, reportedOn: today, noticedOn: today, occurredOn: null }, today)).toEqual([]);
  });

  it("refuses dates in the future and out of order", () => {
    expect(fields({ ...base, reportedOn: "2023-12-16", noticedOn: "2023-12-16", occurredOn: "2023-12-16" })).toEqual([
      "reportedOn",
      "noticedOn",
      "occurredOn",
    ]);
    expect(fields({ ...base, occurredOn: "2023-11-10" })).toEqual(["noticedOn"]);
    expect(fields({ ...base, noticedOn: "2023-11-11" })).toEqual(["reportedOn"]);
    expect(fields({ ...base, gist: "  " })).toEqual(["gist"]);
  });

  it("needs brist and consequence to decide, a finding exactly for A, and no decision before the report", () => {
    expect(fields({ ...base, brist: null, consequence: null, decision: decisionB })).toEqual(["brist", "consequence"]);
    expect(fields({ ...base, decision: { ...decisionB, outcome: "A" } })).toEqual(["finding"]);
    expect(fields({ ...base, decision: { ...decisionB, finding: "ingen-brist" } })).toEqual(["finding"]);
    expect(fields({ ...base, decision: { ...decisionB, decidedOn: "2023-11-09" } })).toEqual(["decidedOn"]);
    expect(fields({ ...base, decision: { ...decisionB, decidedOn: "2023-12-16" } })).toEqual(["decidedOn"]);
  });

  it("tracks an IVO anmälan only for C, sent with the whole package, not before the decision", () => {
    const c = { ...decisionB, outcome: "C" as const };
    expect(fields({ ...base, decision: { ...decisionB, ivoFormDone: true } })).toEqual(["ivo"]);
    expect(fields({ ...base, decision: { ...c, ivoSentOn: "2023-12-05" } })).toEqual([
      "ivoFormDone",
      "ivoInvestigationAttached",
    ]);
    const ready = { ...c, ivoFormDone: true, ivoInvestigationAttached: true };
    expect(fields({ ...base, decision: { ...ready, ivoSentOn: "2023-12-05", ivoReference: "3.5.1-1/2023" } })).toEqual(
      [],
    );
    expect(fields({ ...base, decision: { ...ready, ivoSentOn: "2023-11-30" } })).toEqual(["ivoSentOn"]);
    expect(fields({ ...base, decision: { ...ready, ivoReference: "3.5.1-1/2023" } })).toEqual(["ivoReference"]);
  });

  it("decides several together only in one nämnd's series and when none is decided", () => {
    expect(checkTogether([{ namndId: "a", decided: false, number: "2023-001" }])).toEqual([]);
    expect(
      checkTogether([
        { namndId: "a", decided: false, number: "2023-001" },
        { namndId: "b", decided: true, number: "2023-002" },
      ]).map((p) => p.message),
    ).toEqual(["Ärenden under olika nämnder beslutas var för sig.", "Ärende 2023-002 är redan beslutat."]);
  });
});

describe("IVO snarast", () => {
  const c = { outcome: "C" as const, decidedOn: "2023-12-01", ivoSentOn: null };
  it(`is overdue only after ${IVO_SNARAST_DAYS} days without sending, and only for C`, () => {
    expect(ivoOverdue(c, "2023-12-15")).toBe(false);
    expect(ivoOverdue(c, "2023-12-16")).toBe(true);
    expect(ivoOverdue({ ...c, ivoSentOn: "2023-12-10" }, "2024-01-30")).toBe(false);
    expect(ivoOverdue({ ...c, outcome: "B" }, "2024-01-30")).toBe(false);
    expect(ivoOverdue(c, "2023-12-04", 2)).toBe(true);
  });
});

describe("the memo", () => {
  it("lists months of the period, also across a year end", () => {
    expect(monthsOf("2023-11-01", "2024-01-15")).toEqual(["2023-11", "2023-12", "2024-01"]);
    expect(monthsOf("2023-11-20", "2023-11-30")).toEqual(["2023-11"]);
  });

  it("writes one line per decision with all its numbers, the first case's gist and consequence", () => {
    expect(
      memoLine({
        decidedOn: "2023-12-01",
        outcome: "A",
        finding: "brist-utan-konsekvens",
        cases: [
          { year: 2023, number: 12, gist: "våld mellan boende.", consequence: "ingen" },
          { year: 2023, number: 9, gist: "brist i tillsyn", consequence: "stress" },
        ],
      }).text,
    ).toBe(
      "2023-009, 2023-012 – Rapport gällande brist i tillsyn. Brist utan konsekvens för den enskilde. Den enskilde upplevde stress och oro.",
    );
  });

  it("counts reports per month and lists A and B decisions of the period only, C counted", () => {
    const d = (decidedOn: string, outcome: "A" | "B" | "C", numbers: number[]) => ({
      decidedOn,
      outcome,
      finding: outcome === "A" ? ("ingen-brist" as const) : null,
      cases: numbers.map((number) => ({ year: 2023, number, gist: `fall ${number}`, consequence: null })),
    });
    const memo = buildMemo(
      "2023-11-01",
      "2023-12-31",
      ["2023-10-31", "2023-11-01", "2023-11-30", "2023-12-31", "2024-01-01"],
      [
        d("2023-10-31", "A", [1]),
        d("2023-11-01", "B", [20, 21]),
        d("2023-12-31", "A", [100]),
        d("2023-12-02", "A", [99]),
        d("2023-12-03", "C", [50]),
      ],
    );
    expect(memo.reportsByMonth).toEqual([
      { month: "2023-11", name: "november 2023", count: 2 },
      { month: "2023-12", name: "december 2023", count: 1 },
    ]);
    expect(memo.listA.map((l) => l.numbers)).toEqual([["2023-099"], ["2023-100"]]);
    expect(memo.listB.map((l) => l.text)).toEqual([
      "2023-020, 2023-021 – Rapport gällande fall 20. Bedöms vara ett missförhållande eller en påtaglig risk för ett missförhållande.",
    ]);
    expect([memo.reports, memo.decided, memo.ivoCases]).toEqual([3, 5, 1]);
  });
});
