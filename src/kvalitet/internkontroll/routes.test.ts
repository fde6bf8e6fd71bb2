import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, type TestApp, testApp } from "../../app/testing.ts";
import { addDays, todayInSweden } from "../../platform/calendar.ts";

let t: TestApp;
const today = todayInSweden();
const year = Number(today.slice(0, 4));
const node = (key: string) => t.demo.nodes[key]?.id as string;

beforeAll(async () => {
  t = await testApp({ fullDemo: true });
});
afterAll(() => t?.close());

type Year = {
  canWrite: boolean;
  plan: { diarienummer: string | null } | null;
  risks: { id: string; nr: number; common: boolean; toPlan: boolean; reason: string | null; level: { name: string } }[];
  levelCounts: { level: string; count: number }[];
  matrix: { riskNrs: number[] }[][];
  granskningar: {
    id: string;
    nr: string;
    risks: { nr: number }[];
    deviations: boolean | null;
    atgarder: { text: string }[];
  }[];
  questions: { id: string; area: string; answer: string | null }[];
  tally: { total: { omhandertaget: number; delvis: number; ej: number; unanswered: number; questions: number } };
};
type Problems = { details: { problems: { field: string }[] } };
const fields = (body: unknown) => (body as Problems).details.problems.map((p) => p.field);

