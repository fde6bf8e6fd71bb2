import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseWithOrganisation } from "../app/testing.ts";
import type { DemoOrganisation } from "../organisation/index.ts";
import { type Actor, systemActor } from "../platform/auth/access.ts";
import type { Database } from "../platform/db/database.ts";
import { DomainError } from "../platform/errors.ts";
import type { FieldProblem } from "../platform/validation.ts";
import { importDecisionsCsv, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, requiredColumns } from "./import-service.ts";
import { getDecision } from "./register-read-service.ts";
import { evbTestDatabase } from "./testing.ts";

const header = requiredColumns.join(",");
const today = "2024-04-15";

let database: Database;
let demo: DemoOrganisation;
let kommunId: string;

beforeAll(async () => {
  ({ database, demo, kommunId } = await evbTestDatabase());
});
afterAll(() => database.close());

const run = (content: string | Buffer, actor: Actor = systemActor(), dryRun = false) =>
  importDecisionsCsv(database.db, actor, { scopeNodeId: kommunId, content, today, dryRun });

async function problemsOf(content: string, actor?: Actor): Promise<{ message: string; problems: FieldProblem[] }> {
  const error = await run(content, actor).catch((e: unknown) => e);
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return { message: error.messageSv, problems: (error.details as { problems?: FieldProblem[] })?.problems ?? [] };
}

/** Reads the whole kommun as controller, but writes EVB only in his own unit as handläggare. */
function handlaggare(): Actor {
  const node = (key: string) => ({ orgNodeId: demo.nodes[key]?.id as string, path: demo.nodes[key]?.path as string });
  return {
    id: null,
    username: "h",
    displayName: "Hassan Handläggare",
    assignments: [
      { role: "controller", ...node("kommun") },
      { role: "handlaggare", ...node("msb-lss") },
    ],
  };
}

const decisions = async () => (await database.db.selectFrom("evb_decision").select("id").execute()).length;
const audits = async () =>
  (await database.db.selectFrom("audit_log").select("id").where("entity", "like", "evb_%").execute()).length;

