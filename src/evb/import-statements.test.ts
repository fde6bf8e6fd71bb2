// An import's SQL statements grow with its batches, not its rows: a loop that asks or writes per row (as the
// import once did, ~7 statements a row) fails here long before anyone times it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../app/testing.ts";
import { IMPORT_BATCH_ROWS } from "./import-service.ts";
import { evbTestApp, generatedDecisionsCsv } from "./testing.ts";

let t: TestApp;
beforeAll(async () => {
  t = await evbTestApp();
});
afterAll(() => t.close());

/** Statements one import request sends, and its answer. */
async function importing(csv: string) {
  const admin = await t.as("admin");
  const before = t.statements();
  const res = await admin.request({
    method: "POST",
    url: `/api/evb/import?orgNodeId=${t.demo.nodes.kommun?.id}`,
    headers: { "content-type": "text/csv" },
    payload: csv,
  });
  expect(res.statusCode, res.body).toBe(200);
  return { result: res.json(), statements: t.statements() - before };
}

describe("SQL statements of an EVB import", () => {
  const rows = IMPORT_BATCH_ROWS;
  // Session, access, units and catalogue, then per batch: stored decisions, offers, interruptions, moved-from
  // units, up to 7 writes and the audit (11–12 sent today). A per-row loop sends thousands.
  const bound = 20;

  it("creates a batch of decisions in a bounded number of statements", async () => {
    const { result, statements } = await importing(generatedDecisionsCsv(rows));
    expect(result).toEqual({ rows, created: rows, updated: 0, unchanged: 0, dryRun: false });
    expect(statements).toBeLessThanOrEqual(bound);
  });

  it("updates some and leaves the rest in a bounded number of statements too", async () => {
    const { result, statements } = await importing(generatedDecisionsCsv(rows, { executeEvery: 4 }));
    expect(result.updated).toBeGreaterThan(0);
    expect(result.unchanged).toBeGreaterThan(0);
    expect(result.updated + result.unchanged).toBe(rows);
    expect(statements).toBeLessThanOrEqual(bound);
  });
});
