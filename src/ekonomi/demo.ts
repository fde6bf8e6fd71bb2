import { z } from "zod";
import demoJson from "../../demo/ekonomi/kungsbacka.json" with { type: "json" };
import { type DemoOrganisation, findNode } from "../organisation/index.ts";
import { recordAudit } from "../platform/audit/audit.ts";
import { systemActor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { write } from "../platform/service.ts";
import { parseInput } from "../platform/validation.ts";
import { splitByShares, tkrToKr } from "./arithmetic.ts";
import { seedDemoForecasts } from "./demo-forecast-service.ts";
import { applyFigures, type FigureWrite } from "./figures-service.ts";
import * as repo from "./repository.ts";
import type { EkonomiDB } from "./tables.ts";

const demoSchema = z.object({
  ifo: z.object({
    namnd: z.string(),
    summaryLevel: z.object({ name: z.string(), org: z.string() }),
    summary: z.array(
      z.object({
        year: z.number().int(),
        intakterTkr: z.number().int(),
        kostnaderTkr: z.number().int(),
        budgetTkr: z.number().int(),
        investeringarNettoKr: z.number().int(),
        /** The investment budget, netto; the årsberättelse gives it for its own year only (2021: −4 748 tkr). */
        investeringarBudgetNettoKr: z.number().int().optional(),
      }),
    ),
    drift: z.object({
      year: z.number().int(),
      areas: z.array(
        z.object({ org: z.string(), bokslutPrevTkr: z.number(), budgetTkr: z.number().int(), bokslutTkr: z.number() }),
      ),
    }),
    budget: z.object({
      year: z.number().int(),
      frameMkr: z.number().int(),
      forecasts: z.array(z.object({ name: z.string(), asOf: z.iso.date() })),
      areas: z.array(z.object({ org: z.string(), mkr: z.number().int(), ansvar: z.array(z.string()) })),
    }),
  }),
  vo: z.object({
    namnd: z.string(),
    year: z.number().int(),
    budgetKr: z.number().int(),
    costTypeShares: z.array(z.tuple([z.string(), z.number().int()])),
  }),
});

const yearFigure = (levelId: string, kind: FigureWrite["kind"], amountKr: number): FigureWrite => ({
  levelId,
  kind,
  amountKr,
  forecastId: null,
  periodType: "year",
  periodNo: 0,
});

/**
 * Kungsbacka's published figures: the IFO summary 2019–2021 (2019 as one level for the whole committee, as
 * the annual report gives it; 2020 and 2021 per verksamhetsområde from the report's drift table) with each
 * year's investments netto and 2021's investment budget, the 2023 budget split over the seven verksamhetsområden with ledger codes
 * for importing outcome, and Vård & Omsorg's 2022 budget split by cost type (kronor derived from the
 * published whole percentages so that they add up to the published total).
 */
export async function seedEkonomiDemo(trx: DbOf<EkonomiDB>, demo: DemoOrganisation): Promise<void> {
  const data = parseInput(demoSchema, demoJson, "Demodata för ekonomi är ogiltiga");
  const actor = systemActor();
  const node = (key: string) => {
    const found = demo.nodes[key];
    if (!found) throw new Error(`Ekonomi demo names unknown org node ${key}`);
    return found.id;
  };
  // Figures go in as a write on the nämnd would put them, audited in bulk.
  const applyDemoFigures = (namndId: string, year: number, writes: FigureWrite[]) =>
    write(trx, actor, "write:ekonomi", namndId, (context) => applyFigures(context, year, writes, null));

  /**
   * The drift table's years (2020 and 2021) per verksamhetsområde. The source gives intäkter and kostnader
   * only for the whole committee, so the year's intäkter are split over the areas in proportion to their
   * nettokostnad (kostnader = netto − intäkter); the published totals and every area's netto stay exact.
   * Budget per area exists only for the drift year; the year before keeps its budget on the committee level.
   */
  const seedDriftYear = async (y: (typeof data.ifo.summary)[number], column: "bokslutTkr" | "bokslutPrevTkr") => {
    // Bokslut 2020 is published with one decimal of tkr, i.e. whole hundreds of kronor.
    const nettoKr = drift.areas.map((a) => Math.round(a[column] * 1000));
    const totalNetto = nettoKr.reduce((sum, kr) => sum + kr, 0);
    if (totalNetto !== tkrToKr(y.intakterTkr + y.kostnaderTkr)) {
      throw new Error(`Ekonomi demo: the drift areas of ${y.year} do not add up to the summary's netto`);
    }
    const perArea = y.year === drift.year;
    if (perArea && drift.areas.reduce((sum, a) => sum + a.budgetTkr, 0) !== y.budgetTkr) {
      throw new Error(`Ekonomi demo: the drift areas' budget ${y.year} does not add up to the summary's budget`);
    }
    const intakter = splitByShares(
      tkrToKr(y.intakterTkr),
      nettoKr.map((kr) => Math.abs(kr)),
    );
    const writes: FigureWrite[] = [];
    if (!perArea) writes.push(yearFigure((await summaryLevel(y.year)).id, "budget", tkrToKr(y.budgetTkr)));
    for (const [index, area] of drift.areas.entries()) {
      const target = node(area.org);
      const level = await repo.insertLevel(trx, {
        org_node_id: ifo,
        year: y.year,
        name: (await findNode(trx, target))?.name ?? area.org,
        code: null,
        target_org_node_id: target,
        sort_order: index + 1,
      });
      const intakterKr = intakter[index] ?? 0;
      writes.push(
        yearFigure(level.id, "intakter", intakterKr),
        yearFigure(level.id, "kostnader", (nettoKr[index] ?? 0) - intakterKr),
      );
      if (perArea) writes.push(yearFigure(level.id, "budget", tkrToKr(area.budgetTkr)));
    }
    await applyDemoFigures(ifo, y.year, writes);
  };

  const ifo = node(data.ifo.namnd);
  const drift = data.ifo.drift;
  const summaryLevel = (year: number) =>
    repo.insertLevel(trx, {
      org_node_id: ifo,
      year,
      name: data.ifo.summaryLevel.name,
      code: null,
      target_org_node_id: node(data.ifo.summaryLevel.org),
      sort_order: 0,
    });
  for (const y of data.ifo.summary) {
    await repo.insertFrame(trx, {
      org_node_id: ifo,
      year: y.year,
      amount_kr: tkrToKr(-y.budgetTkr),
      decision_ref: null,
    });
    const driftColumn = y.year === drift.year ? "bokslutTkr" : y.year === drift.year - 1 ? "bokslutPrevTkr" : null;
    if (driftColumn) {
      await seedDriftYear(y, driftColumn);
    } else {
      const level = await summaryLevel(y.year);
      await applyDemoFigures(ifo, y.year, [
        yearFigure(level.id, "budget", tkrToKr(y.budgetTkr)),
        yearFigure(level.id, "intakter", tkrToKr(y.intakterTkr)),
        yearFigure(level.id, "kostnader", tkrToKr(y.kostnaderTkr)),
      ]);
    }
    await repo.insertInvestment(trx, {
      org_node_id: ifo,
      year: y.year,
      category: "lopande",
      name: "Investeringar (netto enligt årsberättelsen)",
      project_code: null,
      budget_inkomster_kr: y.investeringarBudgetNettoKr === undefined ? null : 0,
      budget_utgifter_kr: y.investeringarBudgetNettoKr === undefined ? null : -y.investeringarBudgetNettoKr,
      bokslut_inkomster_kr: 0,
      bokslut_utgifter_kr: -y.investeringarNettoKr,
      note: "Årsberättelsen redovisar endast investeringarnas nettobelopp.",
      sort_order: 0,
    });
  }

  const budget = data.ifo.budget;
  const budgetWrites: FigureWrite[] = [];
  for (const [index, area] of budget.areas.entries()) {
    const target = node(area.org);
    const name = (await findNode(trx, target))?.name ?? area.org;
    const level = await repo.insertLevel(trx, {
      org_node_id: ifo,
      year: budget.year,
      name,
      code: null,
      target_org_node_id: target,
      sort_order: index,
    });
    for (const pattern of area.ansvar) {
      await repo.insertMapping(trx, {
        org_node_id: ifo,
        year: budget.year,
        level_id: level.id,
        dimension: "ansvar",
        pattern,
      });
    }
    budgetWrites.push(yearFigure(level.id, "budget", -area.mkr * 1_000_000));
  }
  await repo.insertFrame(trx, {
    org_node_id: ifo,
    year: budget.year,
    amount_kr: budget.frameMkr * 1_000_000,
    decision_ref: null,
  });
  for (const f of budget.forecasts) {
    await repo.insertForecast(trx, { org_node_id: ifo, year: budget.year, name: f.name, as_of: f.asOf });
  }
  await applyDemoFigures(ifo, budget.year, budgetWrites);

  const vo = node(data.vo.namnd);
  const amounts = splitByShares(
    data.vo.budgetKr,
    data.vo.costTypeShares.map(([, share]) => share),
  );
  const voWrites: FigureWrite[] = [];
  for (const [index, [name]] of data.vo.costTypeShares.entries()) {
    const level = await repo.insertLevel(trx, {
      org_node_id: vo,
      year: data.vo.year,
      name,
      code: null,
      target_org_node_id: null,
      sort_order: index,
    });
    voWrites.push(yearFigure(level.id, "budget", -(amounts[index] ?? 0)));
  }
  await repo.insertFrame(trx, { org_node_id: vo, year: data.vo.year, amount_kr: data.vo.budgetKr, decision_ref: null });
  await applyDemoFigures(vo, data.vo.year, voWrites);
  // Last, so that the forecasts meet every level and budget seeded above.
  await seedDemoForecasts(trx, ifo);

  await recordAudit(trx, actor, {
    entity: "demo",
    entityId: null,
    action: "seed",
    after: { capability: "ekonomi", years: [...data.ifo.summary.map((y) => y.year), budget.year, data.vo.year] },
  });
}
