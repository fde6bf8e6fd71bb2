import { describe, expect, it } from "vitest";
import {
  type AnmalanDecision,
  anmalan,
  comparePointCodes,
  holderProblem,
  orderProblems,
  type PointForCheck,
  pointCodeProblem,
  upplysning,
} from "./rules.ts";

describe("point codes", () => {
  it("accepts 5.1.1-style codes and refuses others with a message naming the code", () => {
    for (const ok of ["5.1.1", "5.1", "12.3.10", "1.2.3.4"]) expect(pointCodeProblem(ok)).toBeNull();
    for (const bad of ["5", "5.1.", "0.1", "5..1", "5.1.1.1.1", "a.1", "5.123"]) {
      expect(pointCodeProblem(bad)).toContain(`"${bad}"`);
    }
  });

  it("orders codes number by number", () => {
    expect(["5.1.10", "5.1.2", "4.9", "5.1"].sort(comparePointCodes)).toEqual(["4.9", "5.1", "5.1.2", "5.1.10"]);
  });
});

describe("holder check", () => {
  const point: PointForCheck = {
    code: "4.1.1",
    heading: "Avtal",
    delegates: [{ kind: "funktion", functionId: "fc", functionName: "Förvaltningschef" }],
    subdelegations: [{ functionId: "ec", validFrom: "2023-10-01", validUntil: "2023-12-31" }],
  };
  const fc = { kind: "funktion" as const, functionId: "fc", functionName: "Förvaltningschef" };
  const ec = { kind: "funktion" as const, functionId: "ec", functionName: "Enhetschef" };

  it("lets a delegate of the point decide", () => {
    expect(holderProblem(point, fc, "2023-12-01")).toBeNull();
  });

  it("lets a function the point was vidaredelegerad to decide while the vidaredelegering is in force", () => {
    expect(holderProblem(point, ec, "2023-10-01")).toBeNull();
    expect(holderProblem(point, ec, "2023-12-31")).toBeNull();
    expect(holderProblem(point, ec, "2024-01-01")).toContain("punkt 4.1.1");
    expect(holderProblem(point, ec, "2023-09-30")).not.toBeNull();
  });

  it("refuses another function, the ordförande or the utskott, naming the point and its delegates", () => {
    expect(holderProblem(point, { kind: "ordforande", functionId: null, functionName: null }, "2023-12-01")).toBe(
      "Ordförande har inte delegation enligt punkt 4.1.1 (Avtal); delegat: Förvaltningschef.",
    );
    expect(
      holderProblem(point, { kind: "funktion", functionId: "ss", functionName: "Socialsekreterare" }, "2023-12-01"),
    ).toContain("Socialsekreterare har inte delegation enligt punkt 4.1.1");
    const chair: PointForCheck = {
      ...point,
      code: "5.1.1",
      delegates: [{ kind: "ordforande", functionId: null, functionName: null }],
    };
    expect(holderProblem(chair, { kind: "ordforande", functionId: null, functionName: null }, "2023-12-01")).toBeNull();
    expect(holderProblem(chair, { kind: "utskott", functionId: null, functionName: null }, "2023-12-01")).toContain(
      "delegat: Ordförande",
    );
  });
});

describe("upplysning", () => {
  it("names the point used and the ordning's adoption", () => {
    expect(upplysning("5.1.1", { adoptedOn: "2023-09-14", paragraph: 104 })).toBe(
      "Beslutet är fattat med stöd av delegering enligt punkt 5.1.1 i nämndens delegeringsförteckning, antagen 2023-09-14 § 104.",
    );
    expect(upplysning("6.1.1", { adoptedOn: "2024-03-01", paragraph: 12 })).toContain("punkt 6.1.1");
  });
});

