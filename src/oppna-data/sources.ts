// What each dataset publishes, read through the other capabilities' public reads. The reads run as a
// reader holding only `read` on the nämnd (the grants of a medarbetare): the capabilities then serve their
// aggregate views (EVB's small counts suppressed, no register rows), nothing personal is loaded or logged,
// and the publisher cannot publish more than any reader of the nämnd may see.
import { quarterReportFor, waitingBandLabels } from "../evb/index.ts";
import { statistics } from "../kvalitet/index.ts";
import { kommunOf } from "../organisation/index.ts";
import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { DomainError } from "../platform/errors.ts";
import { goalPage, listModels, modelTree } from "../styrning/index.ts";
import { type KoladaRow, type PublicTable, type PublishedContent, suppressedGroup, suppressedOne } from "./dataset.ts";
import type { OppnaDataDB } from "./tables.ts";
import type { Dataset } from "./vocabulary.ts";

type Db = DbOf<OppnaDataDB>;
type Nod = { id: string; path: string; name: string };

/** The publisher as a reader with `read` only, on the nodes where the publisher may read. */
const asPublicReader = (actor: Actor): Actor => ({
  ...actor,
  assignments: actor.assignments.map((a) => ({ ...a, role: "medarbetare" })),
});

const text = (key: string, label: string) => ({ key, label, type: "text" as const });
const number = (key: string, label: string) => ({ key, label, type: "number" as const });
const period = (key: string, label: string) => ({ key, label, type: "period" as const });

/** The nämnd's goals with their assessment, and the indicator values per year and sex with the targets. */
async function goalFollowUp(db: Db, actor: Actor, node: Nod, year: number): Promise<PublishedContent> {
  const models = (await listModels(db, actor, node.id, year)).filter((m) => m.orgNodeId === node.id);
  if (models.length === 0) throw new DomainError("validation", `Period: ${node.name} har ingen målmodell för ${year}.`);
  const kommun = await kommunOf(db, node.path);
  const goals: PublicTable["rows"] = [];
  const values: PublicTable["rows"] = [];
  const targets: PublicTable["rows"] = [];
  const kolada: KoladaRow[] = [];
  const seen = new Set<string>();
  for (const model of models) {
    const tree = await modelTree(db, actor, model.id);
    for (const goal of tree.goals) {
      goals.push({
        malmodell: model.name,
        niva: tree.levels.find((l) => l.id === goal.levelId)?.name ?? null,
        kod: goal.code,
        mal: goal.title,
        bedomning: goal.assessment?.levelLabel ?? null,
      });
      if (goal.indicatorCount === 0) continue;
      for (const indicator of (await goalPage(db, actor, goal.id)).indicators) {
        if (seen.has(indicator.id)) continue;
        seen.add(indicator.id);
        for (const t of indicator.targets)
          targets.push({ indikator: indicator.name, ar: String(t.year), malvarde: t.target });
        const label = (gender: string) => indicator.rows.find((r) => r.gender === gender)?.label ?? gender;
        const yearly = indicator.values.filter((v) => /^\d{4}$/.test(v.period) && v.state !== "not_published");
        for (const v of yearly.toSorted(
          (a, b) => a.period.localeCompare(b.period) || a.gender.localeCompare(b.gender),
        )) {
          const value = v.state === "value" ? v.value : null;
          values.push({
            indikator: indicator.name,
            enhet: indicator.unit,
            ar: v.period,
            kon: v.gender,
            konNamn: label(v.gender),
            varde: indicator.valueType === "number" ? value : null,
            status: indicator.valueType === "status" ? v.statusCode : null,
          });
          // The same naming as styrning's Kolada export: a mapped KPI keeps its id, others are LOTS-<id>.
          if (indicator.valueType === "number") {
            kolada.push({
              kpiId: indicator.kolada?.kpiId ?? `LOTS-${indicator.id}`,
              municipalityId: indicator.kolada?.municipalityId ?? kommun.code ?? "0000",
              year: Number(v.period),
              gender: v.gender,
              value,
              status: value === null ? "Missing" : null,
            });
          }
        }
      }
    }
  }
  return {
    tables: [
      {
        key: "mal",
        title: "Mål och bedömning",
        columns: [
          text("malmodell", "Målmodell"),
          text("niva", "Nivå"),
          text("kod", "Kod"),
          text("mal", "Mål"),
          text("bedomning", `Bedömning ${year}`),
        ],
        rows: goals,
      },
      {
        key: "indikatorvarden",
        title: "Indikatorer: utfall per år och kön",
        columns: [
          text("indikator", "Indikator"),
          text("enhet", "Enhet"),
          period("ar", "År"),
          text("kon", "Kön (T/K/M)"),
          text("konNamn", "Grupp"),
          number("varde", "Värde"),
          text("status", "Status"),
        ],
        rows: values,
      },
      {
        key: "malvarden",
        title: "Indikatorernas målvärden",
        columns: [text("indikator", "Indikator"), period("ar", "År"), text("malvarde", "Målvärde")],
        rows: targets,
      },
    ],
    kolada,
  };
}

const evbMeasures = [
  ["totalOpen", "Ej verkställda vid kvartalets slut"],
  ["ny", "Nya att rapportera"],
  ["aterrapportering", "Återrapporterade"],
  ["verkstalld", "Verkställda under kvartalet"],
  ["avslutad", "Avslutade utan verkställighet"],
  ["interruptions", "Avbrott i verkställigheten"],
] as const;

