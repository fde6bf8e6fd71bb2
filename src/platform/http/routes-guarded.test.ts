import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../testing.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t?.close();
});

type Doc = { paths: Record<string, Record<string, { security?: unknown[] }>> };

describe("every API route", () => {
  it("is documented and answers 401 without a session unless it is declared public", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as Doc;
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        path,
        method: method.toUpperCase(),
        public: op.security?.length === 0,
      })),
    );
    expect(operations.length).toBeGreaterThan(10);
    const guarded = operations.filter((o) => !o.public);
    for (const op of guarded) {
      const url = op.path.replace(/\{[^}]+\}/g, "00000000-0000-4000-8000-000000000000");
      const res = await t.app.inject({
        method: op.method as "GET",
        url,
        ...(op.method === "GET" || op.method === "DELETE" ? {} : { payload: {} }),
      });
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(401);
    }
    // Only these may be reached without logging in.
    expect(operations.filter((o) => o.public).map((o) => `${o.method} ${o.path}`)).toEqual(["POST /api/auth/login"]);
  });
});
