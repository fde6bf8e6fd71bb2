import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { appMigrations } from "../../app/capabilities.ts";
import { addKommun, createNode, initOrganisation } from "../../organisation/index.ts";
import { systemActor } from "../../platform/auth/access.ts";
import { openDatabase } from "../../platform/db/database.ts";
import { migrateToLatest } from "../../platform/db/migrate.ts";

const MIGRATION = "0470_tillsyn_types_per_kommun";

describe("migration 0470: the kinds of tillsyn per kommun", () => {
  it("gives each kommun a copy of the national list and re-points every tillsyn to its kommun's copy", async () => {
    const database = await openDatabase({ memory: true });
    const db = database.db;
    try {
      const before = Object.fromEntries(Object.entries(appMigrations).filter(([name]) => name !== MIGRATION));
      await migrateToLatest(db, before);
      const admin = (username: string) => ({ username, displayName: username, password: "ett-langt-losenord" });
      const first = await initOrganisation(db, { kommun: "Första kommun", admin: admin("a") });
      const second = await addKommun(db, { kommun: "Andra kommun", admin: admin("b") });
      const unit = async (kommunId: string) =>
        (await createNode(db, systemActor(), { parentId: kommunId, kind: "enhet", name: "Gruppbostad", sortOrder: 0 }))
          .id;
      const units = [await unit(first.kommun.id), await unit(second.kommun.id)];
      // An admin's edit of the national list before the migration is kept in every copy.
      await sql`UPDATE kvalitet_inspection_type SET name = 'Uppföljande tillsyn', active = false
        WHERE code = 'uppfoljning'`.execute(db);
      const tillsyn = (unitId: string, code: string) =>
        sql<{ id: string }>`INSERT INTO kvalitet_inspection (org_node_id, type_id, month, status)
          SELECT ${unitId}, id, '2023-05', 'pagaende' FROM kvalitet_inspection_type WHERE code = ${code}
          RETURNING id`.execute(db);
      await tillsyn(units[0] as string, "lss-9-8");
      await tillsyn(units[0] as string, "uppfoljning");
      await tillsyn(units[1] as string, "lss-9-8");

      await appMigrations[MIGRATION]?.up(db);

      const kinds = await db
        .selectFrom("kvalitet_inspection_type")
        .select(["org_node_id", "code", "name", "active"])
        .orderBy("org_node_id")
        .orderBy("sort_order")
        .execute();
      const listOf = (kommunId: string) =>
        kinds.filter((k) => k.org_node_id === kommunId).map(({ code, name, active }) => ({ code, name, active }));
      const expected = [
        { code: "anmald-inspektion", name: "Anmäld inspektion", active: true },
        { code: "uppfoljning", name: "Uppföljande tillsyn", active: false },
        { code: "lss-9-8", name: "Årlig tillsyn av bostad enligt LSS 9 § 8", active: true },
        { code: "sarskild-tillsynsinsats", name: "Särskild tillsynsinsats", active: true },
      ];
      expect(listOf(first.kommun.id)).toEqual(expected);
      expect(listOf(second.kommun.id)).toEqual(expected);
      expect(kinds).toHaveLength(8);

      // Each tillsyn keeps its kind's name, now its own kommun's row.
      const inspections = await db
        .selectFrom("kvalitet_inspection as i")
        .innerJoin("kvalitet_inspection_type as t", "t.id", "i.type_id")
        .select(["i.org_node_id as unit", "t.org_node_id as kommun", "t.name"])
        .orderBy("t.name")
        .execute();
      expect(inspections).toEqual([
        { unit: units[0], kommun: first.kommun.id, name: "Uppföljande tillsyn" },
        { unit: units[0], kommun: first.kommun.id, name: "Årlig tillsyn av bostad enligt LSS 9 § 8" },
        { unit: units[1], kommun: second.kommun.id, name: "Årlig tillsyn av bostad enligt LSS 9 § 8" },
      ]);
      // A kommun's codes are unique within its own list only.
      await expect(
        sql`INSERT INTO kvalitet_inspection_type (org_node_id, code, name)
          VALUES (${first.kommun.id}, 'lss-9-8', 'Igen')`.execute(db),
      ).rejects.toThrow();
    } finally {
      await database.close();
    }
  }, 120_000);
});
