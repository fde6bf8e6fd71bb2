import { expect } from "vitest";
import { type TestApp, type TestClient, testApp } from "../app/testing.ts";
import { seedStyrningDemo } from "./demo.ts";

/**
 * The HTTP server over the demo organisation with only the styrning demo loaded. The other capabilities'
 * demo data tripled the setup (30 s → 10 s for routes.test.ts alone) and no styrning test reads it; the
 * full demo is still loaded by the browser tests.
 */
export async function styrningTestApp(): Promise<TestApp> {
  const t = await testApp();
  await t.database.db.transaction().execute((trx) => seedStyrningDemo(trx, t.demo));
  return t;
}

/**
 * For the beforeAll that calls styrningTestApp. Starting PGlite alone (WASM) took 10.7 s on this 2-CPU
 * machine at load 9, and the hook once passed the default 60 s under such load while loading the full demo;
 * the setup does no test logic, so a slow machine should make it slow, not failed.
 */
export const setupTimeout = 180_000;

/** A counted indicator (antal, lower is better) on the node, through the API; `extra` adds or overrides fields. */
export async function postIndicator(
  client: TestClient,
  orgNodeId: string,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; kind: string | null; dimensionIds: string[] }> {
  const res = await client.post("/api/styrning/indicators", {
    orgNodeId,
    name,
    unit: "antal",
    direction: "lower",
    definition: `${name}, antal vid årets slut.`,
    definitionFrom: 2022,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
