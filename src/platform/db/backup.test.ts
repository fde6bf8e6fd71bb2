import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appMigrations } from "../../app/capabilities.ts";
import { testDatabase } from "../../app/testing.ts";
import { recordAudit } from "../audit/audit.ts";
import { verifyAuditChain } from "../audit/chain.ts";
import { systemActor } from "../auth/access.ts";
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

const adminHash = async (database: Database) =>
  (
    await database.db
      .selectFrom("app_user")
      .select("password_hash")
      .where("username", "=", "admin")
      .executeTakeFirstOrThrow()
  ).password_hash;

/** The backup's lines without the closing record, and the closing record. */
function split(f: string): { body: string[]; closing: { sha256: string; counts: Record<string, number> } } {
  const lines = fs.readFileSync(f, "utf8").split("\n");
  expect(lines.pop()).toBe("");
  return { body: lines.slice(0, -1), closing: JSON.parse(lines.at(-1) ?? "") };
}

/** Writes edited lines with a closing record whose checksum is correct again, as a careful forger would. */
function reseal(name: string, body: string[], closing: object): string {
  const text = body.map((l) => `${l}\n`).join("");
  const sha256 = crypto.createHash("sha256").update(text).digest("hex");
  const out = path.join(dir, name);
  fs.writeFileSync(out, `${text}${JSON.stringify({ ...closing, sha256 })}\n`);
  return out;
}

/** Line number (1-based) of the first row line of `table`. */
const firstLineOf = (body: string[], table: string) =>
  body.findIndex((l) => l.startsWith(`{"table":${JSON.stringify(table)},`)) + 1;

