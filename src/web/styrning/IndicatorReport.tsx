import { useMemo } from "react";
import { formatNumber } from "../../platform/i18n/format.ts";
import type { PeriodType } from "../../styrning/period.ts";
import { parsePeriod } from "../../styrning/period.ts";
import { cellFor } from "../../styrning/series.ts";
import { conditionStateLabels } from "../../styrning/target.ts";
import { directionLabels, type Unit, unitLabels } from "../../styrning/vocabulary.ts";
import { Chart, type ChartOption } from "../ui/Chart.tsx";
import { moreDecimalsThanShown, valueText } from "./format.ts";
import type { IndicatorView } from "./types.ts";

const decimalsText = (n: number) => (n === 0 ? "heltal" : n === 1 ? "1 decimal" : `${n} decimaler`);

/** The annual-report table: one row per sex, years as columns, the target in the last column. */
export function IndicatorTable({ indicator }: { indicator: IndicatorView }) {
  const unit = unitLabels[indicator.unit as Unit] ?? indicator.unit;
  const targetYear = indicator.columns.at(-1);
  const condition = indicator.target?.condition;
  const notes = [
    indicator.target?.footnote,
    condition
      ? `Målvärdet gäller om ${condition.text}, annars ${indicator.target?.otherwise ?? "inget målvärde"}${
          indicator.target?.conditionState
            ? `; ${indicator.target.year}: ${conditionStateLabels[indicator.target.conditionState]}`
            : ""
        }.`
      : null,
    indicator.footnote,
    ...indicator.definitions.slice(1).map((d) => `Definitionen ändrades ${d.validFrom}: ${d.definition}`),
    indicator.rows.some((r) => r.cells.some((c) => moreDecimalsThanShown(c, indicator.decimals)))
      ? `Några värden har fler decimaler än indikatorn visar (${decimalsText(indicator.decimals)}); de visas som de registrerades. Ändra antalet decimaler på indikatorn om alla värden ska visas så.`
      : null,
  ].filter(Boolean);
  return (
    <>
      <table className="data styrning-report">
        <caption>
          {indicator.name} ({unit}
          {indicator.measurementWindow ? `, ${indicator.measurementWindow}` : ""})
        </caption>
        <thead>
          <tr>
            <th scope="col">Utfall</th>
            {indicator.columns.map((year) => (
              <th key={year} scope="col" className="num">
                {year}
              </th>
            ))}
            <th scope="col" className="num">
              Målvärde {indicator.target && indicator.target.year !== targetYear ? indicator.target.year : targetYear}
            </th>
          </tr>
        </thead>
        <tbody>
          {indicator.rows.map((row, i) => (
            <tr key={row.gender}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, j) => (
                <td
                  key={indicator.columns[j]}
                  className={`num${cell && cell.state !== "value" ? " muted" : ""}`}
                  title={
                    cell ? `Källa: ${cell.sourceRef ?? cell.source}; registrerat av ${cell.enteredByName}` : undefined
                  }
                >
                  {valueText(cell, indicator.statusLevels, indicator.decimals)}
                </td>
              ))}
              {i === 0 && (
                <td className="num" rowSpan={indicator.rows.length}>
                  {indicator.target?.target ?? "–"}
                  {indicator.target?.footnote ? <sup>1</sup> : null}
                </td>
              )}
            </tr>
          ))}
          {indicator.forecastRows
            .filter((row) => row.cells.some(Boolean))
            .map((row) => (
              <tr key={`prognos-${row.gender}`} className="styrning-forecast">
                <th scope="row">Prognos{indicator.forecastRows.length > 1 ? `, ${row.label.toLowerCase()}` : ""}</th>
                {row.cells.map((cell, j) => (
                  <td key={indicator.columns[j]} className="num">
                    {cell ? valueText(cell, indicator.statusLevels, indicator.decimals) : ""}
                  </td>
                ))}
                <td />
              </tr>
            ))}
          {indicator.yearEvaluations.some((e) => e.target) && (
            <tr>
              <th scope="row">Målvärdet nås</th>
              {indicator.yearEvaluations.map((e) => (
                <td
                  key={e.year}
                  className={`num ${e.met === true ? "ok" : e.met === false ? "warn" : "muted"}`}
                  title={e.target ? `Målvärde: ${e.target}` : undefined}
                >
                  {e.met === true ? "Ja" : e.met === false ? "Nej" : "–"}
                </td>
              ))}
              <td />
            </tr>
          )}
        </tbody>
      </table>
      {notes.length > 0 && (
        <ol className="styrning-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ol>
      )}
    </>
  );
}

/** Lines per sex over every recorded year, with the target shaded as a band. */
export function IndicatorChart({ indicator }: { indicator: IndicatorView }) {
  const option = useMemo<ChartOption>(() => {
    const periodType = indicator.periodType as PeriodType;
    const years = [...new Set([...indicator.values.map((v) => parsePeriod(v.period)?.year ?? 0), ...indicator.columns])]
      .filter(Boolean)
      .sort((a, b) => a - b);
    const status = indicator.valueType === "status";
    const ranked = indicator.statusLevels.filter((l) => l.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    const series = indicator.rows.map((row) => ({
      name: row.label,
      type: "line",
      connectNulls: false,
      symbolSize: 8,
      data: years.map((year) => {
        const cell = cellFor(indicator.values, row.gender, year, periodType);
        if (cell?.state !== "value") return null;
        if (status) return ranked.find((l) => l.code === cell.statusCode)?.label ?? null;
        return cell.value;
      }),
    }));
    const numbers = series.flatMap((s) => s.data.filter((v): v is number => typeof v === "number"));
    const band = indicator.band;
    if (!status && band && series[0]) {
      const span = Math.max(1, ...numbers) * 0.15;
      const low = band.low ?? Math.min(0, ...numbers, band.high ?? 0);
      const high = band.high ?? Math.max(...numbers, band.low ?? 0) + span;
      Object.assign(series[0], {
        markArea: {
          silent: true,
          itemStyle: { color: "rgba(0, 158, 115, 0.12)" },
          label: {
            show: true,
            position: "insideTopRight",
            color: "#1e6b35",
            formatter: `Målvärde ${indicator.target?.target ?? ""}`,
          },
          data: [[{ yAxis: low }, { yAxis: high }]],
        },
      });
    }
    return {
      tooltip: {
        trigger: "axis",
        valueFormatter: (v: unknown) =>
          typeof v === "number" ? formatNumber(v, indicator.decimals) : String(v ?? "–"),
      },
      legend: { bottom: 0 },
      grid: { left: status ? 96 : 48, right: 24, top: 24, bottom: 48 },
      xAxis: { type: "category", data: years.map(String) },
      yAxis: status
        ? { type: "category", data: ranked.map((l) => l.label) }
        : { type: "value", scale: true, axisLabel: { formatter: (v: number) => formatNumber(v) } },
      series,
    };
  }, [indicator]);

  const summary = indicator.rows
    .map(
      (r) =>
        `${r.label}: ${r.cells.map((c, i) => `${indicator.columns[i]} ${valueText(c, indicator.statusLevels, indicator.decimals)}`).join(", ")}`,
    )
    .join("; ");
  return (
    <Chart
      option={option}
      height={260}
      label={`Diagram över ${indicator.name}. ${summary}. Målvärde ${indicator.target?.target ?? "saknas"}. ${directionLabels[indicator.direction]}.`}
    />
  );
}