async function yearOf(y: number, role = "kvalitet"): Promise<Year> {
  const res = await (await t.as(role)).get(`/api/kvalitet/internkontroll?orgNodeId=${node("ifo")}&year=${y}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Year;
}

describe("the 2023 demo plan", () => {
  it("has 13 risks in the plan, 7 kommungemensamma and 6 own, 8 Hög and 5 Medel, and 3 left out with reasons", async () => {
    const v = await yearOf(2023);
    expect(v.plan?.diarienummer).toBe("IF-2022-00266");
    const inPlan = v.risks.filter((r) => r.toPlan);
    expect(inPlan).toHaveLength(13);
    expect(inPlan.filter((r) => r.common)).toHaveLength(7);
    expect(v.levelCounts).toEqual([
      { level: "Låg", count: 0 },
      { level: "Medel", count: 5 },
      { level: "Hög", count: 8 },
      { level: "Kritisk", count: 0 },
    ]);
    expect(inPlan.filter((r) => r.level.name === "Hög").map((r) => r.nr)).toEqual([1, 3, 4, 5, 6, 10, 11, 12]);
    expect(v.matrix.flat().flatMap((c) => c.riskNrs)).toHaveLength(13);
    const out = v.risks.filter((r) => !r.toPlan);
    expect(out).toHaveLength(3);
    expect(out.every((r) => r.reason !== null)).toBe(true);
  });

  it("has the 12 granskningar in number order, 5.1.6 covering risks 6 and 9, and the självskattning 12 / 8", async () => {
    const v = await yearOf(2023, "fortroendevald");
    expect(v.canWrite).toBe(false);
    expect(v.granskningar.map((g) => g.nr)).toEqual(Array.from({ length: 12 }, (_, i) => `5.1.${i + 1}`));
    expect(v.granskningar.find((g) => g.nr === "5.1.6")?.risks.map((r) => r.nr)).toEqual([6, 9]);
    expect(v.questions).toHaveLength(20);
    expect(v.tally.total).toEqual({ omhandertaget: 12, delvis: 8, ej: 0, unanswered: 0, questions: 20 });
  });

  it("gives the follow-up report's chapters 4.1, 4.2, 5.1, 5.2 and 7", async () => {
    const res = await (await t.as("fortroendevald")).get(
      `/api/kvalitet/internkontroll/rapport?orgNodeId=${node("ifo")}&year=2023`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as {
      summary: Record<string, unknown>;
      riskAnalysis: unknown[];
      notToPlan: { reason: string }[];
      granskningar: { nr: string; riskNrs: number[] }[];
      followUp: { nr: number; activities: string[]; done: string[]; planned: string[] }[];
      selfAssessment: { areas: { area: string; questions: number }[] };
    };
    expect(r.summary).toMatchObject({ risks: 16, toPlan: 13, common: 7, own: 6, granskningar: 12 });
    expect(r.riskAnalysis).toHaveLength(16);
    expect(r.notToPlan.map((n) => n.reason)).toContain("Förvaltningen har ingen kontanthantering.");
    expect(r.granskningar).toHaveLength(12);
    expect(r.followUp).toHaveLength(13);
    expect(r.followUp.find((f) => f.nr === 9)?.activities[0]).toMatch(/^5\.1\.6 /);
    expect(r.followUp.find((f) => f.nr === 10)?.done).toHaveLength(1);
    expect(r.selfAssessment.areas.map((a) => a.questions)).toEqual([4, 7, 2, 2, 3, 2]);
  });
});

describe("writing the internkontroll", () => {
  const risk = (body: Record<string, unknown> = {}) => ({
    orgNodeId: node("ifo"),
    year,
    category: "Verksamhet",
    description: "Dokumentation i nya verksamhetssystemet.",
    common: false,
    likelihood: 2,
    consequence: 3,
    toPlan: true,
    ...body,
  });

  it("is for write:kvalitet on the nämnd, and on a nämnd only", async () => {
    expect((await (await t.as("controller")).post("/api/kvalitet/internkontroll/riskanalys", risk())).statusCode).toBe(
      403,
    );
    expect(
      (await (await t.as("enhetschef")).get(`/api/kvalitet/internkontroll?orgNodeId=${node("ifo")}&year=2023`))
        .statusCode,
    ).toBe(403);
    const unit = await (await t.as("kvalitet")).post(
      "/api/kvalitet/internkontroll/riskanalys",
      risk({ orgNodeId: node("msb") }),
    );
    expect(unit.statusCode).toBe(400);
    expect(unit.body).toContain("välj nämnden");
  });

  it("adds a risk, needs a reason to leave one out, writing nothing when refused", async () => {
    const k = await t.as("kvalitet");
    const before = await countRows(t.database.db, "kvalitet_ik_risk");
    const bare = await k.post("/api/kvalitet/internkontroll/riskanalys", risk({ toPlan: false }));
    expect(bare.statusCode).toBe(400);
    expect(fields(bare.json())).toEqual(["reason"]);
    const unknown = await k.post("/api/kvalitet/internkontroll/riskanalys", risk({ likelihood: 7 }));
    expect(fields(unknown.json())).toEqual(["likelihood"]);
    expect(await countRows(t.database.db, "kvalitet_ik_risk")).toBe(before);
    const ok = await k.post("/api/kvalitet/internkontroll/riskanalys", risk());
    expect(ok.statusCode, ok.body).toBe(200);
    const v = await yearOf(year);
    expect(v.risks.map((r) => r.nr)).toEqual([1]);
  });

  it("adds a granskning on this year's risks, refusing a duplicate number, another year's risk and deviations without result", async () => {
    const k = await t.as("kvalitet");
    const [mine] = (await yearOf(year)).risks;
    const old = (await yearOf(2023)).risks[0];
    const g = (body: Record<string, unknown> = {}) => ({
      orgNodeId: node("ifo"),
      year,
      nr: "5.1.1",
      title: "Dokumentation",
      method: "Stickprov 10 akter",
      frequency: "En gång per år",
      responsible: "Verksamhetschef",
      riskIds: [mine?.id],
      ...body,
    });
    const before = await countRows(t.database.db, "kvalitet_ik_granskning");
    const wrong = await k.post(
      "/api/kvalitet/internkontroll/granskningar",
      g({ riskIds: [mine?.id, old?.id], deviations: true }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(fields(wrong.json())).toEqual(["result", "riskIds.1"]);
    expect(await countRows(t.database.db, "kvalitet_ik_granskning")).toBe(before);
    const added = await k.post("/api/kvalitet/internkontroll/granskningar", g());
    expect(added.statusCode, added.body).toBe(200);
    const twice = await k.post("/api/kvalitet/internkontroll/granskningar", g());
    expect(fields(twice.json())).toEqual(["nr"]);

    // Its result, then an åtgärd against it through the åtgärder route.
    const id = (added.json() as { id: string }).id;
    const result = await k.patch(`/api/kvalitet/internkontroll/granskningar/${id}`, {
      result: "3 av 10 akter saknade genomförandeplan.",
      deviations: true,
    });
    expect(result.statusCode, result.body).toBe(200);
    const atgard = await k.post("/api/kvalitet/atgarder", {
      granskningId: id,
      text: "Utbildning i dokumentation.",
      owner: "Verksamhetschef",
    });
    expect(atgard.statusCode, atgard.body).toBe(200);
    const both = await k.post("/api/kvalitet/atgarder", {
      granskningId: id,
      riskId: mine?.id,
      text: "Något",
      owner: "Någon",
    });
    expect(both.statusCode).toBe(400);
    const v = await yearOf(year);
    expect(v.granskningar[0]).toMatchObject({ deviations: true, atgarder: [{ text: "Utbildning i dokumentation." }] });
  });

  it("saves självskattning answers, refusing unknown questions and answers whole", async () => {
    const k = await t.as("kvalitet");
    const { questions } = await yearOf(year);
    const before = await countRows(t.database.db, "kvalitet_ik_answer");
    const body = (answers: unknown[]) => ({ orgNodeId: node("ifo"), year, answers });
    const bad = await k.put(
      "/api/kvalitet/internkontroll/sjalvskattning",
      body([
        { questionId: questions[0]?.id, answer: "delvis" },
        { questionId: "00000000-0000-4000-8000-000000000000", answer: "delvis" },
      ]),
    );
    expect(bad.statusCode).toBe(400);
    expect(fields(bad.json())).toEqual(["answers.1.questionId"]);
    const word = await k.put(
      "/api/kvalitet/internkontroll/sjalvskattning",
      body([{ questionId: questions[0]?.id, answer: "kanske" }]),
    );
    expect(fields(word.json())).toEqual(["answers.0.answer"]);
    expect(await countRows(t.database.db, "kvalitet_ik_answer")).toBe(before);
    const ok = await k.put(
      "/api/kvalitet/internkontroll/sjalvskattning",
      body([
        { questionId: questions[0]?.id, answer: "ej", comment: "Målen är inte kända." },
        { questionId: questions[1]?.id, answer: "omhandertaget" },
      ]),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await yearOf(year)).tally.total).toMatchObject({ ej: 1, omhandertaget: 1, unanswered: 18 });
  });

  it("records the plan decision, refusing a day still to come", async () => {
    const k = await t.as("kvalitet");
    const future = await k.put("/api/kvalitet/internkontroll/plan", {
      orgNodeId: node("ifo"),
      year,
      adoptedOn: addDays(today, 1),
    });
    expect(fields(future.json())).toEqual(["adoptedOn"]);
    const ok = await k.put("/api/kvalitet/internkontroll/plan", {
      orgNodeId: node("ifo"),
      year,
      diarienummer: `IF-${year}-00001`,
      adoptedOn: today,
      decisionRef: "§ 1",
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await yearOf(year)).plan).toEqual({
      diarienummer: `IF-${year}-00001`,
      adoptedOn: today,
      decisionRef: "§ 1",
    });
  });
});
