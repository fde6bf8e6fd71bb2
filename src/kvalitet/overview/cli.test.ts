import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appMigrations } from "../../app/capabilities.ts";
import { DEMO_PASSWORD, lots as lotsIn, runLots } from "../../app/testing.ts";
import { seedDemoOrganisation } from "../../organisation/index.ts";
import { openDatabase } from "../../platform/db/database.ts";
import { migrateToLatest } from "../../platform/db/migrate.ts";
import { seedKvalitetDemo } from "../demo.ts";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lots-kvalitet-oversikt-"));
const env = { DATA_DIR: path.join(tmp, "data") };
const lots = (args: string[]) => lotsIn(args, env);
const failing = (args: string[]) => runLots(args, env);
const namnd = "Nämnden för Individ & Familjeomsorg";

beforeAll(async () => {
  const database = await openDatabase({ dataDir: path.join(env.DATA_DIR, "pglite") });
  await migrateToLatest(database.db, appMigrations);
  await database.db.transaction().execute(async (trx) => {
    await seedKvalitetDemo(trx, await seedDemoOrganisation(trx, DEMO_PASSWORD));
  });
  await database.close();
}, 120_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("lots kvalitet oversikt", () => {
  it("gives the nämnd's joint view of 2023 with the brief's totals, as JSON and as text", async () => {
    const period = ["--from", "2023-01-01", "--to", "2023-12-31"];
    const json = JSON.parse(
      (await lots(["kvalitet", "oversikt", "--enhet", namnd, ...period, "--format", "json"])).stdout,
    );
    expect(json.handelser.total).toBe(1702);
    expect(json.lexSarah.reports).toBe(96);
    expect(json.klagomal.received).toBe(50);
    const text = (await lots(["kvalitet", "oversikt", "--enhet", "Gruppbostad Almen", ...period])).stdout;
    expect(text).toContain("Kvalitet – Gruppbostad Almen, 2023-01-01–2023-12-31");
    expect(text).toMatch(/Händelser \(avvikelser\): 560 – /);
    expect(text).toContain("Pågående utredningar:");
  });

  it("refuses an end before the start and an unknown unit, in Swedish", async () => {
    const backwards = await failing([
      "kvalitet",
      "oversikt",
      "--enhet",
      namnd,
      "--from",
      "2023-12-31",
      "--to",
      "2023-01-01",
    ]);
    expect(backwards.code).not.toBe(0);
    expect(backwards.stderr).toContain("Till och med: Periodens slut (2023-01-01) ligger före dess början");
    const unknown = await failing(["kvalitet", "oversikt", "--enhet", "Finns inte"]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Det finns ingen organisationsenhet med id, kod eller namn "Finns inte"');
  });
});
