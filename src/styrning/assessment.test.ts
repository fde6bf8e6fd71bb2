import { describe, expect, it } from "vitest";
import { contradiction, evaluateIndicator, suggestAssessment } from "./assessment.ts";
import { parseTarget, type Target } from "./target.ts";

describe("evaluateIndicator", () => {
  it("judges Vård & Omsorg's hemtjänst continuity 2021 (16) against 'Färre än 16' as not met, but improving from 17", () => {
    const evaluation = evaluateIndicator({
      name: "Antal personal en hemtjänstmottagare möter under 14 dagar",
      direction: "lower",
      year: 2021,
      target: parseTarget("Färre än 16"),
      rows: [{ gender: "T", current: 16, previous: 17 }],
    });
    expect(evaluation.status).toBe("improving");
    expect(evaluation.explanation).toBe(
      "Antal personal en hemtjänstmottagare möter under 14 dagar: utfallet 16 når inte men närmar sig målvärdet lägre än 16.",
    );
  });

  it("judges each gender row when there is no total, and the worst row decides", () => {
    // IFO utredningstid LSS 2022: kvinnor/flickor 72 (78 in 2021), män/pojkar 76 (77 in 2021), target ≤ 75 days.
    const evaluation = evaluateIndicator({
      name: "Utredningstid LSS",
      direction: "lower",
      year: 2022,
      target: parseTarget("≤ 75"),
      rows: [
        { gender: "K", current: 72, previous: 78 },
        { gender: "M", current: 76, previous: 77 },
      ],
    });
    expect(evaluation.rows).toEqual([
      { gender: "K", status: "met" },
      { gender: "M", status: "improving" },
    ]);
    expect(evaluation.status).toBe("improving");
  });

  it("reports missing outcomes and missing or textual targets instead of guessing", () => {
    const base = { name: "Personalomsättning", direction: "lower" as const, year: 2023 };
    expect(
      evaluateIndicator({
        ...base,
        target: parseTarget("12 %"),
        rows: [{ gender: "T", current: null, previous: 12.9 }],
      }).status,
    ).toBe("no_data");
    expect(
      evaluateIndicator({ ...base, target: null, rows: [{ gender: "T", current: 12.9, previous: 13.4 }] }).explanation,
    ).toBe("Personalomsättning: målvärde för 2023 saknas.");
    expect(
      evaluateIndicator({
        ...base,
        target: parseTarget("Ökad stolthet"),
        rows: [{ gender: "T", current: 12.9, previous: null }],
      }).status,
    ).toBe("not_assessable");
  });

  it("judges relative targets against the earlier outcome of the same row", () => {
    const turnover: Record<number, number> = { 2021: 13.4 };
    const evaluation = evaluateIndicator({
      name: "Personalomsättning",
      direction: "lower",
      year: 2022,
      target: parseTarget("Lägre än utfallet 2021"),
      rows: [{ gender: "T", current: 12.9, previous: 13.4 }],
      outcomeOf: (_gender, year) => turnover[year] ?? null,
    });
    expect(evaluation.status).toBe("met");
  });
});

describe("evaluateIndicator with a conditional target", () => {
  const target: Target = {
    kind: "conditional",
    condition: { indicatorId: "c", indicatorName: "Antal ärenden", op: "gte", value: 20 },
    whenHolds: parseTarget("90 %"),
    otherwise: null,
  };
  const evaluate = (cases: number | null, outcome = 85) =>
    evaluateIndicator({
      name: "Utredningar inom 4 månader",
      direction: "higher",
      year: 2023,
      target,
      rows: [{ gender: "T", current: outcome, previous: 80 }],
      conditionOutcome: () => cases,
    });

  it("judges the outcome while the condition holds, naming the target in force", () => {
    expect(evaluate(25)).toMatchObject({
      status: "improving",
      explanation: "Utredningar inom 4 månader: utfallet 85 når inte men närmar sig målvärdet minst 90.",
    });
  });

  it("leaves the indicator out of the suggestion when the condition fails or is unknown, saying why", () => {
    expect(evaluate(12)).toMatchObject({
      status: "not_assessable",
      explanation:
        "Utredningar inom 4 månader: målvärdet gäller inte 2023: Antal ärenden är 12, villkoret minst 20 uppfylls inte.",
    });
    expect(evaluate(null).explanation).toBe(
      "Utredningar inom 4 månader: villkoret kan inte prövas: Antal ärenden saknar utfall för 2023.",
    );
    expect(suggestAssessment([evaluate(12)]).meaning).toBeNull();
  });
});

describe("suggestAssessment and contradiction", () => {
  const met = { name: "a", status: "met" as const, rows: [], explanation: "" };
  const improving = { ...met, status: "improving" as const };
  const notMet = { ...met, status: "not_met" as const };
  const noData = { ...met, status: "no_data" as const };

  it("suggests 'achieved' when every judged indicator meets its target", () => {
    const s = suggestAssessment([met, met, noData]);
    expect(s.meaning).toBe("achieved");
    expect(s.explanation).toBe(
      "2 av 2 bedömbara indikatorer når målvärdet, 1 saknar utfall eller jämförbart målvärde. Förslag: målet nått.",
    );
  });

  it("suggests 'on track' when at least half meet or improve, else 'off track'", () => {
    expect(suggestAssessment([met, improving, notMet]).meaning).toBe("on_track");
    expect(suggestAssessment([met, notMet]).meaning).toBe("on_track");
    expect(suggestAssessment([improving, notMet, notMet]).meaning).toBe("off_track");
  });

  it("makes no suggestion without judged indicators", () => {
    expect(suggestAssessment([noData]).meaning).toBeNull();
    expect(suggestAssessment([]).explanation).toBe("Målet har inga indikatorer; bedömningen görs utan förslag.");
  });

  it("flags 'på rätt väg' set by hand where every indicator met its target (as in IFO 2021 and 2023)", () => {
    const suggestion = suggestAssessment([met, met]);
    expect(contradiction("on_track", suggestion)?.message).toBe(
      'Bedömningen "inte nått men på rätt väg" avviker från förslaget "målet nått" (2 av 2 bedömbara indikatorer når målvärdet). Motivera avvikelsen i kommentaren.',
    );
    expect(contradiction("achieved", suggestion)).toBeNull();
    expect(contradiction("on_track", suggestAssessment([noData]))).toBeNull();
  });
});
