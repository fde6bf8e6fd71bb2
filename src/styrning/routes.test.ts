import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp, TestClient } from "../app/testing.ts";
import { setupTimeout, styrningTestApp } from "./testing.ts";

let t: TestApp;
let admin: TestClient;
let controller: TestClient;

beforeAll(async () => {
  t = await styrningTestApp();
  admin = await t.as("admin");
  controller = await t.as("controller");
}, setupTimeout);
afterAll(() => t?.close());

const node = (key: string) => {
  const n = t.demo.nodes[key];
  if (!n) throw new Error(key);
  return n.id;
};

async function ifoModel(client: TestClient) {
  const [model] = (await client.get(`/api/styrning/models?orgNodeId=${node("ifo")}&year=2023`)).json();
  return (await client.get(`/api/styrning/models/${model.id}/tree`)).json();
}

describe("a differently shaped goal model, configured through the API only (Jönköping: mål, uppdrag, aktiviteter)", () => {
  it("is created by an admin and its tree is rendered", async () => {
    const namnd = await admin.post("/api/org/nodes", {
      parentId: node("kommun"),
      kind: "namnd",
      name: "Socialnämnden (Jönköpingsmodellen)",
    });
    expect(namnd.statusCode).toBe(200);
    const namndId = namnd.json().id;
    const forv = (
      await admin.post("/api/org/nodes", { parentId: namndId, kind: "forvaltning", name: "Socialförvaltningen" })
    ).json();
    const unit = (
      await admin.post("/api/org/nodes", { parentId: forv.id, kind: "enhet", name: "Försörjningsstöd" })
    ).json();

    const scale = await admin.post("/api/styrning/scales", {
      orgNodeId: namndId,
      kind: "assessment",
      name: "Uppfyllt / delvis / ej",
      levels: [
        { label: "Uppfyllt", meaning: "achieved" },
        { label: "Delvis uppfyllt", meaning: "on_track" },
        { label: "Ej uppfyllt", meaning: "off_track" },
      ],
    });
    expect(scale.statusCode).toBe(200);
    expect(scale.json().levels.map((l: { code: string }) => l.code)).toEqual([
      "uppfyllt",
      "delvis_uppfyllt",
      "ej_uppfyllt",
    ]);

    const created = await admin.post("/api/styrning/models", {
      orgNodeId: namndId,
      year: 2019,
      name: "Verksamhetsplan 2019",
      assessmentScaleId: scale.json().id,
      levels: [
        { name: "Mål", decidedBy: "kf" },
        { name: "Uppdrag", decidedBy: "namnd", assessed: true },
        { name: "Aktivitet", decidedBy: "forvaltning", kind: "activity" },
      ],
    });
    expect(created.statusCode).toBe(200);
    const model = created.json();
    const [mal, uppdrag] = model.levels;
    const goal = (
      await admin.post(`/api/styrning/models/${model.id}/goals`, {
        levelId: mal.id,
        code: "M1",
        title: "Fler invånare är självförsörjande",
      })
    ).json();
    const assignment = await admin.post(`/api/styrning/models/${model.id}/goals`, {
      levelId: uppdrag.id,
      parentId: goal.id,
      code: "U1.1",
      title: "Utveckla arbetsmarknadsinsatser tillsammans med arbetsförmedlingen",
    });
    expect(assignment.statusCode).toBe(200);
    // An uppdrag cannot sit above a mål, and activities are not goals.
    const wrong = await admin.post(`/api/styrning/models/${model.id}/goals`, {
      levelId: mal.id,
      parentId: assignment.json().id,
      title: "Fel",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain("måste ligga under en högre nivå");
    const activityLevel = await admin.post(`/api/styrning/models/${model.id}/goals`, {
      levelId: model.levels[2].id,
      title: "Fel",
    });
    expect(activityLevel.json().message).toContain("skapa dem i genomförandeplanen");

    const activity = await admin.post("/api/styrning/activities", {
      orgNodeId: unit.id,
      year: 2019,
      title: "Jobbcoacher på plats en dag i veckan",
      status: "pagar",
      goalIds: [assignment.json().id],
      effects: [{ group: "Sökande", effect: "Snabbare väg till arbete." }],
    });
    expect(activity.statusCode).toBe(200);

    const tree = (await admin.get(`/api/styrning/models/${model.id}/tree`)).json();
    expect(tree.outline).toBe(
      [
        "Mål: M1 Fler invånare är självförsörjande",
        "  Uppdrag: U1.1 Utveckla arbetsmarknadsinsatser tillsammans med arbetsförmedlingen",
        "    Aktivitet: Jobbcoacher på plats en dag i veckan (Försörjningsstöd, pågår)",
      ].join("\n"),
    );
    expect(
      tree.levels.map((l: { name: string; decidedBy: string; kind: string }) => [l.name, l.decidedBy, l.kind]),
    ).toEqual([
      ["Mål", "kf", "goal"],
      ["Uppdrag", "namnd", "goal"],
      ["Aktivitet", "forvaltning", "activity"],
    ]);

    // Assessed on the model's own scale; the Mål level is not assessed in this model.
    expect(
      (
        await admin.put(`/api/styrning/goals/${assignment.json().id}/assessments/2019`, {
          levelCode: "delvis_uppfyllt",
          comment: "Två av tre insatser startade.",
        })
      ).statusCode,
    ).toBe(200);
    const notAssessed = await admin.put(`/api/styrning/goals/${goal.id}/assessments/2019`, {
      levelCode: "uppfyllt",
      comment: "x",
    });
    expect(notAssessed.json().message).toBe("Mål på nivån Mål bedöms inte i den här målmodellen.");
    const kungsbackaWord = await admin.put(`/api/styrning/goals/${assignment.json().id}/assessments/2019`, {
      levelCode: "ratt_vag",
      comment: "x",
    });
    expect(kungsbackaWord.json().message).toBe("Bedöm målet: välj en av Uppfyllt, Delvis uppfyllt, Ej uppfyllt.");

    // Levels are configuration: a level holding goals cannot be dropped.
    const drop = await admin.patch(`/api/styrning/models/${model.id}`, {
      levels: [
        { id: mal.id, name: "Mål", decidedBy: "kf" },
        { id: model.levels[2].id, name: "Aktivitet", decidedBy: "forvaltning", kind: "activity" },
      ],
    });
    expect(drop.statusCode).toBe(409);
    expect(drop.json().message).toBe("Nivån Uppdrag har mål och kan inte tas bort.");
  });

  it("lets only an admin shape a model", async () => {
    const res = await controller.post("/api/styrning/models", {
      orgNodeId: node("ifo"),
      year: 2024,
      name: "Plan 2024",
      levels: [{ name: "Nämndmål", decidedBy: "namnd", assessed: true }],
    });
    expect(res.statusCode).toBe(403);
    const bad = await admin.post("/api/styrning/models", {
      orgNodeId: node("ifo"),
      year: 2024,
      name: "Plan 2024",
      levels: [
        { name: "Aktivitet", decidedBy: "forvaltning", kind: "activity" },
        { name: "Nämndmål", decidedBy: "namnd" },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.problems).toContainEqual({
      field: "levels.0.kind",
      label: "Nivåer, rad 1 – Typ",
      message: "Nivån Aktivitet innehåller aktiviteter och måste vara den sista nivån.",
    });
  });
});

describe("assessments, suggestions and contradictions on the goal page", () => {
  it("suggests 'nått' when every indicator meets its target and flags the hand-set 'på rätt väg'", async () => {
    const tree = await ifoModel(controller);
    const goal1 = tree.goals.find((g: { code: string }) => g.code === "1");
    const page = (await controller.get(`/api/styrning/goals/${goal1.id}`)).json();
    const [evb, appeals] = page.indicators;
    expect(
      (await controller.put(`/api/styrning/indicators/${evb.id}/targets/2023`, { target: "<35" })).json().kind,
    ).toBe("comparator");
    expect(
      (await controller.put(`/api/styrning/indicators/${appeals.id}/targets/2023`, { target: "Färre än 6" }))
        .statusCode,
    ).toBe(200);
    const saved = await controller.put("/api/styrning/values", {
      values: [
        { indicatorId: evb.id, period: "2023", value: 28 },
        { indicatorId: appeals.id, period: "2023", value: 4 },
      ],
    });
    expect(saved.json()).toEqual({ received: 2, changed: 2, unchanged: 0, corrections: 0 });

    const after = (await controller.get(`/api/styrning/goals/${goal1.id}`)).json();
    expect(after.indicators.map((i: { evaluation: { status: string } }) => i.evaluation.status)).toEqual([
      "met",
      "met",
    ]);
    expect(after.suggestion.meaning).toBe("achieved");
    expect(after.assessment.levelCode).toBe("ratt_vag");
    expect(after.contradiction.message).toBe(
      'Bedömningen "inte nått men på rätt väg" avviker från förslaget "målet nått" (2 av 2 bedömbara indikatorer når målvärdet). Motivera avvikelsen i kommentaren.',
    );

    const set = await controller.put(`/api/styrning/goals/${goal1.id}/assessments/2023`, {
      levelCode: "natt",
      comment: "Båda indikatorerna når målvärdet.",
    });
    expect(set.json()).toMatchObject({
      levelLabel: "Vi har nått målet",
      meaning: "achieved",
      assessedByName: "Cecilia Controller",
    });
    expect((await controller.get(`/api/styrning/goals/${goal1.id}`)).json().contradiction).toBeNull();
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_name"])
      .where("entity", "=", "goal_assessment")
      .where("actor_name", "=", "Cecilia Controller")
      .execute();
    expect(audit).toEqual([{ action: "update", actor_name: "Cecilia Controller" }]);
  });

  it("takes comments per period and keeps goals across years when the plan is copied", async () => {
    const tree = await ifoModel(controller);
    const goal4 = tree.goals.find((g: { code: string }) => g.code === "4");
    const comment = await controller.post(`/api/styrning/goals/${goal4.id}/comments`, {
      period: "2023-T2",
      text: "Sjukfrånvaron följs upp med varje enhet.",
    });
    expect(comment.statusCode).toBe(200);
    const copy = await admin.post(`/api/styrning/models/${tree.model.id}/copy`, { year: 2024 });
    expect(copy.json().name).toBe("Förvaltningsbudget 2024 – Individ & Familjeomsorg");
    const next = (await admin.get(`/api/styrning/models/${copy.json().id}/tree`)).json();
    const next4 = next.goals.find((g: { code: string }) => g.code === "4");
    expect(next4.lineageId).toBe(goal4.lineageId);
    expect(next4.indicatorCount).toBe(5);
    await controller.patch(`/api/styrning/goals/${next4.id}`, { title: "Vi är en attraktiv och hållbar arbetsgivare" });
    const page = (await controller.get(`/api/styrning/goals/${goal4.id}`)).json();
    expect(page.comments.map((c: { text: string }) => c.text)).toEqual(["Sjukfrånvaron följs upp med varje enhet."]);
    expect(page.lineage.map((l: { year: number; title: string }) => `${l.year}: ${l.title}`)).toEqual([
      "2023: Vi är en attraktiv arbetsgivare",
      "2024: Vi är en attraktiv och hållbar arbetsgivare",
    ]);
    expect(next.goals.every((g: { assessment: unknown }) => g.assessment === null)).toBe(true);
  });
});

describe("access", () => {
  it("lets a förtroendevald read but not write", async () => {
    const politician = await t.as("fortroendevald");
    const tree = await ifoModel(politician);
    expect(tree.goals).toHaveLength(5);
    const goal = tree.goals.find((g: { code: string }) => g.code === "2");
    const res = await politician.put(`/api/styrning/goals/${goal.id}/assessments/2023`, {
      levelCode: "natt",
      comment: "x",
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe("Du saknar behörighet att ändra styrningen (mål, indikatorer, aktiviteter).");
  });

  it("lets an enhetschef read the nämnd's goals and plan activities for her own unit only", async () => {
    const chef = await t.as("enhetschef");
    const tree = await ifoModel(chef);
    const goal3 = tree.goals.find((g: { code: string }) => g.code === "3");
    const own = await chef.post("/api/styrning/activities", {
      orgNodeId: node("bss-almen"),
      year: 2023,
      title: "Digital veckoplanering med boende",
      goalIds: [goal3.id],
      effects: [{ group: "Boende", effect: "Bättre överblick över veckan." }],
    });
    expect(own.statusCode).toBe(200);
    const other = await chef.post("/api/styrning/activities", {
      orgNodeId: node("bss-bjorken"),
      year: 2023,
      title: "Inte min enhet",
      goalIds: [],
    });
    expect(other.statusCode).toBe(403);
    const goal = await chef.post(`/api/styrning/models/${tree.model.id}/goals`, {
      levelId: tree.levels[2].id,
      title: "Eget nämndmål",
    });
    expect(goal.statusCode).toBe(403);
    const board = (await chef.get(`/api/styrning/activities?orgNodeId=${node("bss")}&year=2023`)).json();
    expect(board.map((a: { title: string }) => a.title)).toEqual([
      "Införa mobil dokumentation i gruppbostaden",
      "Digital veckoplanering med boende",
    ]);

    const followup = await chef.post(`/api/styrning/activities/${own.json().id}/followups`, {
      period: "2023-T3",
      status: "klar",
      comment: "Införd på alla avdelningar.",
    });
    expect(followup.statusCode).toBe(200);
    const updated = (await chef.get(`/api/styrning/activities?orgNodeId=${node("bss-almen")}&year=2023`)).json();
    const mine = updated.find((a: { id: string }) => a.id === own.json().id);
    expect(mine).toMatchObject({
      status: "klar",
      writable: true,
      effects: [{ group: "Boende", effect: "Bättre överblick över veckan." }],
    });
    expect(mine.followups.map((f: { comment: string }) => f.comment)).toEqual(["Införd på alla avdelningar."]);
  });

  it("keeps a handläggare, who has no styrning write, to reading", async () => {
    const h = await t.as("handlaggare");
    const res = await h.post("/api/styrning/activities", {
      orgNodeId: node("msb-lss"),
      year: 2023,
      title: "x",
      goalIds: [],
    });
    expect(res.statusCode).toBe(403);
  });

  it("refuses goals from another nämnd or year in an activity", async () => {
    const vo = await t.as("vo-controller");
    const [voModel] = (await vo.get(`/api/styrning/models?orgNodeId=${node("vo")}&year=2022`)).json();
    const voTree = (await vo.get(`/api/styrning/models/${voModel.id}/tree`)).json();
    const res = await controller.post("/api/styrning/activities", {
      orgNodeId: node("msb-lss"),
      year: 2023,
      title: "Fel nämnd",
      goalIds: [voTree.goals[1].id],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^Mål: målet .* hör inte till enhetens nämnd för 2023\.$/);
  });

  it("names each refused field of an activity, its path and its filter by the label of the form", async () => {
    const res = await controller.post("/api/styrning/activities", {
      orgNodeId: node("msb-lss"),
      year: 2023,
      title: "",
      effects: [{ group: "Brukare", effect: "" }],
      startDate: "2023-13-01",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(
      "Innehållet är ogiltigt: Aktivitet: måste fyllas i. Startdatum: måste vara ett datum (ÅÅÅÅ-MM-DD). " +
        "Förväntad effekt, rad 1 – Effekt: måste fyllas i.",
    );
    const path = (await controller.get("/api/styrning/goals/inte-ett-id")).json();
    expect(path.message).toBe("Sökvägen är ogiltig: Målets id: måste vara ett id (UUID).");
    const filter = (await controller.get(`/api/styrning/activities?orgNodeId=${node("msb-lss")}&year=tjugo`)).json();
    expect(filter.message).toMatch(/^Frågan är ogiltig: År: /);
    for (const body of [res.json(), path, filter]) {
      expect(body.message).not.toMatch(/title|startDate|effects|"id"|year|Fältet/);
    }
  });
});

describe("directives", () => {
  it("holds a KF- or nämnddirektiv for one year or more, with assignments and comments per period, and no assessment", async () => {
    const list = (await controller.get(`/api/styrning/directives?orgNodeId=${node("ifo")}&year=2023`)).json();
    const kf = list.find((d: { issuedBy: string }) => d.issuedBy === "kf");
    expect(kf).toMatchObject({ validFrom: 2023, validTo: 2024, writable: true });
    expect(kf.assignments).toHaveLength(2);
    expect(kf.comments.map((c: { period: string }) => c.period)).toEqual(["2023-T2"]);
    expect(Object.keys(kf)).not.toContain("assessment");

    const backwards = await controller.post("/api/styrning/directives", {
      orgNodeId: node("ifo"),
      issuedBy: "namnd",
      title: "Baklänges",
      validFrom: 2025,
      validTo: 2023,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().details.problems).toEqual([
      {
        field: "validTo",
        label: "Gäller till och med",
        message: "Gäller till och med kan inte ligga före Gäller från.",
      },
    ]);

    const comment = await controller.post(`/api/styrning/directives/${kf.id}/comments`, {
      period: "2024-T1",
      text: "Två nya e-tjänster i drift.",
    });
    expect(comment.statusCode).toBe(200);
    const outside = await controller.post(`/api/styrning/directives/${kf.id}/comments`, { period: "2025", text: "x" });
    expect(outside.json().message).toBe("Uppföljningsperiod: direktivet gäller 2023–2024.");
    expect((await controller.get(`/api/styrning/directives?orgNodeId=${node("ifo")}&year=2025`)).json()).toEqual([]);
  });
});
