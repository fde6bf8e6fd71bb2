import { describe, expect, it } from "vitest";
import {
  beslutsgang,
  defaultPeriod,
  genitive,
  type MotionEntry,
  paragraphRange,
  paragraphYear,
  protocolProblems,
  type RosterEntry,
  rosterProblems,
  standingProposal,
  transitionProblems,
} from "./rules.ts";

describe("the standing items' default period", () => {
  it("runs from the day after the previous meeting's period until the day before this meeting", () => {
    expect(defaultPeriod("2024-02-15", "2023-11-30")).toEqual({ start: "2023-12-01", end: "2024-02-14" });
  });
  it("starts a body's first meeting from the first of the month before", () => {
    expect(defaultPeriod("2023-09-14", null)).toEqual({ start: "2023-08-01", end: "2023-09-13" });
    expect(defaultPeriod("2024-01-10", null)).toEqual({ start: "2023-12-01", end: "2024-01-09" });
  });
  it("is never empty, even the day after the previous meeting", () => {
    expect(defaultPeriod("2024-01-11", "2024-01-10")).toEqual({ start: "2024-01-10", end: "2024-01-10" });
  });
});

describe("§ numbers", () => {
  it("are issued in agenda order up to the series' new last number", () => {
    expect(paragraphRange(110, 7)).toEqual([104, 105, 106, 107, 108, 109, 110]);
    expect(paragraphRange(1, 1)).toEqual([1]);
    expect(paragraphRange(5, 0)).toEqual([]);
  });
  it("belong to the meeting's calendar year", () => {
    expect(paragraphYear("2023-12-31")).toBe(2023);
    expect(paragraphYear("2024-01-01")).toBe(2024);
  });
});

const facts = (over: Partial<Parameters<typeof transitionProblems>[0]> = {}) => ({
  status: "planerat" as const,
  meetingDate: "2024-02-15",
  today: "2024-02-20",
  items: [{ title: "Anmälan av delegeringsbeslut", decision: null }],
  attendees: [{ role: "ordforande" as const, present: true, adjuster: false }],
  ...over,
});

describe("the status flow", () => {
  it("moves one step at a time: planerat → kallat → genomfört → justerat", () => {
    expect(transitionProblems(facts(), "kallat")).toEqual([]);
    expect(transitionProblems(facts(), "genomfort")[0]?.message).toBe(
      "Sammanträdet är planerat; nästa steg är kallat, inte genomfört.",
    );
    expect(transitionProblems(facts({ status: "justerat" }), "planerat")[0]?.message).toBe(
      "Protokollet är justerat och kan inte ändras.",
    );
  });
  it("sends no kallelse with an empty agenda", () => {
    expect(transitionProblems(facts({ items: [] }), "kallat")).toEqual([
      { field: "status", message: "Föredragningslistan är tom; lägg till ärenden innan kallelsen skickas." },
    ]);
  });
  it("holds no meeting before its day or without a member present", () => {
    const problems = transitionProblems(
      facts({
        status: "kallat",
        today: "2024-02-14",
        attendees: [{ role: "tjansteperson", present: true, adjuster: false }],
      }),
      "genomfort",
    );
    expect(problems.map((p) => p.field)).toEqual(["status", "attendees"]);
  });
  it("justerar only with every beslut written, a justerare and a date between the meeting and today", () => {
    const problems = transitionProblems(facts({ status: "genomfort", adjustedOn: "2024-02-14" }), "justerat");
    expect(problems).toEqual([
      { field: "items", message: "Beslut saknas för Anmälan av delegeringsbeslut." },
      { field: "attendees", message: "Ange minst en justerare i närvarolistan." },
      { field: "adjustedOn", message: "Justeringen kan inte ligga före sammanträdet (2024-02-15)." },
    ]);
    const ready = facts({
      status: "genomfort",
      adjustedOn: "2024-02-20",
      items: [{ title: "x", decision: "Nämnden godkänner." }],
      attendees: [{ role: "ledamot", present: true, adjuster: true }],
    });
    expect(transitionProblems(ready, "justerat")).toEqual([]);
    expect(transitionProblems({ ...ready, adjustedOn: "2024-02-21" }, "justerat")[0]?.field).toBe("adjustedOn");
  });
});

const person = (key: string, over: Partial<RosterEntry> = {}): RosterEntry => ({
  key,
  name: `Person ${key}`,
  party: "S",
  role: "ledamot",
  present: true,
  servingFor: null,
  adjuster: false,
  ...over,
});

