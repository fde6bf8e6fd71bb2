import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicRoutes } from "./api-testing.ts";
import { DEMO_PASSWORD, type TestApp, testApp } from "./testing.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t?.close();
});

type Doc = { paths: Record<string, Record<string, { security?: unknown[] }>> };
type Operation = { path: string; method: string; public: boolean };

async function operations(): Promise<Operation[]> {
  const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as Doc;
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      path,
      method: method.toUpperCase(),
      public: op.security?.length === 0,
    })),
  );
}

const concrete = (path: string) => path.replace(/\{[^}]+\}/g, "00000000-0000-4000-8000-000000000000");
const hex = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;

/** Spellings of one path that a router or proxy may treat as the same resource. */
function variants(url: string): string[] {
  const segments = url.split("/");
  const last = segments.length - 1;
  const lastSegment = segments[last] ?? "";
  // Encode a letter in the last segment too, not only in "api" ("%74ree" is "tree").
  const letterAt = lastSegment.search(/[a-z]/i);
  const encodedLast =
    letterAt >= 0
      ? [
          ...segments.slice(0, last),
          lastSegment.slice(0, letterAt) + hex(lastSegment[letterAt] ?? "") + lastSegment.slice(letterAt + 1),
        ].join("/")
      : url;
  return [
    url,
    url.replace("/api/", "/%61pi/"),
    url.replace("/api/", "/%61%70%69/"),
    url.replace("/api/", "/api%2F"),
    encodedLast,
    `/${url}`,
    url.replace("/api/", "/api//"),
    `${url}/`,
    url.replace("/api/", "/API/"),
    url.replace("/api/", "/Api/"),
    url.toUpperCase(),
  ];
}

const withBody = (method: string): Partial<InjectOptions> =>
  method === "GET" || method === "DELETE" ? {} : { payload: {} };

describe("every API route", () => {
  it("is documented and answers 401 without a session unless it is declared public", async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(10);
    for (const op of ops.filter((o) => !o.public)) {
      const res = await t.app.inject({ method: op.method as "GET", url: concrete(op.path), ...withBody(op.method) });
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(401);
    }
    // Only these may be reached without logging in.
    expect(ops.filter((o) => o.public).map((o) => `${o.method} ${o.path}`)).toEqual(publicRoutes);
  });

  it("reaches no handler without a session under encoded, doubled-slash, trailing-slash or case variants", async () => {
    const ops = (await operations()).filter((o) => !o.public);
    const reached: string[] = [];
    for (const op of ops) {
      const methods = op.method === "GET" ? ["GET", "HEAD"] : [op.method];
      for (const url of variants(concrete(op.path))) {
        for (const method of methods) {
          const res = await t.app.inject({ method: method as "GET", url, ...withBody(method) });
          // 401: the route matched and demanded a session; 404: no route. Anything else means a handler ran.
          if (res.statusCode !== 401 && res.statusCode !== 404) reached.push(`${method} ${url} → ${res.statusCode}`);
          expect(res.headers["cache-control"], `${method} ${url}`).toBe("no-store");
        }
      }
    }
    expect(reached).toEqual([]);
  });

  it("refuses every write variant with a session but without the CSRF token", async () => {
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "admin", password: DEMO_PASSWORD },
    });
    const cookie = login.cookies.find((c) => c.name === "lots_session");
    expect(cookie).toBeDefined();
    const writes = (await operations()).filter((o) => !o.public && o.method !== "GET");
    expect(writes.length).toBeGreaterThan(10);
    const reached: string[] = [];
    for (const op of writes) {
      for (const url of variants(concrete(op.path))) {
        const res = await t.app.inject({
          method: op.method as "POST",
          url,
          cookies: { lots_session: cookie?.value ?? "" },
          ...withBody(op.method),
        });
        const csrfRefusal = res.statusCode === 403 && String(res.json().message).includes("CSRF");
        if (!csrfRefusal && res.statusCode !== 404) reached.push(`${op.method} ${url} → ${res.statusCode}`);
      }
    }
    expect(reached).toEqual([]);
  }, 180_000); // a session lookup per request: five variants of every write route (~250 of them)
});
