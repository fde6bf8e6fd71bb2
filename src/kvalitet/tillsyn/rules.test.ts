import { describe, expect, it } from "vitest";
import {
  checkInspection,
  closedOnOf,
  type InspectionState,
  inspectionOpenOn,
  maskFindings,
  yttrandeStatus,
} from "./rules.ts";

const due = { yttrandeDueOn: "2024-02-16", yttrandeRepliedOn: null };

describe("the overdue yttrande rule", () => {
  it("holds a yttrande requested up to and including the deadline, overdue the day after", () => {
    expect(yttrandeStatus(due, "2024-02-16")).toBe("begart");
    expect(yttrandeStatus(due, "2024-02-17")).toBe("forsenat");
  });

  it("counts a reply on the deadline in time and the day after late", () => {
    expect(yttrandeStatus({ ...due, yttrandeRepliedOn: "2024-02-16" }, "2024-03-01")).toBe("inlamnat");
    expect(yttrandeStatus({ ...due, yttrandeRepliedOn: "2024-02-17" }, "2024-03-01")).toBe("inlamnat_sent");
  });

  it("does not count a reply given after the day asked about, and knows no yttrande without a deadline", () => {
    expect(yttrandeStatus({ ...due, yttrandeRepliedOn: "2024-02-20" }, "2024-02-18")).toBe("forsenat");
    expect(yttrandeStatus({ yttrandeDueOn: null, yttrandeRepliedOn: null }, "2024-02-18")).toBe("inget");
  });
});

describe("checking a tillsyn", () => {
  const today = "2024-03-01";
  const state = (s: Partial<InspectionState> = {}): InspectionState => ({
    month: "2023-11",
    decisionOn: "2023-12-15",
    yttrandeLagrum: "LSS 26 c §",
    status: "pagaende",
    closedOn: null,
    ...due,
    ...s,
  });
  const fields = (s: Partial<InspectionState>) => checkInspection(state(s), today).map((p) => p.field);

  it("accepts a whole, consistent tillsyn", () => {
    expect(fields({})).toEqual([]);
    expect(fields({ yttrandeRepliedOn: "2024-02-12", status: "avslutad" })).toEqual([]);
  });

  it("refuses a decision in the future or before the tillsyn's month", () => {
    expect(fields({ decisionOn: "2024-03-02" })).toEqual(["decisionOn"]);
    expect(fields({ decisionOn: "2023-10-31" })).toEqual(["decisionOn"]);
    expect(fields({ decisionOn: "2023-11-01" })).toEqual([]);
  });

  it("needs lagrum and deadline together, and a requested yttrande before a reply", () => {
    expect(fields({ yttrandeLagrum: null })).toEqual(["yttrandeLagrum"]);
    expect(fields({ yttrandeDueOn: null })).toEqual(["yttrandeDueOn"]);
    expect(fields({ yttrandeLagrum: null, yttrandeDueOn: null, yttrandeRepliedOn: "2024-01-01" })).toEqual([
      "yttrandeRepliedOn",
    ]);
    expect(fields({ yttrandeRepliedOn: "2024-03-02" })).toEqual(["yttrandeRepliedOn"]);
  });

  it("closes only without an unanswered yttrande", () => {
    expect(fields({ status: "avslutad" })).toEqual(["status"]);
    expect(fields({ status: "avslutad", yttrandeLagrum: null, yttrandeDueOn: null })).toEqual([]);
  });
});

describe("closing a tillsyn", () => {
  it("dates the closing with the day given, else the stored one, else today; none while pågående", () => {
    expect(closedOnOf("avslutad", "2024-01-10", "2024-01-05", "2024-03-01")).toBe("2024-01-10");
    expect(closedOnOf("avslutad", undefined, "2024-01-05", "2024-03-01")).toBe("2024-01-05");
    expect(closedOnOf("avslutad", undefined, null, "2024-03-01")).toBe("2024-03-01");
    expect(closedOnOf("pagaende", "2024-01-10", "2024-01-05", "2024-03-01")).toBeNull();
  });

  it("is open from its month until the day before its closing", () => {
    const i = { month: "2023-11", closedOn: "2023-12-31" };
    expect(inspectionOpenOn(i, "2023-10-31")).toBe(false);
    expect(inspectionOpenOn(i, "2023-11-01")).toBe(true);
    expect(inspectionOpenOn(i, "2023-12-30")).toBe(true);
    expect(inspectionOpenOn(i, "2023-12-31")).toBe(false);
  });

  it("refuses a closing day in the future or before the tillsyn", () => {
    const base = {
      month: "2023-11",
      decisionOn: null,
      yttrandeLagrum: null,
      yttrandeDueOn: null,
      yttrandeRepliedOn: null,
    };
    const fields = (closedOn: string) =>
      checkInspection({ ...base, status: "avslutad", closedOn }, "2024-03-01").map((p) => p.field);
    expect(fields("2024-03-01")).toEqual([]);
    expect(fields("2024-03-02")).toEqual(["closedOn"]);
    expect(fields("2023-10-31")).toEqual(["closedOn"]);
  });
});

describe("personnummer in the findings", () => {
  it("masks one and warns; leaves other numbers, and no findings, as they are", () => {
    const masked = maskFindings("Brukaren 19850312-1234 saknade genomförandeplan.");
    expect(masked.findings).toBe("Brukaren ********-**** saknade genomförandeplan.");
    expect(masked.warnings).toEqual([expect.stringContaining("Ett personnummer maskerades i iakttagelserna.")]);
    expect(maskFindings("Dnr 3.5.1-41733/2023-2, 12 brister.")).toEqual({
      findings: "Dnr 3.5.1-41733/2023-2, 12 brister.",
      warnings: [],
    });
    expect(maskFindings(null)).toEqual({ findings: null, warnings: [] });
  });
});