describe("the roster", () => {
  it("lets an ersättare present serve for an absent ledamot, once", () => {
    const roster = [person("a", { present: false }), person("b", { role: "ersattare", servingFor: "a" })];
    expect(rosterProblems(roster)).toEqual([]);
    const twice = [...roster, person("c", { role: "ersattare", servingFor: "a" })];
    expect(rosterProblems(twice)).toEqual([
      { field: "attendees.2.servingFor", message: "Person a har redan en tjänstgörande ersättare." },
    ]);
  });
  it("refuses serving for a present ledamot, a second ordförande, a missing party and an absent justerare", () => {
    const roster = [
      person("a", { role: "ordforande" }),
      person("b", { role: "ordforande" }),
      person("c", { role: "ersattare", servingFor: "a" }),
      person("d", { party: null }),
      person("e", { present: false, adjuster: true }),
      person("f", { role: "tjansteperson", party: null }),
    ];
    expect(rosterProblems(roster).map((p) => p.field)).toEqual([
      "attendees.1.role",
      "attendees.2.servingFor",
      "attendees.3.party",
      "attendees.4.adjuster",
    ]);
  });
});

const motion = (key: string, over: Partial<MotionEntry> = {}): MotionEntry => ({
  attendeeKey: key,
  name: `Person ${key}`,
  party: "S",
  kind: "yrkande",
  text: "Bifall till förslaget",
  adopted: true,
  ...over,
});

describe("a §'s protokoll", () => {
  const roster = [
    person("a", { role: "ordforande" }),
    person("b", { party: "M" }),
    person("c", { role: "ersattare", party: "V" }),
    person("t", { role: "tjansteperson", party: null }),
  ];
  it("needs the adopted one marked when yrkanden compete", () => {
    const motions = [motion("a", { adopted: false }), motion("b", { adopted: false })];
    expect(protocolProblems({ motions, jav: [], reservations: [] }, roster)).toEqual([
      { field: "motions", message: "Flera yrkanden står mot varandra: markera det som nämnden biföll (ett)." },
    ]);
  });
  it("refuses yrkanden and reservationer from those who do not decide, and from the jävig", () => {
    const problems = protocolProblems(
      { motions: [motion("t"), motion("b", { adopted: false })], jav: ["b"], reservations: ["c", "b", "x"] },
      roster,
    );
    expect(problems.map((p) => p.field)).toEqual([
      "motions.0.attendeeId",
      "motions.1.attendeeId",
      "reservations.0",
      "reservations.1",
      "reservations.2",
    ]);
  });
});

describe("the beslutsgång", () => {
  const anna = { name: "Anna Andersson", party: "S" };
  const lars = { name: "Lars Nilsson", party: "M" };
  it("decides on the förvaltning's proposal without yrkanden", () => {
    expect(beslutsgang([], "nämnden")).toBe(
      "Ordföranden frågar om nämnden kan besluta enligt förvaltningens förslag och finner att så sker.",
    );
  });
  it("finds one proposal and a tilläggsyrkande, asks, and finds approval", () => {
    const text = beslutsgang(
      [motion("a", anna), motion("b", { ...lars, kind: "tillaggsyrkande", adopted: false })],
      "nämnden",
    );
    expect(text).toBe(
      "Ordföranden finner att det finns ett förslag till beslut, Anna Anderssons (S) yrkande. " +
        "Ordföranden frågar om nämnden kan besluta enligt förslaget och finner att så sker. " +
        "Ordföranden frågar därefter om nämnden kan bifalla Lars Nilssons (M) tilläggsyrkande och finner att nämnden avslår det.",
    );
  });
  it("sets competing yrkanden against each other", () => {
    const text = beslutsgang([motion("a", { ...anna, adopted: false }), motion("b", lars)], "nämnden");
    expect(text).toBe(
      "Ordföranden finner att det finns två förslag till beslut: Anna Anderssons (S) yrkande och Lars Nilssons (M) yrkande. " +
        "Ordföranden ställer förslagen mot varandra och finner att nämnden beslutar enligt Lars Nilssons (M) yrkande.",
    );
  });
  it("writes the genitive without a second s", () => {
    expect(genitive("Hans")).toBe("Hans");
    expect(genitive("Eva")).toBe("Evas");
  });
});

describe("the standing items' förslag till beslut", () => {
  const period = { start: "2023-12-01", end: "2024-01-31" };
  const body = "Nämnden för Individ & Familjeomsorg";
  it("godkänner reports and notes lists till protokollet (B3)", () => {
    expect(standingProposal("delegationsbeslut", body, period, null)).toBe(
      "Nämnden för Individ & Familjeomsorg godkänner anmälan av delegeringsbeslut för perioden 2023-12-01–2024-01-31.",
    );
    expect(standingProposal("domar", body, period, null)).toBe(
      "Nämnden för Individ & Familjeomsorg noterar redovisningen av domar och beslut för perioden 2023-12-01–2024-01-31 till protokollet.",
    );
    expect(standingProposal("evb", body, period, "kvartal 4 2023")).toBe(
      "Nämnden för Individ & Familjeomsorg godkänner rapporteringen av ej verkställda beslut för kvartal 4 2023.",
    );
  });
});
