// A report for one nämnd and period: the template's stored version, its data parts read from the other
// capabilities' public reads (each checking the reader's access), assembled, checked, and rendered.
import { budgetSplit, followUp, forecastAccuracy, investments, summary } from "../ekonomi/index.ts";
import { quarterReportFor } from "../evb/index.ts";
import { internkontrollReport, lexSarahCommitteeMemo, overviewFor, qualityYearFigures } from "../kvalitet/index.ts";
import { meetingDates } from "../namnd/index.ts";
import { kommunIdOf } from "../organisation/index.ts";
import type { Actor } from "../platform/auth/access.ts";
import { quarterStart, todayInSweden } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DOCX_TYPE, PDF_TYPE, type RenderedFile } from "../platform/documents/http.ts";
import { read } from "../platform/service.ts";
import { validationError } from "../platform/validation.ts";
import { type AssemblyContext, assembleReport } from "./assemble.ts";
import { checkReport } from "./checks.ts";
import { renderDocx } from "./docx.ts";
import {
  budgetSplitTable,
  driftTable,
  forecastTable,
  interimTable,
  investmentTable,
  summaryTable,
} from "./economy-sources.ts";
import { evbSources } from "./evb-sources.ts";
import type { ReportFormat } from "./formats.ts";
import { renderHtml } from "./html.ts";
import {
  internkontrollRegisters,
  internkontrollSources,
  qualityRegisters,
  qualitySources,
  tillsynRegisters,
  tillsynSources,
} from "./kvalitet-sources.ts";
import { lexSarahRegisters, lexSarahSources } from "./lex-sarah-sources.ts";
import type { AssembledReport, RegisterTable, SourceTable } from "./model.ts";
import { renderPdf } from "./pdf.ts";
import { periodHint, periodOf, type ReportPeriod, sinceLastMeeting } from "./period.ts";
import { loadGoalSource, usesGoals } from "./styrning-sources.ts";
import type { RapporterDB } from "./tables.ts";
import type { RegisterSource, Source, TemplateContent } from "./template.ts";
import { loadTemplate, profileOf } from "./template-service.ts";
import { renderXlsx, XLSX_TYPE } from "./xlsx.ts";

type Db = DbOf<RapporterDB>;

/** `period` is a period code (period.ts), parsed at the boundary; left out, the template's default (defaultPeriod). */
export type ReportRequest = { template: string; namndId: string; period?: string; version?: number };

/** The sources of a template's tables and registers. */
const usedSources = (content: TemplateContent) =>
  new Set<string>(
    content.chapters.flatMap((c) =>
      c.blocks.flatMap((b) => (b.kind === "table" || b.kind === "register" ? [b.source] : [])),
    ),
  );

/** Shapes `data` by each shaper whose source the template uses. */
function shaped<K extends string, D, R>(used: Set<string>, shapers: Record<K, (data: D) => R>, data: D) {
  return Object.fromEntries(
    Object.entries<(data: D) => R>(shapers).flatMap(([key, shape]) => (used.has(key) ? [[key, shape(data)]] : [])),
  ) as Partial<Record<K, R>>;
}

/**
 * Kvalitet's tables and registers the template uses, each read once: the year's figures, IVO's tillsyn in the
 * joint view and the internkontroll (of the year the period ends in), and the lex Sarah memo (of the period's days).
 */
