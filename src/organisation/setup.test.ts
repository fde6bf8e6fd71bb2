import { describe, expect, it } from "vitest";
import { seedDemo } from "../app/seed.ts";
import { testDatabase } from "../app/testing.ts";
import { recordAudit } from "../platform/audit/audit.ts";
import { systemActor } from "../platform/auth/access.ts";
import { readableTree } from "./directory-service.ts";
import { hasEverHeldData } from "./repository.ts";
import { addKommun, initOrganisation } from "./setup.ts";

describe("demo data and the first organisation", () => {
  it("never seeds demo accounts into a database whose only trace of data is the audit log", async () => {
    const database = await testDatabase();
    try {
      expect(await hasEverHeldData(database.db)).toBe(false);
      await database.db
        .transaction()
        .execute((trx) => recordAudit(trx, systemActor(), { entity: "org_node", entityId: null, action: "delete" }));
      expect(await hasEverHeldData(database.db)).toBe(true);
      await expect(seedDemo(database.db, "lots-demo-2026")).rejects.toThrow("Databasen har redan haft data");
      expect(await database.db.selectFrom("app_user").select("id").execute()).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it("creates the kommun and its first admin once, audited, and resumes a run that stopped halfway", async () => {
    const database = await testDatabase();
    try {
      const input = {
        kommun: "Exempels kommun",
        admin: { username: "chef", displayName: "Chef", password: "ett-langt-losenord" },
      };
      const { kommun, admin } = await initOrganisation(database.db, input);
      expect(kommun).toMatchObject({ kind: "kommun", parent_id: null, name: "Exempels kommun" });
      const roles = await database.db
        .selectFrom("role_assignment")
        .select(["user_id", "role", "org_node_id"])
        .execute();
      expect(roles).toEqual([{ user_id: admin.id, role: "admin", org_node_id: kommun.id }]);
      const audit = await database.db.selectFrom("audit_log").select(["entity", "action"]).execute();
      expect(audit).toEqual(
        expect.arrayContaining([
          { entity: "org_node", action: "create" },
          { entity: "app_user", action: "create" },
        ]),
      );
      await expect(initOrganisation(database.db, input)).rejects.toThrow("redan en organisation");

      // A kommun without any account (the admin step failed) is completed, not duplicated.
      await database.db.deleteFrom("role_assignment").execute();
      await database.db.deleteFrom("app_user").execute();
      await initOrganisation(database.db, { ...input, admin: { ...input.admin, username: "chef2" } });
      expect(await database.db.selectFrom("org_node").select("id").execute()).toEqual([{ id: kommun.id }]);
    } finally {
      await database.close();
    }
  });

  it("adds a second kommun with its own code and admin, who sees only that kommun", async () => {
    const database = await testDatabase();
    try {
      const admin = (username: string) => ({ username, displayName: username, password: "ett-langt-losenord" });
      await expect(addKommun(database.db, { kommun: "Tidig kommun", admin: admin("tidig") })).rejects.toThrow(
        "lots init",
      );
      const first = await initOrganisation(database.db, { kommun: "Exempels kommun", code: "1384", admin: admin("a") });
      const second = await addKommun(database.db, { kommun: "Exempelby kommun", code: "9999", admin: admin("b") });
      expect(second.kommun).toMatchObject({ kind: "kommun", parent_id: null, code: "9999" });
      await expect(addKommun(database.db, { kommun: "exempelby kommun", admin: admin("c") })).rejects.toThrow(
        "Kommunen finns redan: Exempelby kommun (9999)",
      );
      await expect(addKommun(database.db, { kommun: "Tredje", code: "1384", admin: admin("c") })).rejects.toThrow(
        "Kommunen finns redan: Exempels kommun",
      );
      expect(await database.db.selectFrom("app_user").select("username").orderBy("username").execute()).toEqual([
        { username: "a" },
        { username: "b" },
      ]);
      const actorOf = (id: string, kommun: { id: string; path: string }) => ({
        id,
        username: "x",
        displayName: "x",
        assignments: [{ role: "admin" as const, orgNodeId: kommun.id, path: kommun.path }],
      });
      const seenBySecond = await readableTree(database.db, actorOf(second.admin.id, second.kommun));
      expect(seenBySecond.map((n) => n.id)).toEqual([second.kommun.id]);
      const seenByFirst = await readableTree(database.db, actorOf(first.admin.id, first.kommun));
      expect(seenByFirst.map((n) => n.id)).toEqual([first.kommun.id]);
    } finally {
      await database.close();
    }
  });
});
