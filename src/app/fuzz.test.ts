/**
 * Requests generated from each operation's parameter and body schemas in the OpenAPI document (valid,
 * boundary and hostile values, real and random ids, missing and extra properties, raw bodies) as an admin
 * and as a unit-scoped user. Bad input must never give a 5xx, and its 400 must speak plain Swedish. Fixed
 * seed; stops at the request count or the wall-clock cap, and fails if the count was not reached.
 */
import fc from "fast-check";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiOperation, apiOperations, fuzzArbitrary, recordsOf, recordTable } from "./api-testing.ts";
import { type TestApp, testApp } from "./testing.ts";

const SEED = 20_261_129;
// A quick pass by default; CI sends 10 000 (LOTS_FUZZ_REQUESTS in .ci/run).
const REQUESTS = Number(process.env.LOTS_FUZZ_REQUESTS ?? 2_000);
const WALL_CLOCK_MS = Number(process.env.LOTS_FUZZ_SECONDS ?? 480) * 1000;
const USERS = ["admin", "enhetschef"] as const;

let t: TestApp;
let operations: ApiOperation[];
let protectedIds: string[];

beforeAll(async () => {
  t = await testApp({ fullDemo: true });
  // Logging out ends the fuzzing users' sessions; it has no input to fuzz.
  operations = (await apiOperations(t.app)).filter((o) => o.path !== "/api/auth/logout");
  // The fuzzing users keep their accounts and roles, or every later request would be a 401/403.
  const users = USERS.map((u) => t.demo.users[u] as string);
  const roles = await t.database.db.selectFrom("role_assignment").select("id").where("user_id", "in", users).execute();
  protectedIds = [...users, ...roles.map((r) => r.id)];
}, 120_000);

afterAll(async () => {
  await t?.close();
});

type Generated = {
  user: (typeof USERS)[number];
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body?: unknown;
  raw?: { payload: string; contentType: string };
};

// A refusal speaks plain Swedish: no words of zod's English messages or its Swedish locale, no dotted path
// (offers.2.date). Quoted parts are left out: they echo what the request sent (an unknown field's name).
const validatorWording =
  /\b(expected|received|invalid|required|unrecognized|must be|ogiltig inmatning|förväntat?)\b|\b[a-z_]\w*\.\d+\.[a-z_]/i;
const validatorWordingIn = (body: string): string | null => {
  const message = (JSON.parse(body) as { message?: string }).message ?? "";
  return validatorWording.exec(message.replace(/"[^"]*"/g, '""'))?.[0] ?? null;
};

const asText = (v: unknown) => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""));
// A lone surrogate cannot be percent-encoded; the server sees the replacement character, as from a browser.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const pathSegment = (v: unknown) => encodeURIComponent(asText(v).replace(loneSurrogate, "\uFFFD"));

/** Raw bodies for routes that take files, and malformed JSON for the rest. */
const rawBody = fc.oneof(
  fc.record({
    payload: fc.oneof(
      fc.string({ unit: "binary", maxLength: 400 }),
      fc.constantFrom("id,kon\n1,K\n", "\u0000\u0000", "PK\u0003\u0004garbage", "#FLAGGA 0\n#KONTO 1"),
    ),
    contentType: fc.constantFrom("text/csv", "application/octet-stream"),
  }),
  fc.record({
    payload: fc.constantFrom(
      "{",
      "null",
      "[]",
      '"x"',
      "1e999",
      '{"__proto__":{"x":1}}',
      `${"[".repeat(3000)}${"]".repeat(3000)}`,
    ),
    contentType: fc.constant("application/json"),
  }),
);

