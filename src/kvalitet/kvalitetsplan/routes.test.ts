import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, type TestApp, testApp } from "../../app/testing.ts";
import { addDays, todayInSweden } from "../../platform/calendar.ts";
import { standardScales } from "../risk/risk.ts";

let t: TestApp;
const today = todayInSweden();
const year = Number(today.slice(0, 4));
const node = (key: string) => t.demo.nodes[key]?.id as string;

beforeAll(async () => {
  t = await testApp({ fullDemo: true });
});
afterAll(() => t?.close());

type Plan = {
  canWrite: boolean;
  risks: { id: string; nr: number; description: string; value: number; level: { name: string } }[];
  matrix: { likelihood: number; consequence: number; level: { name: string }; riskNrs: number[] }[][];
  levelCounts: { level: string; count: number }[];
  egenkontroller: {
    id: string;
    what: string;
    share: number | null;
    performedOn: string;
    risk: { nr: number } | null;
  }[];
  atgarder: { id: string; text: string; status: string; overdue: boolean; linkedTo: { kind: string; label: string } }[];
};
type Problems = { details: { problems: { field: string; message: string }[] } };
const fields = (body: unknown) => (body as Problems).details.problems.map((p) => p.field);

async function planOf(key: string, y: number, role = "enhetschef"): Promise<Plan> {
  const res = await (await t.as(role)).get(`/api/kvalitet/kvalitetsplan?orgNodeId=${node(key)}&year=${y}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Plan;
}

const risk = (body: Record<string, unknown> = {}) => ({
  orgNodeId: node("bss-almen"),
  year,
  description: "Nattpersonalen känner inte till rutinen för larm.",
  likelihood: 3,
  consequence: 4,
  ...body,
});

describe("the demo plans", () => {
  it("hold the kvalitetsberättelse 2023's five risks: 2 Hög and 3 Medium, with the printed statuses", async () => {
    const plan = await planOf("ifo-forv", 2023, "kvalitet");
    expect(plan.risks.map((r) => r.nr)).toEqual([1, 2, 3, 4, 5]);
    expect(plan.levelCounts).toEqual([
      { level: "Låg", count: 0 },
      { level: "Medium", count: 3 },
      { level: "Hög", count: 2 },
      { level: "Kritisk", count: 0 },
    ]);
    expect(plan.risks.filter((r) => r.level.name === "Hög").map((r) => r.nr)).toEqual([1, 2]);
    const statuses = plan.atgarder.map((a) => a.status).sort();
    expect(statuses).toEqual([
      "avslutad_delvis",
      "avslutad_ej_uppnadd",
      "pagaende_med_avvikelse",
      "pagaende_med_avvikelse",
      "pagaende_med_avvikelse",
      "pagaende_med_avvikelse",
    ]);
    // Every risk sits in exactly one matrix cell.
    expect(
      plan.matrix
        .flat()
        .flatMap((c) => c.riskNrs)
        .sort(),
    ).toEqual([1, 2, 3, 4, 5]);
  });

  it("hold the egenkontroll of Följa upp uppdrag on 2023-11-09 with 42 % and 76 %", async () => {
    const plan = await planOf("ifo-forv", 2023, "fortroendevald");
    expect(plan.canWrite).toBe(false);
    expect(plan.egenkontroller.map((c) => [c.performedOn, c.share, c.risk?.nr])).toEqual([
      ["2023-11-09", 0.76, 5],
      ["2023-11-09", 0.42, 5],
    ]);
  });

  it("list the open åtgärder past their deadline under the nämnd", async () => {
    const res = await (await t.as("kvalitet")).get(`/api/kvalitet/atgarder?orgNodeId=${node("ifo")}&status=forsenade`);
    expect(res.statusCode, res.body).toBe(200);
    const { atgarder } = res.json() as { atgarder: { overdue: boolean; status: string; deadline: string }[] };
    // 4 in 2023's plan, 3 in the units' 2024 plans, 8 of internkontroll 2023's (all deadlines have passed).
    expect(atgarder).toHaveLength(15);
    expect(atgarder.every((a) => a.overdue && !a.status.startsWith("avslutad") && a.deadline < today)).toBe(true);
    const all = await (await t.as("kvalitet")).get(`/api/kvalitet/atgarder?orgNodeId=${node("ifo")}`);
    const every = (all.json() as { atgarder: { linkedTo: { kind: string; label: string } }[] }).atgarder;
    expect(every).toHaveLength(20);
    expect(every.filter((a) => a.linkedTo.kind === "granskning")).toHaveLength(9);
    expect(every.map((a) => a.linkedTo.label)).toContain("Granskning 5.1.9: Mutor och jäv");
  });
});

describe("risks", () => {
  it("lets the enhetschef add a risk that is numbered and placed in its matrix cell", async () => {
    const chef = await t.as("enhetschef");
    const res = await chef.post("/api/kvalitet/kvalitetsplan/risker", risk());
    expect(res.statusCode, res.body).toBe(200);
    const plan = await planOf("bss-almen", year);
    expect(plan.canWrite).toBe(true);
    const added = plan.risks.find((r) => r.id === (res.json() as { id: string }).id);
    expect(added).toMatchObject({ nr: plan.risks.length, value: 12, level: { name: "Kritisk" } });
    const cell = plan.matrix.flat().find((c) => c.likelihood === 3 && c.consequence === 4);
    expect(cell?.riskNrs).toContain(added?.nr);
    expect(cell?.level.name).toBe("Kritisk");
  });

  it("lets staff read the plan but not write it, and nobody write another unit's", async () => {
    const staff = await t.as("medarbetare");
    expect((await staff.get(`/api/kvalitet/kvalitetsplan?orgNodeId=${node("bss-almen")}&year=2024`)).statusCode).toBe(
      200,
    );
    expect((await staff.post("/api/kvalitet/kvalitetsplan/risker", risk())).statusCode).toBe(403);
    const other = await (await t.as("enhetschef")).post(
      "/api/kvalitet/kvalitetsplan/risker",
      risk({ orgNodeId: node("bss-bjorken") }),
    );
    expect(other.statusCode).toBe(403);
  });

  it("refuses scores outside 1–4, a year too far ahead, a nämnd and an unknown process, writing nothing", async () => {
    const chef = await t.as("kvalitet");
    const before = await countRows(t.database.db, "kvalitet_plan_risk");
    const scores = await chef.post("/api/kvalitet/kvalitetsplan/risker", risk({ likelihood: 5, consequence: 0 }));
    expect(scores.statusCode).toBe(400);
    expect(fields(scores.json())).toEqual(["likelihood", "consequence"]);
    const ahead = await chef.post("/api/kvalitet/kvalitetsplan/risker", risk({ year: year + 2 }));
    expect(ahead.statusCode).toBe(400);
    expect(fields(ahead.json())).toEqual(["year"]);
    const namnd = await chef.post("/api/kvalitet/kvalitetsplan/risker", risk({ orgNodeId: node("ifo") }));
    expect(namnd.statusCode).toBe(400);
    expect(namnd.body).toContain("Välj en enhet");
    const process = await chef.post(
      "/api/kvalitet/kvalitetsplan/risker",
      risk({ processId: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(process.statusCode).toBe(400);
    expect(fields(process.json())).toEqual(["processId"]);
    expect(await countRows(t.database.db, "kvalitet_plan_risk")).toBe(before);
  });

  it("masks a personnummer in the description and says so", async () => {
    const res = await (await t.as("enhetschef")).post(
      "/api/kvalitet/kvalitetsplan/risker",
      risk({ description: "Som när 19850312-1234 föll." }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { warnings: string[] }).warnings[0]).toContain("maskerades i riskbeskrivningen");
    const plan = await planOf("bss-almen", year);
    expect(plan.risks.map((r) => r.description)).toContain("Som när ********-**** föll.");
  });
});

describe("egenkontroller", () => {
  const control = (body: Record<string, unknown> = {}) => ({
    orgNodeId: node("bss-almen"),
    year,
    what: "Finns en aktuell genomförandeplan?",
    method: "Stickprov",
    sample: "10 brukare",
    performedOn: today,
    numerator: 7,
    denominator: 10,
    ...body,
  });

  it("keeps the result as numerator and denominator and answers the share", async () => {
    const res = await (await t.as("enhetschef")).post("/api/kvalitet/kvalitetsplan/egenkontroller", control());
    expect(res.statusCode, res.body).toBe(200);
    const plan = await planOf("bss-almen", year);
    expect(plan.egenkontroller.find((c) => c.id === (res.json() as { id: string }).id)?.share).toBe(0.7);
  });

  it("refuses a future date, more passing than checked, half a result and another plan's risk, writing nothing", async () => {
    const chef = await t.as("enhetschef");
    const before = await countRows(t.database.db, "kvalitet_egenkontroll");
    const future = await chef.post(
      "/api/kvalitet/kvalitetsplan/egenkontroller",
      control({ performedOn: addDays(today, 1), numerator: 11 }),
    );
    expect(future.statusCode).toBe(400);
    expect(fields(future.json()).sort()).toEqual(["numerator", "performedOn"]);
    const half = await chef.post("/api/kvalitet/kvalitetsplan/egenkontroller", control({ denominator: null }));
    expect(fields(half.json())).toEqual(["denominator"]);
    const bjorken = await planOf("bss-bjorken", 2024, "kvalitet");
    const foreign = await chef.post(
      "/api/kvalitet/kvalitetsplan/egenkontroller",
      control({ riskId: bjorken.risks[0]?.id }),
    );
    expect(foreign.statusCode).toBe(400);
    expect(fields(foreign.json())).toEqual(["riskId"]);
    expect(await countRows(t.database.db, "kvalitet_egenkontroll")).toBe(before);
  });
});

describe("åtgärder", () => {
  async function newRisk(): Promise<string> {
    const res = await (await t.as("enhetschef")).post("/api/kvalitet/kvalitetsplan/risker", risk());
    return (res.json() as { id: string }).id;
  }

  it("are added against a risk, refused closing without a comment, closed with one, then stay closed", async () => {
    const chef = await t.as("enhetschef");
    const riskId = await newRisk();
    const added = await chef.post("/api/kvalitet/atgarder", {
      riskId,
      text: "Gå igenom larmrutinen med nattpersonalen.",
      owner: "Enhetschef",
      deadline: addDays(today, 30),
    });
    expect(added.statusCode, added.body).toBe(200);
    const id = (added.json() as { id: string }).id;

    const bare = await chef.patch(`/api/kvalitet/atgarder/${id}`, { status: "avslutad_uppnadd" });
    expect(bare.statusCode).toBe(400);
    expect(fields(bare.json())).toEqual(["comment"]);
    expect(bare.body).toContain("Avslutad – nyttan uppnådd");
    const future = await chef.patch(`/api/kvalitet/atgarder/${id}`, {
      status: "pagaende",
      statusOn: addDays(today, 1),
    });
    expect(fields(future.json())).toEqual(["statusOn"]);
    const unknown = await chef.patch(`/api/kvalitet/atgarder/${id}`, { status: "klar" });
    expect(unknown.statusCode).toBe(400);
    expect(fields(unknown.json())).toEqual(["status"]);
    let plan = await planOf("bss-almen", year);
    expect(plan.atgarder.find((a) => a.id === id)?.status).toBe("ej_paborjad");

    const closed = await chef.patch(`/api/kvalitet/atgarder/${id}`, {
      status: "avslutad_uppnadd",
      comment: "Alla på natten har gått igenom rutinen.",
    });
    expect(closed.statusCode, closed.body).toBe(200);
    plan = await planOf("bss-almen", year);
    expect(plan.atgarder.find((a) => a.id === id)).toMatchObject({
      status: "avslutad_uppnadd",
      overdue: false,
      linkedTo: { kind: "risk" },
    });
    const again = await chef.patch(`/api/kvalitet/atgarder/${id}`, { text: "Ändrad" });
    expect(again.statusCode).toBe(409);
  });

  it("need exactly one link and a deadline not before today", async () => {
    const chef = await t.as("enhetschef");
    const before = await countRows(t.database.db, "kvalitet_atgard");
    const none = await chef.post("/api/kvalitet/atgarder", { text: "Något", owner: "Enhetschef" });
    expect(none.statusCode).toBe(400);
    expect(fields(none.json())).toEqual(["riskId"]);
    const early = await chef.post("/api/kvalitet/atgarder", {
      riskId: await newRisk(),
      text: "Något",
      owner: "Enhetschef",
      deadline: addDays(today, -1),
    });
    expect(fields(early.json())).toEqual(["deadline"]);
    expect(await countRows(t.database.db, "kvalitet_atgard")).toBe(before);
  });
});

describe("the risk scale", () => {
  const scale = (min: number) => ({
    ...standardScales.kvalitetsplan,
    kind: "kvalitetsplan",
    orgNodeId: node("kommun"),
    levels: standardScales.kvalitetsplan.levels.map((l, i) => (i === 2 ? { ...l, min } : l)),
  });

  it("is the kommun admin's to change, refused whole when cut-offs do not increase", async () => {
    expect((await (await t.as("kvalitet")).put("/api/kvalitet/riskskalor", scale(9))).statusCode).toBe(403);
    const admin = await t.as("admin");
    const bad = await admin.put("/api/kvalitet/riskskalor", scale(3));
    expect(bad.statusCode).toBe(400);
    expect(fields(bad.json())).toEqual(["levels.2.min"]);
    expect(await countRows(t.database.db, "kvalitet_risk_scale")).toBe(0);

    // Hög from 9: the 2023 plan's risk 2 (2 × 4 = 8) falls to Medium.
    const saved = await admin.put("/api/kvalitet/riskskalor", scale(9));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ standard: false, levels: [{}, {}, { name: "Hög", min: 9 }, {}] });
    const plan = await planOf("ifo-forv", 2023, "kvalitet");
    expect(plan.levelCounts.find((c) => c.level === "Hög")?.count).toBe(1);
    const back = await admin.put("/api/kvalitet/riskskalor", scale(8));
    expect(back.statusCode).toBe(200);
  });
});

describe("the kommun's processes", () => {
  const processes = async (role = "kvalitet") =>
    (
      (await (await t.as(role)).get(`/api/kvalitet/processer?orgNodeId=${node("ifo")}`)).json() as {
        processes: { id: string; process: string; activity: string; active: boolean }[];
      }
    ).processes;

  it("are renamed and deactivated by the kommun admin only, audited; a deactivated one stays on its risks", async () => {
    const admin = await t.as("admin");
    const added = await admin.post("/api/kvalitet/processer", {
      orgNodeId: node("kommun"),
      process: "Ledningsprocessen",
      activity: "Planera",
    });
    expect(added.statusCode, added.body).toBe(200);
    const { id } = added.json() as { id: string };
    const chef = await t.as("enhetschef");
    const used = await chef.post("/api/kvalitet/kvalitetsplan/risker", risk({ processId: id }));
    expect(used.statusCode, used.body).toBe(200);

    expect((await (await t.as("kvalitet")).patch(`/api/kvalitet/processer/${id}`, { active: false })).statusCode).toBe(
      403,
    );
    const [other] = (await processes()).filter((p) => p.id !== id);
    const taken = await admin.patch(`/api/kvalitet/processer/${id}`, {
      process: other?.process,
      activity: other?.activity,
    });
    expect(taken.statusCode).toBe(409);
    expect(await admin.patch(`/api/kvalitet/processer/${id}`, {}).then((r) => r.statusCode)).toBe(400);

    const renamed = await admin.patch(`/api/kvalitet/processer/${id}`, { activity: "Planera och följa upp" });
    expect(renamed.json()).toEqual({
      id,
      process: "Ledningsprocessen",
      activity: "Planera och följa upp",
      active: true,
    });
    const off = await admin.patch(`/api/kvalitet/processer/${id}`, { active: false });
    expect(off.json()).toMatchObject({ activity: "Planera och följa upp", active: false });
    expect((await processes()).find((p) => p.id === id)?.active).toBe(false);

    const plan = (
      await (await t.as("enhetschef")).get(`/api/kvalitet/kvalitetsplan?orgNodeId=${node("bss-almen")}&year=${year}`)
    ).json() as { risks: { id: string; process: { name: string } | null }[] };
    const { id: riskId } = used.json() as { id: string };
    expect(plan.risks.find((r) => r.id === riskId)?.process?.name).toBe("Ledningsprocessen – Planera och följa upp");

    const audited = await t.database.db
      .selectFrom("audit_log")
      .select(["action"])
      .where("entity", "=", "kvalitet_process")
      .where("entity_id", "=", id)
      .execute();
    expect(audited.map((a) => a.action)).toEqual(["create", "update", "update"]);
  });
});
