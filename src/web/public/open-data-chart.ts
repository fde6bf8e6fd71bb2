// How a published table is drawn, decided from its columns rather than per dataset, so a new table gets a
// chart without a change here. Pure: the page hands it rows, it returns the chart's parts.

import type * as oppnaData from "../../oppna-data/api.ts";
import type { OutputOf } from "../../platform/http/endpoint.ts";

export type OpenTable = OutputOf<typeof oppnaData.publicDataset>["tables"][number];
export type OpenRow = OpenTable["rows"][number];

const distinct = (rows: readonly OpenRow[], key: string) => [...new Set(rows.map((r) => String(r[key] ?? "")))];

/**
 * The column a reader picks a slice by (the indicator of the goal follow-up): the first text column, when
 * the rows also vary over periods and another text column, so one chart would mix unlike things.
 */
export function sliceColumn(table: OpenTable): string | null {
  const varying = table.columns.filter((c) => c.type === "text" && distinct(table.rows, c.key).length > 1);
  const periods = table.columns.find((c) => c.type === "period" && distinct(table.rows, c.key).length > 1);
  return periods && varying.length > 1 && varying[0] ? varying[0].key : null;
}

export type ChartParts = {
  categories: string[];
  series: { name: string; data: (number | null)[] }[];
  /** Column labels, for the chart's accessible summary. */
  xLabel: string;
};

/**
 * Over periods when the rows span several (one series per value of the last varying text column), else over
 * the varying text column (one series per number column). Null when the table has no numbers.
 */
export function chartParts(table: OpenTable, rows: readonly OpenRow[]): ChartParts | null {
  const numbers = table.columns.filter((c) => c.type === "number");
  const first = numbers[0];
  if (!first) return null;
  const texts = table.columns.filter((c) => c.type === "text" && distinct(rows, c.key).length > 1);
  const period = table.columns.find((c) => c.type === "period" && distinct(rows, c.key).length > 1);
  const value = (r: OpenRow | undefined, key: string) => (typeof r?.[key] === "number" ? (r[key] as number) : null);
  if (period) {
    const seriesBy = texts.at(-1);
    const categories = distinct(rows, period.key).sort();
    const names = seriesBy ? distinct(rows, seriesBy.key) : [first.label];
    return {
      categories,
      xLabel: period.label,
      series: names.map((name) => ({
        name,
        data: categories.map((p) =>
          value(
            rows.find((r) => String(r[period.key]) === p && (!seriesBy || String(r[seriesBy.key] ?? "") === name)),
            first.key,
          ),
        ),
      })),
    };
  }
  const by = texts[0] ?? table.columns.find((c) => c.type === "text");
  if (!by) return null;
  return {
    categories: rows.map((r) => String(r[by.key] ?? "")),
    xLabel: by.label,
    series: numbers.map((n) => ({ name: n.label, data: rows.map((r) => value(r, n.key)) })),
  };
}
