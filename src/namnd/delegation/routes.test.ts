import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, type TestApp, testApp } from "../../app/testing.ts";
import { addDays, todayInSweden } from "../../platform/calendar.ts";
import { seedNamndDemo } from "../demo.ts";

let t: TestApp;
const node = (key: string) => t.demo.nodes[key]?.id as string;
const period = () => `orgNodeId=${node("ifo")}&periodStart=2023-12-01&periodEnd=2024-01-31`;

beforeAll(async () => {
  t = await testApp();
  await t.database.db.transaction().execute((trx) => seedNamndDemo(trx, t.demo));
});
afterAll(() => t?.close());

type Part = { section: string; title: string; count: number; lines: string[] };
type Problems = { message: string; details: { problems: { field: string; message: string }[] } };

const anmalan = async (user: string) => {
  const res = await (await t.as(user)).get(`/api/namnd/delegering/anmalan?${period()}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { sections: Part[] }).sections;
};

const decision = (body: Record<string, unknown>) => ({
  orgNodeId: node("ifo"),
  point: "5.1.1",
  decidedOn: "2024-01-20",
  decider: { kind: "ordforande", name: "Olof Ordförande" },
  subject: "Yttrande över remiss",
  ...body,
});

describe("the delegeringsordning", () => {
  it("is the one adopted 2023-09-14 § 104, with 5.1.1 delegated to the ordförande", async () => {
    const res = await (await t.as("fortroendevald")).get(`/api/namnd/delegering/ordning?orgNodeId=${node("ifo")}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.order).toEqual({ adoptedOn: "2023-09-14", paragraph: 104, diarienummer: null });
    expect(body.functions).toContain("Förvaltningschef");
    const point = body.points.find((p: { code: string }) => p.code === "5.1.1");
    expect(point.delegates).toEqual([{ kind: "ordforande", function: null, label: "Ordförande" }]);
    expect(body.canWrite).toBe(false);
    const before = await (await t.as("fortroendevald")).get(
      `/api/namnd/delegering/ordning?orgNodeId=${node("ifo")}&on=2023-09-13`,
    );
    expect(before.json()).toMatchObject({ order: null, points: [] });
  });
});

