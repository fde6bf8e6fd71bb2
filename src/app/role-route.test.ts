/**
 * Every operation in the OpenAPI document × every demo principal. The expected status is derived from the
 * route's declared permission and the demo organisation; the route is then called for real:
 * anonymous → 401 on every non-public route; a user without the permission anywhere → 403; where the
 * request names its node (an org node parameter or a record whose node is looked up), a user without the
 * permission there → 403 and a user with it → neither 401/403 nor 5xx. A route without a declaration or
 * without a resolver for one of its path parameters fails the test, so new routes join by themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, can, canAnywhere } from "../platform/auth/access.ts";
import type { Role } from "../platform/auth/roles.ts";
import { canReadStyrning } from "../styrning/index.ts";
import {
  type ApiOperation,
  apiOperations,
  publicRoutes,
  recordsOf,
  recordTable,
  type SampleOptions,
  sampleValue,
} from "./api-testing.ts";
import { make, type TestApp, testApp } from "./testing.ts";

let t: TestApp;
let operations: ApiOperation[];
const actors = new Map<string, Actor>();
/** Ids the account routes must not change: the principals themselves, their roles and the demo tree. */
let protectedIds: string[] = [];
/** An ekonomi level of the IFO nämnd's demo year, for figures and reallocations. */
let levelId: string;
/** Routes whose record the demo data lacks when they are called (reported, asserted on permission only). */
const withoutRecord: string[] = [];

