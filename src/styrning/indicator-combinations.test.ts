// An indicator broken down by two dimensions (age group and unit): values per combination through the API and
// the Excel sheet, a sum relation checked per combination, and conditional targets used by the assessment.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp, TestClient } from "../app/testing.ts";
import { postIndicator, setupTimeout, styrningTestApp } from "./testing.ts";
import { XLSX_TYPE } from "./vocabulary.ts";

let t: TestApp;
let controller: TestClient;
let ages: string;
let units: string;
const ifo = () => t.demo.nodes.ifo?.id ?? "";

const dimension = async (name: string, kind: string, members: [string, string][]) => {
  const res = await controller.post("/api/styrning/dimensions", {
    orgNodeId: ifo(),
    kind,
    name,
    members: members.map(([code, label]) => ({ code, label })),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as string;
};

const indicator = (name: string, extra: Record<string, unknown> = {}) => postIndicator(controller, ifo(), name, extra);

const save = async (values: Record<string, unknown>[]) => {
  const res = await controller.put("/api/styrning/values", { values });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

type Row = {
  label: string;
  codes: string[];
  cells: ({ value: number } | null)[];
  target: string | null;
  met: boolean | null;
};
const view = async (id: string, year = 2024) =>
  (await controller.get(`/api/styrning/indicators/${id}?year=${year}`)).json();

beforeAll(async () => {
  t = await styrningTestApp();
  controller = await t.as("controller");
  ages = await dimension("Åldrar K4", "age", [
    ["0-12", "0–12 år"],
    ["13-17", "13–17 år"],
  ]);
  units = await dimension("Enheter K4", "unit", [
    ["norr", "Enhet norr"],
    ["syd", "Enhet syd"],
  ]);
}, setupTimeout);
afterAll(() => t?.close());

describe("an indicator with two dimensions", () => {
  it("takes values per combination and per part of one dimension, and reads them back in order", async () => {
    const placed = await indicator("Placerade K4", { dimensionIds: [ages, units] });
    expect(placed.dimensionIds).toEqual([ages, units]);
    const saved = await save([
      { indicatorId: placed.id, period: "2024", value: 20 },
      { indicatorId: placed.id, period: "2024", value: 12, members: ["0-12"] },
      { indicatorId: placed.id, period: "2024", value: 5, members: ["0-12", "norr"] },
      // Parts in any order and by label: the same combination as the code order.
      { indicatorId: placed.id, period: "2024", value: 7, members: ["Enhet syd", "0–12 år"] },
      { indicatorId: placed.id, period: "2024", value: 8, members: ["13-17", "syd"] },
    ]);
    expect(saved).toMatchObject({ received: 5, changed: 5 });
    // Saving the combination again, named the other way round, changes that one cell.
    expect(await save([{ indicatorId: placed.id, period: "2024", value: 6, members: ["norr", "0-12"] }])).toMatchObject(
      { changed: 1 },
    );

    const v = await view(placed.id);
    expect(v.breakdown.dimensions.map((d: { name: string }) => d.name)).toEqual(["Åldrar K4", "Enheter K4"]);
    expect(v.breakdown.rows.map((r: Row) => [r.label, r.codes, r.cells[3]?.value ?? null])).toEqual([
      ["0–12 år", ["0-12"], 12],
      ["13–17 år", ["13-17"], null],
      ["Enhet norr", ["norr"], null],
      ["Enhet syd", ["syd"], null],
      ["0–12 år · Enhet norr", ["0-12", "norr"], 6],
      ["0–12 år · Enhet syd", ["0-12", "syd"], 7],
      ["13–17 år · Enhet norr", ["13-17", "norr"], null],
      ["13–17 år · Enhet syd", ["13-17", "syd"], 8],
    ]);
    expect(v.rows[0].cells[3].value).toBe(20);

    const grid = (await controller.get(`/api/styrning/values/grid?orgNodeId=${ifo()}&year=2024`)).json();
    const rows = grid.indicators.find((i: { id: string }) => i.id === placed.id).rows;
    expect(rows).toHaveLength(9);
    expect(rows.at(-1)).toMatchObject({ gender: "T", members: ["13-17", "syd"], label: "13–17 år · Enhet syd" });
    expect(rows.at(-1).cells[0].value).toBe(8);
  });

  it("refuses two parts of one dimension and an unknown part, naming the row and saving nothing", async () => {
    const placed = await indicator("Placerade K4 fel", { dimensionIds: [ages, units] });
    const res = await controller.put("/api/styrning/values", {
      values: [
        { indicatorId: placed.id, period: "2024", value: 1, members: ["0-12", "13-17"] },
        { indicatorId: placed.id, period: "2024", value: 1, members: ["väst"] },
        { indicatorId: placed.id, period: "2024", value: 1, members: ["norr"] },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.problems).toEqual([
      {
        row: 1,
        field: "members",
        message: 'Placerade K4 fel "0-12" och "13-17" hör båda till Åldrar K4; ange en del per indelning.',
      },
      {
        row: 2,
        field: "members",
        message: 'Placerade K4 fel har ingen del "väst"; ange en av 0-12, 13-17, norr, syd.',
      },
    ]);
    expect((await view(placed.id)).breakdown.rows.every((r: Row) => r.cells.every((c) => c === null))).toBe(true);
  });

  it("keeps a dimension that has values, but takes a new one and a new order", async () => {
    const visits = await indicator("Hembesök K4", { dimensionId: ages });
    await save([{ indicatorId: visits.id, period: "2024", value: 3, member: "0-12" }]);
    const url = `/api/styrning/indicators/${visits.id}`;
    const dropped = await controller.patch(url, { dimensionIds: [units] });
    expect(dropped.statusCode).toBe(409);
    expect(dropped.json().message).toBe(
      "Indelning: indikatorn har värden per del av Åldrar K4 och kan inte lämna den indelningen.",
    );
    const twice = await controller.patch(url, { dimensionIds: [ages, ages] });
    expect(twice.statusCode).toBe(400);
    const added = await controller.patch(url, { dimensionIds: [units, ages] });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().dimensionIds).toEqual([units, ages]);
    // The value of one age group is now that age group's subtotal over the units.
    const v = await view(visits.id);
    expect(v.breakdown.rows.find((r: Row) => r.label === "0–12 år").cells[3].value).toBe(3);
    expect(v.breakdown.rows.at(-1).label).toBe("Enhet syd · 13–17 år");
  });

  it("fails a sum relation per combination, naming the indicator, the year and the combination", async () => {
    const all = await indicator("Orosanmälningar K4", { dimensionIds: [ages, units] });
    const girls = await indicator("Orosanmälningar flickor K4", { dimensionIds: [ages, units] });
    const boys = await indicator("Orosanmälningar pojkar K4", { dimensionIds: [ages, units] });
    const rel = await controller.put(`/api/styrning/indicators/${all.id}/relations`, {
      kind: "sum",
      partIds: [girls.id, boys.id],
    });
    expect(rel.statusCode, rel.body).toBe(200);
    const at = (id: string, value: number, members: string[] = []) => ({
      indicatorId: id,
      period: "2024",
      value,
      members,
    });
    await save([
      at(all.id, 30),
      at(girls.id, 18),
      at(boys.id, 12),
      at(all.id, 10, ["0-12", "norr"]),
      at(girls.id, 6, ["0-12", "norr"]),
      at(boys.id, 4, ["0-12", "norr"]),
      at(all.id, 9, ["13-17", "syd"]),
      at(girls.id, 5, ["13-17", "syd"]),
      at(boys.id, 5, ["13-17", "syd"]),
    ]);
    expect((await view(all.id)).relationProblems).toEqual([
      {
        period: "2024",
        gender: "T",
        message:
          "Orosanmälningar K4 2024, 13–17 år · Enhet syd: summan av Orosanmälningar flickor K4 och Orosanmälningar pojkar K4 är 10, men Orosanmälningar K4 är 9.",
      },
    ]);
  });

  it("exports a row per combination and imports a changed one back", async () => {
    const stays = await indicator("Vistelser K4", { dimensionIds: [ages, units] });
    await save([
      { indicatorId: stays.id, period: "2024", value: 40 },
      { indicatorId: stays.id, period: "2024", value: 11, members: ["13-17", "norr"] },
    ]);
    const res = await controller.get(`/api/styrning/values/export.xlsx?orgNodeId=${ifo()}&from=2024&to=2024`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const own: ExcelJS.Row[] = [];
    sheet.eachRow((row) => {
      if (row.getCell(col("Indikator-id")).value === stays.id) own.push(row);
    });
    expect(own.map((r) => [r.getCell(col("Del")).value ?? "", r.getCell(col("Värde")).value ?? null])).toEqual([
      ["", 40],
      ["0–12 år", null],
      ["13–17 år", null],
      ["Enhet norr", null],
      ["Enhet syd", null],
      ["0–12 år · Enhet norr", null],
      ["0–12 år · Enhet syd", null],
      ["13–17 år · Enhet norr", 11],
      ["13–17 år · Enhet syd", null],
    ]);
    // Fill in one combination and change another; rows left as they were change nothing.
    (own[6] as ExcelJS.Row).getCell(col("Värde")).value = 9;
    (own[7] as ExcelJS.Row).getCell(col("Värde")).value = "12";
    const imported = await controller.request({
      method: "POST",
      url: `/api/styrning/values/import.xlsx?orgNodeId=${ifo()}`,
      payload: Buffer.from(await workbook.xlsx.writeBuffer()),
      headers: { "content-type": XLSX_TYPE },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ changed: 2 });
    const rows = (await view(stays.id)).breakdown.rows as Row[];
    expect(rows.filter((r) => r.cells[3]).map((r) => [r.label, r.cells[3]?.value])).toEqual([
      ["0–12 år · Enhet syd", 9],
      ["13–17 år · Enhet norr", 12],
    ]);
  });
});

describe("conditional targets", () => {
  it("sets a target that applies only with enough cases, judged per year and in the goal's assessment", async () => {
    const cases = await indicator("Ärenden K4", { direction: "none" });
    const quick = await indicator("Utredningar i tid K4", { unit: "procent", direction: "higher" });
    await save([
      { indicatorId: cases.id, period: "2023", value: 12 },
      { indicatorId: cases.id, period: "2024", value: 25 },
      { indicatorId: quick.id, period: "2023", value: 70 },
      { indicatorId: quick.id, period: "2024", value: 93 },
    ]);
    const target = await controller.put(`/api/styrning/indicators/${quick.id}/targets/2023`, {
      target: "90 %",
      condition: { indicatorId: cases.id, op: "gte", value: 20 },
    });
    expect(target.statusCode, target.body).toBe(200);
    expect(target.json()).toMatchObject({
      kind: "conditional",
      members: [],
      condition: { indicatorName: "Ärenden K4", op: "gte", value: 20, text: "Ärenden K4 är minst 20" },
      otherwise: null,
    });
    await controller.put(`/api/styrning/indicators/${quick.id}/targets/2024`, {
      target: "90 %",
      condition: { indicatorId: cases.id, op: "gte", value: 20 },
    });

    // 2023 had too few cases: no target, not judged; 2024 had enough: judged and met.
    const v2024 = await view(quick.id, 2024);
    expect(v2024.yearEvaluations.slice(2)).toEqual([
      { year: 2023, target: "90 %", kind: "conditional", met: null },
      { year: 2024, target: "90 %", kind: "conditional", met: true },
    ]);
    expect(v2024.target).toMatchObject({ conditionState: "holds", otherwise: null });
    expect(v2024.evaluation).toMatchObject({ status: "met" });
    expect(v2024.band).toEqual({ low: 90, high: null });
    const v2023 = await view(quick.id, 2023);
    expect(v2023.target.conditionState).toBe("fails");
    expect(v2023.evaluation).toEqual({
      name: "Utredningar i tid K4",
      status: "not_assessable",
      rows: [{ gender: "T", status: "not_assessable" }],
      explanation:
        "Utredningar i tid K4: målvärdet gäller inte 2023: Ärenden K4 är 12, villkoret minst 20 uppfylls inte.",
    });
    expect(v2023.targets[0]).toMatchObject({ kind: "conditional", problems: [] });

    // On a goal of the 2023 plan the indicator counts as not judged, so it makes no suggestion, saying why.
    const models = (await controller.get(`/api/styrning/models?orgNodeId=${ifo()}`)).json();
    const plan = models.find((m: { year: number }) => m.year === 2023);
    const tree = (await controller.get(`/api/styrning/models/${plan.id}/tree`)).json();
    const goal = tree.goals[0] as { id: string };
    const linked = await controller.put(`/api/styrning/goals/${goal.id}/indicators`, { indicatorIds: [quick.id] });
    expect(linked.statusCode, linked.body).toBe(200);
    const page = (await controller.get(`/api/styrning/goals/${goal.id}?period=2023`)).json();
    expect(page.indicators.map((i: { evaluation: { status: string } }) => i.evaluation.status)).toEqual([
      "not_assessable",
    ]);
    expect(page.suggestion).toMatchObject({ meaning: null, counts: { not_assessable: 1 } });
  });

  it("applies the otherwise-target when the condition fails, and a per-unit target with the unit's own condition", async () => {
    const inflow = await indicator("Inflöde K4", { direction: "none", dimensionIds: [units] });
    const waiting = await indicator("Väntetid K4", { dimensionIds: [units] });
    await save([
      { indicatorId: inflow.id, period: "2024", value: 130 },
      { indicatorId: waiting.id, period: "2024", value: 18 },
      { indicatorId: inflow.id, period: "2024", value: 80, members: ["norr"] },
      { indicatorId: waiting.id, period: "2024", value: 18, members: ["norr"] },
      { indicatorId: inflow.id, period: "2024", value: 50, members: ["syd"] },
      { indicatorId: waiting.id, period: "2024", value: 12, members: ["syd"] },
    ]);
    const condition = { indicatorId: inflow.id, op: "lt", value: 100 };
    const put = (body: Record<string, unknown>) =>
      controller.put(`/api/styrning/indicators/${waiting.id}/targets/2024`, { target: "≤ 14", condition, ...body });
    expect((await put({ otherwise: "≤ 21" })).statusCode).toBe(200);
    for (const members of [["norr"], ["syd"]]) expect((await put({ members })).statusCode).toBe(200);

    const v = await view(waiting.id);
    // The whole had 130 cases: the otherwise-target (≤ 21) applies and 18 meets it.
    expect(v.target).toMatchObject({ conditionState: "fails", otherwise: "≤ 21" });
    expect(v.evaluation.status).toBe("met");
    // Each unit is judged with its own inflow: norr (80) and syd (50) are under 100, so ≤ 14 applies to both.
    expect(v.breakdown.rows.map((r: Row) => [r.label, r.target, r.met])).toEqual([
      ["Enhet norr", "≤ 14 om Inflöde K4 är lägre än 100, annars inget målvärde", false],
      ["Enhet syd", "≤ 14 om Inflöde K4 är lägre än 100, annars inget målvärde", true],
    ]);
    // A unit's target is removed by naming its parts; the whole's stays.
    const url = `/api/styrning/indicators/${waiting.id}/targets/2024`;
    expect((await controller.delete(`${url}?members=syd`)).statusCode).toBe(204);
    expect((await controller.delete(`${url}?members=syd`)).statusCode).toBe(404);
    const after = await view(waiting.id);
    expect(after.breakdown.rows.map((r: Row) => r.target !== null)).toEqual([true, false]);
    expect(after.target).toMatchObject({ target: "≤ 14" });
  });

  it("refuses a condition on the indicator itself or on an unknown one, and an otherwise-target without a condition", async () => {
    const own = await indicator("Eget villkor K4");
    const url = `/api/styrning/indicators/${own.id}/targets/2024`;
    const self = await controller.put(url, { target: "10", condition: { indicatorId: own.id, op: "gte", value: 1 } });
    expect(self.statusCode).toBe(400);
    expect(self.json().message).toContain("Villkor: villkoret prövas mot en annan indikators numeriska utfall");
    const unknown = await controller.put(url, {
      target: "10",
      condition: { indicatorId: crypto.randomUUID(), op: "gte", value: 1 },
    });
    expect(unknown.statusCode).toBe(404);
    const orphan = await controller.put(url, { target: "10", otherwise: "20" });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().message).toBe("Annars: ett målvärde för annars kräver ett villkor.");
  });
});
