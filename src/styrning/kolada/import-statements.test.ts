// A Kolada import's SQL statements grow with its batches, not its values: the import once wrote and audited
// each value in a statement of its own (~4 a value), and a loop like that fails here long before anyone times it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLots, type TestApp, testApp } from "../../app/testing.ts";
import { setupTimeout } from "../testing.ts";
import { KOLADA_BATCH_VALUES } from "./kolada-service.ts";
import { generatedKoladaData, type KoladaShape, koladaValueCount, mapGeneratedKpis } from "./testing.ts";

let t: TestApp;
// 10 KPIs × 7 municipalities × 10 years × T/K/M = 2 100 values; each KPI feeds an indicator in 2 units.
const shape: KoladaShape = { kpis: 10, municipalities: 7, years: 10, unitsPerKpi: 2 };
beforeAll(async () => {
  t = await testApp();
  await mapGeneratedKpis(t.database.db, t.demo, shape);
}, setupTimeout);
afterAll(() => t.close());

/** Statements one import request sends, and its answer. */
async function importing(file: unknown) {
  const admin = await t.as("admin");
  const before = t.statements();
  const res = await admin.post(`/api/styrning/kolada/import?orgNodeId=${t.demo.nodes.kommun?.id}`, file);
  expect(res.statusCode, res.body).toBe(200);
  return { result: res.json(), statements: t.statements() - before };
}

describe("SQL statements of a Kolada import", () => {
  // Session and access, the node's Kolada metadata, the mappings, the indicators with their scales, dimensions
  // and locks, then per batch: the values written, their audit event, the recorded cells, the indicator values
  // read and written and their audit (16–17 sent today). A per-value loop sends thousands.
  const bound = 22;

  it("stores a batch of new values and feeds the indicators in a bounded number of statements", async () => {
    expect(koladaValueCount(shape)).toBeLessThanOrEqual(KOLADA_BATCH_VALUES);
    const { result, statements } = await importing(generatedKoladaData(shape));
    expect(result.koladaValues).toEqual({ received: 2100, changed: 2100 });
    // Half the KPIs feed an indicator of totals (T), half one split by sex (T, K and M): 20 indicators, 10 years.
    expect(result.indicatorValues).toEqual({ received: 400, changed: 400, unchanged: 0, corrections: 0 });
    expect(statements).toBeLessThanOrEqual(bound);
  });

  it("revises some and leaves the rest in a bounded number of statements too", async () => {
    const { result, statements } = await importing(generatedKoladaData(shape, 10));
    // Every 10th figure, but those missing (every 13th) stay missing: 210 − 16.
    expect(result.koladaValues).toEqual({ received: 2100, changed: 194 });
    expect(result.indicatorValues.changed).toBeGreaterThan(0);
    expect(result.indicatorValues.changed + result.indicatorValues.unchanged).toBe(400);
    expect(statements).toBeLessThanOrEqual(bound);
  });
});

describe("lots styrning kolada-import", () => {
  it("says on stderr how far a file of several batches has come", async () => {
    const longer = { ...shape, years: 25 };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lots-kolada-")), "kolada.json");
    fs.writeFileSync(file, JSON.stringify(generatedKoladaData(longer)));
    const run = await runLots(
      ["styrning", "kolada-import", file, "--org", t.demo.nodes.kommun?.id as string],
      {},
      t.database,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(/^Importerade 5\s000 av 5\s250 värden\.$/),
      expect.stringMatching(/^Importerade 5\s250 av 5\s250 värden\.$/),
    ]);
    expect(JSON.parse(run.stdout).koladaValues.received).toBe(koladaValueCount(longer));
    fs.rmSync(path.dirname(file), { recursive: true });
  });
});