async function arbitraryFor(op: ApiOperation): Promise<fc.Arbitrary<Generated>> {
  const db = t.database.db;
  const nodeIds = Object.values(t.demo.nodes).map((n) => n.id);
  const known: Record<string, fc.Arbitrary<unknown>> = {
    orgNodeId: fc.constantFrom(...nodeIds),
    parentId: fc.constantFrom(...nodeIds),
    namndId: fc.constantFrom(...nodeIds),
  };
  const table = recordTable(op.path);
  if (table) {
    const ids = (await recordsOf(db, table, { exclude: protectedIds, limit: 20 })).map((r) => r.id);
    if (ids.length) known.id = fc.constantFrom(...ids);
  }
  const params = (where: "path" | "query") =>
    fc.record(
      Object.fromEntries(
        op.parameters
          .filter((p) => p.in === where)
          .map((p) => {
            const fuzzed = fuzzArbitrary(p.schema);
            const real = known[p.name];
            return [p.name, real ? fc.oneof({ weight: 3, arbitrary: real }, fuzzed) : fuzzed];
          }),
      ),
      // Path parameters are always present (the URL needs them); query parameters come and go.
      { requiredKeys: where === "path" ? op.parameters.filter((p) => p.in === "path").map((p) => p.name) : [] },
    );
  const takesBody = op.method !== "GET" && op.method !== "DELETE";
  return fc.record({
    user: fc.constantFrom(...USERS),
    path: params("path"),
    query: params("query"),
    body: op.body ? fuzzArbitrary(op.body, known) : fc.constant(undefined),
    raw: takesBody
      ? fc.oneof({ weight: op.body ? 9 : 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: rawBody })
      : fc.constant(undefined),
  });
}

function toRequest(op: ApiOperation, g: Generated): InjectOptions {
  let url = op.path;
  for (const [name, value] of Object.entries(g.path)) url = url.replace(`{${name}}`, pathSegment(value));
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(g.query)) {
    for (const v of Array.isArray(value) ? value : [value]) query.append(name, asText(v));
  }
  const request: InjectOptions = { method: op.method, url: query.size ? `${url}?${query}` : url };
  if (g.raw) return { ...request, payload: g.raw.payload, headers: { "content-type": g.raw.contentType } };
  return g.body === undefined
    ? request
    : { ...request, payload: JSON.stringify(g.body), headers: { "content-type": "application/json" } };
}

describe("fuzzing every route from its OpenAPI schemas", () => {
  it(
    `gives no 5xx in ${REQUESTS} generated requests`,
    async () => {
      const started = Date.now();
      const perOperation = Math.ceil(REQUESTS / operations.length);
      const failures: string[] = [];
      let sent = 0;
      const timeByOperation: [string, number][] = [];
      for (const [index, op] of operations.entries()) {
        const opStarted = Date.now();
        const samples = fc.sample(await arbitraryFor(op), { seed: SEED + index, numRuns: perOperation });
        for (const generated of samples) {
          if (Date.now() - started > WALL_CLOCK_MS) break;
          const request = toRequest(op, generated);
          const res = await (await t.as(generated.user)).request(request);
          sent++;
          if (res.statusCode >= 500) {
            failures.push(
              `${res.statusCode} as ${generated.user}: ${request.method} ${request.url} ` +
                `${asText(request.payload).slice(0, 300)} → ${res.body.slice(0, 200)}`,
            );
          } else if (res.statusCode === 400 && validatorWordingIn(res.body)) {
            failures.push(
              `validator wording "${validatorWordingIn(res.body)}": ${request.method} ${request.url} → ${res.body.slice(0, 300)}`,
            );
          }
        }
        timeByOperation.push([op.label, Date.now() - opStarted]);
      }
      const slowest = timeByOperation.sort((a, b) => b[1] - a[1]).slice(0, 5);
      console.info(`fuzz: ${sent} requests over ${operations.length} operations in ${Date.now() - started} ms`);
      console.info(`slowest: ${slowest.map(([label, ms]) => `${label} ${ms} ms`).join("; ")}`);
      expect(failures).toEqual([]);
      expect(sent, "the wall-clock cap stopped the run before the request count").toBeGreaterThanOrEqual(REQUESTS);
    },
    WALL_CLOCK_MS + 60_000,
  );
});
