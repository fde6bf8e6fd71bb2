import { describe, expect, it } from "vitest";
import { atgardAge, atgardOn, checkAtgard, checkEgenkontroll, checkPlanYear, maskFreeText, shareOf } from "./rules.ts";

const today = "2024-06-15";
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe("atgardAge", () => {
  const open = { createdOn: "2024-06-01", deadline: "2024-06-14", status: "pagaende" as const, statusOn: "2024-06-01" };

  it("ages an open åtgärd until today and marks it overdue from the day after its deadline", () => {
    expect(atgardAge(open, today)).toEqual({ ageDays: 14, overdue: true, daysOverdue: 1 });
    expect(atgardAge({ ...open, deadline: today }, today)).toEqual({ ageDays: 14, overdue: false, daysOverdue: 0 });
    expect(atgardAge({ ...open, deadline: null }, today).overdue).toBe(false);
  });
  it("stops a closed åtgärd's age on its status date and never calls it overdue", () => {
    const closed = { ...open, status: "avslutad_delvis" as const, statusOn: "2024-06-10" };
    expect(atgardAge(closed, today)).toEqual({ ageDays: 9, overdue: false, daysOverdue: 0 });
  });
  it("counts 'ej påbörjad' and 'pågående med avvikelse' as open", () => {
    expect(atgardAge({ ...open, status: "ej_paborjad" }, today).overdue).toBe(true);
    expect(atgardAge({ ...open, status: "pagaende_med_avvikelse" }, today).overdue).toBe(true);
  });
  it("is 0 days old on the day it was added", () => {
    expect(atgardAge({ ...open, createdOn: today, deadline: null }, today).ageDays).toBe(0);
  });
});

describe("checkAtgard", () => {
  const base = { createdOn: "2024-06-01", deadline: null, status: "pagaende" as const, statusOn: today, comment: null };
  it("takes today as status date but not tomorrow, nor a day before it was added", () => {
    expect(checkAtgard(base, today)).toEqual([]);
    expect(fields(checkAtgard({ ...base, statusOn: "2024-06-16" }, today))).toEqual(["statusOn"]);
    expect(fields(checkAtgard({ ...base, statusOn: "2024-05-31" }, today))).toEqual(["statusOn"]);
    expect(checkAtgard({ ...base, statusOn: "2024-06-01" }, today)).toEqual([]);
  });
  it("refuses a deadline before the åtgärd was added", () => {
    expect(fields(checkAtgard({ ...base, deadline: "2024-05-31" }, today))).toEqual(["deadline"]);
    expect(checkAtgard({ ...base, deadline: "2024-06-01" }, today)).toEqual([]);
  });
  it("needs a comment on what it gave to close it, whatever the verdict", () => {
    for (const status of ["avslutad_uppnadd", "avslutad_delvis", "avslutad_ej_uppnadd"] as const) {
      expect(fields(checkAtgard({ ...base, status }, today))).toEqual(["comment"]);
      expect(checkAtgard({ ...base, status, comment: "Gav effekt." }, today)).toEqual([]);
    }
  });
});

describe("checkEgenkontroll and shareOf", () => {
  const base = { year: 2024, performedOn: "2024-06-15", numerator: 21, denominator: 50 };
  it("takes a result done today in the plan's year", () => {
    expect(checkEgenkontroll(base, today)).toEqual([]);
    expect(shareOf(21, 50)).toBe(0.42);
    expect(shareOf(null, null)).toBeNull();
  });
  it("refuses a control done tomorrow or in another year", () => {
    expect(fields(checkEgenkontroll({ ...base, performedOn: "2024-06-16" }, today))).toEqual(["performedOn"]);
    expect(fields(checkEgenkontroll({ ...base, performedOn: "2023-12-31" }, today))).toEqual(["performedOn"]);
  });
  it("needs both counts, at most all passing, and a date once there is a result", () => {
    expect(checkEgenkontroll({ ...base, numerator: 50 }, today)).toEqual([]);
    expect(fields(checkEgenkontroll({ ...base, numerator: 51 }, today))).toEqual(["numerator"]);
    expect(fields(checkEgenkontroll({ ...base, numerator: null }, today))).toEqual(["numerator"]);
    expect(fields(checkEgenkontroll({ ...base, denominator: 0, numerator: 0 }, today))).toEqual(["denominator"]);
    expect(fields(checkEgenkontroll({ ...base, performedOn: null }, today))).toEqual(["performedOn"]);
    expect(checkEgenkontroll({ ...base, performedOn: null, numerator: null, denominator: null }, today)).toEqual([]);
  });
  it("allows plans up to next year", () => {
    expect(checkPlanYear(2025, today)).toEqual([]);
    expect(fields(checkPlanYear(2026, today))).toEqual(["year"]);
  });
});

describe("maskFreeText", () => {
  it("masks named fields only and names them in one warning", () => {
    const result = maskFreeText(
      { text: "Ring 19850312-1234", owner: "Enhetschef", other: "850312-1234" },
      { text: "åtgärden", owner: "ägaren" },
    );
    expect(result.values).toEqual({ text: "Ring ********-****", owner: "Enhetschef", other: "850312-1234" });
    expect(result.warnings).toEqual([
      "Ett personnummer maskerades i åtgärden. Planen ska inte innehålla personuppgifter.",
    ]);
    expect(maskFreeText({ text: "Inget" }, { text: "åtgärden" }).warnings).toEqual([]);
  });
});

describe("atgardOn, an åtgärd as it stood on a past day", () => {
  const closedLater = {
    createdOn: "2023-10-01",
    deadline: "2023-12-01",
    status: "avslutad_uppnadd" as const,
    statusOn: "2024-01-01",
  };

  it("was open, and late, on the last day before a later closing; closed on its closing day", () => {
    expect(atgardOn(closedLater, "2023-12-31")).toEqual({ status: null, ageDays: 91, overdue: true, daysOverdue: 30 });
    expect(atgardOn(closedLater, "2024-01-01")).toEqual({
      status: "avslutad_uppnadd",
      ageDays: 92,
      overdue: false,
      daysOverdue: 0,
    });
  });

  it("keeps a status set by that day, and is not late on its deadline day", () => {
    const open = { ...closedLater, status: "pagaende" as const, statusOn: "2023-11-01" };
    expect(atgardOn(open, "2023-12-01")).toEqual({ status: "pagaende", ageDays: 61, overdue: false, daysOverdue: 0 });
  });
});