async function loadQuality(db: Db, actor: Actor, namndId: string, period: ReportPeriod, used: Set<string>) {
  const uses = (shapers: object) => Object.keys(shapers).some((k) => used.has(k));
  const sources: Partial<Record<Source, SourceTable>> = {};
  const registers: Partial<Record<RegisterSource, RegisterTable>> = {};
  if (uses(qualitySources) || uses(qualityRegisters)) {
    const figures = await qualityYearFigures(db, actor, namndId, period.year);
    Object.assign(sources, shaped(used, qualitySources, figures));
    Object.assign(registers, shaped(used, qualityRegisters, figures));
  }
  if (uses(internkontrollSources) || uses(internkontrollRegisters)) {
    const report = await internkontrollReport(db, actor, namndId, period.year);
    Object.assign(sources, shaped(used, internkontrollSources, report));
    Object.assign(registers, shaped(used, internkontrollRegisters, report));
  }
  if (uses(tillsynSources) || uses(tillsynRegisters)) {
    const year = { periodStart: `${period.year}-01-01`, periodEnd: `${period.year}-12-31` };
    // The report shows none of the view's open händelser: the longest age asks for (and logs as read) none.
    const overview = await overviewFor(db, actor, { orgNodeId: namndId, ...year, openDays: 3650 });
    Object.assign(sources, shaped(used, tillsynSources, overview));
    Object.assign(registers, shaped(used, tillsynRegisters, overview));
  }
  if (uses(lexSarahSources) || uses(lexSarahRegisters)) {
    const memo = await lexSarahCommitteeMemo(db, actor, {
      orgNodeId: namndId,
      periodStart: period.start,
      periodEnd: period.end,
    });
    Object.assign(sources, shaped(used, lexSarahSources, memo));
    Object.assign(registers, shaped(used, lexSarahRegisters, memo));
  }
  return { sources, registers };
}

/**
 * EVB's tables the template uses: the quarter reports of the year the period ends in, each read once, those
 * begun by the period's end and by today (a quarter's memo shows the year's quarters up to it).
 */
async function loadEvb(db: Db, actor: Actor, namndId: string, period: ReportPeriod, used: Set<string>) {
  if (!Object.keys(evbSources).some((k) => used.has(k))) return {};
  const today = todayInSweden();
  const until = period.end < today ? period.end : today;
  const quarters = await Promise.all(
    ([1, 2, 3, 4] as const).map(async (quarter) =>
      quarterStart({ year: period.year, quarter }) > until
        ? null
        : (await quarterReportFor(db, actor, namndId, `${period.year}Q${quarter}`)).counts,
    ),
  );
  return shaped(used, evbSources, { year: period.year, quarters });
}

/**
 * The delårsrapport's economy: the outcome through the period's last month and the year's forecast made at its
 * end (the latest made by then), as ekonomi's follow-up gives them.
 */
async function loadInterim(db: Db, actor: Actor, namndId: string, period: ReportPeriod) {
  const forecasts = (await followUp(db, actor, namndId, period.year, {})).forecasts
    .filter((f) => f.asOf <= period.end)
    .sort((a, b) => a.asOf.localeCompare(b.asOf));
  const forecastId = forecasts.at(-1)?.id;
  const throughMonth = Number(period.end.slice(5, 7));
  return interimTable(
    await followUp(db, actor, namndId, period.year, { throughMonth, ...(forecastId ? { forecastId } : {}) }),
    period.year,
  );
}

/** The ekonomi sources a template's tables use, each read once, for the year the period ends in. */
async function loadSources(db: Db, actor: Actor, namndId: string, reportPeriod: ReportPeriod, used: Set<string>) {
  const period = reportPeriod.year;
  const outcome =
    used.has("ekonomi.drift") || used.has("ekonomi.prognossakerhet")
      ? await followUp(db, actor, namndId, period, {})
      : null;
  const sources: Partial<Record<Source, SourceTable>> = {};
  if (used.has("ekonomi.sammanfattning")) {
    sources["ekonomi.sammanfattning"] = summaryTable(
      await summary(db, actor, namndId, { from: period - 2, to: period }),
      period,
    );
  }
  if (outcome && used.has("ekonomi.drift")) sources["ekonomi.drift"] = driftTable(outcome, period);
  if (outcome && used.has("ekonomi.prognossakerhet")) {
    const accuracy = await forecastAccuracy(db, actor, namndId, { from: period, to: period });
    sources["ekonomi.prognossakerhet"] = forecastTable(accuracy, outcome, period);
  }
  if (used.has("ekonomi.budgetfordelning")) {
    sources["ekonomi.budgetfordelning"] = budgetSplitTable(
      await budgetSplit(db, actor, namndId, period, "original"),
      period,
    );
  }
  if (used.has("ekonomi.delar")) sources["ekonomi.delar"] = await loadInterim(db, actor, namndId, reportPeriod);
  if (used.has("ekonomi.investeringar")) {
    sources["ekonomi.investeringar"] = investmentTable(
      await investments(db, actor, namndId, period - 1),
      await investments(db, actor, namndId, period),
      period,
    );
  }
  return sources;
}

