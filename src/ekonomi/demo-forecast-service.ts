import { z } from "zod";
import demoJson from "../../demo/ekonomi/kungsbacka.json" with { type: "json" };
import { systemActor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { write } from "../platform/service.ts";
import { parseInput } from "../platform/validation.ts";
import { splitByShares, tkrToKr } from "./arithmetic.ts";
import { applyFigures, type FigureWrite } from "./figures-service.ts";
import * as repo from "./repository.ts";
import type { EkonomiDB } from "./tables.ts";

const forecastsSchema = z.object({
  ifo: z.object({
    forecastDeviations: z.array(
      z.object({ year: z.number().int(), name: z.string(), asOf: z.iso.date(), deviationTkr: z.number().int() }),
    ),
  }),
});

/**
 * The delår forecasts (April and August) of the demo years, entered as a controller would in the budget and
 * prognos grid: one year amount per level. The annual reports publish only the committee's forecast deviation
 * (prognos − budget), so each level's forecast is its budget plus a share of that deviation in proportion to
 * the level's budget; the committee's total then reproduces the published deviation exactly. Runs after the
 * year's levels and budgets are seeded, and forecasts the budget the reports use (revised when there is one).
 */
export async function seedDemoForecasts(trx: DbOf<EkonomiDB>, namndId: string): Promise<void> {
  const { ifo } = parseInput(forecastsSchema, demoJson, "Demodata för ekonomins prognoser är ogiltiga");
  const actor = systemActor();
  for (const entry of ifo.forecastDeviations) {
    const existing = (await repo.forecastsOf(trx, namndId, [entry.year])).find((f) => f.name === entry.name);
    const forecast =
      existing ??
      (await repo.insertForecast(trx, { org_node_id: namndId, year: entry.year, name: entry.name, as_of: entry.asOf }));
    const budgets = await repo.figuresOf(trx, namndId, [entry.year]);
    const levels = (await repo.levelsOf(trx, namndId, entry.year)).flatMap((level) => {
      const ofLevel = (kind: string) =>
        budgets
          .filter((f) => f.level_id === level.id && f.kind === kind)
          .reduce<number | null>((sum, f) => (sum ?? 0) + f.amount_kr, null);
      const budgetKr = ofLevel("budget_revised") ?? ofLevel("budget");
      return budgetKr === null ? [] : [{ id: level.id, budgetKr }];
    });
    if (levels.length === 0) throw new Error(`Ekonomi demo: no budget in ${entry.year} to forecast against`);
    // Shared out in whole tkr, so the levels' tkr figures add up to the published deviation without a
    // rounding difference in the follow-up's Summa.
    const shares = splitByShares(
      entry.deviationTkr,
      levels.map((l) => Math.abs(l.budgetKr)),
    ).map(tkrToKr);
    const writes: FigureWrite[] = levels.map((level, i) => ({
      levelId: level.id,
      kind: "prognos",
      forecastId: forecast.id,
      periodType: "year",
      periodNo: 0,
      amountKr: level.budgetKr + (shares[i] ?? 0),
    }));
    await write(trx, actor, "write:ekonomi", namndId, (context) => applyFigures(context, entry.year, writes, null));
  }
}
