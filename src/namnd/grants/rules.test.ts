import { describe, expect, it } from "vitest";
import { memoRows } from "./memo.ts";
import {
  applicationPeriodProblems,
  frameProblem,
  grantedSum,
  missingReport,
  receivedProblem,
  remainingOf,
  secondRoundProblem,
  shareOf,
  stepProblems,
} from "./rules.ts";
import { drawSample } from "./sample.ts";

const today = "2024-06-30";
/** formatKr groups thousands with a no-break space; the assertions are written with plain spaces. */
const plain = (text: string | undefined) => text?.replace(/\s/g, " ");
const criteria = ["c1", "c2"];
const state = { status: "bedomd" as const, amountApplied: 120_000, lastStepOn: "2024-03-01" };
const decision = {
  status: "beviljad" as const,
  on: "2024-03-14",
  assessments: [],
  amountGranted: 80_000,
  reasons: "Verksamheten stödjer brottsutsatta.",
  decisionReference: "IF 2024-03-14 § 32",
};

describe("the frame", () => {
  it("lets the granted sums reach the frame exactly, never pass it", () => {
    expect(frameProblem(500_000, 420_000, 80_000)).toBeNull();
    const over = frameProblem(500_000, 420_001, 80_000);
    expect(over?.field).toBe("amountGranted");
    expect(plain(over?.message)).toBe(
      "Beviljat belopp 80 000 kr överstiger det som återstår av anslaget (79 999 kr av 500 000 kr).",
    );
    expect(remainingOf(500_000, 420_000)).toBe(80_000);
  });

  it("counts only beviljad, utbetald and återrapporterad grants", () => {
    expect(
      grantedSum([
        { status: "beviljad", amountGranted: 10 },
        { status: "utbetald", amountGranted: 20 },
        { status: "aterrapporterad", amountGranted: 30 },
        { status: "avslagen", amountGranted: 0 },
        { status: "bedomd", amountGranted: null },
      ]),
    ).toBe(60);
  });
});

describe("the share granted", () => {
  it("is per cent of the amount applied with one decimal", () => {
    expect(shareOf(120_000, 80_000)).toBe(66.7);
    expect(shareOf(30_000, 30_000)).toBe(100);
    expect(shareOf(45_000, 0)).toBe(0);
    expect(shareOf(45_000, null)).toBeNull();
  });

  it("lists the decided applications for the memo, in the order given", () => {
    const rows = memoRows([
      { association: "A", round: 1, amountApplied: 3, amountGranted: 1, reasons: "r", status: "utbetald" },
      { association: "B", round: 1, amountApplied: 5, amountGranted: null, reasons: null, status: "bedomd" },
      { association: "C", round: 1, amountApplied: 8, amountGranted: 0, reasons: "nej", status: "avslagen" },
    ]);
    expect(rows).toEqual([
      { association: "A", round: 1, appliedKronor: 3, grantedKronor: 1, sharePercent: 33.3, reasons: "r" },
      { association: "C", round: 1, appliedKronor: 8, grantedKronor: 0, sharePercent: 0, reasons: "nej" },
    ]);
  });
});

describe("the steps of an application", () => {
  it("accepts a decision within the amount applied with reasons and §", () => {
    expect(stepProblems(state, decision, criteria, today)).toEqual([]);
    expect(stepProblems(state, { ...decision, status: "avslagen", amountGranted: 0 }, criteria, today)).toEqual([]);
  });

  it("refuses skipping a step, going back, a date before the last step or in the future", () => {
    const fields = (p: ReturnType<typeof stepProblems>) => p.map((x) => x.field);
    const skip = stepProblems({ ...state, status: "inkommen" }, decision, criteria, today);
    expect(skip[0]?.message).toBe(
      "Ansökan är inkommen; nästa steg är komplettering begärd eller bedömd, inte beviljad.",
    );
    expect(
      fields(stepProblems({ ...state, status: "avslagen" }, { ...decision, status: "utbetald" }, criteria, today)),
    ).toEqual(["status", "amountGranted"]);
    expect(fields(stepProblems(state, { ...decision, on: "2024-02-28" }, criteria, today))).toEqual(["on"]);
    expect(fields(stepProblems(state, { ...decision, on: "2024-07-01" }, criteria, today))).toEqual(["on"]);
  });

  it("names every problem of a decision at once", () => {
    const problems = stepProblems(
      state,
      { ...decision, amountGranted: 130_000, reasons: null, decisionReference: null },
      criteria,
      today,
    );
    expect(problems.map((p) => plain(p.message))).toEqual([
      "Beviljat belopp kan inte vara större än det sökta (120 000 kr).",
      "Ange skälen för beslutet.",
      "Ange beslutet: organ, datum och § (IF 2024-03-14 § 32).",
    ]);
    expect(stepProblems(state, { ...decision, status: "avslagen" }, criteria, today)[0]?.message).toBe(
      "En avslagen ansökan beviljas 0 kr.",
    );
    expect(stepProblems(state, { ...decision, amountGranted: 0 }, criteria, today)[0]?.field).toBe("amountGranted");
  });

  it("asks what to complete, and an assessment of every criterion once", () => {
    const inkommen = { ...state, status: "inkommen" as const };
    const base = { on: "2024-03-05", assessments: [] };
    expect(stepProblems(inkommen, { ...base, status: "komplettering_begard" }, criteria, today)[0]?.message).toBe(
      "Ange vad föreningen ska komplettera med.",
    );
    expect(
      stepProblems(inkommen, { ...base, status: "bedomd", assessments: [{ criterionId: "c1" }] }, criteria, today)[0]
        ?.message,
    ).toBe("Bedöm alla kriterier (1 saknas).");
    expect(
      stepProblems(
        inkommen,
        { ...base, status: "bedomd", assessments: [{ criterionId: "c1" }, { criterionId: "c2" }] },
        criteria,
        today,
      ),
    ).toEqual([]);
    expect(
      stepProblems(
        inkommen,
        {
          ...base,
          status: "bedomd",
          assessments: [{ criterionId: "c1" }, { criterionId: "c2" }, { criterionId: "x" }],
        },
        criteria,
        today,
      )[0]?.message,
    ).toBe("Ett kriterium hör inte till årets kriterier.");
  });
});

