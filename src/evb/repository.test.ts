import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../app/testing.ts";
import { loadRegister, openClockFacts } from "./repository.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ fullDemo: true });
});
afterAll(async () => {
  await t.close();
});

describe("register queries at any size", () => {
  it("select by more ids than a statement takes parameters (65 535)", async () => {
    const kommun = t.demo.nodes.kommun?.path ?? "";
    const all = await loadRegister(t.database.db, { scopes: [kommun] });
    expect(all.length).toBeGreaterThan(40);
    const strangers = Array.from({ length: 70_000 }, () => crypto.randomUUID());
    const picked = all.slice(0, 30).map((d) => d.id);
    const found = await loadRegister(t.database.db, { scopes: [kommun], ids: [...strangers, ...picked] });
    expect(found.map((d) => d.id).sort()).toEqual([...picked].sort());
    // Offers and interruptions are looked up for every decision found, by one array parameter.
    expect(found.flatMap((d) => d.offers).length).toBeGreaterThan(0);
    expect(await loadRegister(t.database.db, { scopes: [kommun], ids: [] })).toEqual([]);
    const open = await openClockFacts(t.database.db, kommun, "2024-06-30");
    expect(open.length).toBeGreaterThan(0);
  });
});
