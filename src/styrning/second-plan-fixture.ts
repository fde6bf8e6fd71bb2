// A second municipality's verksamhetsplan (made-up content), configured from a script against the HTTP API
// only, as a new customer would: a model of perspektiv → mål → uppdrag → aktivitet, KF and nämnd goals side by
// side, indicators, and uppdrag with report-back instructions. Tests configure it under any parent node (a new
// nämnd in the demo kommun, and in a second kommun made by `lots kommun add`, by that kommun's own admin) and
// read it back item by item. Test support only: nothing in the application imports it.
import { expect } from "vitest";

/** The HTTP calls the script makes (a test client of src/app/testing.ts fits). */
type Response = { statusCode: number; json: () => any; body: string };
type Api = {
  get: (url: string) => Promise<Response>;
  post: (url: string, payload?: unknown) => Promise<Response>;
  patch: (url: string, payload?: unknown) => Promise<Response>;
  put: (url: string, payload?: unknown) => Promise<Response>;
};

export const secondPlan = {
  namnd: "Individ- och familjenämnden (Norrstad)",
  year: 2027,
  levels: [
    { name: "Perspektiv", decidedBy: "kf", kind: "grouping", assessed: false },
    { name: "Mål", decidedBy: "namnd", kind: "goal", assessed: true },
    { name: "Uppdrag", decidedBy: "namnd", kind: "uppdrag", assessed: false },
    { name: "Aktivitet", decidedBy: "forvaltning", kind: "activity", assessed: false },
  ],
  perspectives: ["Medborgare", "Verksamhet", "Arbetsgivare", "Ekonomi"],
  goals: [
    { key: "m1", perspective: "Medborgare", code: "KF 1", title: "Invånarna får stöd i rätt tid", decidedBy: "kf" },
    {
      key: "m2",
      perspective: "Medborgare",
      code: "N 1",
      title: "Fler barn växer upp i sina hemmiljöer",
      decidedBy: "namnd",
    },
    { key: "m3", perspective: "Ekonomi", code: "KF 4", title: "Verksamheten bedrivs inom budget", decidedBy: "kf" },
  ],
  indicators: [
    {
      key: "i1",
      goal: "m1",
      name: "Handläggningstid för ekonomiskt bistånd, dagar",
      unit: "dagar",
      direction: "lower",
      decidedBy: "kf",
    },
    {
      key: "i2",
      goal: "m2",
      name: "Andel placerade barn i familjehem, %",
      unit: "procent",
      direction: "higher",
      decidedBy: "namnd",
    },
  ],
  uppdrag: [
    {
      key: "u1",
      goal: "m2",
      code: "U 12",
      title: "Utveckla öppenvården för barn och unga så att fler placeringar kan undvikas",
      decidedBy: "namnd",
      ownerName: "Avdelningschef barn och unga",
      reportBack: { month: "2027-10", form: "skriftlig", to: "namnd" },
      startDate: "2027-01-01",
      endDate: "2030-12-31",
    },
    {
      key: "u2",
      goal: "m3",
      code: "U 3",
      title: "Redovisa en plan för en budget i balans",
      decidedBy: "kf",
      ownerName: "Förvaltningschef",
      reportBack: { month: "2027-04", form: "muntlig", to: "utskott" },
      startDate: "2027-01-01",
      endDate: "2027-06-30",
    },
  ],
  activity: {
    uppdrag: "u2",
    goal: "m3",
    title: "Minska inhyrda konsulter inom myndighetsutövningen",
    amount: 1_200_000,
    expectedEffect: "Lägre kostnader för inhyrd personal, 1,2 mnkr på helår.",
  },
} as const;

/** What `configureSecondPlan` created, by the plan's keys. */
export type SecondPlanIds = {
  namndId: string;
  unitId: string;
  modelId: string;
  levelIds: Record<string, string>;
  perspectiveIds: Record<string, string>;
  goalIds: Record<string, string>;
  indicatorIds: Record<string, string>;
  uppdragIds: Record<string, string>;
  activityId: string;
};

