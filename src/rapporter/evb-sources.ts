// EVB's quarter reports shaped as the nämnd's memo tables: one column per quarter of the report year, counts
// only (no decision, date or reason of a person), small counts hidden as EVB hides them from readers without
// read:personal (marked hidden: such a reader may not publish the memo). Pure: the service reads.
import type { quarterReportFor as QuarterReportFor } from "../evb/index.ts";
import { rowKey } from "./economy-sources.ts";
import type { SourceTable } from "./model.ts";
import type { Source } from "./template.ts";

type Counts = Awaited<ReturnType<typeof QuarterReportFor>>["counts"];
/** The year's quarter reports' counts, Q1..Q4; null for a quarter not yet begun. */
export type EvbYear = { year: number; quarters: Array<Counts | null> };
type Row = SourceTable["rows"][number];
type Count = { key: string; label: string; count: number | null };

const quarterKeys = ["kv1", "kv2", "kv3", "kv4"] as const;

/**
 * One row: a count per quarter read from each quarter's counts. EVB's own counts are never null, so a null in a
 * quarter begun is a count EVB hid from the reader.
 */
function row(year: EvbYear, key: string, label: string, count: (c: Counts) => number | null, total = false): Row {
  const values = Object.fromEntries(quarterKeys.map((k, i) => [k, year.quarters[i] ? count(year.quarters[i]) : null]));
  const hidden = quarterKeys.filter((k, i) => year.quarters[i] && values[k] === null);
  return { key, label, total, values, ...(hidden.length ? { hidden } : {}) };
}

/** Open decisions at the quarter's end: the same measure wherever a table's Summa shows it. */
function openTotal(year: EvbYear, label = "Summa"): Row {
  return {
    ...row(year, "summa", label, (c) => c.totalOpen, true),
    measures: Object.fromEntries(quarterKeys.map((k, i) => [k, `evb.ej-verkstallda.${year.year}Q${i + 1}`])),
  };
}

/** A table of parts and their Summa (the open decisions), quarters as columns. */
function partsOfOpen(year: EvbYear, parts: Row[]): SourceTable {
  return {
    unit: "antal",
    columns: quarterKeys.map((key) => ({ key, year: year.year })),
    rows: [...parts, openTotal(year)],
    sums: [{ axis: "rows", total: "summa", plus: parts.map((p) => p.key), minus: [] }],
  };
}

/**
 * Rows for every key any quarter counts (insatser, units), in the order of their first appearance: none in a
 * quarter is 0, a hidden small count stays hidden. Long labels can cut to the same row key, so keys are numbered.
 */
function countRows(year: EvbYear, counts: (c: Counts) => readonly Count[]): Row[] {
  const labels = new Map<string, string>();
  for (const c of year.quarters) for (const x of c ? counts(c) : []) labels.set(x.key, x.label);
  const keys = new Set<string>();
  return [...labels].map(([key, label]) => {
    let rk = rowKey(label);
    for (let n = 2; keys.has(rk); n++) rk = `${rowKey(label).slice(0, 36)}-${n}`;
    keys.add(rk);
    return row(year, rk, label, (c) => {
      const found = counts(c).find((x) => x.key === key);
      return found ? found.count : 0;
    });
  });
}

/** The quarter's decisions to report: open (new and reported again), and those executed or closed. */
function cases(year: EvbYear): SourceTable {
  const parts = [
    row(year, "nya", "Nya att rapportera", (c) => c.ny),
    row(year, "aterrapporterade", "Återrapporterade", (c) => c.aterrapportering),
  ];
  return {
    unit: "antal",
    columns: quarterKeys.map((key) => ({ key, year: year.year })),
    rows: [
      ...parts,
      openTotal(year, "Ej verkställda vid kvartalets slut"),
      row(year, "varav-avbrott", "Varav avbrott i verkställigheten", (c) => c.interruptions),
      row(year, "verkstallda", "Verkställda under kvartalet", (c) => c.verkstalld),
      row(year, "avslutade", "Avslutade utan verkställighet", (c) => c.avslutad),
    ],
    sums: [{ axis: "rows", total: "summa", plus: parts.map((p) => p.key), minus: [] }],
  };
}

const bandLabels = [
  ["under3", "Under 3 månader"],
  ["3-6", "3–6 månader"],
  ["6-12", "6–12 månader"],
  ["over12", "Över 12 månader"],
] as const;

export const evbSources = {
  "evb.arenden": cases,
  "evb.lag": (y: EvbYear) =>
    partsOfOpen(y, [row(y, "sol", "SoL", (c) => c.byLaw.SoL), row(y, "lss", "LSS", (c) => c.byLaw.LSS)]),
  "evb.kon": (y: EvbYear) =>
    partsOfOpen(y, [row(y, "kvinnor", "Kvinnor", (c) => c.bySex.K), row(y, "man", "Män", (c) => c.bySex.M)]),
  "evb.vantetid": (y: EvbYear) =>
    partsOfOpen(
      y,
      bandLabels.map(([band, label]) => row(y, rowKey(band), label, (c) => c.byBand[band])),
    ),
  "evb.insats": (y: EvbYear) =>
    partsOfOpen(
      y,
      countRows(y, (c) => c.byInsats),
    ),
  "evb.enhet": (y: EvbYear) =>
    partsOfOpen(
      y,
      countRows(y, (c) => c.byUnit),
    ),
} satisfies Partial<Record<Source, (y: EvbYear) => SourceTable>>;
