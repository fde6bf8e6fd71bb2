import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, type TestApp, testApp } from "../../app/testing.ts";
import { addDays, todayInSweden } from "../../platform/calendar.ts";
import { installLists } from "./repository.ts";

let t: TestApp;
const today = todayInSweden();
const year = Number(today.slice(0, 4));
const node = (key: string) => t.demo.nodes[key]?.id as string;
const url = "/api/kvalitet/lex-sarah";

beforeAll(async () => {
  t = await testApp();
  await installLists(t.database.db, node("kommun"));
});
afterAll(() => t?.close());

const report = (body: Record<string, unknown> = {}) => ({
  orgNodeId: node("bss-almen"),
  reportedOn: addDays(today, -1),
  noticedOn: addDays(today, -2),
  occurredOn: addDays(today, -3),
  gist: "brist i tillsyn under natten",
  category: "insats",
  route: "handelserapport",
  ...body,
});

type Case = {
  id: string;
  number: string;
  status: string;
  warnings: string[];
  gist: string;
  entries: { author: string; text: string; kind: string; item: { code: string } }[];
  decision: null | {
    outcome: string;
    finding: string | null;
    cases: { number: string }[];
    ivo: null | { overdue: boolean; sentOn: string | null; dueBy: string };
  };
};

async function registered(body: Record<string, unknown> = {}, as = "kvalitet"): Promise<Case> {
  const res = await (await t.as(as)).post(url, report(body));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Case;
}

const problems = (body: string) =>
  (JSON.parse(body) as { details: { problems: { field: string }[] } }).details.problems.map((p) => p.field);

