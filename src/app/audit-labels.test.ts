// The audit log speaks Swedish about everything written to it: every entity any code writes (found by
// scanning the source, and by loading all demo data) has a label, and every column of an entity that is a
// table has a label of its own or a common one. A new table or audit call without words fails here.
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasColumnLabel } from "../platform/audit/describe.ts";
import { appAuditLabels, mergeAuditLabels } from "./audit-labels.ts";
import { type TestApp, testApp } from "./testing.ts";

const root = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "web" ? [] : sourceFiles(file);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [file] : [];
  });
}

/** Where code names the entity it writes: audit("x", …), { entity: "x" }, const ENTITY = "x". */
const entityPatterns = [/\baudit\(\s*"([a-z0-9_]+)"/g, /\bentity: "([a-z0-9_]+)"/g, /\bENTITY = "([a-z0-9_]+)"/g];
const writesAudit = /\baudit\(|auditMany\(|recordAudits?\(/;
/** Kysely's bookkeeping (the backup names them), never an audited entity. */
const bookkeeping = new Set(["kysely_migration", "kysely_migration_lock"]);

let t: TestApp;
/** Table → its columns, from the migrated database. */
let tables: Map<string, string[]>;

beforeAll(async () => {
  t = await testApp({ fullDemo: true });
  const columns = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()
    ORDER BY table_name, ordinal_position`.execute(t.database.db);
  tables = new Map();
  for (const c of columns.rows) tables.set(c.table_name, [...(tables.get(c.table_name) ?? []), c.column_name]);
});
afterAll(() => t?.close());

/**
 * The entities the source writes: literals in the patterns above, and, in a file that writes the audit
 * log, any string literal naming a table (an entity handed on through a helper, as kolada's storeIfChanged).
 */
function scannedEntities(): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles(root)) {
    const text = fs.readFileSync(file, "utf8");
    for (const pattern of entityPatterns) for (const m of text.matchAll(pattern)) found.add(m[1] as string);
    if (!writesAudit.test(text)) continue;
    for (const m of text.matchAll(/"([a-z][a-z0-9]*_[a-z0-9_]+)"/g))
      if (tables.has(m[1] as string) && !bookkeeping.has(m[1] as string)) found.add(m[1] as string);
  }
  return found;
}

describe("the audit vocabulary", () => {
  it("finds the entities written in the source, as the scan is meant to", () => {
    const scanned = scannedEntities();
    // One of each way of naming an entity: audit("…"), { entity: "…" }, ENTITY, a helper's argument.
    for (const entity of [
      "namnd_case",
      "indicator_value",
      "kvalitet_lex_sarah",
      "kolada_kpi",
      "evb_offer",
      "session",
    ]) {
      expect(scanned, entity).toContain(entity);
    }
  });

  it("names every entity written in the source or by the demo data", async () => {
    const seeded = await t.database.db.selectFrom("audit_log").select("entity").distinct().execute();
    expect(seeded.length).toBeGreaterThan(10);
    const written = new Set([...scannedEntities(), ...seeded.map((r) => r.entity)]);
    expect([...written].filter((entity) => !appAuditLabels[entity]).sort()).toEqual([]);
  });

  it("labels every column of every entity that is a table", () => {
    const entities = new Set([...Object.keys(appAuditLabels), ...scannedEntities()]);
    const missing = [...entities].flatMap((entity) =>
      (tables.get(entity) ?? [])
        .filter((c) => c !== "id" && !hasColumnLabel(appAuditLabels, entity, c))
        .map((c) => `${entity}.${c}`),
    );
    expect(missing).toEqual([]);
  });

  it("gives each entity one owner", () => {
    expect(() => mergeAuditLabels({ namnd_case: { label: "Ärende" } }, { namnd_case: { label: "Mål" } })).toThrow(
      /namnd_case/,
    );
  });
});

describe("GET /api/admin/audit", () => {
  it("shows an edit of a diarium case in words", async () => {
    const sekreterare = await t.as("sekreterare");
    const ifo = t.demo.nodes.ifo?.id as string;
    const created = await sekreterare.post("/api/namnd/arenden", {
      orgNodeId: ifo,
      title: "Skrivelse från IVO",
      type: "skrivelser",
    });
    expect(created.statusCode, created.body).toBe(200);
    const { id, diarienummer } = created.json() as { id: string; diarienummer: string };
    const changed = await sekreterare.patch(`/api/namnd/arenden/${id}`, {
      title: "Yttrande till IVO",
      receivedOn: "2024-03-05",
    });
    expect(changed.statusCode, changed.body).toBe(200);

    const admin = await t.as("admin");
    const res = await admin.get(`/api/admin/audit?entity=namnd_case&entityId=${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = (res.json() as { rows: Record<string, unknown>[] }).rows;
    expect(rows.map((r) => r.action)).toEqual(["update", "create"]);
    expect(rows[0]).toMatchObject({
      actorName: expect.stringMatching(/\S/),
      entityLabel: "Ärende",
      title: `${diarienummer} Yttrande till IVO`,
      changes: [
        { field: "title", label: "Rubrik", from: "Skrivelse från IVO", to: "Yttrande till IVO" },
        { field: "received_on", label: "Inkom", from: "–", to: "2024-03-05" },
      ],
    });
    expect(rows[0]?.actorName).not.toBe("system");
    expect(rows[1]).toMatchObject({ entityLabel: "Ärende", title: `${diarienummer} Skrivelse från IVO`, changes: [] });
  });

  it("lists the entities by Swedish name for the filter, to admins only", async () => {
    const res = await (await t.as("admin")).get("/api/admin/audit/entities");
    expect(res.statusCode).toBe(200);
    const { entities } = res.json() as { entities: { entity: string; label: string }[] };
    expect(entities).toContainEqual({ entity: "namnd_case", label: "Ärende" });
    expect(entities).toHaveLength(Object.keys(appAuditLabels).length);
    expect((await (await t.as("sekreterare")).get("/api/admin/audit/entities")).statusCode).toBe(403);
  });
});
