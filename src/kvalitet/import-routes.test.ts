import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, type TestApp, testApp } from "../app/testing.ts";
import { installStandardLists } from "./repository.ts";

let t: TestApp;
const node = (key: string) => t.demo.nodes[key]?.id as string;

beforeAll(async () => {
  t = await testApp();
  await installStandardLists(t.database.db, node("kommun"));
});
afterAll(() => t?.close());

const header = "enhet,kind,kategori,inträffade,upptäckt,vad,åtgärd,typer,orsaker,status,avslutad,utredning";
const good = [
  "Gruppbostad Björken,avvikelse,,2024-01-10,2024-01-10,Fall i duschen,Larm,Fall,Brist i tillsyn,avslutad,2024-01-20,Halkmatta saknades",
  'Gruppbostad Almen,,,2024-01-11,2024-01-12,"Fel dos, 19850312-1234",,lakemedel,,,,',
  "Gruppbostad Almen,arbetsmiljo,tillbud,2024-01-12,2024-01-12,Halt golv,,,,rapporterad,,",
];
const bad = "Gruppbostad Almen,avvikelse,,2024-01-10,2024-01-09,Fall,,Flygande tefat,,,,";
const csv = (...rows: string[]) => [header, ...rows].join("\n");

async function upload(username: string, path: "import" | "import/preview", body: string, scope = node("ifo")) {
  return (await t.as(username)).request({
    method: "POST",
    url: `/api/kvalitet/handelser/${path}?orgNodeId=${scope}`,
    headers: { "content-type": "text/csv" },
    payload: body,
  });
}

const events = () => countRows(t.database.db, "kvalitet_event");

describe("the händelse import over HTTP", () => {
  it("previews accepted and rejected rows, each problem by row and column, and writes nothing", async () => {
    await t.as("kvalitet"); // signing in is audited; the preview is not
    const before = { events: await events(), audit: await countRows(t.database.db, "audit_log") };
    const res = await upload("kvalitet", "import/preview", csv(...good, bad));
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({ rows: 3, avvikelser: 2, arbetsmiljo: 1, masked: 1, rejected: 1 });
    expect(preview.lines.map((l: { row: number; status: string | null }) => [l.row, l.status])).toEqual([
      [2, "avslutad"],
      [3, "under_utredning"],
      [4, "rapporterad"],
      [5, null],
    ]);
    expect(preview.lines[3]).toMatchObject({ unit: "Gruppbostad Almen", kind: "avvikelse", occurredOn: "2024-01-10" });
    expect(preview.lines[3].problems).toEqual([
      {
        field: "upptäckt",
        message: "Händelsen kan inte ha upptäckts (2024-01-09) innan den inträffade (2024-01-10).",
      },
      { field: "typer", message: expect.stringMatching(/^Okänd typ Flygande tefat\./) },
    ]);
    expect(preview.lines.slice(0, 3).every((l: { problems: unknown[] }) => l.problems.length === 0)).toBe(true);
    expect({ events: await events(), audit: await countRows(t.database.db, "audit_log") }).toEqual(before);
  });

  it("imports a good file whole, each händelse audited as an import", async () => {
    const before = await events();
    const res = await upload("kvalitet", "import", csv(...good));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 3, avvikelser: 2, arbetsmiljo: 1, masked: 1 });
    expect(await events()).toBe(before + 3);
    const imported = await t.database.db
      .selectFrom("audit_log")
      .select(["actor_name"])
      .where("entity", "=", "kvalitet_event")
      .where("action", "=", "import")
      .execute();
    expect(imported).toHaveLength(3);
    expect(new Set(imported.map((a) => a.actor_name)).size).toBe(1);
    const masked = await t.database.db
      .selectFrom("kvalitet_event")
      .select("what_happened")
      .where("what_happened", "like", "Fel dos%")
      .executeTakeFirstOrThrow();
    expect(masked.what_happened).toBe("Fel dos, ********-****");
  });

  it("writes nothing when one row is bad, and names the row", async () => {
    const before = await events();
    const res = await upload("kvalitet", "import", csv(...good, bad));
    expect(res.statusCode).toBe(400);
    const problems = res.json().details.problems as { row: number; field: string }[];
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [5, "upptäckt"],
      [5, "typer"],
    ]);
    expect(await events()).toBe(before);
  });

  it("refuses roles without write:kvalitet, and rows on units the importer may not write", async () => {
    for (const path of ["import", "import/preview"] as const) {
      expect((await upload("medarbetare", path, csv(...good))).statusCode).toBe(403);
      expect((await upload("fortroendevald", path, csv(...good))).statusCode).toBe(403);
    }
    // The enhetschef of Almen may import into Almen only: a scope above it is refused, a Björken row by name.
    expect((await upload("enhetschef", "import/preview", csv(...good))).statusCode).toBe(403);
    const almen = node("bss-almen");
    const preview = (await upload("enhetschef", "import/preview", csv(...good), almen)).json();
    expect(preview.rejected).toBe(1);
    expect(preview.lines[0].problems).toEqual([
      { field: "enhet", message: 'Enheten "Gruppbostad Björken" finns inte under Gruppbostad Almen.' },
    ]);
    const before = await events();
    expect((await upload("enhetschef", "import", csv(...good), almen)).statusCode).toBe(400);
    expect(await events()).toBe(before);
  });
});
