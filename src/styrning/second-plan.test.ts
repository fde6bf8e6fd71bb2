// #11's check: a second municipality's plan of a different shape, configured from a script against the HTTP
// API only and read back item by item; then the configuration errors the API refuses when they are made.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, lots, type TestApp, type TestClient } from "../app/testing.ts";
import { systemActor } from "../platform/auth/access.ts";
import { configureSecondPlan, expectSecondPlan, type SecondPlanIds, secondPlan } from "./second-plan-fixture.ts";
import { startItemsFor } from "./start-service.ts";
import { setupTimeout, styrningTestApp } from "./testing.ts";

let t: TestApp;
let admin: TestClient;
let ids: SecondPlanIds;

beforeAll(async () => {
  t = await styrningTestApp();
  admin = await t.as("admin");
  const kommun = t.demo.nodes.kommun;
  if (!kommun) throw new Error("kommun");
  ids = await configureSecondPlan(admin, kommun.id);
}, setupTimeout);
afterAll(() => t?.close());

describe("the same plan in a second kommun of the installation (lots kommun add)", () => {
  let other: SecondPlanIds;
  let otherAdmin: TestClient;
  beforeAll(async () => {
    const add = ["kommun", "add", "--kommun", "Norrstads kommun", "--code", "9998", "--admin", "norradmin"];
    await lots([...add, "--name", "Nora Norr"], { LOTS_PASSWORD: DEMO_PASSWORD }, t.database);
    otherAdmin = await t.as("norradmin");
    const tree = (await otherAdmin.get("/api/org/tree")).json() as { id: string; parentId: string | null }[];
    const root = tree.find((n) => n.parentId === null);
    if (!root) throw new Error("the new kommun's admin sees no kommun");
    other = await configureSecondPlan(otherAdmin, root.id);
  }, setupTimeout);

  it("is configured by that kommun's admin and read back item by item; the first kommun's admin sees none of it", async () => {
    await expectSecondPlan(otherAdmin, other);
    for (const url of [
      `/api/styrning/models/${other.modelId}/tree`,
      `/api/styrning/uppdrag?orgNodeId=${other.namndId}&year=2027`,
    ]) {
      const res = await admin.get(url);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 403 });
    }
  });
});