describe("import: bad input is refused whole, with row numbers", () => {
  it("names the row and column of every problem and writes nothing", async () => {
    const file = [
      header,
      "19850312-T123,K,Boendestöd,SoL,4 kap. 1 § SoL,Boendestöd,2023-03-27,,,,,,resursbrist,Väntar på personal,",
      "19850312-T123,K,Boendestöd,SoL,,Boendestöd,2999-01-01,,,,,,,,",
      "19900101-T111,M,Boendestöd,SoL,,Boendestöd,2023-05-10,,,2023-05-01,,,,,",
      "19900101-T111,M,Boendestöd,SoL,,Trädgårdsskötsel,2023-05-10,,,,,,,,",
      "1985-03-12-T123,K,Boendestöd,SoL,,Boendestöd,2023-05-10,,,,,,,,",
      "198503121234,K,Boendestöd,SoL,,Boendestöd,2023-05-10,,,,,,,,",
      "19850312-T133,K,Boendestöd,SoL,,Boendestöd,2023-05-10,,,,,,,,",
      "19850312-T124,K,Gruppbostad Eken,LSS,,Daglig verksamhet,2023-05-10,,,,,,,,",
      "19850312-T125,K,Daglig verksamhet Väst,LSS,9 § 9 LSS,Daglig verksamhet,2023-05-10,2023-06-01,,,,,,,",
      "19850312-T126,K,Boendestöd,SoL,,Boendestöd,2023-05-10,,,,,,,,2023-06-01:kanske",
      "19850312-T127,K,Boendestöd,SoL,,Boendestöd,2023-05-10,,,,2023-08-01,,,,",
    ].join("\n");
    const { message, problems } = await problemsOf(file);
    expect(message).toMatch(/^Filen importerades inte \(inget sparades\): 10 av 11 rader har fel\./);
    const at = (row: number) => problems.filter((p) => p.row === row).map((p) => `${p.field}: ${p.message}`);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(["beslutsdatum: Beslutsdatum 2999-01-01 ligger i framtiden."]);
    expect(at(4)).toEqual(["verkstallt: Beslutet kan inte vara verkställt (2023-05-01) före beslutsdatum 2023-05-10."]);
    expect(at(5)[0]).toMatch(
      /^insats: Insatsen "Trädgårdsskötsel" finns inte i katalogen för SoL\. Finns: Boendestöd, /,
    );
    expect(at(6)).toEqual([
      "id: Id ska skrivas ÅÅÅÅMMDD-T123 (födelsedatum, bindestreck, bokstaven T och tre siffror), t.ex. 19850312-T123.",
    ]);
    expect(at(7)[0]).toMatch(/^id: Ange inte personnummer eller samordningsnummer\./);
    expect(at(8)).toEqual([
      "kon: Kön K stämmer inte med id 19850312-T133: tredje tecknet efter bindestrecket är udda, alltså man (M).",
    ]);
    expect(at(9)).toEqual(['enhet: Enheten "Gruppbostad Eken" finns inte under Kungsbacka kommun.']);
    expect(at(10)).toEqual(['lagrum: Lagrum "9 § 9 LSS" stämmer inte med Daglig verksamhet (9 § 10 LSS).']);
    expect(at(11)[0]).toMatch(/^erbjudanden\.0: Erbjudanden skrivs ÅÅÅÅ-MM-DD:ja/);
    expect(at(12)).toEqual(["avslutsorsak: Ange avslutsorsak när beslutet är avslutat."]);
    expect(await decisions()).toBe(0);
    expect(await audits()).toBe(0);
  });

  it("refuses an interruption before the decision is executed", async () => {
    const { problems } = await problemsOf(
      [header, "19850312-T125,K,Daglig verksamhet Väst,LSS,9 § 10,Daglig verksamhet,2023-05-10,2023-06-01,,,,,,,"].join(
        "\n",
      ),
    );
    expect(problems).toEqual([
      {
        row: 2,
        field: "avbrott_fran",
        label: "Kolumnen avbrott_fran",
        message: "Ett avbrott förutsätter att beslutet först har verkställts.",
      },
    ]);
  });

  it("refuses the same decision twice in one file", async () => {
    const row = "19850312-T123,K,Boendestöd,SoL,,Boendestöd,2023-03-27,,,,,,,,";
    const { problems } = await problemsOf([header, row, row].join("\n"));
    expect(problems).toEqual([
      {
        row: 3,
        field: "id",
        label: "Kolumnen id",
        message: "Samma beslut (id, insats, beslutsdatum) finns redan på rad 2.",
      },
    ]);
  });

  it("explains a wrong header", async () => {
    const { message } = await problemsOf("id,kön,enhet\n19850312-T123,K,Boendestöd");
    expect(message).toMatch(
      /^Kolumner saknas: kon, lag, lagrum, insats, .*Okända kolumner: kön\. Rubrikraden ska vara: id,kon,enhet/,
    );
  });

  it("explains a row with the wrong number of values", async () => {
    const { message } = await problemsOf(`${header}\n19850312-T123,K,Boendestöd`);
    expect(message).toBe("Rad 2: 3 värden men 15 kolumner i rubrikraden.");
  });

  it("refuses rows for units the importer may not write to", async () => {
    const { problems } = await problemsOf(
      [
        header,
        "20100310-T120,K,Myndighet funktionsnedsättning,LSS,9 § 6,Korttidsvistelse utanför det egna hemmet,2023-11-29,,,,,,,,",
        "19850312-T123,K,Boendestöd,SoL,,Boendestöd,2023-03-27,,,,,,,,",
      ].join("\n"),
      handlaggare(),
    );
    expect(problems).toEqual([
      { row: 3, field: "enhet", label: "Kolumnen enhet", message: "Du saknar skrivbehörighet för Boendestöd." },
    ]);
  });
});

describe("import: bounded files", () => {
  const refusal = async (content: string | Buffer) => {
    const error = await run(content).catch((e: unknown) => e);
    if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
    return { code: error.code, message: error.messageSv };
  };

  it("refuses a file over the size limit with 413 before reading it", async () => {
    // Not even a header row: read, it would be refused for its columns instead.
    const content = Buffer.alloc(MAX_IMPORT_BYTES + 1024 * 1024, "x");
    expect(await refusal(content)).toEqual({
      code: "payload_too_large",
      message:
        "Filen är för stor: en beslutsfil får vara högst 5 MB, den här är 6 MB. Dela upp den, till exempel per enhet.",
    });
  });

  it("refuses more rows than the limit, naming it", async () => {
    const row = "19850312-T123,K,Boendestöd,SoL,,Boendestöd,2023-03-27,,,,,,,,";
    const content = [header, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => row)].join("\n");
    expect(await refusal(content)).toEqual({
      code: "payload_too_large",
      message: "Filen har för många rader: högst 20\u00a0000 beslut per fil. Dela upp den, till exempel per enhet.",
    });
    expect(await decisions()).toBe(0);
  });

  it("still names the line of a broken quote", async () => {
    const content = `${header}\n"19850312-T123,K,Boendestöd,SoL,,Boendestöd,2023-03-27,,,,,,,,`;
    expect(await refusal(content)).toMatchObject({ code: "validation", message: expect.stringContaining("rad 2") });
  });
});