/**
 * The period of a report asked for without one. A template that reports to each meeting (it reads the lex Sarah
 * memo) covers the time since the nämnd's last meeting, from namnd's meeting days; any other needs a period.
 */
export async function defaultPeriod(db: Db, actor: Actor, namndId: string, content: TemplateContent) {
  const refused = (message: string) =>
    validationError("Rapporten kan inte tas fram", [
      { field: "period", label: "Period", message: `${message} ${periodHint}` },
    ]);
  const used = usedSources(content);
  if (!Object.keys({ ...lexSarahSources, ...lexSarahRegisters }).some((k) => used.has(k))) {
    throw refused("Mallen har ingen standardperiod.");
  }
  const period = sinceLastMeeting(await meetingDates(db, actor, namndId), todayInSweden());
  if (!period) throw refused("Nämnden har inget genomfört sammanträde det senaste året att räkna från.");
  return period;
}

/** The assembled report and its pre-publish findings. */
export async function assembleFor(db: Db, actor: Actor, request: ReportRequest) {
  return read(db, actor, "read", request.namndId, async ({ node }) => {
    const template = await loadTemplate(db, kommunIdOf(node.path), request.template, request.version);
    const period = request.period
      ? periodOf(request.period)
      : await defaultPeriod(db, actor, node.id, template.content);
    return assembleTemplate(db, actor, node, template, period);
  });
}

/** A loaded template (a report record's, with its writers' texts) assembled and checked for the nämnd `node`. */
export async function assembleTemplate(
  db: Db,
  actor: Actor,
  node: { id: string; name: string; path: string },
  template: AssemblyContext["template"],
  period: ReportPeriod,
) {
  const used = usedSources(template.content);
  const quality = await loadQuality(db, actor, node.id, period, used);
  const report = assembleReport({
    template,
    namnd: { id: node.id, name: node.name },
    period,
    municipality: await profileOf(db, kommunIdOf(node.path)),
    sources: {
      ...(await loadSources(db, actor, node.id, period, used)),
      ...quality.sources,
      ...(await loadEvb(db, actor, node.id, period, used)),
    },
    registers: quality.registers,
    ...(usesGoals(template.content) ? { goals: await loadGoalSource(db, actor, node.id, period.year) } : {}),
  });
  return { report, findings: checkReport(report) };
}

export { type ReportFormat, reportFormats } from "./formats.ts";

const contentTypes: Record<ReportFormat, string> = {
  html: "text/html; charset=utf-8",
  pdf: PDF_TYPE,
  docx: DOCX_TYPE,
  xlsx: XLSX_TYPE,
};

/** The report as a file to download or write. */
export async function reportFile(
  db: Db,
  actor: Actor,
  request: ReportRequest,
  format: ReportFormat,
): Promise<RenderedFile> {
  return renderedFile((await assembleFor(db, actor, request)).report, format);
}

/** An assembled report (or a published one's frozen copy) as a file. */
export function renderedFile(report: AssembledReport, format: ReportFormat): RenderedFile {
  const renderers: Record<ReportFormat, () => Promise<Buffer>> = {
    html: async () => Buffer.from(renderHtml(report), "utf8"),
    pdf: () => renderPdf(report),
    docx: () => renderDocx(report),
    xlsx: () => renderXlsx(report),
  };
  const base = `${report.template.code}-${report.periodCode ?? report.period}-${report.namnd.name}`
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9-]+/g, "-");
  return { fileName: `${base}.${format}`, contentType: contentTypes[format], render: renderers[format] };
}
