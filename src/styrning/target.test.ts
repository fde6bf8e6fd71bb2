import { describe, expect, it } from "vitest";
import {
  conditionExplanation,
  conditionState,
  describeTarget,
  evaluateOverYears,
  meetsTarget,
  parseTarget,
  type StatusLevel,
  type Target,
  targetBand,
  targetInForce,
} from "./target.ts";

const lika: StatusLevel[] = [
  { code: "ej_planerad", label: "Ej planerad", rank: 0 },
  { code: "planerad", label: "Planerad", rank: 1 },
  { code: "paborjad", label: "Påbörjad", rank: 2 },
  { code: "nastan_dar", label: "Nästan där", rank: 3 },
  { code: "uppnadd", label: "Uppnådd", rank: 4 },
  { code: "ej_relevant", label: "Ej relevant", rank: null },
];

describe("parseTarget", () => {
  it.each([
    ["12 %", { kind: "number", value: 12 }],
    ["12", { kind: "number", value: 12 }],
    ["11,85 %", { kind: "number", value: 11.85 }],
    ["1 234 kr", { kind: "number", value: 1234 }],
    ["95 procent", { kind: "number", value: 95 }],
  ])("reads the bare number %s", (text, expected) => {
    expect(parseTarget(text)).toEqual(expected);
  });

  it.each([
    ["<20", "lt", 20],
    ["< 20 dagar", "lt", 20],
    ["<=14", "lte", 14],
    ["≤ 14", "lte", 14],
    ["=< 14", "lte", 14],
    ["≥ 95 %", "gte", 95],
    [">= 95%", "gte", 95],
    ["> 80", "gt", 80],
    ["= 0", "eq", 0],
    ["Färre än 16", "lt", 16],
    ["färre än 16 personal", "lt", 16],
    ["Fler än 3 e-tjänster", "gt", 3],
    ["Minst 95 % av brukarna", "text", 0],
    ["Lägre än 4,5 %", "lt", 4.5],
    ["Högre än 75", "gt", 75],
    ["Minst 95 %", "gte", 95],
    ["Högst 12 %", "lte", 12],
    ["Max 12", "lte", 12],
    ["Under 20", "lt", 20],
    ["Över 70 %", "gt", 70],
    ["Kortare än 90 dagar", "lt", 90],
  ])("reads the comparator %s", (text, op, value) => {
    const parsed = parseTarget(text);
    if (op === "text") expect(parsed.kind).toBe("text");
    else expect(parsed).toEqual({ kind: "comparator", op, value });
  });

  it.each([
    ["Lägre än utfallet 2021", "lt", 2021],
    ["lägre än utfall 2021", "lt", 2021],
    ["Färre än utfallet 2022", "lt", 2022],
    ["Högre än utfallet 2021", "gt", 2021],
    ["Minst utfallet 2021", "gte", 2021],
    ["Högst samma som utfallet 2020", "lte", 2020],
    ["Högre än föregående år", "gt", null],
    ["Öka", "gt", null],
    ["Minska", "lt", null],
  ])("reads the relative target %s", (text, op, referenceYear) => {
    expect(parseTarget(text)).toEqual({ kind: "relative", op, referenceYear });
  });

  it("reads ranges", () => {
    expect(parseTarget("80–90 %")).toEqual({ kind: "range", min: 80, max: 90 });
    expect(parseTarget("Mellan 4 och 6 dagar")).toEqual({ kind: "range", min: 4, max: 6 });
  });

  it("reads a status level only when the indicator has a status scale", () => {
    expect(parseTarget("Uppnådd", { statusLevels: lika })).toEqual({
      kind: "status",
      code: "uppnadd",
      label: "Uppnådd",
    });
    expect(parseTarget("Minst Nästan där", { statusLevels: lika })).toEqual({
      kind: "status",
      code: "nastan_dar",
      label: "Nästan där",
    });
    expect(parseTarget("Uppnådd")).toEqual({ kind: "text", text: "Uppnådd" });
  });

  it("keeps anything else as text, never guessed", () => {
    expect(parseTarget("Ökad delaktighet enligt brukarundersökningen")).toEqual({
      kind: "text",
      text: "Ökad delaktighet enligt brukarundersökningen",
    });
    expect(parseTarget("  (Texten kompletteras efter antagen plan) ").kind).toBe("text");
  });

  it("describes targets in Swedish", () => {
    expect(describeTarget(parseTarget("12 %"), "lower")).toBe("högst 12");
    expect(describeTarget(parseTarget("Färre än 16"), "lower")).toBe("lägre än 16");
    expect(describeTarget(parseTarget("Lägre än utfallet 2021"), "lower")).toBe("lägre än utfallet 2021");
  });
});