async function ok(response: Promise<{ statusCode: number; json: () => unknown; body: string }>) {
  const r = await response;
  if (r.statusCode !== 200) throw new Error(`${r.statusCode}: ${r.body}`);
  return r.json() as { id: string } & Record<string, unknown>;
}

/** Configures the plan under `parentId` through the API, as `admin` (the model) and `writer` (the content). */
export async function configureSecondPlan(admin: Api, parentId: string): Promise<SecondPlanIds> {
  const p = secondPlan;
  const namnd = await ok(admin.post("/api/org/nodes", { parentId, kind: "namnd", name: p.namnd }));
  const forv = await ok(
    admin.post("/api/org/nodes", { parentId: namnd.id, kind: "forvaltning", name: "Socialförvaltningen" }),
  );
  const unit = await ok(admin.post("/api/org/nodes", { parentId: forv.id, kind: "enhet", name: "Myndighet vuxna" }));
  const scale = await ok(
    admin.post("/api/styrning/scales", {
      orgNodeId: namnd.id,
      kind: "assessment",
      name: "Uppfyllt / delvis / ej",
      levels: [
        { label: "Uppfyllt", meaning: "achieved" },
        { label: "Delvis uppfyllt", meaning: "on_track" },
        { label: "Ej uppfyllt", meaning: "off_track" },
      ],
    }),
  );
  const model = (await ok(
    admin.post("/api/styrning/models", {
      orgNodeId: namnd.id,
      year: p.year,
      name: `Verksamhetsplan ${p.year}`,
      assessmentScaleId: scale.id,
      levels: p.levels,
    }),
  )) as unknown as { id: string; levels: { id: string; name: string }[] };
  const levelIds = Object.fromEntries(model.levels.map((l) => [l.name, l.id]));
  const perspectiveIds: Record<string, string> = {};
  for (const name of p.perspectives) {
    perspectiveIds[name] = (
      await ok(admin.post(`/api/styrning/models/${model.id}/goals`, { levelId: levelIds.Perspektiv, title: name }))
    ).id;
  }
  const goalIds: Record<string, string> = {};
  for (const g of p.goals) {
    goalIds[g.key] = (
      await ok(
        admin.post(`/api/styrning/models/${model.id}/goals`, {
          levelId: levelIds.Mål,
          parentId: perspectiveIds[g.perspective],
          code: g.code,
          title: g.title,
          decidedBy: g.decidedBy,
        }),
      )
    ).id;
  }
  const indicatorIds: Record<string, string> = {};
  for (const i of p.indicators) {
    indicatorIds[i.key] = (
      await ok(
        admin.post("/api/styrning/indicators", {
          orgNodeId: namnd.id,
          name: i.name,
          unit: i.unit,
          direction: i.direction,
          decidedBy: i.decidedBy,
          definition: `${i.name} enligt nämndens verksamhetsplan.`,
          definitionFrom: p.year,
        }),
      )
    ).id;
    await ok(admin.put(`/api/styrning/goals/${goalIds[i.goal]}/indicators`, { indicatorIds: [indicatorIds[i.key]] }));
  }
  const uppdragIds: Record<string, string> = {};
  for (const u of p.uppdrag) {
    const { key, goal, ...fields } = u;
    uppdragIds[key] = (
      await ok(
        admin.post("/api/styrning/uppdrag", { orgNodeId: namnd.id, year: p.year, goalId: goalIds[goal], ...fields }),
      )
    ).id;
  }
  const activity = await ok(
    admin.post("/api/styrning/activities", {
      orgNodeId: unit.id,
      year: p.year,
      title: p.activity.title,
      goalIds: [goalIds[p.activity.goal]],
      uppdragId: uppdragIds[p.activity.uppdrag],
      amount: p.activity.amount,
      expectedEffect: p.activity.expectedEffect,
    }),
  );
  return {
    namndId: namnd.id,
    unitId: unit.id,
    modelId: model.id,
    levelIds,
    perspectiveIds,
    goalIds,
    indicatorIds,
    uppdragIds,
    activityId: activity.id,
  };
}