/** The quarter's counts: in all, by law, by sex and by time waited; EVB suppresses the small ones. */
async function evbStatistics(db: Db, actor: Actor, node: Nod, quarter: string): Promise<PublishedContent> {
  const report = await quarterReportFor(db, actor, node.id, quarter);
  if (!report.aggregated) throw new Error("The EVB statistics must be read as counts only.");
  if (report.preliminary) throw new DomainError("validation", `Period: kvartalet ${quarter} är inte slut än.`);
  const c = report.counts;
  const s = report.statistics;
  return {
    tables: [
      {
        key: "arenden",
        title: "Beslut som inte verkställts inom tre månader",
        columns: [period("kvartal", "Kvartal"), text("matt", "Mått"), number("antal", "Antal")],
        rows: evbMeasures.map(([key, label]) => ({ kvartal: quarter, matt: label, antal: c[key] })),
      },
      {
        key: "lag",
        title: "Ej verkställda per lag",
        columns: [period("kvartal", "Kvartal"), text("lag", "Lag"), number("antal", "Antal")],
        rows: (["SoL", "LSS"] as const).map((lag) => ({ kvartal: quarter, lag, antal: c.byLaw[lag] })),
      },
      {
        key: "kon",
        title: "Per kön",
        columns: [
          period("kvartal", "Kvartal"),
          text("kon", "Kön"),
          number("ejVerkstallda", "Ej verkställda"),
          number("avslutade", "Verkställda eller avslutade"),
        ],
        rows: [
          { kvartal: quarter, kon: "Kvinnor", ejVerkstallda: s.open.women, avslutade: s.finished.women },
          { kvartal: quarter, kon: "Män", ejVerkstallda: s.open.men, avslutade: s.finished.men },
        ],
      },
      {
        key: "vantetid",
        title: "Ej verkställda efter väntetid",
        columns: [period("kvartal", "Kvartal"), text("vantetid", "Väntetid sedan beslut"), number("antal", "Antal")],
        rows: Object.entries(waitingBandLabels).map(([band, label]) => ({
          kvartal: quarter,
          vantetid: label,
          antal: c.byBand[band as keyof typeof c.byBand],
        })),
      },
    ],
    kolada: null,
  };
}

/** Avvikelser per quarter and type, synpunkter och klagomål, lex Sarah: counts only, the small ones suppressed. */
async function kvalitetStatistics(db: Db, actor: Actor, node: Nod, year: number): Promise<PublishedContent> {
  const stats = await statistics(db, actor, { orgNodeId: node.id, year, openDays: 30, quietMax: 2 });
  const quarters = [1, 2, 3, 4].map((q) => `${year}Q${q}`);
  const types = stats.avvikelser.byType.filter((t) => t.count > 0);
  // The quarter's total is published, so each quarter's types form a group (a lone small cell takes another along).
  const byQuarter = quarters.map((_, i) => suppressedGroup(types.map((t) => t.byQuarter[i] ?? 0)));
  const d = stats.klagomal.diarium;
  const l = stats.lexSarah;
  const count = (matt: string, n: number | null) => ({ ar: String(year), matt, antal: n });
  const group = (rows: readonly { label: string; count: number }[]) => {
    const shown = suppressedGroup(rows.map((r) => r.count));
    return rows.map((r, i) => count(r.label, shown[i] ?? null));
  };
  return {
    tables: [
      {
        key: "handelser",
        title: "Avvikelser per kvartal och typ",
        columns: [text("typ", "Typ"), period("kvartal", "Kvartal"), number("antal", "Antal")],
        rows: [
          ...quarters.map((kvartal, i) => ({
            typ: "Alla avvikelser",
            kvartal,
            antal: suppressedOne(stats.avvikelser.byQuarter[i] ?? 0),
          })),
          ...types.flatMap((t, j) =>
            quarters.map((kvartal, i) => ({ typ: t.name, kvartal, antal: byQuarter[i]?.[j] ?? null })),
          ),
        ],
      },
      {
        key: "klagomal",
        title: "Synpunkter och klagomål",
        columns: [period("ar", "År"), text("matt", "Mått"), number("antal", "Antal")],
        rows: [
          count("Synpunkter och klagomål i diariet", suppressedOne(d.total)),
          ...group(d.byType.map((t) => ({ label: `Slag: ${t.name}`, count: t.count }))),
          count("Via Kommentaren", suppressedOne(stats.klagomal.kommentaren.total)),
        ],
      },
      {
        key: "lexsarah",
        title: "Lex Sarah",
        columns: [period("ar", "År"), text("matt", "Mått"), number("antal", "Antal")],
        rows: [
          count("Rapporter", suppressedOne(l.reports)),
          count("Beslutade utredningar", suppressedOne(l.decided)),
          ...group(l.byOutcome.map((o) => ({ label: `Bedömning ${o.outcome}`, count: o.count }))),
        ],
      },
    ],
    kolada: null,
  };
}

/** The content a dataset publishes for the nämnd and period, read as a reader with `read` only. */
export function datasetContent(db: Db, publisher: Actor, dataset: Dataset, node: Nod, periodText: string) {
  const actor = asPublicReader(publisher);
  switch (dataset) {
    case "maluppfoljning":
      return goalFollowUp(db, actor, node, Number(periodText));
    case "evb-statistik":
      return evbStatistics(db, actor, node, periodText);
    case "kvalitet-statistik":
      return kvalitetStatistics(db, actor, node, Number(periodText));
  }
}
