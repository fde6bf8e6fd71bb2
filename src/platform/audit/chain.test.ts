import { sql } from "kysely";
import { Migrator } from "kysely/migration";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appMigrations } from "../../app/capabilities.ts";
import { testDatabaseWithOrganisation } from "../../app/testing.ts";
import { systemActor } from "../auth/access.ts";
import type { Database } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { recordAudit, recordAudits } from "./audit.ts";
import { describeChainReport, verifyAuditChain } from "./chain.ts";

let database: Database;

beforeAll(async () => {
  ({ database } = await testDatabaseWithOrganisation());
});
afterAll(async () => {
  await database?.close();
});

const audit = (entityId: string, after: unknown = { n: entityId }) =>
  recordAudit(database.db, systemActor(), { entity: "test", entityId, action: "update", after });

describe("tamper-evident audit log", () => {
  it("verifies after normal audited writes, also when written concurrently", async () => {
    await audit("a", { text: 'citat "så" här\nny rad – ÅÄÖ', list: [1.5, null, -0.25] });
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        database.db.transaction().execute(async (trx) => {
          await recordAudit(trx, systemActor(), { entity: "test", entityId: `c${i}`, action: "create" });
          await recordAudit(trx, systemActor(), { entity: "test", entityId: `d${i}`, action: "create" });
        }),
      ),
    );
    const total = await database.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .execute();
    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({ intact: true, events: Number(total[0]?.n) });
    if (!report.intact) throw new Error("unreachable");
    const last = await database.db
      .selectFrom("audit_log")
      .select(["hash", "chain_seq"])
      .orderBy("chain_seq", "desc")
      .executeTakeFirstOrThrow();
    expect(report.head).toBe(last.hash);
    expect(report.head).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(last.chain_seq)).toBe(report.events);
    expect(describeChainReport(report)).toBe(
      `Granskningsloggen är obruten: ${report.events} händelser, senaste hash ${last.hash}.`,
    );
  });

  it("links many events written in one statement in the order given", async () => {
    const ids = Array.from({ length: 1203 }, (_, i) => `bulk${i}`); // more than one statement's slice
    await database.db.transaction().execute((trx) =>
      recordAudits(
        trx,
        systemActor(),
        ids.map((entityId) => ({ entity: "test", entityId, action: "create" })),
      ),
    );
    const rows = await database.db
      .selectFrom("audit_log")
      .select("entity_id")
      .where("entity_id", "like", "bulk%")
      .orderBy("chain_seq")
      .execute();
    expect(rows.map((r) => r.entity_id)).toEqual(ids);
    expect(await verifyAuditChain(database.db)).toMatchObject({ intact: true });
  });

  it("does not depend on the session's TimeZone or DateStyle", async () => {
    const before = await verifyAuditChain(database.db);
    const after = await database.db.connection().execute(async (conn) => {
      await sql`SET TimeZone = 'America/New_York'`.execute(conn);
      await sql`SET DateStyle = 'SQL, DMY'`.execute(conn);
      try {
        return await verifyAuditChain(conn);
      } finally {
        await sql`RESET TimeZone`.execute(conn);
        await sql`RESET DateStyle`.execute(conn);
      }
    });
    expect(after).toEqual(before);
  });

  it("refuses UPDATE, DELETE and TRUNCATE by the application", async () => {
    await expect(database.db.updateTable("audit_log").set({ action: "x" }).execute()).rejects.toThrow(/append-only/);
    await expect(database.db.deleteFrom("audit_log").execute()).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(database.db)).intact).toBe(true);
  });

  it("refuses an insert that claims a place or hash the chain does not give it", async () => {
    await expect(
      sql`INSERT INTO audit_log (actor_name, entity, action, chain_seq) VALUES ('x', 'test', 'create', 1)`.execute(
        database.db,
      ),
    ).rejects.toThrow(/audit chain/);
    await expect(
      sql`INSERT INTO audit_log (actor_name, entity, action, hash) VALUES ('x', 'test', 'create', repeat('0', 64))`.execute(
        database.db,
      ),
    ).rejects.toThrow(/audit chain/);
  });

  it("reports a row changed behind the triggers' back at exactly that link", async () => {
    await audit("after-tamper-1");
    const target = await database.db
      .selectFrom("audit_log")
      .select(["id", "chain_seq", "created_at"])
      .where("entity_id", "=", "a")
      .executeTakeFirstOrThrow();
    await audit("after-tamper-2");
    // What a superuser could do: switch the guard off, rewrite history, switch it back on.
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(database.db);
    await sql`UPDATE audit_log SET after = '{"n":"forged"}' WHERE id = ${target.id}`.execute(database.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(database.db);

    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({
      intact: false,
      events: Number(target.chain_seq) - 1,
      broken: { chainSeq: Number(target.chain_seq), id: Number(target.id) },
    });
    if (report.intact) throw new Error("unreachable");
    expect(report.broken.createdAt.getTime()).toBe(new Date(target.created_at).getTime());
    expect(describeChainReport(report)).toMatch(
      new RegExp(`^Granskningsloggen är bruten vid händelse ${target.chain_seq} \\(id ${target.id}, `),
    );

    // Re-hashing the forged row just moves the break to the next link.
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(database.db);
    await sql`UPDATE audit_log SET hash = lots_audit_hash(prev_hash, audit_log) WHERE id = ${target.id}`.execute(
      database.db,
    );
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(database.db);
    expect(await verifyAuditChain(database.db)).toMatchObject({
      intact: false,
      broken: { chainSeq: Number(target.chain_seq) + 1, reason: "länken pekar inte på föregående händelse" },
    });
  });
});

describe("migration 1000_audit_chain", () => {
  // Runs last: it rebuilds this file's database from the migration before the chain.
  it("chains rows written before it in id order", { timeout: 180_000 }, async () => {
    const names = Object.keys(appMigrations).sort();
    const previous = names[names.indexOf("1000_audit_chain") - 1];
    await sql`DROP SCHEMA public CASCADE`.execute(database.db);
    await sql`CREATE SCHEMA public`.execute(database.db);
    const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => appMigrations } });
    const { error } = await migrator.migrateTo(previous ?? "");
    if (error) throw error;
    for (const id of [5, 3, 9]) {
      await sql`INSERT INTO audit_log (id, actor_name, entity, action) VALUES (${id}, 'system', 'old', 'create')`.execute(
        database.db,
      );
    }
    await migrateToLatest(database.db, appMigrations);
    const rows = await database.db.selectFrom("audit_log").select(["id", "chain_seq"]).orderBy("chain_seq").execute();
    expect(rows.map((r) => [Number(r.id), Number(r.chain_seq)])).toEqual([
      [3, 1],
      [5, 2],
      [9, 3],
    ]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ intact: true, events: 3 });
  });
});