describe("anmälan av delegeringsbeslut 2023-12-01–2024-01-31", () => {
  it("reproduces the memo's counts in its six sections", async () => {
    const sections = await anmalan("sekreterare");
    expect(sections.map((s) => [s.section, s.count])).toEqual([
      ["utskottet", 5],
      ["listor", 0],
      ["personal", 0],
      ["attester", 0],
      ["avtal", 32],
      ["ovrigt", 14],
    ]);
    expect(sections[0]?.lines).toEqual([
      "Utskottets sammanträde 2023-12-06.",
      "Utskottets sammanträde 2023-12-20.",
      "Utskottets sammanträde 2024-01-10.",
      "Utskottets sammanträde 2024-01-17.",
      "Utskottets sammanträde 2024-01-31.",
    ]);
    const avtal = sections[4]?.lines ?? [];
    expect(avtal.filter((l) => l.includes("Placeringsavtal"))).toHaveLength(31);
    expect(avtal).toContain(
      "Dnr IF-2023-00023. Placeringsavtal – HVB missbruk, Solvikens behandlingshem AB, Vuxen missbruk och socialpsykiatri.",
    );
    expect(avtal).toContain("Dnr IF-2023-00023. Placeringsavtal – Skyddat boende, Vuxen missbruk och socialpsykiatri.");
    const ovrigt = sections[5]?.lines ?? [];
    expect(ovrigt.filter((l) => l.includes("arbetsmiljöuppgift"))).toHaveLength(8);
    expect(ovrigt.filter((l) => l.includes("personuppgiftsincident till IMY"))).toHaveLength(2);
    expect(ovrigt).toContain("Dnr IF-2022-00011. Vidaredelegering från förvaltningschef, december 2023.");
    expect(ovrigt).toContain("Dnr IF-2024-00012. Yttrande till kammarrätten i mål nr 7405-23.");
  });

  it("masks the utförare for a reader without read:personal", async () => {
    const avtal = (await anmalan("fortroendevald"))[4]?.lines ?? [];
    expect(avtal.join("\n")).not.toContain("Solvikens");
    expect(avtal).toContain(
      "Dnr IF-2023-00023. Placeringsavtal – HVB missbruk, utförare dold, Vuxen missbruk och socialpsykiatri.",
    );
    const list = (await (await t.as("fortroendevald")).get(`/api/namnd/delegering/beslut?${period()}`)).json() as {
      provider: string | null;
      providerMasked: boolean;
    }[];
    expect(list.some((d) => d.providerMasked)).toBe(true);
    expect(list.every((d) => d.provider === null)).toBe(true);
    const full = (await (await t.as("sekreterare")).get(`/api/namnd/delegering/beslut?${period()}`)).json() as {
      provider: string | null;
    }[];
    expect(full.map((d) => d.provider)).toContain("Solvikens behandlingshem AB");
  });

  it("is refused to a reader outside the nämnd, and for a period that ends before it starts", async () => {
    const vo = await (await t.as("vo-controller")).get(`/api/namnd/delegering/anmalan?${period()}`);
    expect(vo.statusCode).toBe(403);
    const bad = await (await t.as("sekreterare")).get(
      `/api/namnd/delegering/anmalan?orgNodeId=${node("ifo")}&periodStart=2024-02-01&periodEnd=2024-01-31`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("periodEnd");
  });
});

describe("registering a delegation decision", () => {
  it("registers an ordförandebeslut with the Upplysning of the point actually used", async () => {
    const res = await (await t.as("sekreterare")).post(
      "/api/namnd/delegering/beslut",
      decision({ diarienummer: "IF 2024-00016" }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      diarienummer: "IF-2024-00016",
      point: { code: "5.1.1" },
      decider: { kind: "ordforande", name: "Olof Ordförande" },
      upplysning:
        "Beslutet är fattat med stöd av delegering enligt punkt 5.1.1 i nämndens delegeringsförteckning, antagen 2023-09-14 § 104.",
    });
    const byFc = await (await t.as("sekreterare")).post(
      "/api/namnd/delegering/beslut",
      decision({ point: "5.1.3", decider: { kind: "funktion", function: "förvaltningschef", name: "Frida F" } }),
    );
    expect(byFc.statusCode, byFc.body).toBe(200);
    expect(byFc.json()).toMatchObject({ decider: { function: "Förvaltningschef" }, upplysning: null });
  });

  it("names each refused field by its form label, a sub-field under its parent's, in plain Swedish", async () => {
    const res = await (await t.as("sekreterare")).post(
      "/api/namnd/delegering/beslut",
      decision({ decidedOn: "2024-02-30", decider: { kind: "ordforande", name: " " } }),
    );
    expect(res.statusCode).toBe(400);
    const body = res.json() as Problems;
    expect(body.details.problems).toEqual([
      { field: "decidedOn", label: "Beslutsdatum", message: "Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD." },
      { field: "decider.name", label: "Beslutsfattare – Namn", message: "Ange namnet på den som beslutade." },
    ]);
    expect(body.message).toContain("Beslutsfattare – Namn: Ange namnet på den som beslutade.");
    expect(body.message).not.toMatch(/decidedOn|decider\.name|Fältet/);
  });

  it("refuses a decision against a point the decider's role does not hold, naming the point, writing nothing", async () => {
    const before = await countRows(t.database.db, "namnd_delegation_decision");
    const s = await t.as("sekreterare");
    const res = await s.post(
      "/api/namnd/delegering/beslut",
      decision({ decider: { kind: "funktion", function: "Enhetschef", name: "Elin Enhetschef" } }),
    );
    expect(res.statusCode).toBe(400);
    const problems = (res.json() as Problems).details.problems;
    expect(problems).toContainEqual({
      field: "decider",
      label: "Beslutsfattare",
      message: "Enhetschef har inte delegation enligt punkt 5.1.1 (Yttranden); delegat: Ordförande.",
    });
    // Placement agreements: enhetschef holds 4.1.1 only by the vidaredelegering from 2023-10-01.
    const early = await s.post(
      "/api/namnd/delegering/beslut",
      decision({
        point: "4.1.1",
        decidedOn: "2023-09-20",
        decider: { kind: "funktion", function: "Enhetschef", name: "Elin Enhetschef" },
      }),
    );
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain("punkt 4.1.1");
    const late = await s.post(
      "/api/namnd/delegering/beslut",
      decision({
        point: "4.1.1",
        decidedOn: "2023-10-02",
        subject: "Placeringsavtal – HVB",
        provider: "Solvikens behandlingshem AB",
        unitId: node("msb-vuxen"),
        decider: { kind: "funktion", function: "Enhetschef", name: "Elin Enhetschef" },
      }),
    );
    expect(late.statusCode, late.body).toBe(200);
    expect(await countRows(t.database.db, "namnd_delegation_decision")).toBe(before + 1);
  });

  it("names every bad field at once and writes nothing", async () => {
    const before = await countRows(t.database.db, "namnd_delegation_decision");
    const res = await (await t.as("sekreterare")).post(
      "/api/namnd/delegering/beslut",
      decision({
        point: "9.9.9",
        decidedOn: addDays(todayInSweden(), 1),
        diarienummer: "KS-2023-00710",
        unitId: node("vo-hemtjanst-norr"),
        periodFrom: "2024-02-01",
        periodUntil: "2024-01-01",
      }),
    );
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as Problems).details.problems.map((p) => p.field).sort();
    expect(fields).toEqual(["decidedOn", "diarienummer", "periodUntil", "point", "unitId"]);
    const badCode = await (await t.as("sekreterare")).post("/api/namnd/delegering/beslut", decision({ point: "5.1." }));
    expect(badCode.body).toContain('\\"5.1.\\" är ingen punkt');
    expect(await countRows(t.database.db, "namnd_delegation_decision")).toBe(before);
  });

  it("needs write:namnd", async () => {
    const res = await (await t.as("fortroendevald")).post("/api/namnd/delegering/beslut", decision({}));
    expect(res.statusCode).toBe(403);
  });
});

