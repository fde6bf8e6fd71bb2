// A regression guard that is not a timing: how many SQL statements the main routes send per request. Each
// statement costs a round trip on PostgreSQL and at least ~0.3 ms of the server's one thread on PGlite, so a
// loop that asks the database per row shows here first. Lower a bound when you make a route cheaper.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "./testing.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ fullDemo: true });
});
afterAll(async () => {
  await t.close();
});

/** Statements one GET sends, after a first call has warmed anything cached per process. */
async function statementsOf(username: string, url: string): Promise<number> {
  const client = await t.as(username);
  expect((await client.get(url)).statusCode, url).toBe(200);
  const before = t.statements();
  expect((await client.get(url)).statusCode, url).toBe(200);
  return t.statements() - before;
}

describe("SQL statements per request", () => {
  it("stay within each main route's bound", async () => {
    const ifo = t.demo.nodes.ifo?.id ?? "";
    const lss = t.demo.nodes["msb-lss"]?.id ?? "";
    const models = (await (await t.as("controller")).get(`/api/styrning/models?orgNodeId=${ifo}`)).json() as {
      id: string;
    }[];
    const bounds: [user: string, url: string, bound: number][] = [
      ["handlaggare", "/api/auth/me", 0],
      ["handlaggare", `/api/start?orgNodeId=${lss}`, 16],
      ["handlaggare", `/api/evb/dashboard?orgNodeId=${lss}`, 7],
      ["handlaggare", `/api/evb/reports/2023Q4?orgNodeId=${lss}`, 8],
      ["handlaggare", `/api/evb/decisions?orgNodeId=${lss}`, 7],
      ["controller", `/api/styrning/models/${models[0]?.id}/tree`, 12],
      ["controller", `/api/ekonomi/namnder/${ifo}/years/2023/follow-up`, 8],
      ["kvalitet", `/api/kvalitet/handelser?orgNodeId=${ifo}`, 8],
      ["sekreterare", `/api/namnd/arenden?orgNodeId=${ifo}`, 6],
    ];
    const measured = [];
    for (const [user, url, bound] of bounds) measured.push({ url, bound, sent: await statementsOf(user, url) });
    expect(measured.filter((m) => m.sent > m.bound)).toEqual([]);
  });
});
