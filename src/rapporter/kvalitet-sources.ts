// Kvalitet's public reads shaped as the report's source tables (counts and shares) and registers (records in
// words) for the kvalitetsberättelse and the internkontroll's follow-up report to KS. Pure: the service reads.
import type {
  internkontrollReport as InternkontrollReport,
  overviewFor as OverviewFor,
  qualityYearFigures as QualityYearFigures,
} from "../kvalitet/index.ts";
import { rowKey } from "./economy-sources.ts";
import type { RegisterTable, SourceTable } from "./model.ts";
import type { RegisterSource, Source } from "./template.ts";

type Figures = Awaited<ReturnType<typeof QualityYearFigures>>;
type IkReport = Awaited<ReturnType<typeof InternkontrollReport>>;
type Overview = Awaited<ReturnType<typeof OverviewFor>>;
type Row = SourceTable["rows"][number];

const row = (key: string, label: string, values: Row["values"], total = false): Row => ({
  key,
  label,
  total,
  values,
});
/** The Summa row of a table whose every other row is a part of it, and its sum rule. */
const summed = (rows: Row[], values: Row["values"]) => ({
  rows: [...rows, row("summa", "Summa", values, true)],
  sums: [{ axis: "rows" as const, total: "summa", plus: rows.map((r) => r.key), minus: [] }],
});
const yearColumns = (keys: string[], year: number) => keys.map((key) => ({ key, year }));

/** Händelser per type, the year before and the year: several types per händelse, so no sum. */
function eventTypes(f: Figures): SourceTable {
  return {
    unit: "antal",
    columns: [
      { key: "foreg", year: f.year - 1 },
      { key: "ar", year: f.year },
    ],
    rows: f.handelser.byType.map((t) => row(rowKey(t.name), t.name, { foreg: t.previousYear, ar: t.count })),
    sums: [],
  };
}

/** Händelser per quarter of occurrence, and the year's total. */
function eventQuarters(f: Figures): SourceTable {
  const quarters = f.handelser.byQuarter.map((n, i) => row(`kvartal-${i + 1}`, `Kvartal ${i + 1}`, { ar: n }));
  return { unit: "antal", columns: yearColumns(["ar"], f.year), ...summed(quarters, { ar: f.handelser.total }) };
}

/** Lex Sarah per verksamhetsområde: reports, decisions and the decisions by outcome (A, B, C). */
function lexSarah(f: Figures): SourceTable {
  const outcomeKeys = f.lexSarah.outcomes.map((o) => o.outcome.toLowerCase());
  const values = (reports: number, decided: number, byOutcome: number[]) => ({
    rapporter: reports,
    beslut: decided,
    ...Object.fromEntries(outcomeKeys.map((k, i) => [k, byOutcome[i] ?? 0])),
  });
  const areas = f.lexSarah.byArea.map((a) => row(rowKey(a.name), a.name, values(a.reports, a.decided, a.byOutcome)));
  const table = summed(areas, values(f.lexSarah.reports, f.lexSarah.decided, f.lexSarah.byOutcome));
  return {
    unit: "antal",
    columns: yearColumns(["rapporter", "beslut", ...outcomeKeys], f.year),
    rows: table.rows,
    sums: [...table.sums, { axis: "columns", total: "beslut", plus: outcomeKeys, minus: [] }],
  };
}

/** Klagomål in the diarium per unit and category, with row and column sums. */
function complaints(f: Figures): SourceTable {
  const keys = f.klagomal.categories.map((c) => c.key);
  const values = (byCategory: number[], total: number) => ({
    ...Object.fromEntries(keys.map((k, i) => [k, byCategory[i] ?? 0])),
    summa: total,
  });
  const units = f.klagomal.byUnit.map((u) => row(rowKey(u.name), u.name, values(u.byCategory, u.total)));
  const table = summed(units, values(f.klagomal.totals, f.klagomal.total));
  return {
    unit: "antal",
    columns: yearColumns([...keys, "summa"], f.year),
    rows: table.rows,
    sums: [...table.sums, { axis: "columns", total: "summa", plus: keys, minus: [] }],
  };
}

/** Kommentaren's synpunkter per type and their sum; anonymous, political and late beside them (not parts). */
function kommentaren(f: Figures): SourceTable {
  const k = f.kommentaren;
  const types = k.byType.map((t) => row(rowKey(t.label), t.label, { antal: t.count }));
  const table = summed(types, { antal: k.total });
  return {
    unit: "antal",
    columns: yearColumns(["antal"], f.year),
    // The sum stays among the rows (not the table's foot) so that the "varav" rows read below it.
    rows: [
      ...table.rows.map((r) => ({ ...r, total: false })),
      row("anonyma", "Varav anonyma", { antal: k.anonymous }),
      row("politiska", "Varav politiska", { antal: k.political }),
      row("ej-besvarade-i-tid", "Obesvarade 10 dagar efter bekräftelse", { antal: k.notAnsweredInTime }),
    ],
    sums: table.sums,
  };
}

