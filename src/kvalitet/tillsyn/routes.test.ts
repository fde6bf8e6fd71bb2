import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows, type TestApp, testApp } from "../../app/testing.ts";
import { addDays, todayInSweden } from "../../platform/calendar.ts";
import { installInspectionTypes } from "./repository.ts";

let t: TestApp;
const today = todayInSweden();
const node = (key: string) => t.demo.nodes[key]?.id as string;

beforeAll(async () => {
  t = await testApp();
  await installInspectionTypes(t.database.db, node("kommun"));
});
afterAll(() => t?.close());

const inspection = (body: Record<string, unknown> = {}) => ({
  orgNodeId: node("bss-almen"),
  type: "sarskild-tillsynsinsats",
  month: "2023-11",
  ivoDnr: "3.5.1-41733/2023-2",
  decisionOn: "2023-12-15",
  findings: "Brister i uppföljningen av genomförandeplaner.",
  yttrandeLagrum: "LSS 26 c §",
  yttrandeDueOn: "2024-02-16",
  ...body,
});
const problemsOf = (body: string) =>
  (JSON.parse(body) as { details: { problems: { field: string }[] } }).details.problems.map((p) => p.field);

describe("IVO-tillsyn", () => {
  it("lists the kommun's kinds of tillsyn (data) to every reader", async () => {
    const res = await (await t.as("medarbetare")).get(`/api/kvalitet/tillsyner/typer?orgNodeId=${node("bss-almen")}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { types: { code: string }[] }).types.map((t) => t.code)).toEqual([
      "anmald-inspektion",
      "uppfoljning",
      "lss-9-8",
      "sarskild-tillsynsinsats",
    ]);
  });

  it("lets the enhetschef register and answer a tillsyn; an unanswered yttrande past its deadline is overdue", async () => {
    const chef = await t.as("enhetschef");
    const created = await chef.post("/api/kvalitet/tillsyner", inspection());
    expect(created.statusCode, created.body).toBe(200);
    const body = created.json() as { id: string };
    expect(body).toMatchObject({
      unit: { name: "Gruppbostad Almen" },
      type: { code: "sarskild-tillsynsinsats", name: "Särskild tillsynsinsats" },
      yttrandeLagrum: "LSS 26 c §",
      status: "pagaende",
      yttrandeStatus: "forsenat",
      canWrite: true,
    });
    // Not closed while the yttrande is unanswered; nothing changes.
    const early = await chef.patch(`/api/kvalitet/tillsyner/${body.id}`, { status: "avslutad" });
    expect(early.statusCode).toBe(400);
    expect(problemsOf(early.body)).toEqual(["status"]);
    const replied = await chef.patch(`/api/kvalitet/tillsyner/${body.id}`, {
      yttrandeRepliedOn: "2024-02-12",
      status: "avslutad",
    });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json()).toMatchObject({ yttrandeStatus: "inlamnat", status: "avslutad" });
    const read = await (await t.as("kvalitet")).get(`/api/kvalitet/tillsyner/${body.id}`);
    expect(read.json()).toMatchObject({ yttrandeRepliedOn: "2024-02-12", canWrite: true });
    const list = await (await t.as("kvalitet")).get(`/api/kvalitet/tillsyner?orgNodeId=${node("ifo")}&year=2023`);
    expect((list.json() as { inspections: { id: string }[] }).inspections.map((i) => i.id)).toContain(body.id);
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", body.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
  });

  it("filters the register by today's status, alone and with the year", async () => {
    const chef = await t.as("enhetschef");
    const open = (
      await chef.post(
        "/api/kvalitet/tillsyner",
        inspection({ month: "2022-03", yttrandeDueOn: null, yttrandeLagrum: null, decisionOn: null }),
      )
    ).json() as { id: string };
    const closed = (
      await chef.post(
        "/api/kvalitet/tillsyner",
        inspection({
          month: "2022-04",
          yttrandeDueOn: null,
          yttrandeLagrum: null,
          decisionOn: null,
          status: "avslutad",
        }),
      )
    ).json() as { id: string };
    const list = async (query: string) => {
      const res = await chef.get(`/api/kvalitet/tillsyner?orgNodeId=${node("bss-almen")}${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { inspections: { id: string; status: string }[] }).inspections;
    };
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    expect(ids(await list("&year=2022&status=pagaende"))).toEqual([open.id]);
    expect(ids(await list("&year=2022&status=avslutad"))).toEqual([closed.id]);
    expect(ids(await list("&year=2022"))).toEqual([closed.id, open.id]);
    const pagaende = await list("&status=pagaende");
    expect(pagaende.length).toBeGreaterThan(0);
    expect(pagaende.every((i) => i.status === "pagaende")).toBe(true);
    expect(ids(pagaende)).not.toContain(closed.id);
    const bad = await chef.get(`/api/kvalitet/tillsyner?orgNodeId=${node("bss-almen")}&status=stangd`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain("Status ska vara pagaende eller avslutad.");
  });

  it("masks a personnummer in the findings, on registering and on a change, and says so", async () => {
    const chef = await t.as("enhetschef");
    const created = await chef.post(
      "/api/kvalitet/tillsyner",
      inspection({ findings: "Brukaren 19850312-1234 saknade genomförandeplan." }),
    );
    expect(created.statusCode, created.body).toBe(200);
    const body = created.json() as { id: string; findings: string; warnings: string[] };
    expect(body.findings).toBe("Brukaren ********-**** saknade genomförandeplan.");
    expect(body.warnings).toEqual([expect.stringContaining("Ett personnummer maskerades i iakttagelserna.")]);
    const changed = await chef.patch(`/api/kvalitet/tillsyner/${body.id}`, { findings: "Gäller 850312-1234." });
    expect(changed.json()).toMatchObject({ findings: "Gäller ******-****.", warnings: [expect.any(String)] });
    const stored = await t.database.db
      .selectFrom("kvalitet_inspection")
      .select("findings")
      .where("id", "=", body.id)
      .executeTakeFirstOrThrow();
    expect(stored.findings).toBe("Gäller ******-****.");
    const plain = await chef.patch(`/api/kvalitet/tillsyner/${body.id}`, { ivoDnr: "3.5.1-1/2024-1" });
    expect(plain.json()).toMatchObject({ warnings: [] });
  });

  it("keeps a yttrande with a deadline ahead as requested", async () => {
    const res = await (await t.as("kvalitet")).post(
      "/api/kvalitet/tillsyner",
      inspection({ month: today.slice(0, 7), decisionOn: today, yttrandeDueOn: addDays(today, 30) }),
    );
    expect(res.json()).toMatchObject({ yttrandeStatus: "begart" });
  });

  it("refuses unknown kinds, future decisions, half a yttrande, a nämnd and readers without the right, writing nothing", async () => {
    const k = await t.as("kvalitet");
    const before = await countRows(t.database.db, "kvalitet_inspection");
    const unknown = await k.post("/api/kvalitet/tillsyner", inspection({ type: "razzia" }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain("Okänt slag av tillsyn razzia");
    const future = await k.post("/api/kvalitet/tillsyner", inspection({ decisionOn: addDays(today, 1) }));
    expect(problemsOf(future.body)).toEqual(["decisionOn"]);
    const half = await k.post("/api/kvalitet/tillsyner", inspection({ yttrandeDueOn: null }));
    expect(problemsOf(half.body)).toEqual(["yttrandeDueOn"]);
    const month = await k.post("/api/kvalitet/tillsyner", inspection({ month: "2023-13" }));
    expect(problemsOf(month.body)).toEqual(["month"]);
    const namnd = await k.post("/api/kvalitet/tillsyner", inspection({ orgNodeId: node("ifo") }));
    expect(problemsOf(namnd.body)).toEqual(["orgNodeId"]);
    expect((await (await t.as("medarbetare")).post("/api/kvalitet/tillsyner", inspection())).statusCode).toBe(403);
    expect(
      (await (await t.as("fortroendevald")).get(`/api/kvalitet/tillsyner?orgNodeId=${node("ifo")}`)).statusCode,
    ).toBe(403);
    expect(await countRows(t.database.db, "kvalitet_inspection")).toBe(before);
  });
});
