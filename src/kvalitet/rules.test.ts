import { describe, expect, it } from "vitest";
import { checkEvent, type EventState, handledOnOf, statusOf, statusOn, unhandled } from "./rules.ts";

const today = "2024-03-15";
const reported: EventState = {
  kind: "avvikelse",
  category: null,
  occurredOn: "2024-03-10",
  noticedOn: "2024-03-11",
  reportedOn: "2024-03-11",
  whatHappened: "Fel dos gavs vid kvällsmedicineringen.",
  ...unhandled(),
};
const closed: EventState = {
  ...reported,
  types: ["lakemedel"],
  causes: ["handhavandefel"],
  investigation: "Signeringslistan lästes fel.",
  closedOn: "2024-03-15",
};
const fields = (s: EventState) => checkEvent(s, today).map((p) => p.field);

describe("checkEvent", () => {
  it("accepts a fresh report and a complete closing, on today's date", () => {
    expect(checkEvent(reported, today)).toEqual([]);
    expect(checkEvent(closed, today)).toEqual([]);
    expect(checkEvent({ ...reported, occurredOn: today, noticedOn: today, reportedOn: today }, today)).toEqual([]);
  });

  it("refuses dates in the future, from the day after today", () => {
    expect(
      fields({ ...reported, occurredOn: "2024-03-16", noticedOn: "2024-03-16", reportedOn: "2024-03-16" }),
    ).toEqual(["occurredOn", "noticedOn"]);
    expect(checkEvent({ ...closed, closedOn: "2024-03-16" }, today)).toEqual([
      { field: "closedOn", message: "Avslutsdatumet 2024-03-16 ligger i framtiden." },
    ]);
  });

  it("wants noticed on or after occurred, and reported on or after noticed", () => {
    expect(fields({ ...reported, noticedOn: "2024-03-09" })).toEqual(["noticedOn"]);
    expect(fields({ ...reported, noticedOn: "2024-03-10" })).toEqual([]);
    expect(fields({ ...reported, reportedOn: "2024-03-10" })).toEqual(["reportedOn"]);
  });

  it("refuses closing without classification, investigation and a cause, naming each field", () => {
    const bare = { ...reported, closedOn: "2024-03-15" };
    expect(checkEvent(bare, today)).toEqual([
      { field: "types", message: "Klassificera händelsen med minst en typ innan den avslutas." },
      { field: "investigation", message: "Skriv utredningen innan händelsen avslutas." },
      { field: "causes", message: "Ange minst en orsak innan händelsen avslutas." },
    ]);
    expect(fields({ ...closed, closedOn: "2024-03-10" })).toEqual(["closedOn"]);
  });

  it("keeps arbetsmiljö apart: a category, no avvikelse types, no lex Sarah or MAS, no cause needed", () => {
    const work: EventState = { ...reported, kind: "arbetsmiljo", category: "tillbud" };
    expect(checkEvent(work, today)).toEqual([]);
    expect(fields({ ...work, category: null })).toEqual(["category"]);
    expect(fields({ ...work, types: ["fall"], lexSarahOn: today, masOn: today })).toEqual([
      "types",
      "lexSarahOn",
      "masOn",
    ]);
    expect(fields({ ...work, investigation: "Halt golv.", closedOn: today })).toEqual([]);
    expect(fields({ ...reported, category: "olycksfall" })).toEqual(["category"]);
  });

  it("dates an escalation between the discovery and today", () => {
    expect(fields({ ...reported, lexSarahOn: "2024-03-11", masOn: today })).toEqual([]);
    expect(fields({ ...reported, lexSarahOn: "2024-03-10" })).toEqual(["lexSarahOn"]);
    expect(fields({ ...reported, masOn: "2024-03-16" })).toEqual(["masOn"]);
  });

  it("wants a description", () => {
    expect(fields({ ...reported, whatHappened: "  " })).toEqual(["whatHappened"]);
  });
});

describe("statusOf", () => {
  it("is rapporterad until someone works on it, then under utredning, then avslutad", () => {
    expect(statusOf(reported)).toBe("rapporterad");
    expect(statusOf({ ...reported, types: ["fall"] })).toBe("under_utredning");
    expect(statusOf({ ...reported, causes: ["ovrigt"] })).toBe("under_utredning");
    expect(statusOf({ ...reported, investigation: "Påbörjad" })).toBe("under_utredning");
    expect(statusOf({ ...reported, measures: "APT" })).toBe("under_utredning");
    expect(statusOf(closed)).toBe("avslutad");
  });
});

describe("a händelse's status on a past day", () => {
  const handled = { handledOn: "2023-06-10", closedOn: "2023-12-31" };

  it("is avslutad from its closing day, under utredning from the day handling began, rapporterad before", () => {
    expect(statusOn(handled, "2023-12-31")).toBe("avslutad");
    expect(statusOn(handled, "2023-12-30")).toBe("under_utredning");
    expect(statusOn(handled, "2023-06-10")).toBe("under_utredning");
    expect(statusOn(handled, "2023-06-09")).toBe("rapporterad");
    expect(statusOn({ handledOn: null, closedOn: null }, "2030-01-01")).toBe("rapporterad");
  });

  it("keeps the day handling began, starts it today, and never after the closing day", () => {
    expect(handledOnOf("rapporterad", "2024-03-01", null, today)).toBeNull();
    expect(handledOnOf("under_utredning", null, null, today)).toBe(today);
    expect(handledOnOf("under_utredning", "2024-03-01", null, today)).toBe("2024-03-01");
    expect(handledOnOf("avslutad", "2024-03-01", today, today)).toBe("2024-03-01");
    // Closed on an earlier day (an import, a back-dated closing): handled by then.
    expect(handledOnOf("avslutad", null, "2024-03-12", today)).toBe("2024-03-12");
    expect(handledOnOf("avslutad", "2024-03-14", "2024-03-12", today)).toBe("2024-03-12");
  });
});