describe("meetsTarget", () => {
  it("judges Vård & Omsorg's hemtjänst continuity: 16 personal is not 'Färre än 16', 14 is ≤ 14", () => {
    const ctx = { direction: "lower" as const, year: 2022 };
    expect(meetsTarget(parseTarget("Färre än 16"), 16, ctx)).toBe(false);
    expect(meetsTarget(parseTarget("Färre än 16"), 15, ctx)).toBe(true);
    expect(meetsTarget(parseTarget("≤ 14"), 14, { ...ctx, year: 2025 })).toBe(true);
  });

  it("reads a bare number by the indicator's direction", () => {
    expect(meetsTarget(parseTarget("12 %"), 11.85, { direction: "lower", year: 2022 })).toBe(true);
    expect(meetsTarget(parseTarget("12 %"), 13.4, { direction: "lower", year: 2022 })).toBe(false);
    expect(meetsTarget(parseTarget("75"), 79, { direction: "higher", year: 2022 })).toBe(true);
  });

  it("resolves a relative target against the named year's outcome", () => {
    const turnover: Record<number, number> = { 2021: 13.4, 2022: 12.9 };
    const ctx = { direction: "lower" as const, year: 2022, outcomeOf: (y: number) => turnover[y] ?? null };
    expect(meetsTarget(parseTarget("Lägre än utfallet 2021"), 12.9, ctx)).toBe(true);
    expect(meetsTarget(parseTarget("Minska"), 12.9, ctx)).toBe(true);
    expect(meetsTarget(parseTarget("Lägre än utfallet 2019"), 12.9, ctx)).toBeNull();
  });

  it("ranks LIKA statuses; 'Ej relevant' cannot be judged", () => {
    const ctx = { direction: "higher" as const, year: 2022, statusLevels: lika };
    const target = parseTarget("Nästan där", { statusLevels: lika });
    expect(meetsTarget(target, "uppnadd", ctx)).toBe(true);
    expect(meetsTarget(target, "paborjad", ctx)).toBe(false);
    expect(meetsTarget(target, "ej_relevant", ctx)).toBeNull();
  });

  it("cannot judge text", () => {
    expect(meetsTarget(parseTarget("Ökad delaktighet"), 3, { direction: "higher", year: 2022 })).toBeNull();
  });
});

describe("targetBand", () => {
  it("shades below a ceiling and above a floor", () => {
    expect(targetBand(parseTarget("<20"), { direction: "lower", year: 2023 })).toEqual({ low: null, high: 20 });
    expect(targetBand(parseTarget("Minst 95 %"), { direction: "higher", year: 2025 })).toEqual({ low: 95, high: null });
    expect(targetBand(parseTarget("12 %"), { direction: "lower", year: 2022 })).toEqual({ low: null, high: 12 });
    expect(targetBand(parseTarget("Ökad delaktighet"), { direction: "higher", year: 2022 })).toBeNull();
  });
});

describe("sentence and parity targets", () => {
  it("reads sentence targets relative to last year's outcome, or a named year's", () => {
    expect(parseTarget("Ska öka")).toEqual({ kind: "relative", op: "gt", referenceYear: null });
    expect(parseTarget("Ska minska jämfört med föregående års utfall")).toEqual({
      kind: "relative",
      op: "lt",
      referenceYear: null,
    });
    expect(parseTarget("Ska öka jämfört med utfallet 2022")).toEqual({
      kind: "relative",
      op: "gt",
      referenceYear: 2022,
    });
    expect(parseTarget("Öka jämfört med fjolåret")).toMatchObject({ kind: "relative", op: "gt" });
    expect(parseTarget("Ska öka kraftigt").kind).toBe("text");
  });

  it("evaluates a sentence target against the series, year by year", () => {
    const outcomes: Record<number, number> = { 2021: 40, 2022: 44, 2023: 43 };
    const evaluated = evaluateOverYears(parseTarget("Ska öka"), [2021, 2022, 2023, 2024], {
      direction: "higher",
      outcome: (y) => outcomes[y] ?? null,
      outcomeOf: (y) => outcomes[y] ?? null,
    });
    expect(evaluated).toEqual([
      { year: 2021, outcome: 40, met: null },
      { year: 2022, outcome: 44, met: true },
      { year: 2023, outcome: 43, met: false },
      { year: 2024, outcome: null, met: null },
    ]);
  });

  it("reads parity targets and judges women and men within N points", () => {
    const target = parseTarget("Kvinnor och män inom 5 procentenheter");
    expect(target).toEqual({ kind: "parity", maxGap: 5 });
    expect(parseTarget("Skillnaden mellan kvinnor och män högst 2,5 procentenheter")).toEqual({
      kind: "parity",
      maxGap: 2.5,
    });
    const split = (k: number, m: number) => ({
      direction: "higher" as const,
      year: 2023,
      outcomeOfGender: (g: "K" | "M") => (g === "K" ? k : m),
    });
    expect(meetsTarget(target, 0, split(70.3, 65.3))).toBe(true);
    expect(meetsTarget(target, 0, split(72, 65))).toBe(false);
    expect(meetsTarget(target, 0, { direction: "higher", year: 2023 })).toBeNull();
    expect(describeTarget(target, "higher")).toBe("kvinnor och män högst 5 enheter från varandra");
  });
});