/** Reads the plan back through the API, item by item, and compares each with what was configured. */
export async function expectSecondPlan(reader: Api, ids: SecondPlanIds): Promise<void> {
  const p = secondPlan;
  const tree = (await reader.get(`/api/styrning/models/${ids.modelId}/tree`)).json();
  expect(
    tree.levels.map((l: { name: string; kind: string; assessed: boolean }) => [l.name, l.kind, l.assessed]),
  ).toEqual(p.levels.map((l) => [l.name, l.kind, l.assessed]));
  for (const name of p.perspectives) {
    const item = tree.goals.find((g: { id: string }) => g.id === ids.perspectiveIds[name]);
    expect(item).toMatchObject({ title: name, levelId: ids.levelIds.Perspektiv, parentId: null, decidedBy: "kf" });
  }
  for (const g of p.goals) {
    const item = tree.goals.find((x: { id: string }) => x.id === ids.goalIds[g.key]);
    expect(item).toMatchObject({
      code: g.code,
      title: g.title,
      decidedBy: g.decidedBy,
      parentId: ids.perspectiveIds[g.perspective],
      levelId: ids.levelIds.Mål,
    });
    const page = (await reader.get(`/api/styrning/goals/${ids.goalIds[g.key]}`)).json();
    expect(page.goal.decidedBy).toBe(g.decidedBy);
    expect(page.ancestors.map((a: { title: string }) => a.title)).toEqual([g.perspective]);
    expect(page.indicators.map((i: { name: string }) => i.name)).toEqual(
      p.indicators.filter((i) => i.goal === g.key).map((i) => i.name),
    );
  }
  const indicators = (await reader.get(`/api/styrning/indicators?orgNodeId=${ids.namndId}`)).json();
  for (const i of p.indicators) {
    const listed = indicators.find((x: { id: string }) => x.id === ids.indicatorIds[i.key]);
    expect(listed).toMatchObject({ name: i.name, unit: i.unit, decidedBy: i.decidedBy });
    const page = (await reader.get(`/api/styrning/indicators/${ids.indicatorIds[i.key]}?year=${p.year}`)).json();
    expect(page.goals.map((g: { id: string }) => g.id)).toEqual([ids.goalIds[i.goal]]);
  }
  const list = (await reader.get(`/api/styrning/uppdrag?orgNodeId=${ids.namndId}&year=${p.year}`)).json();
  expect(list.map((u: { id: string }) => u.id).sort()).toEqual(Object.values(ids.uppdragIds).sort());
  for (const u of p.uppdrag) {
    const item = list.find((x: { id: string }) => x.id === ids.uppdragIds[u.key]);
    expect(item).toMatchObject({
      code: u.code,
      title: u.title,
      decidedBy: u.decidedBy,
      ownerName: u.ownerName,
      reportBack: u.reportBack,
      startDate: u.startDate,
      endDate: u.endDate,
      status: "ej_paborjad",
      goal: { id: ids.goalIds[u.goal] },
    });
    expect(tree.uppdrag.find((x: { id: string }) => x.id === ids.uppdragIds[u.key])).toMatchObject({
      goalId: ids.goalIds[u.goal],
    });
  }
  const activities = (await reader.get(`/api/styrning/activities?orgNodeId=${ids.namndId}&year=${p.year}`)).json();
  expect(activities.find((a: { id: string }) => a.id === ids.activityId)).toMatchObject({
    title: p.activity.title,
    amount: p.activity.amount,
    expectedEffect: p.activity.expectedEffect,
    uppdragId: ids.uppdragIds[p.activity.uppdrag],
  });
  // The outline places the activity under the uppdrag it carries out, under its goal and perspective.
  expect(tree.outline).toContain(
    [
      "Perspektiv: Ekonomi",
      "  Mål: KF 4 Verksamheten bedrivs inom budget",
      "    Uppdrag: U 3 Redovisa en plan för en budget i balans (ej påbörjad)",
      `      Aktivitet: ${p.activity.title} (Myndighet vuxna, ej påbörjad)`,
    ].join("\n"),
  );
}