describe("a second plan: perspektiv → mål → uppdrag → aktivitet, configured through the API only", () => {
  it("reads back item by item: perspectives, KF and nämnd goals, indicators, uppdrag and the savings measure", async () => {
    await expectSecondPlan(admin, ids);
  });

  it("filters by who decided: KF's goals and the nämnd's sit side by side in one model", async () => {
    const tree = (await admin.get(`/api/styrning/models/${ids.modelId}/tree`)).json();
    const onGoalLevel = tree.goals.filter((g: { levelId: string }) => g.levelId === ids.levelIds.Mål);
    expect(
      onGoalLevel.filter((g: { decidedBy: string }) => g.decidedBy === "kf").map((g: { code: string }) => g.code),
    ).toEqual(["KF 1", "KF 4"]);
    expect(
      onGoalLevel.filter((g: { decidedBy: string }) => g.decidedBy === "namnd").map((g: { code: string }) => g.code),
    ).toEqual(["N 1"]);
  });

  it("follows an uppdrag up with dated entries that move its status, and it runs past two years", async () => {
    const id = ids.uppdragIds.u1;
    const followup = await admin.post(`/api/styrning/uppdrag/${id}/followups`, {
      datedOn: "2027-10-12",
      status: "pagar",
      text: "Återrapporterat skriftligt till nämnden; två nya öppenvårdsinsatser startade.",
    });
    expect(followup.statusCode).toBe(200);
    const in2029 = (await admin.get(`/api/styrning/uppdrag?orgNodeId=${ids.namndId}&year=2029`)).json();
    expect(in2029.map((u: { code: string }) => u.code)).toEqual(["U 12"]);
    expect(in2029[0]).toMatchObject({ status: "pagar", followups: [{ datedOn: "2027-10-12", status: "pagar" }] });
    const changed = await admin.patch(`/api/styrning/uppdrag/${id}`, { reportBack: null });
    expect(changed.json()).toMatchObject({ reportBack: null });
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["entity", "action"])
      .where("entity_id", "=", id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["create", "update", "update"]);
  });

  it("takes a responsible unit only within the plan's nämnd, on create and on change", async () => {
    const other = t.demo.nodes.ifo?.id ?? "";
    const refusal =
      "hör inte till Individ- och familjenämnden (Norrstad); välj en enhet inom nämnden eller en förvaltning som tjänar den.";
    const base = { orgNodeId: ids.namndId, year: 2027, title: "Uppdrag med ansvarig enhet", decidedBy: "namnd" };
    const outside = await admin.post("/api/styrning/uppdrag", { ...base, ownerOrgNodeId: other });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toMatch(/^Ansvarig enhet: /);
    expect(outside.json().message).toContain(refusal);
    const unknown = await admin.post("/api/styrning/uppdrag", { ...base, ownerOrgNodeId: crypto.randomUUID() });
    expect(unknown.statusCode).toBe(404);
    const inside = await admin.post("/api/styrning/uppdrag", { ...base, ownerOrgNodeId: ids.unitId });
    expect(inside.statusCode, inside.body).toBe(200);
    expect(inside.json().ownerOrgNodeId).toBe(ids.unitId);
    const moved = await admin.patch(`/api/styrning/uppdrag/${inside.json().id}`, { ownerOrgNodeId: other });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().message).toContain(refusal);
    const list = (await admin.get(`/api/styrning/uppdrag?orgNodeId=${ids.namndId}&year=2027`)).json();
    const kept = list.find((u: { id: string }) => u.id === inside.json().id);
    expect(kept.ownerOrgNodeId).toBe(ids.unitId);
    expect(list.filter((u: { title: string }) => u.title === base.title)).toHaveLength(1);
  });

  it("takes as responsible unit a förvaltning that serves the nämnd though it sits under another, and its units", async () => {
    const forvaltning = t.demo.nodes["ifo-forv"]?.id as string;
    const unit = t.demo.nodes["msb-lss"]?.id as string;
    const base = { orgNodeId: ids.namndId, year: 2027, title: "Uppdrag åt en delad förvaltning", decidedBy: "namnd" };
    // Not yet serving the plan's nämnd: refused.
    expect((await admin.post("/api/styrning/uppdrag", { ...base, ownerOrgNodeId: unit })).statusCode).toBe(400);
    const serving = await admin.patch(`/api/org/nodes/${forvaltning}`, { servesNamndIds: [ids.namndId] });
    expect(serving.statusCode, serving.body).toBe(200);
    for (const owner of [forvaltning, unit]) {
      const res = await admin.post("/api/styrning/uppdrag", { ...base, ownerOrgNodeId: owner });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().ownerOrgNodeId).toBe(owner);
    }
    // A förvaltning serving another nämnd is still outside.
    const vo = t.demo.nodes["vo-forv"]?.id as string;
    const refused = await admin.post("/api/styrning/uppdrag", { ...base, ownerOrgNodeId: vo });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain("eller en förvaltning som tjänar den");
    await admin.patch(`/api/org/nodes/${forvaltning}`, { servesNamndIds: [] });
  });

  it("counts on the start page the open uppdrag that report back this month or next", async () => {
    const reporting = async (namndId: string, today: string) =>
      (await startItemsFor(t.database.db, systemActor(), namndId, today)).find(
        (i) => i.key === "styrning.uppdrag-report-back",
      );
    // U 3 reports in April 2027: counted in March and April, not in February or May.
    expect((await reporting(ids.namndId, "2027-03-20"))?.count).toBe(1);
    expect((await reporting(ids.namndId, "2027-04-30"))?.count).toBe(1);
    expect((await reporting(ids.namndId, "2027-02-28"))?.count).toBe(0);
    expect(await reporting(ids.namndId, "2027-05-01")).toMatchObject({
      count: 0,
      href: "/styrning/uppdrag?ar=2027",
    });
    // The demo nämnd's U1 reports in September 2023 and is under way; U2 (June) is done.
    const ifo = t.demo.nodes.ifo;
    if (!ifo) throw new Error("ifo");
    expect(await reporting(ifo.id, "2023-08-15")).toMatchObject({
      count: 1,
      label: "1 uppdrag ska återrapporteras denna eller nästa månad",
      tone: "warning",
    });
    expect((await reporting(ifo.id, "2023-06-01"))?.count).toBe(0);
  });

  it("takes directives longer than two years", async () => {
    const directive = await admin.post("/api/styrning/directives", {
      orgNodeId: ids.namndId,
      issuedBy: "kf",
      title: "Hemmaplanslösningar 2027–2030",
      validFrom: 2027,
      validTo: 2030,
    });
    expect(directive.statusCode).toBe(200);
    expect(directive.json()).toMatchObject({ validFrom: 2027, validTo: 2030 });
  });

  it("refuses indicators on a perspective, and goals on the uppdrag level", async () => {
    const onPerspective = await admin.put(`/api/styrning/goals/${ids.perspectiveIds.Medborgare}/indicators`, {
      indicatorIds: [ids.indicatorIds.i1],
    });
    expect(onPerspective.statusCode).toBe(400);
    expect(onPerspective.json().message).toContain("Medborgare på nivån Perspektiv grupperar mål");
    const goalOnUppdrag = await admin.post(`/api/styrning/models/${ids.modelId}/goals`, {
      levelId: ids.levelIds.Uppdrag,
      title: "Fel nivå",
    });
    expect(goalOnUppdrag.statusCode).toBe(400);
    expect(goalOnUppdrag.json().message).toContain("Nivån Uppdrag innehåller uppdrag");
  });

  it("does not assess a perspective", async () => {
    const r = await admin.put(`/api/styrning/goals/${ids.perspectiveIds.Ekonomi}/assessments/${secondPlan.year}`, {
      levelCode: "uppfyllt",
      comment: "Ska inte gå.",
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain("nivån Perspektiv bedöms inte");
  });
});

