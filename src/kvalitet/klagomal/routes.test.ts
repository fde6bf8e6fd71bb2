import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, type TestApp, testApp } from "../../app/testing.ts";
import { systemActor } from "../../platform/auth/access.ts";
import { addDays, todayInSweden } from "../../platform/calendar.ts";
import { complaintsForPeriod } from "./complaint-read-service.ts";

let t: TestApp;
const today = todayInSweden();
const node = (key: string) => t.demo.nodes[key]?.id as string;

beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

const complaint = (body: Record<string, unknown> = {}) => ({
  orgNodeId: node("bss-almen"),
  receivedOn: addDays(today, -1),
  channel: "personligen",
  senderType: "anhorig",
  type: "klagomal",
  category: "utformande",
  summary: "Anhörig anser att promenaderna inte blir av.",
  ...body,
});

async function registered(body: Record<string, unknown> = {}, as = "medarbetare"): Promise<string> {
  const res = await (await t.as(as)).post("/api/kvalitet/klagomal", complaint(body));
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { id: string }).id;
}

const problemsOf = (body: string) =>
  (JSON.parse(body) as { details: { problems: { field: string; message: string }[] } }).details.problems;

const accessLogOf = (id: string) =>
  t.database.db
    .selectFrom("access_log as a")
    .innerJoin("access_log_record as r", "r.access_id", "a.id")
    .select(["a.operation", "a.actor_name", "r.entity"])
    .where("r.record_id", "=", id)
    .orderBy("a.id")
    .execute();

