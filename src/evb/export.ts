// Quarter report downloads: CSV (semicolon, UTF-8 with BOM, as Swedish Excel opens it) and XLSX. In the
// workbook every text is a string cell, never a formula, whatever it starts with.

import { type CsvCell, csvDocument } from "../platform/csv.ts";
import { newWorkbook } from "../platform/documents/workbook.ts";
import { waitingBandLabels, waitingBands } from "./clock.ts";
import { sexLabels } from "./person-id.ts";
import type { IvoLine, ServedQuarterReport } from "./report.ts";
import type { ReportPart } from "./report-formats.ts";

// The formats live in a browser-safe module; the CLI and the read service take them from here with the exporter.

type Cell = CsvCell;
/** A quarter report as served: counts only (no IVO list, no committee rows) when the reader may not see personal data. */
export type ServedReport = ServedQuarterReport;
type Table = { title: string; header: string[]; rows: Cell[][]; widths: number[] };

const yesNo = (b: boolean) => (b ? "Ja" : "Nej");

/** The fields IVO's e-service asks for, in the order a rapportör fills them in. */
export function ivoTable(lines: IvoLine[]): Table {
  const columns: [string, number, (l: IvoLine) => Cell][] = [
    ["Rapporttyp", 16, (l) => l.kindLabel],
    ["Avser", 9, (l) => (l.type === "avbrott" ? "Avbrott" : "Beslut")],
    ["Tidigare rapporterat", 10, (l) => yesNo(l.previouslyReported)],
    ["Id", 15, (l) => l.personId],
    ["Kön", 8, (l) => sexLabels[l.sex]],
    ["Skyddad identitet", 9, (l) => yesNo(l.protectedIdentity)],
    ["Enhet", 28, (l) => l.unit],
    ["Lag", 6, (l) => l.law],
    ["Lagrum", 14, (l) => l.lagrum],
    ["Insats", 34, (l) => l.insats],
    ["Beslutsdatum", 12, (l) => l.decisionDate],
    ["Avbrottsdatum", 12, (l) => l.interruptionDate],
    ["Rapporteringspliktigt från", 12, (l) => l.reportableSince],
    ["Dagar utan insats", 8, (l) => l.daysWaited],
    ["Skäl (kod)", 28, (l) => l.reasonLabel],
    ["Skäl (beskrivning)", 40, (l) => l.reasonText],
    ["Delvis verkställt", 22, (l) => l.partial],
    ["Erbjudanden", 40, (l) => l.offers || null],
    ["Antal erbjudanden tackat nej", 8, (l) => l.declinedOffers],
    ["Stöd i väntan / konsekvenser", 40, (l) => l.interimSupport],
    ["Verkställt/återupptaget datum", 12, (l) => l.executedDate],
    ["Avslutat datum", 12, (l) => l.closedDate],
    ["Avslutsorsak", 24, (l) => l.closureReason],
  ];
  return {
    title: "IVO-lista",
    header: columns.map((c) => c[0]),
    widths: columns.map((c) => c[1]),
    rows: lines.map((l) => columns.map((c) => c[2](l))),
  };
}

function committeeTable(report: ServedReport): Table {
  const rows: Cell[][] = [];
  for (const unit of report.committee ?? []) {
    for (const r of unit.open) rows.push([unit.unit, "Ej verkställt", r.decisionDate, r.law, r.insats, r.reason, null]);
    for (const r of unit.finished) {
      rows.push([unit.unit, r.outcome, r.decisionDate, r.law, r.insats, r.reason, r.date]);
    }
  }
  return {
    title: "Nämnd",
    header: [
      "Enhet",
      "Läge",
      "Beslutsdatum",
      "Lag",
      "Insats",
      "Skäl till att beslutet ej verkställts / avslutsorsak",
      "Datum verkställt/avslutat",
    ],
    widths: [28, 14, 12, 6, 34, 50, 12],
    rows,
  };
}

function statisticsTable(report: ServedReport): Table {
  const s = report.statistics;
  const rows: Cell[][] = s.byInsats.map((r) => [
    r.law,
    r.lagrum,
    r.insats,
    r.count,
    r.women,
    r.men,
    r.averageDaysSinceDecision,
    r.longestDaysSinceDecision,
  ]);
  rows.push(["Totalt", null, null, s.open.total, s.open.women, s.open.men, null, null]);
  return {
    title: "KF-statistik",
    header: [
      "Lag",
      "Lagrum",
      "Insats",
      "Ej verkställda",
      "Kvinnor",
      "Män",
      "Medel dagar sedan beslut",
      "Längst dagar sedan beslut",
    ],
    widths: [6, 14, 34, 10, 9, 9, 12, 12],
    rows,
  };
}

function summaryTable(report: ServedReport): Table {
  const c = report.counts;
  const rows: Cell[][] = [
    ["Ej verkställda på rapportdagen", c.totalOpen],
    ["– varav nya", c.ny],
    ["– varav återrapporterade", c.aterrapportering],
    ["– varav avbrott", c.interruptions],
    ["Verkställda under kvartalet", c.verkstalld],
    ["Avslutade under kvartalet", c.avslutad],
    ["SoL", c.byLaw.SoL],
    ["LSS", c.byLaw.LSS],
    ["Kvinnor", c.bySex.K],
    ["Män", c.bySex.M],
    ...waitingBands.map((b): Cell[] => [`Väntetid ${waitingBandLabels[b]}`, c.byBand[b]]),
    ...c.byInsats.map((i): Cell[] => [i.label, i.count]),
    ...c.byUnit.map((u): Cell[] => [u.label, u.count]),
  ];
  return {
    title: "Sammanställning",
    header: [`Kvartal ${report.quarter} (per ${report.reportDate})`, "Antal"],
    widths: [50, 10],
    rows,
  };
}

/** Text cells that look like formulas are neutralised by csvDocument; counts and days stay numbers. */
export const toCsv = (t: Table) => csvDocument([t.header, ...t.rows]);

export function reportTable(report: ServedReport, part: ReportPart): Table {
  if (part === "committee") return committeeTable(report);
  if (part === "statistics") return statisticsTable(report);
  if (!report.ivo) throw new Error("IVO list needs read:personal");
  return ivoTable(report.ivo);
}

/** One workbook: summary, committee tables, KF statistics, and the IVO list when the reader may see it. */
export async function reportXlsx(report: ServedReport): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = "Lots";
  const tables = [summaryTable(report), ...(report.committee ? [committeeTable(report)] : []), statisticsTable(report)];
  if (report.ivo) tables.push(ivoTable(report.ivo));
  for (const t of tables) {
    const sheet = workbook.addWorksheet(t.title, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = t.header.map((h, i) => ({ header: h, width: t.widths[i] }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { wrapText: true, vertical: "top" };
    for (const row of t.rows) sheet.addRow(row);
    if (t.rows.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.header.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
