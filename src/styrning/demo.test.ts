import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp, TestClient } from "../app/testing.ts";
import { setupTimeout, styrningTestApp } from "./testing.ts";

let t: TestApp;
let controller: TestClient;

beforeAll(async () => {
  t = await styrningTestApp();
  controller = await t.as("controller");
}, setupTimeout);
afterAll(() => t?.close());

type Model = { id: string; year: number; name: string };

describe("styrning demo: Kungsbacka IFO 2023 and Vård & Omsorg 2022", () => {
  it("renders IFO's goal tree with its four nämndmål, the uppdrag under them and the units' activities", async () => {
    const models = (
      await controller.get(`/api/styrning/models?orgNodeId=${t.demo.nodes.ifo?.id}&year=2023`)
    ).json() as Model[];
    expect(models.map((m) => m.name)).toEqual(["Förvaltningsbudget 2023 – Individ & Familjeomsorg"]);
    const tree = (await controller.get(`/api/styrning/models/${models[0]?.id}/tree`)).json();
    expect(tree.outline).toBe(
      [
        "Vision: Vision 2030",
        "  Nämndmål: 1 Vi har nöjda och delaktiga brukare/klienter som får rätt insats på rätt nivå",
        "    Uppdrag: U1 Ta fram en plan för att minska kostnaderna för externa placeringar av barn och unga. (pågår)",
        "    Aktivitet: Strukturerad genomgång av överklagade beslut (Barn och unga, klar)",
        "  Nämndmål: 2 Vi erbjuder kvinnor och män, flickor och pojkar insatser på lika villkor",
        "    Uppdrag: U2 Utreda förutsättningarna för en gemensam mottagning för barn och unga. (klar)",
        "    Aktivitet: Följa upp utredningstider per kön varje månad (Myndighet funktionsnedsättning, pågår)",
        "  Nämndmål: 3 Vi nyttjar digitaliseringens möjligheter",
        "    Uppdrag: U3 Införa e-tjänst för ansökan om ekonomiskt bistånd. (ej påbörjad)",
        "    Aktivitet: Införa mobil dokumentation i gruppbostaden (Gruppbostad Almen, pågår)",
        "  Nämndmål: 4 Vi är en attraktiv arbetsgivare",
        "    Aktivitet: Handlingsplan per enhet efter medarbetarenkäten (Förvaltningskansli, ej påbörjad)",
      ].join("\n"),
    );
    expect(tree.levels.map((l: { name: string; decidedBy: string }) => `${l.name}/${l.decidedBy}`)).toEqual([
      "Vision/kf",
      "Kommunövergripande mål/kf",
      "Nämndmål/namnd",
      "Aktivitet/forvaltning",
    ]);
    expect(tree.directives.map((d: { issuedBy: string }) => d.issuedBy).sort()).toEqual(["kf", "namnd"]);
    expect(
      tree.goals
        .filter((g: { assessment: unknown }) => g.assessment)
        .map((g: { assessment: { levelLabel: string } }) => g.assessment.levelLabel),
    ).toEqual(Array(4).fill("Vi har inte nått målet men är på rätt väg"));
  });

  it("shows goal 2's utredningstider as in the annual report: years as columns, gender rows", async () => {
    const models = (
      await controller.get(`/api/styrning/models?orgNodeId=${t.demo.nodes.ifo?.id}&year=2023`)
    ).json() as Model[];
    const tree = (await controller.get(`/api/styrning/models/${models[0]?.id}/tree`)).json();
    const goal2 = tree.goals.find((g: { code: string }) => g.code === "2");
    const page = (await controller.get(`/api/styrning/goals/${goal2.id}`)).json();
    const lss = page.indicators[0];
    expect(lss.name).toBe("Utredningstid LSS, från ansökan till beslut");
    expect(lss.columns).toEqual([2020, 2021, 2022, 2023]);
    expect(
      lss.rows.map((r: { label: string; cells: ({ value: number } | null)[] }) => [
        r.label,
        ...r.cells.map((c) => c?.value ?? null),
      ]),
    ).toEqual([
      ["Kvinnor/flickor", 80, 78, 72, null],
      ["Män/pojkar", 78, 77, 76, null],
    ]);
    const barn = page.indicators[1];
    expect(barn.rows.map((r: { label: string }) => r.label)).toEqual(["Flickor", "Pojkar"]);
    expect(page.suggestion.meaning).toBeNull();
    expect(page.assessment.levelLabel).toBe("Vi har inte nått målet men är på rätt väg");
    expect(page.contradiction).toBeNull();
  });

  it("breaks investigations down by age group and unit, with a target that needs at least 20 cases", async () => {
    const indicators = (await controller.get(`/api/styrning/indicators?orgNodeId=${t.demo.nodes.ifo?.id}`)).json();
    const inTime = indicators.find((i: { name: string }) => i.name === "Barnavårdsutredningar klara inom fyra månader");
    expect(inTime.dimensionIds).toHaveLength(2);
    const view = (await controller.get(`/api/styrning/indicators/${inTime.id}?year=2023`)).json();
    expect(view.target).toMatchObject({ target: "90 %", kind: "conditional", conditionState: "holds" });
    expect(view.evaluation.status).toBe("met");
    // 13–17 år in the investigation group had 38 cases (target judged, met); 18–20 år only 11 (no target).
    const rows = view.breakdown.rows.filter((r: { target: string | null }) => r.target);
    expect(rows.map((r: { label: string; met: boolean | null }) => [r.label, r.met])).toEqual([
      ["13–17 år · Utredningsgruppen", true],
      ["18–20 år · Utredningsgruppen", null],
    ]);
  });

  it("keeps LIKA statuses, the personalomsättning method change and 2020's missing value", async () => {
    const models = (
      await controller.get(`/api/styrning/models?orgNodeId=${t.demo.nodes.ifo?.id}&year=2023`)
    ).json() as Model[];
    const tree = (await controller.get(`/api/styrning/models/${models[0]?.id}/tree`)).json();
    const goal3 = tree.goals.find((g: { code: string }) => g.code === "3");
    const digital = (await controller.get(`/api/styrning/goals/${goal3.id}`)).json();
    expect(
      digital.indicators
        .slice(0, 3)
        .map((i: { rows: { cells: ({ statusCode: string } | null)[] }[] }) =>
          i.rows[0]?.cells.slice(0, 3).map((c) => c?.statusCode),
        ),
    ).toEqual([
      ["paborjad", "paborjad", "paborjad"],
      ["paborjad", "nastan_dar", "nastan_dar"],
      ["paborjad", "paborjad", "uppnadd"],
    ]);
    const goal4 = tree.goals.find((g: { code: string }) => g.code === "4");
    const work = (await controller.get(`/api/styrning/goals/${goal4.id}`)).json();
    const turnover = work.indicators.find((i: { name: string }) => i.name === "Personalomsättning");
    expect(
      turnover.rows[0].cells.slice(0, 3).map((c: { state: string; value: number | null }) => [c.state, c.value]),
    ).toEqual([
      ["not_measured", null],
      ["value", 13.4],
      ["value", 12.9],
    ]);
    expect(turnover.definitions.map((d: { validFrom: number }) => d.validFrom)).toEqual([2020, 2021]);
  });

  it("flags Vård & Omsorg's turnover target of 12 % as less ambitious than the 11,85 % already reached", async () => {
    const vo = await t.as("vo-controller");
    const models = (await vo.get(`/api/styrning/models?orgNodeId=${t.demo.nodes.vo?.id}&year=2022`)).json() as Model[];
    const tree = (await vo.get(`/api/styrning/models/${models[0]?.id}/tree`)).json();
    const goal3 = tree.goals.find((g: { code: string }) => g.code === "3");
    const page = (await vo.get(`/api/styrning/goals/${goal3.id}`)).json();
    const turnover = page.indicators[0];
    expect(turnover.target).toMatchObject({ year: 2022, target: "12 %" });
    expect(
      turnover.targets.map((t: { year: number; problems: { message: string }[] }) => [
        t.year,
        t.problems.map((p) => p.message),
      ]),
    ).toEqual([
      [2022, ["Målvärdet 12 för 2022 är sämre än utfallet 11,85 för 2021, fast lägre är bättre."]],
      [2025, ["Målvärdet 12 för 2025 är sämre än utfallet 11,85 för 2021, fast lägre är bättre."]],
    ]);
    const goal1 = tree.goals.find((g: { code: string }) => g.code === "1");
    const continuity = (await vo.get(`/api/styrning/goals/${goal1.id}`)).json().indicators[0];
    expect(continuity.targets.every((t: { problems: unknown[] }) => t.problems.length === 0)).toBe(true);
    expect(continuity.band).toEqual({ low: null, high: 16 });
  });
});
