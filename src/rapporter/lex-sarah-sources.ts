// Kvalitet's lex Sarah committee memo shaped as the memo's tables (reports per month, decisions per list) and
// registers (lists A and B, one line per decision as the memo words it). Pure: the service reads.
import type { lexSarahCommitteeMemo as LexSarahCommitteeMemo } from "../kvalitet/index.ts";
import type { RegisterTable, SourceTable } from "./model.ts";
import type { RegisterSource, Source } from "./template.ts";

type Memo = Awaited<ReturnType<typeof LexSarahCommitteeMemo>>;
type Row = SourceTable["rows"][number];

const row = (key: string, label: string, antal: number, total = false): Row => ({
  key,
  label,
  total,
  values: { antal },
});
/** The data year of the memo's columns; none for a period across a new year (its months name their years). */
const year = (m: Memo) =>
  m.periodStart.slice(0, 4) === m.periodEnd.slice(0, 4) ? Number(m.periodEnd.slice(0, 4)) : null;
/** Cases in a list's lines: a line names every case number its decision covers. */
const casesIn = (lines: Memo["listA"]) => lines.reduce((n, l) => n + l.numbers.length, 0);

/** Reports received per month of the period, and their Summa. */
function reportsByMonth(m: Memo): SourceTable {
  const months = m.reportsByMonth.map((x) => row(`m${x.month.slice(5, 7)}`, x.name, x.count));
  return {
    unit: "antal",
    columns: [{ key: "antal", year: year(m) }],
    rows: [...months, row("summa", "Summa", m.reports, true)],
    sums: [{ axis: "rows", total: "summa", plus: months.map((x) => x.key), minus: [] }],
  };
}

/** The cases decided in the period: list A, list B, anmälda till IVO (C), and their Summa. */
function decisions(m: Memo): SourceTable {
  const parts = [
    row("lista-a", "Lista A, inget missförhållande", casesIn(m.listA)),
    row("lista-b", "Lista B, missförhållande eller risk för missförhållande", casesIn(m.listB)),
    row("ivo", "Allvarliga, anmälda till IVO", m.ivoCases),
  ];
  return {
    unit: "antal",
    columns: [{ key: "antal", year: year(m) }],
    rows: [...parts, row("summa", "Summa", m.decided, true)],
    sums: [{ axis: "rows", total: "summa", plus: parts.map((x) => x.key), minus: [] }],
  };
}

export const lexSarahSources = {
  "lex-sarah.manader": reportsByMonth,
  "lex-sarah.beslut": decisions,
} satisfies Partial<Record<Source, (m: Memo) => SourceTable>>;

const lines = (list: Memo["listA"]): RegisterTable => ({ columns: ["Ärende"], rows: list.map((l) => [l.text]) });

export const lexSarahRegisters = {
  "lex-sarah.lista-a": (m: Memo) => lines(m.listA),
  "lex-sarah.lista-b": (m: Memo) => lines(m.listB),
} satisfies Partial<Record<RegisterSource, (m: Memo) => RegisterTable>>;