describe("the ansökningstid", () => {
  it("is both days or neither, the last not before the first", () => {
    expect(applicationPeriodProblems(null, null)).toEqual([]);
    expect(applicationPeriodProblems("2025-02-01", "2025-02-01")).toEqual([]);
    expect(applicationPeriodProblems("2025-02-01", null)).toEqual([
      { field: "applicationsCloseOn", message: "Ange sista ansökningsdag." },
    ]);
    expect(applicationPeriodProblems(null, "2025-02-28")).toEqual([
      { field: "applicationsOpenOn", message: "Ange när ansökningstiden börjar." },
    ]);
    expect(applicationPeriodProblems("2025-02-10", "2025-02-09")).toEqual([
      { field: "applicationsCloseOn", message: "Sista ansökningsdag kan inte ligga före 2025-02-10." },
    ]);
  });

  it("holds first-round applications, both days included; the second round and years without one are free", () => {
    const period = { openOn: "2025-02-01", closeOn: "2025-02-28" };
    expect(receivedProblem(period, 1, "2025-02-01")).toBeNull();
    expect(receivedProblem(period, 1, "2025-02-28")).toBeNull();
    expect(receivedProblem(period, 1, "2025-03-01")).toEqual({
      field: "receivedOn",
      message:
        "Ansökan inkom 2025-03-01, utanför ansökningstiden 2025-02-01–2025-02-28; den kan tas upp i andra omgången.",
    });
    expect(receivedProblem(period, 1, "2025-01-31")?.field).toBe("receivedOn");
    expect(receivedProblem(period, 2, "2025-09-01")).toBeNull();
    expect(receivedProblem({ openOn: null, closeOn: null }, 1, "2025-09-01")).toBeNull();
  });
});

describe("the second round", () => {
  it("opens when round 1 is decided and funds remain", () => {
    expect(secondRoundProblem([{ status: "utbetald" }, { status: "avslagen" }], 40_000)).toBeNull();
    expect(secondRoundProblem([{ status: "utbetald" }, { status: "bedomd" }], 40_000)?.message).toBe(
      "Andra omgången öppnar när första omgången är beslutad (1 ansökningar väntar på beslut).",
    );
    expect(secondRoundProblem([{ status: "beviljad" }], 0)?.message).toBe(
      "Anslaget är fördelat; inga medel återstår till en andra omgång.",
    );
  });
});

describe("the missing återrapport", () => {
  it("flags an association whose grant of last year was not reported, whatever the spelling", () => {
    const last = [
      { association: "Brottsofferjouren Exempelstad", status: "utbetald" as const },
      { association: "Kvinnojouren Tranan", status: "aterrapporterad" as const },
      { association: "Anhörigföreningen", status: "avslagen" as const },
    ];
    expect(missingReport("brottsofferjouren  exempelstad.", last)).toBe(true);
    expect(missingReport("Kvinnojouren Tranan", last)).toBe(false);
    expect(missingReport("Anhörigföreningen", last)).toBe(false);
    expect(missingReport("Ny förening", last)).toBe(false);
  });
});

describe("the internkontroll sample", () => {
  const population = Array.from({ length: 12 }, (_, i) => `a${i + 1}`);

  it("is reproduced by its seed and drawn without replacement", () => {
    const first = drawSample(population, 4, "2024-ik");
    expect(drawSample(population, 4, "2024-ik")).toEqual(first);
    expect(new Set(first).size).toBe(4);
    expect(first.every((a) => population.includes(a))).toBe(true);
    // Another seed draws another sample (for these seeds; the draw is not a fixed prefix of the list).
    expect(drawSample(population, 4, "annat-frö")).not.toEqual(first);
    expect(first).not.toEqual(population.slice(0, 4));
  });

  it("takes at most the whole population", () => {
    expect(drawSample(population, 50, "x").sort()).toEqual([...population].sort());
  });
});