beforeAll(async () => {
  t = await testApp({ fullDemo: true });
  operations = await apiOperations(t.app);
  const db = t.database.db;
  const roles = await db
    .selectFrom("role_assignment as r")
    .innerJoin("org_node as n", "n.id", "r.org_node_id")
    .innerJoin("app_user as u", "u.id", "r.user_id")
    .select(["r.id", "u.id as userId", "u.username", "r.role", "r.org_node_id", "n.path"])
    .execute();
  for (const [username, id] of Object.entries(t.demo.users)) {
    actors.set(username, {
      id,
      username,
      displayName: username,
      assignments: roles
        .filter((r) => r.userId === id)
        .map((r) => ({ role: r.role as Role, orgNodeId: r.org_node_id, path: r.path })),
    });
  }
  protectedIds = [...Object.values(t.demo.users), ...Object.values(t.demo.nodes).map((n) => n.id)];
  protectedIds.push(...roles.map((r) => r.id));
  const level = await db
    .selectFrom("ekonomi_level")
    .select("id")
    .where("org_node_id", "=", target().id)
    .where("year", "=", YEAR)
    .executeTakeFirstOrThrow();
  levelId = level.id;
  // A unit and an account of the test's own, for the routes that move nodes, reset passwords and remove roles.
  const unit = await make.node(t, t.demo.nodes["ifo-forv"]?.id as string, { name: "Rolltestenheten" });
  await make.user(t, "handlaggare", unit.id, { username: "rolltest" });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const YEAR = 2023;

function target() {
  const ifo = t.demo.nodes.ifo;
  if (!ifo) throw new Error("the demo organisation has no ifo");
  return ifo;
}

/** Values for parameters and body fields by name: the IFO nämnd as the node, its demo year and periods. */
function overrides(): SampleOptions {
  const node = target().id;
  const date = `${YEAR}-06-15`;
  const byName = {
    orgNodeId: node,
    parentId: node,
    namndId: node,
    year: YEAR,
    from: YEAR,
    to: YEAR,
    fromYear: YEAR - 1,
    period: `${YEAR}-T2`,
    quarter: `${YEAR}Q4`,
    asOf: `${YEAR}-12-31`,
    personId: "19850312-T123",
    // A calendar feed's secret address (no such token: the public feed answers 404).
    file: `${"A".repeat(43)}.ics`,
    // A report template's code: the built-in årsberättelse.
    code: "arsberattelse",
    // Fields whose combinations zod refines: a plain yearly count.
    unit: "antal",
    periodType: "year",
    periodNo: 0,
    financing: "tillaggsanslag",
    levelId,
    // EVB's dates are refined strings, not JSON-schema dates.
    ...Object.fromEntries(["date", "start", "decisionDate", "executedDate", "closedDate"].map((k) => [k, date])),
  };
  return { byName, date };
}

/**
 * Routes that take a file as their raw body. The test sends none, so the route refuses the input before
 * it looks at the node; for these only the permission-anywhere rule is asserted.
 */
const fileRoutes = new Set(["POST /api/styrning/values/import.xlsx", "POST /api/evb/import"]);

type Call = { url: string; payload?: unknown; nodePath?: string };

/** A request the route would accept where feasible, and the path of the node it touches when that is known. */
async function requestFor(op: ApiOperation): Promise<Call> {
  const values = overrides();
  let nodePath: string | undefined;
  let url = op.path;
  for (const name of [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)) {
    let value: string;
    if (name === "id") {
      const table = recordTable(op.path);
      if (!table) throw new Error(`no resolver for {id} in ${op.label}: add its table to recordTables`);
      const db = t.database.db;
      const [record] = [
        ...(await recordsOf(db, table, { under: target().path, exclude: protectedIds })),
        ...(await recordsOf(db, table, { exclude: protectedIds })),
      ];
      // No such record in the demo data: an unknown id, so only the permission-anywhere rule can be asserted.
      value = record?.id ?? "00000000-0000-4000-8000-000000000000";
      if (!record) withoutRecord.push(op.label);
      nodePath = record?.path;
    } else if (name in values.byName) {
      value = String(values.byName[name]);
      if (name === "namndId") nodePath = target().path;
    } else {
      throw new Error(`no resolver for path parameter {${name}} in ${op.label}`);
    }
    url = url.replace(`{${name}}`, encodeURIComponent(value));
  }
  const query = new URLSearchParams();
  for (const p of op.parameters.filter((p) => p.in === "query" && (p.required || p.name in values.byName))) {
    query.set(p.name, String(sampleValue(p.schema, values, p.name)));
    // A required node names the request's target; an optional one only filters a list to what one may see.
    if (p.name === "orgNodeId" && p.required) nodePath ??= target().path;
  }
  const payload = op.body ? sampleValue(op.body, values) : undefined;
  if (payload && typeof payload === "object" && ("orgNodeId" in payload || "parentId" in payload)) {
    nodePath ??= target().path;
  }
  if (fileRoutes.has(op.label)) nodePath = undefined;
  return { url: query.size ? `${url}?${query}` : url, payload, nodePath };
}

type Expected = "open" | 401 | 403 | "allowed";

function expected(op: ApiOperation, actor: Actor | undefined, nodePath: string | undefined): Expected {
  if (op.public) return "open";
  if (!actor) return 401;
  const permission = op.permission;
  if (!permission) throw new Error(`${op.label} declares no permission`);
  if (permission === "authenticated") return "allowed";
  if (!canAnywhere(actor, permission)) return 403;
  if (nodePath === undefined) return "allowed";
  // Styrning is adopted in public: reading reaches the nämnd above one's unit too (styrning/access.ts).
  const reach =
    op.tag === "Styrning" && permission === "read"
      ? canReadStyrning(actor, nodePath)
      : can(actor, permission, nodePath);
  return reach ? "allowed" : 403;
}

/** Reads first, then writes, deletions and last logging out, so a write that succeeds spoils no later call. */
const phase = (op: ApiOperation) =>
  op.path === "/api/auth/logout" ? 4 : op.method === "GET" ? 0 : op.method === "DELETE" ? 2 : 1;

describe("role × route", () => {
  it("every route declares its permission or is public", () => {
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.filter((o) => !o.public && !o.permission).map((o) => o.label)).toEqual([]);
    expect(operations.filter((o) => o.public).map((o) => o.label)).toEqual(publicRoutes);
  });

  it("answers every demo principal as the declarations and the organisation say", async () => {
    const principals = ["anonymous", ...Object.keys(t.demo.users)];
    expect(principals.length).toBe(10);
    const failures: string[] = [];
    let calls = 0;
    for (const op of [...operations].sort((a, b) => phase(a) - phase(b))) {
      const call = await requestFor(op);
      const plan = principals.map((name) => ({ name, expect: expected(op, actors.get(name), call.nodePath) }));
      // Refusals before the allowed calls: an allowed write may delete the record the others are refused on.
      plan.sort((a, b) => Number(a.expect === "allowed") - Number(b.expect === "allowed"));
      for (const { name, expect: want } of plan) {
        const request = {
          method: op.method,
          url: call.url,
          ...(call.payload === undefined ? {} : { payload: call.payload as object }),
        };
        const res = name === "anonymous" ? await t.app.inject(request) : await (await t.as(name)).request(request);
        calls++;
        const got = res.statusCode;
        const ok = got < 500 && (want === "open" || (want === "allowed" ? got !== 401 && got !== 403 : got === want));
        if (!ok) failures.push(`${op.label} as ${name}: expected ${want}, got ${got} ${res.body.slice(0, 200)}`);
      }
    }
    if (withoutRecord.length) console.info(`No record to target for: ${withoutRecord.join(", ")}`);
    expect(calls).toBe(operations.length * principals.length);
    expect(failures).toEqual([]);
  }, 300_000);
});