describe("conditional targets", () => {
  // "Målvärde 90 % om antalet ärenden är minst 20, annars inget mål (för litet underlag)".
  const cases = { indicatorId: "c", indicatorName: "Antal ärenden", op: "gte", value: 20 } as const;
  const minimumBase: Target = {
    kind: "conditional",
    condition: cases,
    whenHolds: parseTarget("90 %"),
    otherwise: null,
  };
  const withCases = (n: number | null) => ({ direction: "higher" as const, year: 2023, conditionOutcome: () => n });

  it("judges the target while the condition holds", () => {
    expect(conditionState(cases, 25)).toBe("holds");
    expect(conditionState(cases, 20)).toBe("holds");
    expect(meetsTarget(minimumBase, 92, withCases(25))).toBe(true);
    expect(meetsTarget(minimumBase, 85, withCases(25))).toBe(false);
    expect(targetBand(minimumBase, withCases(25))).toEqual({ low: 90, high: null });
    expect(conditionExplanation(minimumBase, withCases(25))).toBeNull();
  });

  it("sets no target when the condition fails and there is nothing otherwise", () => {
    expect(conditionState(cases, 12)).toBe("fails");
    expect(targetInForce(minimumBase, withCases(12))).toBeNull();
    expect(meetsTarget(minimumBase, 50, withCases(12))).toBeNull();
    expect(targetBand(minimumBase, withCases(12))).toBeNull();
    expect(conditionExplanation(minimumBase, withCases(12))).toBe(
      "målvärdet gäller inte 2023: Antal ärenden är 12, villkoret minst 20 uppfylls inte",
    );
  });

  it("cannot judge while the condition indicator has no outcome for the year", () => {
    expect(conditionState(cases, null)).toBe("unknown");
    expect(meetsTarget(minimumBase, 92, withCases(null))).toBeNull();
    expect(meetsTarget(minimumBase, 92, { direction: "higher", year: 2023 })).toBeNull();
    expect(conditionExplanation(minimumBase, withCases(null))).toBe(
      "villkoret kan inte prövas: Antal ärenden saknar utfall för 2023",
    );
  });

  it("applies the otherwise-target when the condition fails (a target depending on another indicator)", () => {
    // Väntetid: högst 14 dagar om inflödet är under 100 ärenden, annars högst 21.
    const inflow = { indicatorId: "i", indicatorName: "Inflöde", op: "lt", value: 100 } as const;
    const target: Target = {
      kind: "conditional",
      condition: inflow,
      whenHolds: parseTarget("≤ 14"),
      otherwise: parseTarget("≤ 21"),
    };
    const inflowOf: Record<number, number> = { 2022: 80, 2023: 130 };
    const waiting: Record<number, number> = { 2022: 18, 2023: 18 };
    expect(
      evaluateOverYears(target, [2022, 2023, 2024], {
        direction: "lower",
        outcome: (y) => waiting[y] ?? null,
        conditionOutcome: (y) => inflowOf[y] ?? null,
      }),
    ).toEqual([
      { year: 2022, outcome: 18, met: false },
      { year: 2023, outcome: 18, met: true },
      { year: 2024, outcome: null, met: null },
    ]);
    expect(describeTarget(target, "lower")).toBe("högst 14 om Inflöde är lägre än 100, annars högst 21");
    expect(describeTarget(minimumBase, "higher")).toBe("minst 90 om Antal ärenden är minst 20, annars inget målvärde");
  });
});