/** Each egenkontroll's result: the share of the sample that met it, in per cent. */
function controls(f: Figures): SourceTable {
  return {
    unit: "procent",
    columns: yearColumns(["andel"], f.year),
    rows: f.egenkontroller.map((e) =>
      row(rowKey(e.what), `${e.what} (${e.unit})`, { andel: e.share === null ? null : e.share * 100 }),
    ),
    sums: [],
  };
}

/** The plans' åtgärder per status, and their sum. */
function measureStatuses(f: Figures): SourceTable {
  const statuses = f.atgardStatuses.map((s) =>
    row(rowKey(s.status), s.label, { antal: f.atgarder.filter((a) => a.status === s.status).length }),
  );
  return { unit: "antal", columns: yearColumns(["antal"], f.year), ...summed(statuses, { antal: f.atgarder.length }) };
}

/** The follow-up's key figures: risks, those taken to the plan (kommungemensamma and own), granskningar, åtgärder. */
function ikSummary(r: IkReport): SourceTable {
  const s = r.summary;
  const rows = [
    row("risker", "Risker i analysen", { antal: s.risks }),
    row("till-plan", "Risker i planen", { antal: s.toPlan }),
    row("kommungemensamma", "Varav kommungemensamma", { antal: s.common }),
    row("egna", "Varav nämndens egna", { antal: s.own }),
    row("granskningar", "Granskningar", { antal: s.granskningar }),
    row("med-avvikelser", "Granskningar med avvikelser", { antal: s.withDeviations }),
    row("atgarder-genomforda", "Åtgärder genomförda", { antal: s.atgarderDone }),
    row("atgarder-planerade", "Åtgärder planerade", { antal: s.atgarderPlanned }),
  ];
  return {
    unit: "antal",
    columns: yearColumns(["antal"], r.year),
    rows,
    sums: [{ axis: "rows", total: "till-plan", plus: ["kommungemensamma", "egna"], minus: [] }],
  };
}

/** The plan's risks per level of the kommun's scale. */
function ikLevels(r: IkReport): SourceTable {
  const levels = r.summary.levelCounts.map((l) => row(rowKey(l.level), l.level, { antal: l.count }));
  return {
    unit: "antal",
    columns: yearColumns(["antal"], r.year),
    ...summed(levels, { antal: r.summary.toPlan }),
  };
}

/** The självskattning per area: questions and their answers. */
function selfAssessment(r: IkReport): SourceTable {
  const values = (t: IkReport["selfAssessment"]["total"]) => ({
    fragor: t.questions,
    omhandertaget: t.omhandertaget,
    delvis: t.delvis,
    ej: t.ej,
    obesvarade: t.unanswered,
  });
  const areas = r.selfAssessment.areas.map((a) => row(rowKey(a.area), a.area, values(a)));
  const table = summed(areas, values(r.selfAssessment.total));
  return {
    unit: "antal",
    columns: yearColumns(["fragor", "omhandertaget", "delvis", "ej", "obesvarade"], r.year),
    rows: table.rows,
    sums: [
      ...table.sums,
      { axis: "columns", total: "fragor", plus: ["omhandertaget", "delvis", "ej", "obesvarade"], minus: [] },
    ],
  };
}

export const qualitySources = {
  "kvalitet.handelser-typ": eventTypes,
  "kvalitet.handelser-kvartal": eventQuarters,
  "kvalitet.lex-sarah": lexSarah,
  "kvalitet.klagomal": complaints,
  "kvalitet.kommentaren": kommentaren,
  "kvalitet.egenkontroller": controls,
  "kvalitet.atgarder-status": measureStatuses,
} satisfies Partial<Record<Source, (f: Figures) => SourceTable>>;

export const internkontrollSources = {
  "internkontroll.sammanfattning": ikSummary,
  "internkontroll.riskniva": ikLevels,
  "internkontroll.sjalvskattning": selfAssessment,
} satisfies Partial<Record<Source, (r: IkReport) => SourceTable>>;

const yesNo = (b: boolean | null) => (b === null ? "–" : b ? "Ja" : "Nej");
const lines = (items: string[]) => (items.length ? items.join("\n") : "–");