describe("vidaredelegering", () => {
  it("lets a function decide under the point once recorded, and is refused for a point that forbids it", async () => {
    const s = await t.as("sekreterare");
    const ssDecision = decision({
      point: "4.2.1",
      decider: { kind: "funktion", function: "Verksamhetschef", name: "Vilma V" },
    });
    expect((await s.post("/api/namnd/delegering/beslut", ssDecision)).statusCode).toBe(400);
    const forbidden = await s.post("/api/namnd/delegering/vidaredelegering", {
      orgNodeId: node("ifo"),
      point: "4.2.1",
      function: "Verksamhetschef",
      validFrom: "2024-01-01",
    });
    expect(forbidden.statusCode).toBe(400);
    expect(forbidden.body).toContain("Punkt 4.2.1 (Avtal) får inte vidaredelegeras");
    const recorded = await s.post("/api/namnd/delegering/vidaredelegering", {
      orgNodeId: node("ifo"),
      point: "2.1.1",
      function: "Enhetschef",
      validFrom: "2024-01-01",
      diarienummer: "IF-2022-00011",
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json().subdelegations).toContainEqual({
      function: "Enhetschef",
      validFrom: "2024-01-01",
      validUntil: null,
      diarienummer: "IF-2022-00011",
    });
    const hired = await s.post(
      "/api/namnd/delegering/beslut",
      decision({
        point: "2.1.1",
        subject: "Anställning",
        decider: { kind: "funktion", function: "Enhetschef", name: "E" },
      }),
    );
    expect(hired.statusCode, hired.body).toBe(200);
  });
});

describe("adopting a delegeringsordning", () => {
  const point = (over: Record<string, unknown> = {}) => ({
    code: "5.1.1",
    heading: "Yttranden",
    text: "Yttrande över remiss när nämndens yttrande inte hinner inväntas",
    anmalanSection: "ovrigt",
    delegates: [{ kind: "ordforande" }],
    ...over,
  });
  const order = (over: Record<string, unknown> = {}) => ({
    orgNodeId: node("ifo"),
    adoptedOn: "2024-02-15",
    paragraph: 20,
    diarienummer: "IF 2024-00016",
    functions: ["Utvecklingschef"],
    points: [point(), point({ code: "5.1.2", delegates: [{ kind: "funktion", function: "utvecklingschef" }] })],
    ...over,
  });

  it("names every bad row at once and writes nothing", async () => {
    const before = await countRows(t.database.db, "namnd_delegation_point");
    const functionsBefore = await countRows(t.database.db, "namnd_delegation_function");
    const res = await (await t.as("sekreterare")).post(
      "/api/namnd/delegering/ordning",
      order({
        points: [
          point({ code: "5.1" }),
          point({ code: "5.1" }),
          point({ code: "5-2", delegates: [{ kind: "funktion", function: "Kanslichef" }] }),
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    const problems = (res.json() as Problems).details.problems;
    expect(problems.map((p) => p.field)).toEqual(["points.1.code", "points.2.code", "points.2.delegates.0"]);
    expect(problems[2]?.message).toContain("Okänd funktion Kanslichef");
    expect(await countRows(t.database.db, "namnd_delegation_point")).toBe(before);
    expect(await countRows(t.database.db, "namnd_delegation_function")).toBe(functionsBefore);
  });

  it("is in force from its adoption: decisions then are checked, and the Upplysning cites it", async () => {
    const s = await t.as("sekreterare");
    const res = await s.post("/api/namnd/delegering/ordning", order());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      order: { adoptedOn: "2024-02-15", paragraph: 20, diarienummer: "IF-2024-00016" },
      points: [{ code: "5.1.1" }, { code: "5.1.2", delegates: [{ function: "Utvecklingschef" }] }],
    });
    expect((await s.post("/api/namnd/delegering/ordning", order())).statusCode).toBe(409);
    const chair = await s.post("/api/namnd/delegering/beslut", decision({ decidedOn: "2024-02-20" }));
    expect(chair.json().upplysning).toContain(
      "punkt 5.1.1 i nämndens delegeringsförteckning, antagen 2024-02-15 § 20.",
    );
    // Placement agreements (4.1.1) are not in the new ordning.
    const placement = await s.post(
      "/api/namnd/delegering/beslut",
      decision({
        point: "4.1.1",
        decidedOn: "2024-02-20",
        decider: { kind: "funktion", function: "Enhetschef", name: "E" },
      }),
    );
    expect(placement.body).toContain("Punkt 4.1.1 finns inte i delegeringsordningen antagen 2024-02-15 § 20");
    // The anmälan of December–January still reads the decisions under the old ordning.
    expect((await anmalan("sekreterare")).find((p) => p.section === "avtal")?.count).toBe(32);
  });
});
