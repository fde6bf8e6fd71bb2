import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp, TestClient } from "../app/testing.ts";
import { setupTimeout, styrningTestApp } from "./testing.ts";

let t: TestApp;
let controller: TestClient;
let indicators: { id: string; name: string }[];

beforeAll(async () => {
  t = await styrningTestApp();
  controller = await t.as("controller");
  indicators = (await controller.get(`/api/styrning/indicators?orgNodeId=${t.demo.nodes.ifo?.id}`)).json();
}, setupTimeout);
afterAll(() => t?.close());

const ifo = () => t.demo.nodes.ifo?.id ?? "";
const byName = (name: string) => {
  const found = indicators.find((i) => i.name === name);
  if (!found) throw new Error(name);
  return found.id;
};

describe("entering values", () => {
  it("distinguishes a value, 'not yet published' and 'not measured', and records source and who entered", async () => {
    const hme = byName("Hållbart medarbetarengagemang (HME)");
    const turnover = byName("Personalomsättning");
    const mobile = byName("LIKA: mobil dokumentation");
    const res = await controller.put("/api/styrning/values", {
      values: [
        { indicatorId: hme, period: "2023", value: 77 },
        { indicatorId: turnover, period: "2023", state: "not_published" },
        { indicatorId: mobile, period: "2023", statusCode: "Uppnådd" },
      ],
    });
    expect(res.json()).toEqual({ received: 3, changed: 3, unchanged: 0, corrections: 0 });
    const grid = (await controller.get(`/api/styrning/values/grid?orgNodeId=${ifo()}&year=2023`)).json();
    const cell = (id: string) => grid.indicators.find((i: { id: string }) => i.id === id).rows[0].cells[0];
    expect(cell(hme)).toMatchObject({
      state: "value",
      value: 77,
      source: "manual",
      enteredByName: "Cecilia Controller",
    });
    expect(cell(turnover)).toMatchObject({ state: "not_published", value: null });
    expect(cell(mobile)).toMatchObject({ state: "value", statusCode: "uppnadd" });
    const again = await controller.put("/api/styrning/values", {
      values: [{ indicatorId: hme, period: "2023", value: 77 }],
    });
    expect(again.json()).toEqual({ received: 1, changed: 0, unchanged: 1, corrections: 0 });
  });

  it("rejects the whole batch with a reason per row", async () => {
    const res = await controller.put("/api/styrning/values", {
      values: [
        { indicatorId: byName("Antal e-tjänster"), period: "2023", value: 25 },
        { indicatorId: byName("Antal e-tjänster"), period: "2023-T1", value: 3 },
        { indicatorId: byName("Korttidsfrånvaro"), period: "2023", gender: "K", value: 4.1 },
        { indicatorId: byName("LIKA: säkra digitala möten"), period: "2023", statusCode: "Klar" },
        { indicatorId: byName("Antal e-tjänster"), period: "2023", state: "not_measured", value: 2 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.problems).toEqual([
      {
        field: "values.4.value",
        label: "Värden, rad 5 – Värde",
        message: "Ett värde kan inte anges samtidigt som det saknas.",
      },
    ]);
    const rows = await controller.put("/api/styrning/values", {
      values: [
        { indicatorId: byName("Antal e-tjänster"), period: "2023", value: 25 },
        { indicatorId: byName("Antal e-tjänster"), period: "2023-T1", value: 3 },
        { indicatorId: byName("Korttidsfrånvaro"), period: "2023", gender: "K", value: 4.1 },
        { indicatorId: byName("LIKA: säkra digitala möten"), period: "2023", statusCode: "Klar" },
      ],
    });
    expect(rows.statusCode).toBe(400);
    expect(rows.json().message).toBe("Inget sparades: 3 av 4 rader har fel.");
    expect(rows.json().details.problems).toEqual([
      { row: 2, field: "period", message: "Perioden 2023-T1 passar inte Antal e-tjänster, som mäts per år." },
      { row: 3, field: "gender", message: "Korttidsfrånvaro redovisas inte per kön; ange T (totalt)." },
      {
        row: 4,
        field: "statusCode",
        message: "Ange en av Ej planerad, Planerad, Påbörjad, Nästan där, Uppnådd, Ej relevant.",
      },
    ]);
    const grid = (await controller.get(`/api/styrning/values/grid?orgNodeId=${ifo()}&year=2023`)).json();
    expect(grid.indicators.find((i: { name: string }) => i.name === "Antal e-tjänster").rows[0].cells[0]).toBeNull();
  });

  it("needs a reason to correct a locked period, and logs the correction", async () => {
    const evb = byName("Ej verkställda beslut rapporterade till IVO");
    const grid = (await controller.get(`/api/styrning/values/grid?orgNodeId=${ifo()}&year=2022`)).json();
    expect(grid.locks.map((l: { period: string }) => l.period)).toEqual(["2022"]);
    expect(grid.indicators.find((i: { id: string }) => i.id === evb).periods).toEqual([
      { period: "2022", label: "2022", locked: true },
    ]);
    const refused = await controller.put("/api/styrning/values", {
      values: [{ indicatorId: evb, period: "2022", value: 33 }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.problems).toEqual([
      {
        row: 1,
        field: "reason",
        message:
          "2022 är låst för Nämnden för Individ & Familjeomsorg; ange orsak till rättelsen av Ej verkställda beslut rapporterade till IVO 2022.",
      },
    ]);
    const corrected = await controller.put("/api/styrning/values", {
      values: [{ indicatorId: evb, period: "2022", value: 33 }],
      reason: "Ett beslut rapporterades i fel kvartal.",
    });
    expect(corrected.json()).toEqual({ received: 1, changed: 1, unchanged: 0, corrections: 1 });
    const indicator = (await controller.get(`/api/styrning/indicators/${evb}?year=2023`)).json();
    expect(indicator.correctionLog).toHaveLength(1);
    expect(indicator.correctionLog[0]).toMatchObject({
      period: "2022",
      gender: "T",
      reason: "Ett beslut rapporterades i fel kvartal.",
      correctedByName: "Cecilia Controller",
      before: { state: "value", value: 32 },
      after: { state: "value", value: 33 },
    });
    expect(indicator.rows[0].cells.map((c: { value: number } | null) => c?.value ?? null)).toEqual([34, 51, 33, null]);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["entity", "action"])
      .where("actor_name", "=", "Cecilia Controller")
      .where("entity", "in", ["indicator_value", "indicator_value_correction"])
      .where("entity_id", "is not", null)
      .orderBy("id", "desc")
      .limit(2)
      .execute();
    expect(audit).toEqual([
      { entity: "indicator_value_correction", action: "create" },
      { entity: "indicator_value", action: "update" },
    ]);
  });

  it("lets a controller lock a period and only an admin reopen it", async () => {
    const lock = await controller.post("/api/styrning/locks", { orgNodeId: ifo(), period: "2023-T1" });
    expect(lock.statusCode).toBe(200);
    const inside = await controller.post("/api/styrning/locks", {
      orgNodeId: t.demo.nodes["msb-lss"]?.id,
      period: "2022-03",
    });
    expect(inside.statusCode).toBe(409);
    expect(inside.json().message).toBe("Mars 2022 är redan låst genom låset för 2022.");
    expect((await controller.delete(`/api/styrning/locks/${lock.json().id}`)).statusCode).toBe(403);
    const admin = await t.as("admin");
    expect((await admin.delete(`/api/styrning/locks/${lock.json().id}`)).statusCode).toBe(204);
  });

  it("keeps units out of the nämnd's figures", async () => {
    const chef = await t.as("enhetschef");
    const res = await chef.put("/api/styrning/values", {
      values: [{ indicatorId: byName("Antal e-tjänster"), period: "2023", value: 30 }],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe("Du saknar skrivbehörighet för indikatorer i Nämnden för Individ & Familjeomsorg.");
  });
});

describe("indicators", () => {
  it("starts a new definition version when the definition changes, keeping the earlier one", async () => {
    const created = await controller.post("/api/styrning/indicators", {
      orgNodeId: ifo(),
      name: "Andel beslut inom 14 dagar",
      unit: "procent",
      direction: "higher",
      periodType: "tertial",
      definition: "Andel beslut om bistånd fattade inom 14 dagar från ansökan.",
      definitionFrom: 2023,
    });
    expect(created.statusCode).toBe(200);
    const id = created.json().id;
    const patch = await controller.patch(`/api/styrning/indicators/${id}`, {
      definition: { text: "Andel beslut fattade inom 14 kalenderdagar från komplett ansökan.", validFrom: 2024 },
    });
    expect(patch.statusCode).toBe(200);
    const view2023 = (await controller.get(`/api/styrning/indicators/${id}?year=2023`)).json();
    const view2024 = (await controller.get(`/api/styrning/indicators/${id}?year=2024`)).json();
    expect(view2023.definition).toBe("Andel beslut om bistånd fattade inom 14 dagar från ansökan.");
    expect(view2024.definition).toBe("Andel beslut fattade inom 14 kalenderdagar från komplett ansökan.");
    expect(view2024.definitions.map((d: { validFrom: number }) => d.validFrom)).toEqual([2023, 2024]);
    const grid = (await controller.get(`/api/styrning/values/grid?orgNodeId=${ifo()}&year=2023`)).json();
    expect(
      grid.indicators.find((i: { id: string }) => i.id === id).periods.map((p: { label: string }) => p.label),
    ).toEqual(["Tertial 1 2023", "Tertial 2 2023", "Tertial 3 2023"]);
  });

  it("requires a measurement window for window indicators and a status scale for status ones", async () => {
    const res = await controller.post("/api/styrning/indicators", {
      orgNodeId: ifo(),
      name: "Fel",
      unit: "status",
      direction: "higher",
      periodType: "window",
      definition: "x",
      definitionFrom: 2023,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.problems.map((p: { field: string }) => p.field)).toEqual([
      "statusScaleId",
      "measurementWindow",
    ]);
  });
});

describe("Excel import and export", () => {
  async function exported(from: number, to: number) {
    const res = await controller.get(`/api/styrning/values/export.xlsx?orgNodeId=${ifo()}&from=${from}&to=${to}`);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return workbook;
  }
  const upload = (workbook: ExcelJS.Workbook, query = "") =>
    workbook.xlsx.writeBuffer().then((buffer) =>
      controller.request({
        method: "POST",
        url: `/api/styrning/values/import.xlsx?orgNodeId=${ifo()}${query}`,
        payload: Buffer.from(buffer),
        headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      }),
    );
  const rowOf = (sheet: ExcelJS.Worksheet, name: string, period: string, gender: string) => {
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(2).value === name && row.getCell(5).value === period && row.getCell(6).value === gender)
        found = row;
    });
    if (!found) throw new Error(`${name} ${period} ${gender}`);
    return found;
  };

  it("exports the annual-report figures with every period as an entry template", async () => {
    const sheet = (await exported(2022, 2022)).worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "Indikator-id",
      "Indikator",
      "Organisation",
      "Enhet",
      "Period",
      "Kön",
      "Del",
      "Värde",
      "Saknas",
      "Källa",
      "Anteckning",
      "Orsak till rättelse",
    ]);
    expect(
      rowOf(sheet, "Utredningstid LSS, från ansökan till beslut", "2022", "Kvinnor/flickor").getCell(8).value,
    ).toBe(72);
    expect(rowOf(sheet, "Utredningstid LSS, från ansökan till beslut", "2022", "Män/pojkar").getCell(8).value).toBe(76);
    expect(rowOf(sheet, "LIKA: säkra digitala möten", "2022", "Totalt").getCell(8).value).toBe("Nästan där");
    expect(rowOf(sheet, "Utredningstid LSS, från ansökan till beslut", "2022", "Totalt").getCell(8).value).toBeNull();
  });

  it("imports a filled-in template all or nothing, with errors per Excel row", async () => {
    const workbook = await exported(2023, 2023);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    rowOf(sheet, "Utredningstid barn och unga 0–20 år", "2023", "Flickor").getCell(8).value = 98;
    rowOf(sheet, "Utredningstid barn och unga 0–20 år", "2023", "Pojkar").getCell(8).value = "93,5";
    rowOf(sheet, "LIKA: digitala tjänster för ett självständigt liv", "2023", "Totalt").getCell(8).value = "Nästan där";
    const bad = rowOf(sheet, "Långtidsfrånvaro", "2023", "Totalt");
    bad.getCell(8).value = "mycket";
    const badGender = rowOf(sheet, "Korttidsfrånvaro", "2023", "Totalt");
    badGender.getCell(6).value = "Okänt";
    badGender.getCell(8).value = 4.2;
    const refused = await upload(workbook);
    expect(refused.statusCode).toBe(400);
    // Three rows already hold the values entered above, six the demo's placement indicators' 2023 outcomes
    // (the whole's and its three age groups') and six its investigations' (the whole's and two combinations of
    // age group and unit, for two indicators); they come back unchanged.
    expect(refused.json().message).toBe("Inget importerades: 1 av 20 rader har fel.");
    expect(refused.json().details.problems).toEqual([
      {
        row: badGender.number,
        field: "gender",
        message: 'Okänt kön "Okänt"; skriv Totalt, Kvinnor, Män, Flickor eller Pojkar.',
      },
    ]);
    badGender.getCell(6).value = "Totalt";
    const second = await upload(workbook);
    expect(second.statusCode).toBe(400);
    expect(second.json().details.problems).toEqual([
      { row: bad.number, field: "value", message: "Långtidsfrånvaro är numerisk; ange ett tal." },
    ]);
    bad.getCell(8).value = null;
    bad.getCell(9).value = "Ej publicerat än";
    const ok = await upload(workbook);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ accepted: 20, rejected: 0, changed: 5, unchanged: 15 });
    const grid = (await controller.get(`/api/styrning/values/grid?orgNodeId=${ifo()}&year=2023`)).json();
    const barn = grid.indicators.find((i: { name: string }) => i.name === "Utredningstid barn och unga 0–20 år");
    expect(
      barn.rows.map((r: { cells: ({ value: number; source: string } | null)[] }) => r.cells[0]?.value ?? null),
    ).toEqual([null, 98, 93.5]);
    expect(barn.rows[1].cells[0].source).toBe("import");
  });

  it("asks for a reason when the sheet changes a locked year, and takes it from the sheet", async () => {
    const workbook = await exported(2022, 2022);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const row = rowOf(sheet, "Antal e-tjänster", "2022", "Totalt");
    row.getCell(8).value = 21;
    const refused = await upload(workbook);
    expect(refused.json().details.problems[0]).toMatchObject({ row: row.number, field: "reason" });
    row.getCell(12).value = "En e-tjänst räknades två gånger.";
    const ok = await upload(workbook);
    expect(ok.json()).toMatchObject({ corrections: 1, changed: 1 });
  });

  it("says so when the file is not an Excel file", async () => {
    const res = await controller.request({
      method: "POST",
      url: `/api/styrning/values/import.xlsx?orgNodeId=${ifo()}`,
      payload: Buffer.from("inte excel"),
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe("Filen är inte en giltig Excel-fil (xlsx).");
  });
});