export const qualityRegisters = {
  "kvalitet.risker": (f: Figures): RegisterTable => ({
    columns: ["Enhet", "Nr", "Risk", "Risknivå"],
    rows: f.risks.map((r) => [r.unit, String(r.nr), r.description, r.level]),
  }),
  "kvalitet.atgarder": (f: Figures): RegisterTable => ({
    columns: ["Enhet", "Avser", "Åtgärd", "Status", "Kommentar"],
    rows: f.atgarder.map((a) => [a.unit, a.linkedTo, a.text, a.statusLabel, a.comment ?? ""]),
  }),
} satisfies Partial<Record<RegisterSource, (f: Figures) => RegisterTable>>;

export const internkontrollRegisters = {
  "internkontroll.riskanalys": (r: IkReport): RegisterTable => ({
    columns: ["Kategori", "Nr", "Risk", "Kommungemensam", "Risknivå", "Till plan"],
    rows: r.riskAnalysis.map((x) => [
      x.category,
      String(x.nr),
      x.description,
      yesNo(x.common),
      x.level,
      yesNo(x.toPlan),
    ]),
  }),
  "internkontroll.ej-till-plan": (r: IkReport): RegisterTable => ({
    columns: ["Kategori", "Nr", "Risk", "Anledning"],
    rows: r.notToPlan.map((x) => [x.category, String(x.nr), x.description, x.reason]),
  }),
  "internkontroll.granskningar": (r: IkReport): RegisterTable => ({
    columns: ["Nr", "Granskning", "Risker", "Metod och frekvens", "Ansvarig", "Resultat", "Avvikelser"],
    rows: r.granskningar.map((g) => [
      g.nr,
      g.title,
      g.riskNrs.join(", "),
      `${g.method} ${g.frequency}`.trim(),
      g.responsible,
      g.result ?? "–",
      yesNo(g.deviations),
    ]),
  }),
  "internkontroll.uppfoljning": (r: IkReport): RegisterTable => ({
    columns: ["Nr", "Risk", "Ansvarig", "Granskningsaktiviteter", "Genomförda åtgärder", "Planerade åtgärder"],
    rows: r.followUp.map((x) => [
      String(x.nr),
      x.risk,
      x.responsible || "–",
      lines(x.activities),
      lines(x.done),
      lines(x.planned),
    ]),
  }),
} satisfies Partial<Record<RegisterSource, (r: IkReport) => RegisterTable>>;

/**
 * IVO's tillsyn in the joint view (overviewFor) of the year: counts for every reader of the nämnd, the
 * inspections themselves only for readers with read:kvalitet (the view lists them to no one else, and a report
 * assembled by another reader shows no rows). The view holds the inspections open at the year's end and those
 * closed during the year, begun in it or before, with IVO's decision (the outcome).
 */
export const tillsynSources = {
  "kvalitet.tillsyn": (o: Overview): SourceTable => ({
    unit: "antal",
    columns: [{ key: "antal", year: Number(o.asOf.slice(0, 4)) }],
    rows: [
      row("pagaende", "Pågående tillsyner vid årets slut", { antal: o.tillsyn.open }),
      row("yttranden", "Yttranden som IVO begärt och väntar på", { antal: o.tillsyn.yttrandenAwaited }),
      row("forsenade", "varav efter IVO:s sista dag", { antal: o.tillsyn.yttrandenOverdue }),
      row("avslutade", "Tillsyner avslutade under året", { antal: o.tillsyn.closed }),
    ],
    sums: [],
  }),
} satisfies Partial<Record<Source, (o: Overview) => SourceTable>>;

const recordsOnly = (list: unknown[] | null) =>
  list === null
    ? { empty: "Förteckningen visas bara för den som får läsa kvalitetsregistren; antalen står i tabellen ovan." }
    : {};

export const tillsynRegisters = {
  "kvalitet.tillsyner": (o: Overview): RegisterTable => ({
    columns: ["Enhet", "Tillsyn", "Inledd", "IVO:s dnr", "Yttrande senast"],
    rows: (o.tillsyn.list ?? []).map((i) => [i.unit.name, i.type, i.month, i.ivoDnr ?? "–", i.yttrandeDueOn ?? "–"]),
    ...recordsOnly(o.tillsyn.list),
  }),
  "kvalitet.tillsyner-avslutade": (o: Overview): RegisterTable => ({
    columns: ["Enhet", "Tillsyn", "Inledd", "IVO:s dnr", "IVO:s beslut", "Utfall", "Avslutad"],
    rows: (o.tillsyn.closedList ?? []).map((i) => [
      i.unit.name,
      i.type,
      i.month,
      i.ivoDnr ?? "–",
      i.decisionOn ?? "–",
      i.findings ?? "–",
      i.closedOn,
    ]),
    ...recordsOnly(o.tillsyn.closedList),
  }),
} satisfies Partial<Record<RegisterSource, (o: Overview) => RegisterTable>>;
