import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../seed.ts";
import { recordAudit } from "../audit/audit.ts";
import { systemActor } from "../auth/access.ts";
import { DEMO_PASSWORD, testDatabase } from "../testing.ts";
import { backupDatabase, restoreDatabase } from "./backup.ts";
import type { Database } from "./database.ts";

let source: Database;
let target: Database;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lots-backup-"));
const file = path.join(dir, "lots.backup.ndjson");

/** Every table's rows as sorted JSON text, so two databases can be compared whole. */
async function contents(database: Database): Promise<Record<string, string[]>> {
  const tables = await sql<{ name: string }>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'kysely_%'`.execute(
    database.db,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    const rows = await sql<{ j: string }>`SELECT row_to_json(t)::text AS j FROM ${sql.table(name)} t`.execute(
      database.db,
    );
    out[name] = rows.rows.map((r) => r.j).sort();
  }
  return out;
}

beforeAll(async () => {
  source = await testDatabase();
  await seedDemo(source.db, DEMO_PASSWORD);
  // Awkward values on purpose: quotes, newlines, unicode and nested JSON.
  await recordAudit(source.db, systemActor(), {
    entity: "test",
    entityId: "x",
    action: "update",
    before: { text: 'citat "så" här\nny rad – ÅÄÖ', nested: { list: [1, 2, null] } },
    after: { amount: -679576000 },
  });
  target = await testDatabase();
});
afterAll(async () => {
  await source?.close();
  await target?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("round-trips every table exactly", async () => {
    const written = await backupDatabase(source.db, file);
    expect(written.rows).toBeGreaterThan(30);
    const restored = await restoreDatabase(target.db, file);
    expect(restored.rows).toBe(written.rows);
    expect(await contents(target)).toEqual(await contents(source));
  });

  it("keeps the restored database writable with identities continuing after the highest id", async () => {
    const max = await target.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.max("id").as("m"))
      .executeTakeFirstOrThrow();
    await recordAudit(target.db, systemActor(), { entity: "test", entityId: null, action: "create" });
    const next = await target.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.max("id").as("m"))
      .executeTakeFirstOrThrow();
    expect(Number(next.m)).toBe(Number(max.m) + 1);
  });

  it("refuses a file that is not a Lots backup, leaving the database untouched", async () => {
    const bad = path.join(dir, "bad.ndjson");
    fs.writeFileSync(bad, '{"hello":"world"}\n');
    await expect(restoreDatabase(target.db, bad)).rejects.toThrow("Filen är ingen säkerhetskopia från Lots.");
    const nodes = await target.db.selectFrom("org_node").select("id").execute();
    expect(nodes.length).toBeGreaterThan(10);
  });

  it("refuses a backup from a newer version", async () => {
    const newer = path.join(dir, "newer.ndjson");
    const [header, ...rest] = fs.readFileSync(file, "utf8").split("\n");
    const h = JSON.parse(header!);
    h.migrations.push("9999_from_the_future");
    fs.writeFileSync(newer, [JSON.stringify(h), ...rest].join("\n"));
    await expect(restoreDatabase(target.db, newer)).rejects.toThrow(/nyare version/);
  });
});