const accessEntries = async (operation: string) =>
  Number(
    (
      await t.database.db
        .selectFrom("access_log")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("operation", "=", operation)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("registering a lex Sarah report", () => {
  it("numbers it in the nämnd's series for the report year and stores no reporter", async () => {
    const first = await registered();
    const second = await registered({ orgNodeId: node("msb-vuxen"), category: "myndighetsutovning" });
    const [y, n] = first.number.split("-");
    expect(Number(y)).toBe(Number(addDays(today, -1).slice(0, 4)));
    expect(second.number).toBe(`${y}-${String(Number(n) + 1).padStart(3, "0")}`);
    expect(first).toMatchObject({ status: "rapporterad", warnings: [], entries: [], decision: null });
    const row = await t.database.db
      .selectFrom("kvalitet_lex_sarah")
      .selectAll()
      .where("id", "=", first.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain("Karim");
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("actor_name")
      .where("entity_id", "=", first.id)
      .execute();
    expect(audit.map((a) => a.actor_name)).toEqual(["Karim Kvalitetsstrateg"]);
  });

  it("gives 20 concurrent registrations 20 distinct consecutive numbers", async () => {
    const k = await t.as("kvalitet");
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        k.post(url, report({ reportedOn: "2019-03-01", noticedOn: "2019-02-28", occurredOn: null, gist: `fall ${i}` })),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(200));
    const numbers = answers.map((a) => (a.json() as Case).number).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `2019-${String(i + 1).padStart(3, "0")}`));
  });

  it("masks a personnummer in the gist and says so", async () => {
    const c = await registered({ gist: "brukaren 19850312-1234 lämnades ensam" });
    expect(c.gist).toBe("brukaren ********-**** lämnades ensam");
    expect(c.warnings[0]).toContain("Ett personnummer maskerades i vad rapporten gäller");
  });

  it("refuses future dates, wrong order, unknown categories and a nämnd, writing nothing", async () => {
    const k = await t.as("kvalitet");
    const before = await countRows(t.database.db, "kvalitet_lex_sarah");
    const counters = await countRows(t.database.db, "kvalitet_lex_sarah_counter");
    const future = await k.post(
      url,
      report({ reportedOn: addDays(today, 2), noticedOn: addDays(today, 1), occurredOn: addDays(today, 1) }),
    );
    expect(future.statusCode).toBe(400);
    expect(problems(future.body)).toEqual(["reportedOn", "noticedOn", "occurredOn"]);
    const order = await k.post(url, report({ noticedOn: today }));
    expect(order.statusCode).toBe(400);
    expect(order.body).toContain("kan inte komma före upptäckten");
    const unknown = await k.post(url, report({ category: "okand", causes: ["nej"] }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain("Okänd kategori okand. Giltiga: insats");
    expect(problems(unknown.body)).toEqual(["category", "causes"]);
    const namnd = await k.post(url, report({ orgNodeId: node("ifo") }));
    expect(namnd.statusCode).toBe(400);
    expect(namnd.body).toContain("Välj den enhet som rapporten gäller");
    expect(await countRows(t.database.db, "kvalitet_lex_sarah")).toBe(before);
    expect(await countRows(t.database.db, "kvalitet_lex_sarah_counter")).toBe(counters);
  });
});

describe("access", () => {
  it("gives staff, controllers and elected members no records but the counts in the statistics", async () => {
    const c = await registered();
    for (const who of ["medarbetare", "controller", "fortroendevald"]) {
      const client = await t.as(who);
      expect((await client.get(`${url}/${c.id}`)).statusCode, who).toBe(403);
      expect((await client.get(`${url}?orgNodeId=${node("bss-almen")}`)).statusCode, who).toBe(403);
      expect((await client.post(url, report())).statusCode, who).toBe(403);
      const memo = await client.get(
        `${url}/memo?orgNodeId=${node("ifo")}&periodStart=${year}-01-01&periodEnd=${today}`,
      );
      expect(memo.statusCode, who).toBe(403);
    }
    const stats = await (await t.as("fortroendevald")).get(
      `/api/kvalitet/statistik?orgNodeId=${node("ifo")}&year=${c.number.slice(0, 4)}`,
    );
    expect(stats.statusCode, stats.body).toBe(200);
    const lexSarah = (stats.json() as { lexSarah: { reports: number; byArea: { name: string; reports: number }[] } })
      .lexSarah;
    expect(lexSarah.reports).toBeGreaterThan(0);
    expect(JSON.stringify(lexSarah)).not.toContain("tillsyn");
  });

  it("lets the enhetschef read her unit's cases only, and logs every list and detail read", async () => {
    const own = await registered();
    const other = await registered({ orgNodeId: node("bss-bjorken") });
    const chef = await t.as("enhetschef");
    const [lists, details] = [
      await accessEntries("kvalitet.lex-sarah-register"),
      await accessEntries("kvalitet.lex-sarah"),
    ];
    const list = await chef.get(`${url}?orgNodeId=${node("bss-almen")}`);
    expect(list.statusCode).toBe(200);
    const ids = (list.json() as { cases: { id: string }[] }).cases.map((c) => c.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(other.id);
    expect((await chef.get(`${url}/${own.id}`)).statusCode).toBe(200);
    expect((await chef.get(`${url}/${other.id}`)).statusCode).toBe(403);
    expect(await accessEntries("kvalitet.lex-sarah-register")).toBe(lists + 1);
    expect(await accessEntries("kvalitet.lex-sarah")).toBe(details + 1);
    const records = await t.database.db
      .selectFrom("access_log_record")
      .select("entity")
      .where("record_id", "=", own.id)
      .execute();
    // The registration's answer, the list and the detail each disclosed it.
    expect(records.map((r) => r.entity)).toEqual(Array(3).fill("kvalitet_lex_sarah"));
  });
});

describe("investigating and deciding", () => {
  it("records dated entries with the signed-in author and moves the case under utredning", async () => {
    const c = await registered();
    const res = await (await t.as("enhetschef")).post(`${url}/${c.id}/utredning`, {
      entryDate: today,
      item: "vad-och-konsekvenser",
      source: "Samtal med personal",
      kind: "fakta",
      text: "Nattpersonalen gick inte sin runda kl. 02 (brukare 850312-1234).",
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as Case;
    expect(after.status).toBe("under_utredning");
    expect(after.entries).toMatchObject([
      { author: "Elin Enhetschef", kind: "fakta", item: { code: "vad-och-konsekvenser" } },
    ]);
    expect(after.entries[0]?.text).toContain("******-****");
    const bad = await (await t.as("enhetschef")).post(`${url}/${c.id}/utredning`, {
      entryDate: addDays(today, 1),
      item: "okand",
      source: "x",
      kind: "fakta",
      text: "x",
    });
    expect(bad.statusCode).toBe(400);
    expect(problems(bad.body)).toEqual(["item", "entryDate"]);
  });

  it("refuses deciding without an outcome or an assessment, writing nothing", async () => {
    const c = await registered();
    const k = await t.as("kvalitet");
    const decisions = await countRows(t.database.db, "kvalitet_lex_sarah_decision");
    const noOutcome = await k.post(`${url}/${c.id}/beslut`, { decidedOn: today });
    expect(noOutcome.statusCode).toBe(400);
    expect(problems(noOutcome.body)).toEqual(["outcome"]);
    const unassessed = await k.post(`${url}/${c.id}/beslut`, { decidedOn: today, outcome: "A" });
    expect(unassessed.statusCode).toBe(400);
    expect(problems(unassessed.body)).toEqual(["brist", "consequence", "finding"]);
    expect(await countRows(t.database.db, "kvalitet_lex_sarah_decision")).toBe(decisions);
  });

  it("decides several cases together as one memo line, and a decided case stays as decided", async () => {
    const assessed = { brist: true, consequence: "stress", reportedOn: today, noticedOn: today, occurredOn: today };
    const a = await registered({ ...assessed, gist: "våld mellan två boende" });
    const b = await registered({ ...assessed, gist: "våld mellan två boende igen" });
    const k = await t.as("kvalitet");
    const res = await k.post(`${url}/${a.id}/beslut`, { decidedOn: today, outcome: "B", together: [b.id] });
    expect(res.statusCode, res.body).toBe(200);
    const decided = res.json() as Case;
    expect(decided.status).toBe("beslutad");
    expect(decided.decision?.cases.map((c) => c.number)).toEqual([a.number, b.number]);
    expect(((await k.get(`${url}/${b.id}`)).json() as Case).decision?.outcome).toBe("B");
    expect((await k.patch(`${url}/${a.id}`, { gist: "ändrad" })).statusCode).toBe(409);
    const again = await k.post(`${url}/${b.id}/beslut`, { decidedOn: today, outcome: "A", finding: "ingen-brist" });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain("är redan beslutat");

    const memo = await k.get(`${url}/memo?orgNodeId=${node("bss-almen")}&periodStart=${today}&periodEnd=${today}`);
    expect(memo.statusCode, memo.body).toBe(200);
    const listB = (memo.json() as { listB: { numbers: string[]; text: string }[] }).listB;
    expect(listB).toContainEqual({
      numbers: [a.number, b.number],
      text: `${a.number}, ${b.number} – Rapport gällande våld mellan två boende. Bedöms vara ett missförhållande eller en påtaglig risk för ett missförhållande. Den enskilde upplevde stress och oro.`,
    });
    expect(await accessEntries("kvalitet.lex-sarah-memo")).toBeGreaterThan(0);
  });

  it("tracks the IVO anmälan of a C decision: the package before sending, no IVO for B", async () => {
    const c = await registered({ brist: true, consequence: "fysisk", reportedOn: today, noticedOn: today });
    const k = await t.as("kvalitet");
    const decided = (await k.post(`${url}/${c.id}/beslut`, { decidedOn: today, outcome: "C" })).json() as Case;
    expect(decided.decision?.ivo).toMatchObject({ overdue: false, sentOn: null, dueBy: addDays(today, 14) });
    const early = await k.patch(`${url}/${c.id}/ivo`, { sentOn: today });
    expect(early.statusCode).toBe(400);
    expect(problems(early.body)).toEqual(["ivoFormDone", "ivoInvestigationAttached"]);
    const sent = await k.patch(`${url}/${c.id}/ivo`, {
      formDone: true,
      investigationAttached: true,
      sentOn: today,
      reference: "3.5.1-12345/2024",
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect((sent.json() as Case).decision?.ivo).toMatchObject({ sentOn: today, overdue: false });
    const b = await registered({ brist: true, consequence: "ingen", reportedOn: today, noticedOn: today });
    await k.post(`${url}/${b.id}/beslut`, { decidedOn: today, outcome: "B" });
    expect((await k.patch(`${url}/${b.id}/ivo`, { formDone: true })).statusCode).toBe(409);
  });
});