beforeAll(async () => {
  source = await testDatabase("fullDemo");
  // Awkward values on purpose: quotes, newlines, unicode, nested JSON, numbers JavaScript cannot hold.
  await recordAudit(source.db, systemActor(), {
    entity: "test",
    entityId: "x",
    action: "update",
    before: { text: 'citat "så" här\nny rad – ÅÄÖ', nested: { list: [1, 2, null] } },
    after: { amount: -679576000 },
  });
  await sql`INSERT INTO audit_log (actor_name, entity, action, after)
    VALUES ('system', 'test', 'create', '{"big": 123456789012345678901234567890, "scaled": 1.50}')`.execute(source.db);
  target = await testDatabase();
}, 180_000); // two databases and the full demo: slow on a busy machine
afterAll(async () => {
  await source?.close();
  await target?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("round-trips every table exactly, and the audit chain still verifies", async () => {
    const written = await backupDatabase(source.db, file);
    expect(written.rows).toBeGreaterThan(30);
    const restored = await restoreDatabase(target.db, file, appMigrations);
    expect(restored.rows).toBe(written.rows);
    // Identical, except that each side has logged its own step: the backup in the source, the restore in the target.
    const { audit_log: sourceAudit = [], ...sourceRest } = await contents(source);
    const { audit_log: targetAudit = [], ...targetRest } = await contents(target);
    expect(targetRest).toEqual(sourceRest);
    const onlySource = sourceAudit.filter((r) => !targetAudit.includes(r));
    const onlyTarget = targetAudit.filter((r) => !sourceAudit.includes(r));
    expect(onlySource).toEqual([expect.stringContaining('"action":"backup"')]);
    expect(onlyTarget).toEqual([expect.stringContaining('"action":"restore"')]);
    expect(onlyTarget[0]).toContain(`"sha256": "${split(file).closing.sha256}"`);
    const chain = await verifyAuditChain(target.db);
    expect(chain).toMatchObject({ intact: true, events: sourceAudit.length });
    expect((await verifyAuditChain(source.db)).intact).toBe(true);
    // Self-references are checked late during the restore only; afterwards they are as the migrations made them.
    const deferrable = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND conrelid = confrelid AND condeferrable`.execute(
      target.db,
    );
    expect(deferrable.rows[0]?.n).toBe(0);
  });

  it("writes a manifest: header, rows, and a closing record with counts and a checksum of all before it", () => {
    const { body, closing } = split(file);
    const header = JSON.parse(body[0] ?? "");
    expect(header).toMatchObject({ format: "lots-backup", version: 2, tables: expect.any(Array) });
    expect(closing).toMatchObject({ format: "lots-backup-end", rows: body.length - 1 });
    const text = body.map((l) => `${l}\n`).join("");
    expect(closing.sha256).toBe(crypto.createHash("sha256").update(text).digest("hex"));
    expect(Object.values(closing.counts).reduce((a, b) => a + b, 0)).toBe(body.length - 1);
  });

  it("writes backups readable by the owner only, also over an existing file", async () => {
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const existing = path.join(dir, "existing.ndjson");
    fs.writeFileSync(existing, "old", { mode: 0o644 });
    fs.chmodSync(existing, 0o644);
    await backupDatabase(source.db, existing);
    expect(fs.statSync(existing).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
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
    expect((await verifyAuditChain(target.db)).intact).toBe(true);
  });
});

describe("a restore that fails leaves the database exactly as it was", () => {
  let before: Record<string, string[]>;
  let hash: string | null;
  beforeAll(async () => {
    before = await contents(target);
    hash = await adminHash(target);
  });
  const unchanged = async () => {
    expect(await contents(target)).toEqual(before);
    expect(await adminHash(target)).toBe(hash);
  };

  it("refuses a row the database rejects, naming its line, and rolls everything back", async () => {
    const { body, closing } = split(file);
    const line = firstLineOf(body, "role_assignment");
    expect(line).toBeGreaterThan(firstLineOf(body, "app_user"));
    const edited = JSON.parse(body[line - 1] ?? "");
    edited.row.role = null;
    body[line - 1] = JSON.stringify(edited);
    const bad = reseal("bad-row.ndjson", body, closing);
    await expect(restoreDatabase(target.db, bad, appMigrations)).rejects.toThrow(
      new RegExp(`rad ${line} \\(tabellen role_assignment\\).*databasen är oförändrad`),
    );
    await unchanged();
  });

  it("names the refused line also in a table whose rows come before their parents", async () => {
    const { body, closing } = split(file);
    const first = firstLineOf(body, "org_node");
    const count = body.filter((l) => l.startsWith('{"table":"org_node",')).length;
    const nodes = body.slice(first - 1, first - 1 + count).reverse();
    const edited = JSON.parse(nodes[count - 1] ?? "");
    edited.row.name = null;
    nodes[count - 1] = JSON.stringify(edited);
    body.splice(first - 1, count, ...nodes);
    const bad = reseal("children-first.ndjson", body, closing);
    await expect(restoreDatabase(target.db, bad, appMigrations)).rejects.toThrow(
      new RegExp(`rad ${first + count - 1} \\(tabellen org_node\\).*"name"`),
    );
    await unchanged();
  });

  it("refuses a backup cut off at a line boundary before touching anything", async () => {
    const lines = fs.readFileSync(file, "utf8").split("\n");
    const cut = path.join(dir, "cut.ndjson");
    fs.writeFileSync(cut, `${lines.slice(0, 40).join("\n")}\n`);
    await expect(restoreDatabase(target.db, cut, appMigrations)).rejects.toThrow(
      "Säkerhetskopian är ofullständig: rad 40 är den sista och avslutningsraden",
    );
    await unchanged();
  });

  it("refuses a wrong checksum", async () => {
    const { body, closing } = split(file);
    const text = body.map((l) => `${l}\n`).join("");
    const flipped = closing.sha256.replace(/^./, (c) => (c === "0" ? "1" : "0"));
    const bad = path.join(dir, "checksum.ndjson");
    fs.writeFileSync(bad, `${text}${JSON.stringify({ ...closing, sha256: flipped })}\n`);
    await expect(restoreDatabase(target.db, bad, appMigrations)).rejects.toThrow(
      `Säkerhetskopian är skadad: kontrollsumman på rad ${body.length + 1} stämmer inte med innehållet.`,
    );
    // An edited row under the original closing record is caught the same way.
    const edited = [...body];
    edited[5] = (edited[5] ?? "").replace(/"name":"/, '"name":"X');
    fs.writeFileSync(bad, `${edited.map((l) => `${l}\n`).join("")}${JSON.stringify(closing)}\n`);
    expect(edited[5]).not.toBe(body[5]);
    await expect(restoreDatabase(target.db, bad, appMigrations)).rejects.toThrow(
      /kontrollsumman på rad \d+ stämmer inte/,
    );
    await unchanged();
  });

  it("refuses a row removed even when the checksum was recomputed: the counts differ", async () => {
    const { body, closing } = split(file);
    const line = firstLineOf(body, "app_user");
    body.splice(line - 1, 1);
    const bad = reseal("missing-row.ndjson", body, closing);
    await expect(restoreDatabase(target.db, bad, appMigrations)).rejects.toThrow(
      new RegExp(`ofullständig: rad ${body.length + 1} anger \\d+ rader för tabellen app_user, men filen har`),
    );
    await unchanged();
  });

  it("refuses anything after the closing record", async () => {
    const bad = path.join(dir, "trailing.ndjson");
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(bad, `${text}{"table":"org_node","row":{}}\n`);
    const lines = text.split("\n").length;
    await expect(restoreDatabase(target.db, bad, appMigrations)).rejects.toThrow(
      `rad ${lines} kommer efter avslutningsraden`,
    );
    await unchanged();
  });

  it("refuses a backup whose audit rows were altered, naming the line, even with a recomputed checksum", async () => {
    const { body, closing } = split(file);
    const line = body.findIndex((l) => l.includes('"entity":"test"')) + 1;
    expect(line).toBeGreaterThan(1);
    body[line - 1] = (body[line - 1] ?? "").replace('"amount": -679576000', '"amount": -1');
    expect(body[line - 1]).toContain('"amount": -1');
    const bad = reseal("tampered-audit.ndjson", body, closing);
    await expect(restoreDatabase(target.db, bad, appMigrations)).rejects.toThrow(
      new RegExp(`rad ${line} \\(tabellen audit_log\\).*audit chain.*databasen är oförändrad`),
    );
    await unchanged();
  });

  it("refuses files that are not Lots backups, version-1 backups and backups from a newer version", async () => {
    const bad = path.join(dir, "bad.ndjson");
    fs.writeFileSync(bad, '{"hello":"world"}\n');
    await expect(restoreDatabase(target.db, bad, appMigrations)).rejects.toThrow(
      "Filen är ingen säkerhetskopia från Lots.",
    );

    const { body, closing } = split(file);
    const v1 = { ...JSON.parse(body[0] ?? ""), version: 1 };
    fs.writeFileSync(bad, `${[JSON.stringify(v1), ...body.slice(1)].join("\n")}\n`);
    await expect(restoreDatabase(target.db, bad, appMigrations)).rejects.toThrow(/gamla formatet 1/);

    const header = JSON.parse(body[0] ?? "");
    header.migrations.push("9999_from_the_future");
    const newer = reseal("newer.ndjson", [JSON.stringify(header), ...body.slice(1)], closing);
    await expect(restoreDatabase(target.db, newer, appMigrations)).rejects.toThrow(/nyare version/);
    await unchanged();
  });
});