describe("import: good files", () => {
  const file = [
    `${header},delvis,skyddad`,
    '19850312-T123,,Boendestöd,sol,4 kap. 1 § SoL,boendestöd,2023-03-27,,,,,,Resursbrist/ingen plats,"Väntar på personal, kväll",2023-05-02:NEJ,1 av 2,Ja',
  ].join("\n");

  it("checks without writing on a dry run", async () => {
    expect(await run(file, systemActor(), true)).toEqual({
      rows: 1,
      created: 1,
      updated: 0,
      unchanged: 0,
      dryRun: true,
    });
    expect(await decisions()).toBe(0);
  });

  it("reads Windows-1252 files from Excel and accepts labels, case and quoted commas", async () => {
    expect(await run(iconv.encode(file, "win1252"))).toMatchObject({ created: 1 });
    const row = await database.db
      .selectFrom("evb_decision as d")
      .innerJoin("evb_code as c", "c.id", "d.delay_code_id")
      .select([
        "d.person_id",
        "d.sex",
        "d.reason_text",
        "d.parts_total",
        "d.parts_executed",
        "d.protected_identity",
        "c.code",
      ])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      person_id: "19850312-T123",
      sex: "K",
      reason_text: "Väntar på personal, kväll",
      parts_total: 2,
      parts_executed: 1,
      protected_identity: true,
      code: "resursbrist",
    });
    const offers = await database.db.selectFrom("evb_offer").select(["offered_date", "answer"]).execute();
    expect(offers).toEqual([{ offered_date: "2023-05-02", answer: "nej" }]);
  });

  it("updates a known decision, adds new offers and audits the written rows in one bulk event per table", async () => {
    const before = await audits();
    const changed = [
      `${header},delvis,skyddad`,
      '19850312-T123,K,Boendestöd,SoL,,Boendestöd,2023-03-27,,,2024-01-22,,,resursbrist,"Väntar på personal, kväll",2023-05-02:nej;2023-11-20:ja,1 av 2,ja',
    ].join("\n");
    expect(await run(changed)).toEqual({ rows: 1, created: 0, updated: 1, unchanged: 0, dryRun: false });
    const rows = await database.db
      .selectFrom("audit_log")
      .select(["entity", "action", "entity_id", "org_node_id", "after"])
      .where("entity", "like", "evb_%")
      .orderBy("id")
      .offset(before)
      .execute();
    const decision = await database.db.selectFrom("evb_decision").select("id").executeTakeFirstOrThrow();
    const offer = await database.db
      .selectFrom("evb_offer")
      .select("id")
      .where("offered_date", "=", "2023-11-20")
      .executeTakeFirstOrThrow();
    const label = "Beslut 2023-03-27 (Boendestöd)";
    const bulk = (entity: string, row: Record<string, unknown>) => ({
      entity,
      action: "update",
      entity_id: null,
      org_node_id: kommunId,
      after: { source: "import", rows: [{ column: null, ...row }] },
    });
    expect(rows).toEqual([
      bulk("evb_decision", {
        id: decision.id,
        label,
        before: { executed_date: null },
        after: { executed_date: "2024-01-22" },
      }),
      bulk("evb_offer", {
        id: offer.id,
        label: `${label}, erbjudande 2023-11-20`,
        before: null,
        after: expect.objectContaining({ decision_id: decision.id, offered_date: "2023-11-20", answer: "ja" }),
      }),
    ]);
    expect(await decisions()).toBe(1);
  });

  it("shows the imported rows in the decision's history, newest first", async () => {
    const { id } = await database.db.selectFrom("evb_decision").select("id").executeTakeFirstOrThrow();
    const { history } = await getDecision(database.db, systemActor(), id);
    expect(history.map((h) => [h.entity, h.action, h.actor, h.changes])).toEqual([
      ["evb_offer", "create", "system", []],
      ["evb_decision", "update", "system", ["executed_date"]],
      ["evb_offer", "create", "system", []],
      ["evb_decision", "create", "system", []],
    ]);
  });

  it("refuses to move a decision out of a unit the importer may not write to", async () => {
    const { problems } = await problemsOf(
      [header, "19850312-T123,K,Myndighet funktionsnedsättning,SoL,,Boendestöd,2023-03-27,,,,,,,,"].join("\n"),
      handlaggare(),
    );
    expect(problems).toEqual([
      {
        row: 2,
        field: "enhet",
        label: "Kolumnen enhet",
        message: "Beslutet finns på Boendestöd, där du saknar skrivbehörighet.",
      },
    ]);
  });
});

describe("migration 0301", () => {
  it("gives kommuner that existed before EVB the standard catalogue, once", async () => {
    const { evbMigrations } = await import("./migrations.ts");
    const other = await testDatabaseWithOrganisation();
    try {
      const count = async () =>
        (await other.database.db.selectFrom("evb_insats").select("id").execute()).length +
        (await other.database.db.selectFrom("evb_code").select("id").execute()).length;
      expect(await count()).toBe(0);
      await evbMigrations["0301_evb_standard_catalogue"]?.up(other.database.db);
      expect(await count()).toBe(24 + 5 + 6);
      await evbMigrations["0301_evb_standard_catalogue"]?.up(other.database.db);
      expect(await count()).toBe(24 + 5 + 6);
    } finally {
      await other.database.close();
    }
  });
});