describe("registering a synpunkt", () => {
  it("lets staff register on their unit, answers no record and keeps who in the audit log only", async () => {
    const m = await t.as("medarbetare");
    const res = await m.post("/api/kvalitet/klagomal", complaint());
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json() as { id: string };
    expect(answer).toEqual({ id: expect.any(String), receivedOn: addDays(today, -1), warnings: [] });
    const row = await t.database.db
      .selectFrom("kvalitet_complaint")
      .selectAll()
      .where("id", "=", answer.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ complaint_type: "klagomal", category: "utformande", anonymous: false });
    expect(JSON.stringify(row)).not.toContain("Maja");
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["actor_name", "action"])
      .where("entity_id", "=", answer.id)
      .execute();
    expect(audit).toEqual([{ actor_name: "Maja Medarbetare", action: "create" }]);
    // Staff may not read synpunkter, their own registration included.
    expect((await m.get(`/api/kvalitet/klagomal/${answer.id}`)).statusCode).toBe(403);
    expect((await m.get(`/api/kvalitet/klagomal?orgNodeId=${node("bss-almen")}`)).statusCode).toBe(403);
  });

  it("masks a personnummer in the summary and says so", async () => {
    const res = await (await t.as("medarbetare")).post(
      "/api/kvalitet/klagomal",
      complaint({ summary: "Gäller brukaren 19850312-1234 på avdelning 2." }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const { id, warnings } = res.json() as { id: string; warnings: string[] };
    expect(warnings).toEqual([
      "Ett personnummer maskerades i sammanfattningen. Skriv aldrig personnummer i en synpunkt eller ett klagomål.",
    ]);
    const row = await t.database.db
      .selectFrom("kvalitet_complaint")
      .select("summary")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.summary).toBe("Gäller brukaren ********-**** på avdelning 2.");
  });

  it("refuses future dates, unknown types, a missing category, a nämnd and another unit, writing nothing", async () => {
    const m = await t.as("medarbetare");
    const before = await countRows(t.database.db, "kvalitet_complaint");
    const future = await m.post("/api/kvalitet/klagomal", complaint({ receivedOn: addDays(today, 1) }));
    expect(future.statusCode).toBe(400);
    expect(problemsOf(future.body)).toEqual([
      {
        field: "receivedOn",
        label: "Mottagen",
        message: `Mottagningsdatumet ${addDays(today, 1)} ligger i framtiden.`,
      },
    ]);
    const unknown = await m.post("/api/kvalitet/klagomal", complaint({ type: "hyllning" }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain("type");
    expect(unknown.body).toContain("klagomal, synpunkt, berom, forslag");
    const channel = await m.post("/api/kvalitet/klagomal", complaint({ channel: "fax" }));
    expect(channel.statusCode).toBe(400);
    expect(channel.body).toContain("channel");
    const noCategory = await m.post("/api/kvalitet/klagomal", complaint({ category: null }));
    expect(noCategory.statusCode).toBe(400);
    expect(problemsOf(noCategory.body).map((p) => p.field)).toEqual(["category"]);
    const early = await m.post(
      "/api/kvalitet/klagomal",
      complaint({ receivedOn: "2024-01-10", acknowledgedOn: "2024-01-09" }),
    );
    expect(problemsOf(early.body).map((p) => p.field)).toEqual(["acknowledgedOn"]);
    expect((await m.post("/api/kvalitet/klagomal", complaint({ orgNodeId: node("dv-vast") }))).statusCode).toBe(403);
    const namnd = await (await t.as("kvalitet")).post("/api/kvalitet/klagomal", complaint({ orgNodeId: node("ifo") }));
    expect(namnd.statusCode).toBe(400);
    expect(problemsOf(namnd.body).map((p) => p.field)).toEqual(["orgNodeId"]);
    expect(await countRows(t.database.db, "kvalitet_complaint")).toBe(before);
  });

  it("names each refused field by its form label, in plain Swedish and once", async () => {
    const res = await (await t.as("medarbetare")).post(
      "/api/kvalitet/klagomal",
      complaint({ receivedOn: "2024-02-30", anonymous: "kanske", summary: " " }),
    );
    expect(res.statusCode).toBe(400);
    const body = res.json() as { message: string; details: { problems: unknown[] } };
    expect(body.details.problems).toEqual([
      { field: "receivedOn", label: "Mottagen", message: "Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD." },
      { field: "anonymous", label: "Anonym avsändare", message: "måste vara ja eller nej." },
      { field: "summary", label: "Sammanfattning", message: "Sammanfatta synpunkten." },
    ]);
    expect(body.message).toContain("Mottagen: Ange ett datum som finns");
    expect(body.message).not.toMatch(/receivedOn|anonymous|summary|Fältet/);
  });

  it("takes beröm and förslag without a category, and one on the förvaltning's ledning", async () => {
    await registered({ type: "berom", category: null, summary: "Tack för ett fint bemötande." });
    await registered({ orgNodeId: node("ifo-forv"), category: "ovrigt" }, "kvalitet");
  });
});

describe("handling a synpunkt", () => {
  it("lets the enhetschef acknowledge, answer and close it; every read is in the access log", async () => {
    const id = await registered({ receivedOn: addDays(today, -20) });
    const chef = await t.as("enhetschef");
    const read = await chef.get(`/api/kvalitet/klagomal/${id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({
      answerDueOn: addDays(today, -10),
      answerStatus: "forsenad",
      canWrite: true,
      area: { name: "Bostad med särskild service" },
    });
    const acknowledged = await chef.patch(`/api/kvalitet/klagomal/${id}`, { acknowledgedOn: addDays(today, -18) });
    expect(acknowledged.json()).toMatchObject({ answerDueOn: addDays(today, -8), answerStatus: "forsenad" });
    // Answering before the acknowledgement is refused; nothing changes.
    const before = await chef.patch(`/api/kvalitet/klagomal/${id}`, { answeredOn: addDays(today, -19) });
    expect(before.statusCode).toBe(400);
    expect(problemsOf(before.body).map((p) => p.field)).toEqual(["answeredOn"]);
    // Closing unanswered is refused.
    const early = await chef.post(`/api/kvalitet/klagomal/${id}/close`, {});
    expect(early.statusCode).toBe(400);
    expect(problemsOf(early.body).map((p) => p.field)).toEqual(["closedOn"]);
    const answered = await chef.patch(`/api/kvalitet/klagomal/${id}`, {
      answeredOn: addDays(today, -8),
      answer: "Promenaderna schemaläggs.",
      measures: "Ny rutin för aktiviteter; ring 850312-1234 vid frågor.",
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({
      answerStatus: "besvarad_i_tid",
      measures: "Ny rutin för aktiviteter; ring ******-**** vid frågor.",
      warnings: [expect.stringContaining("åtgärderna")],
    });
    const closed = await chef.post(`/api/kvalitet/klagomal/${id}/close`, {});
    expect(closed.json()).toMatchObject({ closedOn: today });
    expect((await chef.patch(`/api/kvalitet/klagomal/${id}`, { answer: "x" })).statusCode).toBe(409);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "update", "close"]);
    const log = await accessLogOf(id);
    expect(log.map((l) => l.operation)).toEqual([
      "kvalitet.klagomal",
      "kvalitet.klagomal",
      "kvalitet.klagomal",
      "kvalitet.klagomal",
    ]);
    expect(new Set(log.map((l) => l.entity))).toEqual(new Set(["kvalitet_complaint"]));
  });

  it("answers late after the 10th day and refuses a handler outside the unit", async () => {
    const id = await registered({ receivedOn: addDays(today, -30), acknowledgedOn: addDays(today, -30) });
    const outside = await (await t.as("handlaggare")).patch(`/api/kvalitet/klagomal/${id}`, { answer: "x" });
    expect(outside.statusCode).toBe(403);
    const late = await (await t.as("kvalitet")).patch(`/api/kvalitet/klagomal/${id}`, {
      answeredOn: addDays(today, -19),
    });
    expect(late.json()).toMatchObject({ answerDueOn: addDays(today, -20), answerStatus: "besvarad_sent" });
  });

  it("lists for read:kvalitet only, logging each listed record", async () => {
    const id = await registered();
    expect(
      (await (await t.as("fortroendevald")).get(`/api/kvalitet/klagomal?orgNodeId=${node("ifo")}`)).statusCode,
    ).toBe(403);
    const res = await (await t.as("kvalitet")).get(`/api/kvalitet/klagomal?orgNodeId=${node("ifo")}&state=oppna`);
    expect(res.statusCode, res.body).toBe(200);
    const { total, complaints } = res.json() as { total: number; complaints: { id: string; closedOn: null }[] };
    expect(total).toBe(complaints.length);
    expect(complaints.map((c) => c.id)).toContain(id);
    expect(complaints.every((c) => c.closedOn === null)).toBe(true);
    expect((await accessLogOf(id)).map((l) => l.operation)).toEqual(["kvalitet.klagomal-lista"]);
  });
});

describe("the nämnd's period list", () => {
  it("holds exactly the synpunkter received in the period, both ends included, oldest first (logged)", async () => {
    const on = ["2021-02-28", "2021-03-01", "2021-03-15", "2021-03-31", "2021-04-01"];
    const ids = [];
    for (const receivedOn of on) ids.push(await registered({ receivedOn, summary: `Inkom ${receivedOn}` }, "kvalitet"));
    const res = await (await t.as("kvalitet")).get(
      `/api/kvalitet/klagomal/period?orgNodeId=${node("ifo")}&periodStart=2021-03-01&periodEnd=2021-03-31`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const period = res.json() as { complaints: { id: string; receivedOn: string; answerStatus: string }[] };
    expect(period.complaints.map((c) => c.receivedOn)).toEqual(["2021-03-01", "2021-03-15", "2021-03-31"]);
    expect(period.complaints.map((c) => c.id)).toEqual(ids.slice(1, 4));
    expect(period.complaints.every((c) => c.answerStatus === "forsenad")).toBe(true);
    expect((await accessLogOf(ids[1] as string)).map((l) => l.operation)).toEqual(["kvalitet.klagomal-period"]);
    const reversed = await (await t.as("kvalitet")).get(
      `/api/kvalitet/klagomal/period?orgNodeId=${node("ifo")}&periodStart=2021-04-01&periodEnd=2021-03-01`,
    );
    expect(reversed.statusCode).toBe(400);
    expect(problemsOf(reversed.body).map((p) => p.field)).toEqual(["periodEnd"]);
    // The service gives the same rows, and checks its input itself.
    const viaIndex = await complaintsForPeriod(t.database.db, systemActor(), {
      orgNodeId: node("ifo"),
      periodStart: "2021-03-01",
      periodEnd: "2021-03-31",
    });
    expect(viaIndex.complaints.map((c) => c.id)).toEqual(ids.slice(1, 4));
    await expect(
      complaintsForPeriod(t.database.db, systemActor(), {
        orgNodeId: node("ifo"),
        periodStart: "2021-13-01",
        periodEnd: "2021-03-31",
      }),
    ).rejects.toThrow("Mottagna från: Ange ett datum som finns");
  });
});

describe("the statistics", () => {
  it("counts klagomål per unit and category for every reader, Kommentaren apart", async () => {
    const stats = async () => {
      const res = await (await t.as("fortroendevald")).get(
        `/api/kvalitet/klagomal/statistik?orgNodeId=${node("ifo")}&year=2020`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        diarium: {
          klagomal: number;
          byUnitAndCategory: { rows: { name: string; byCategory: Record<string, number>; total: number }[] };
        };
        kommentaren: { total: number; anonymous: number };
      };
    };
    expect((await stats()).diarium.klagomal).toBe(0);
    await registered({ receivedOn: "2020-05-04", category: "bemotande" }, "kvalitet");
    await registered({ receivedOn: "2020-05-05", category: "bemotande", orgNodeId: node("dv-vast") }, "kvalitet");
    await registered({ receivedOn: "2020-06-01", category: "handlaggning", type: "synpunkt" }, "kvalitet");
    await registered({ receivedOn: "2020-06-02", channel: "kommentaren", anonymous: true }, "kvalitet");
    const after = await stats();
    expect(after.diarium.klagomal).toBe(2);
    expect(after.diarium.byUnitAndCategory.rows.map((r) => [r.name, r.byCategory.bemotande, r.total])).toEqual([
      ["Gruppbostad Almen", 1, 1],
      ["Daglig verksamhet Väst", 1, 1],
    ]);
    expect(after.kommentaren).toMatchObject({ total: 1, anonymous: 1 });
  });
});
