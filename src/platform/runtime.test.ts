import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isEmpty, seedDemo } from "../seed.ts";
import { loadConfig } from "./config.ts";
import { buildServer } from "./http/server.ts";
import { openConfiguredDatabase, sessionSecret } from "./runtime.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lots-data-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("first start from an empty data folder (embedded PGlite)", () => {
  it("creates and migrates the database, loads the demo once and reports the engine", async () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    const database = await openConfiguredDatabase(config);
    expect(await isEmpty(database.db)).toBe(true);
    await seedDemo(database.db, "lots-demo-2026");
    const app = await buildServer({ database, sessionSecret: sessionSecret(config), logLevel: "silent" });
    const health = (await app.inject({ method: "GET", url: "/api/health" })).json();
    expect(health).toMatchObject({ status: "ok", engine: "pglite" });
    await app.close();
    await database.close();

    // Second start: same folder, data kept, the session secret is stable.
    const again = await openConfiguredDatabase(config);
    expect(await isEmpty(again.db)).toBe(false);
    const namnder = await again.db
      .selectFrom("org_node")
      .select(["name", "diarium_prefix"])
      .where("kind", "=", "namnd")
      .execute();
    expect(namnder).toEqual(
      expect.arrayContaining([
        { name: "Nämnden för Individ & Familjeomsorg", diarium_prefix: "IF" },
        { name: "Nämnden för Vård & Omsorg", diarium_prefix: "VO" },
      ]),
    );
    const areas = await again.db
      .selectFrom("org_node as a")
      .innerJoin("org_node as f", "f.id", "a.parent_id")
      .select("a.name")
      .where("f.name", "=", "Förvaltningen för Individ & Familjeomsorg")
      .execute();
    expect(areas.map((a) => a.name).sort()).toEqual(
      [
        "Bostad med särskild service",
        "Daglig verksamhet",
        "Myndighet stöd och behandling",
        "Nämnd",
        "Privat assistans",
        "Stöd i hemmet och sysselsättning",
        "Stödfunktioner och central verksamhet",
      ].sort(),
    );
    expect(sessionSecret(config)).toBe(fs.readFileSync(path.join(dataDir, "session-secret"), "utf8"));
    await again.close();
  }, 180_000);

  it("reports a bad configuration in Swedish, naming the variable", () => {
    expect(() => loadConfig({ PORT: "hundra" })).toThrow(/Ogiltig konfiguration: PORT/);
  });
});
