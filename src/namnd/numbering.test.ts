// The diarium's numbers under concurrency: registrations racing each other each get their own number,
// and the series has no gaps. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../app/testing.ts";
import { todayInSweden } from "../platform/calendar.ts";
import { nextNumber } from "./repository.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

describe("numbering", () => {
  it("gives 100 concurrent registrations 100 distinct, consecutive numbers", async () => {
    const s = await t.as("sekreterare");
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        s.post("/api/namnd/arenden", { orgNodeId: t.demo.nodes.ifo?.id, title: `Ärende ${i + 1}`, type: "allmant" }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 200));
    const numbers = answers.map((a) => (a.json() as { number: number }).number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const year = Number(todayInSweden().slice(0, 4));
    const series = await t.database.db
      .selectFrom("namnd_diarium_series")
      .select("last_number")
      .where("org_node_id", "=", t.demo.nodes.ifo?.id as string)
      .where("year", "=", year)
      .executeTakeFirstOrThrow();
    expect(series.last_number).toBe(100);
    const next = await s.post("/api/namnd/arenden", {
      orgNodeId: t.demo.nodes.ifo?.id,
      title: "Nästa",
      type: "allmant",
    });
    expect(next.json()).toMatchObject({ number: 101, diarienummer: `IF-${year}-00101` });
  }, 120_000);

  it("issues each number once from the series row alone, without the service kit's audit lock", async () => {
    // On PostgreSQL these transactions really run at once (a pool of connections); the series row's lock
    // is what keeps them apart.
    const namndId = t.demo.nodes.vo?.id as string;
    const numbers = await Promise.all(
      Array.from({ length: 20 }, () => t.database.db.transaction().execute((trx) => nextNumber(trx, namndId, 2030))),
    );
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
