import type { Actor } from "../platform/auth/access.ts";
import { notFound } from "../platform/errors.ts";
import { read } from "../platform/service.ts";
import { krToTkr, percentOf } from "./arithmetic.ts";
import { checkTextFigures, checkTextPercent, checkUnitLabel, type Issue, type NamedFigure } from "./consistency.ts";
import { investmentDto } from "./investments-service.ts";
import {
  buildBudgetSplit,
  buildFollowUp,
  buildForecastAccuracy,
  buildInvestmentReport,
  buildSummary,
  type FollowUp,
  type YearData,
} from "./reports.ts";
import * as repo from "./repository.ts";
import { rangeQuery } from "./schema.ts";
import { type Db, loadYear, loadYears, namndOf, validation } from "./shared-service.ts";
import { mkrText, resultSentence, tkrText } from "./text.ts";

/** Sentences for the report text, rendered from the same kronor as the table. */
function followUpTexts(subject: string, f: FollowUp): string[] {
  const texts: string[] = [];
  if (f.complete && f.total.avvikelseKr !== null) {
    texts.push(resultSentence(subject, f.year, krToTkr(f.total.avvikelseKr)));
  }
  if (f.forecast && f.total.prognosAvvikelseKr !== null) {
    const tkr = krToTkr(f.total.prognosAvvikelseKr);
    const direction = tkr > 0 ? "ett överskott" : tkr < 0 ? "ett underskott" : "ett resultat i nivå med budget";
    const amount = tkr === 0 ? "" : ` på ${mkrText(Math.abs(tkr))} (${tkrText(tkr, true)})`;
    texts.push(
      `Prognosen ${f.forecast.name.toLocaleLowerCase("sv-SE")} visar ${direction}${amount} mot budget för helåret ${f.year}.`,
    );
  }
  // With a single level the committee sentence already says it all.
  for (const row of f.rows.length > 1 ? f.rows : []) {
    const deviation = f.complete ? row.avvikelseKr : row.prognosAvvikelseKr;
    if (deviation === null || krToTkr(deviation) === 0) continue;
    const tkr = krToTkr(deviation);
    texts.push(
      `${row.name}: ${tkr > 0 ? "överskott" : "underskott"} ${mkrText(Math.abs(tkr))} (${tkrText(tkr, true)})${f.complete ? "" : " enligt prognos"}.`,
    );
  }
  return texts;
}

export async function followUp(
  db: Db,
  actor: Actor,
  namndId: string,
  year: number,
  options: { forecastId?: string; throughMonth?: number },
) {
  return read(db, actor, "read", namndId, async ({ node }) => {
    const namnd = namndOf(node);
    const data = await loadYears(db, namndId, [year - 1, year]);
    const current = data.get(year) as YearData;
    if (options.forecastId && !current.forecasts.some((f) => f.id === options.forecastId)) throw notFound("Prognosen");
    const result = buildFollowUp(current, data.get(year - 1) ?? null, options);
    return {
      namnd: { id: namnd.id, name: namnd.name },
      forecasts: current.forecasts,
      ...result,
      texts: followUpTexts("Nämnden", result),
    };
  });
}

async function defaultRange(db: Db, namndId: string, range: { from?: number; to?: number }, span: number) {
  const years = await repo.yearsOf(db, namndId);
  const to = range.to ?? years[0] ?? new Date().getFullYear();
  const from = range.from ?? to - span;
  if (from > to) throw validation(rangeQuery, "from", "Startåret ligger efter slutåret.");
  if (to - from > 20) throw validation(rangeQuery, "from", "Välj högst 20 år.");
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The annual report's economic summary (default: the three latest years). */
export async function summary(db: Db, actor: Actor, namndId: string, range: { from?: number; to?: number }) {
  return read(db, actor, "read", namndId, async ({ node }) => {
    const namnd = namndOf(node);
    const years = await defaultRange(db, namndId, range, 2);
    const data = await loadYears(db, namndId, years);
    const investments = await repo.investmentsOf(db, namndId, years);
    const investmentNetto = new Map(
      years.map((y) => {
        const own = investments.filter((i) => i.year === y).map(investmentDto);
        return [y, own.length ? buildInvestmentReport(own).total.bokslutNettoKr : null];
      }),
    );
    const withLevels = [...data.values()].filter((d) => d.levels.length > 0);
    return { namnd: { id: namnd.id, name: namnd.name }, ...buildSummary(withLevels, investmentNetto) };
  });
}

/** Prognossäkerhet per year: each forecast against the final outcome. */
export async function forecastAccuracy(db: Db, actor: Actor, namndId: string, range: { from?: number; to?: number }) {
  return read(db, actor, "read", namndId, async ({ node }) => {
    const namnd = namndOf(node);
    const years = await defaultRange(db, namndId, range, 4);
    const data = await loadYears(db, namndId, years);
    return {
      namnd: { id: namnd.id, name: namnd.name },
      years: [...data.values()].filter((d) => d.forecasts.length > 0).map(buildForecastAccuracy),
    };
  });
}

export async function budgetSplit(db: Db, actor: Actor, namndId: string, year: number, basis: "original" | "revised") {
  return read(db, actor, "read", namndId, async ({ node }) => {
    const namnd = namndOf(node);
    return { namnd: { id: namnd.id, name: namnd.name }, ...buildBudgetSplit(await loadYear(db, namndId, year), basis) };
  });
}

/**
 * Checks a draft text against the year's figures: every money figure in the text must render from a
 * table value, and percentages must match the deviation shares they describe.
 */
export async function checkText(
  db: Db,
  actor: Actor,
  namndId: string,
  year: number,
  input: { text: string; tables: Array<{ caption: string; unit: string; values: number[] }> },
) {
  const { text } = input;
  return read(db, actor, "read", namndId, async ({ node }) => {
    namndOf(node);
    const data = await loadYears(db, namndId, [year - 1, year]);
    const f = buildFollowUp(data.get(year) as YearData, data.get(year - 1) ?? null);
    const figures: NamedFigure[] = [];
    const add = (label: string, kr: number | null) => {
      if (kr !== null) figures.push({ label, tkr: krToTkr(kr) });
    };
    for (const row of [...f.rows, f.total]) {
      const name = row === f.total ? "nämnden totalt" : row.name;
      add(`Budget ${name}`, row.budgetKr);
      add(`Bokslut ${name}`, row.nettoKr);
      add(`Avvikelse ${name}`, row.avvikelseKr);
      add(`Prognos ${name}`, row.prognosKr);
      add(`Prognosavvikelse ${name}`, row.prognosAvvikelseKr);
      add(`Bokslut ${year - 1} ${name}`, row.bokslutPrevKr);
    }
    const issues: Issue[] = checkTextFigures(text, figures);
    if (f.complete && f.total.avvikelseKr !== null && f.total.budgetKr) {
      const percent = percentOf(f.total.avvikelseKr, Math.abs(f.total.budgetKr), 3) ?? 0;
      // Only a sentence about the deviation against budget describes this percentage; others are left alone.
      for (const sentence of text.split(/(?<=[.!?])\s+/).filter((s) => /avvikelse/i.test(s) && /budget/i.test(s))) {
        issues.push(...checkTextPercent(sentence, "avvikelsen i procent av budget", percent));
      }
    }
    // The committee's budget is the yardstick for whether a table's numbers are kr, tkr or mkr.
    const reference = Math.abs(f.total.budgetKr ?? 0);
    for (const table of input.tables) {
      issues.push(...checkUnitLabel(table.caption, table.unit, table.values, reference));
    }
    return { issues, figures: figures.length };
  });
}