describe("anmälan av delegeringsbeslut", () => {
  const base = { diarienummer: null, provider: null, unit: null, law: null };
  const d = (over: Partial<AnmalanDecision> & Pick<AnmalanDecision, "section" | "decidedOn" | "subject">) => ({
    ...base,
    ...over,
  });
  const parts = anmalan({ from: "2023-12-01", to: "2024-01-31" }, [
    d({ section: "ovrigt", decidedOn: "2024-01-02", subject: "Yttrande till IVO", diarienummer: "IF-2024-00009" }),
    d({
      section: "avtal",
      decidedOn: "2023-12-05",
      subject: "Placeringsavtal – HVB",
      provider: "Solviken AB",
      unit: "Vuxen",
      diarienummer: "IF-2023-00023",
    }),
    d({
      section: "avtal",
      decidedOn: "2023-12-01",
      subject: "Placeringsavtal – Skyddat boende",
      unit: "Vuxen",
      diarienummer: "IF-2023-00023",
    }),
    d({ section: "utskottet", decidedOn: "2023-12-20", subject: "x" }),
    d({ section: "utskottet", decidedOn: "2023-12-06", subject: "x" }),
    d({ section: "utskottet", decidedOn: "2023-12-06", subject: "y" }),
    d({ section: "listor", decidedOn: "2023-12-06", subject: "a", unit: "Barn och unga", law: "sol" }),
    d({ section: "listor", decidedOn: "2023-12-07", subject: "b", unit: "Barn och unga", law: "sol" }),
    d({ section: "listor", decidedOn: "2023-12-08", subject: "c", unit: "Barn och unga", law: "lvu" }),
    d({ section: "personal", decidedOn: "2023-12-08", subject: "Anställning" }),
  ]);
  const part = (s: string) => parts.find((p) => p.section === s);

  it("has the six sections in the memo's order, empty ones included", () => {
    expect(parts.map((p) => p.title)).toEqual([
      "Utskottet",
      "Delegationsrapport enligt listor",
      "Personal",
      "Attester",
      "Avtal",
      "Övrigt",
    ]);
    expect(part("attester")?.count).toBe(0);
  });

  it("lists the utskott's meeting dates once each, in order", () => {
    expect(part("utskottet")).toMatchObject({
      count: 2,
      lines: ["Utskottets sammanträde 2023-12-06.", "Utskottets sammanträde 2023-12-20."],
    });
  });

  it("groups the delegation lists per unit and law", () => {
    expect(part("listor")).toMatchObject({
      count: 3,
      lines: ["Barn och unga, LVU: 1 beslut.", "Barn och unga, SoL: 2 beslut."],
    });
  });

  it("prints personal and attester by the period only", () => {
    expect(part("personal")).toMatchObject({
      count: 1,
      lines: ["Beslut fattade under perioden 2023-12-01–2024-01-31."],
    });
  });

  it("writes avtal as Dnr, type, utförare, enhet (no utförare for skyddat boende) and övrigt as Dnr, text", () => {
    expect(part("avtal")?.lines).toEqual([
      "Dnr IF-2023-00023. Placeringsavtal – Skyddat boende, Vuxen.",
      "Dnr IF-2023-00023. Placeringsavtal – HVB, Solviken AB, Vuxen.",
    ]);
    expect(part("ovrigt")?.lines).toEqual(["Dnr IF-2024-00009. Yttrande till IVO."]);
  });
});

describe("a proposed ordning", () => {
  it("names each bad row: code form, a code twice, unknown or misplaced functions, a delegate twice", () => {
    const problems = orderProblems(
      [
        { code: "5.1.1", delegates: [{ kind: "ordforande" }] },
        { code: "5.1.1", delegates: [{ kind: "funktion", function: "förvaltningschef" }] },
        { code: "5", delegates: [{ kind: "funktion", function: "Kanslichef" }] },
        { code: "5.2", delegates: [{ kind: "utskott", function: "Enhetschef" }] },
        {
          code: "5.3",
          delegates: [
            { kind: "funktion", function: "Enhetschef" },
            { kind: "funktion", function: "enhetschef" },
          ],
        },
      ],
      ["Förvaltningschef", "Enhetschef"],
    );
    expect(problems.map((p) => p.field)).toEqual([
      "points.1.code",
      "points.2.code",
      "points.2.delegates.0",
      "points.3.delegates.0",
      "points.4.delegates.1",
    ]);
    expect(problems[2]?.message).toBe(
      "Okänd funktion Kanslichef i punkt 5. Nämndens funktioner: Förvaltningschef, Enhetschef.",
    );
    expect(
      orderProblems([{ code: "2.1.1", delegates: [{ kind: "funktion", function: "Enhetschef" }] }], ["Enhetschef"]),
    ).toEqual([]);
  });
});