describe("a goal model's configuration is refused when it is made, naming the level", () => {
  const model = (year: number, levels: unknown[], assessmentScaleId: string | null = null) =>
    admin.post("/api/styrning/models", { orgNodeId: ids.namndId, year, name: "Fel", assessmentScaleId, levels });
  const goal = { name: "Mål", decidedBy: "namnd", kind: "goal" };

  it("refuses an assessed level in a model without a scale", async () => {
    const r = await model(2028, [{ ...goal, name: "Nämndmål", assessed: true }]);
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain("nivån Nämndmål bedöms men målmodellen saknar bedömningsskala");
  });

  it("refuses removing the scale of a model whose levels are assessed", async () => {
    const r = await admin.patch(`/api/styrning/models/${ids.modelId}`, { assessmentScaleId: null });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain("nivån Mål bedöms men målmodellen saknar bedömningsskala");
  });

  it("refuses a grouping below goals, an assessed grouping, and an uppdrag level without a goal level above", async () => {
    const below = await model(2028, [goal, { name: "Perspektiv", decidedBy: "kf", kind: "grouping" }]);
    expect(below.statusCode).toBe(400);
    expect(below.json().message).toContain("Nivån Perspektiv grupperar mål och måste ligga ovanför målnivåerna.");
    const assessed = await model(2028, [
      { name: "Perspektiv", decidedBy: "kf", kind: "grouping", assessed: true },
      goal,
    ]);
    expect(assessed.statusCode).toBe(400);
    expect(assessed.json().message).toContain("Nivån Perspektiv är av typen gruppering (perspektiv) och bedöms inte");
    const uppdrag = await model(2028, [{ name: "Uppdrag", decidedBy: "namnd", kind: "uppdrag" }, goal]);
    expect(uppdrag.statusCode).toBe(400);
    expect(uppdrag.json().message).toContain(
      "Nivån Uppdrag innehåller uppdrag och måste ligga under en nivå av typen Mål.",
    );
  });
});
