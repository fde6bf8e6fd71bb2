import { useMemo, useState } from "react";
import { krToTkr } from "../../ekonomi/arithmetic.ts";
import { outcomeHeading } from "../../ekonomi/reports.ts";
import { formatNumber, monthNames } from "../../platform/i18n/format.ts";
import { Chart, type ChartOption } from "../ui/Chart.tsx";
import { ColumnHeads, numeric } from "../ui/ColumnHeads.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { Checks, deviationClass, signedTkr, tkr, useYear, WithNamnd, YearSelect } from "./parts.tsx";
import { useFollowUp } from "./queries.ts";
import type { FollowUp, FollowUpRow, Namnder } from "./types.ts";

export function FollowUpPage() {
  return <WithNamnd>{(namnd) => <FollowUpView namnd={namnd} />}</WithNamnd>;
}

function FollowUpView({ namnd }: { namnd: Namnder[number] }) {
  const [year, setYear] = useYear(namnd.years);
  const [forecastId, setForecastId] = useState<string>("");
  const [throughMonth, setThroughMonth] = useState<number | "">("");
  const result = useFollowUp(namnd.id, year, {
    forecastId: forecastId || undefined,
    throughMonth: throughMonth === "" ? undefined : throughMonth,
  });
  const f = result.data;

  return (
    <Page title={`Budgetuppföljning ${year}`}>
      <form className="toolbar" onSubmit={(e) => e.preventDefault()}>
        <YearSelect
          years={namnd.years}
          year={year}
          onChange={(y) => {
            setForecastId("");
            setThroughMonth("");
            setYear(y);
          }}
        />
        <div>
          <label htmlFor="ekonomi-prognos">Prognos</label>
          <select id="ekonomi-prognos" value={forecastId} onChange={(e) => setForecastId(e.target.value)}>
            <option value="">
              {f?.forecast && !forecastId ? `Senaste: ${f.forecast.name}` : "Senaste prognosen med belopp"}
            </option>
            {f?.forecasts.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.asOf})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="ekonomi-tom">Utfall till och med</label>
          <select
            id="ekonomi-tom"
            value={throughMonth}
            onChange={(e) => setThroughMonth(e.target.value ? Number(e.target.value) : "")}
          >
            <option value="">Senaste månaden med utfall</option>
            {monthNames.map((m, i) => (
              <option key={m} value={i + 1}>
                {m}
              </option>
            ))}
          </select>
        </div>
      </form>
      {result.isLoading && <Loading what="Räknar fram uppföljningen" />}
      <ErrorMessage error={result.error} />
      {f && <FollowUpReport f={f} />}
    </Page>
  );
}

type Column = { key: keyof FollowUpRow; label: string; check: string; signed?: boolean };

function FollowUpReport({ f }: { f: FollowUp }) {
  const outcome = outcomeHeading(f);
  const columns: Column[] = [
    { key: "bokslutPrevKr", label: `Bokslut ${f.year - 1}`, check: "Bokslut föregående år" },
    { key: "budgetKr", label: `Budget ${f.year}`, check: "Budget" },
    {
      key: "prognosKr",
      label: f.forecast ? `Prognos ${f.forecast.name.toLocaleLowerCase("sv-SE")}` : "Prognos",
      check: "Prognos",
    },
    { key: "nettoKr", label: outcome, check: "Bokslut/utfall" },
    f.complete
      ? { key: "avvikelseKr", label: "Avvikelse", check: "Avvikelse", signed: true }
      : { key: "prognosAvvikelseKr", label: "Prognos­avvikelse", check: "Prognosavvikelse", signed: true },
  ];
  // Cells a check found wrong carry a visible mark and the reason.
  const flagged = new Map(
    f.issues.filter((i) => i.severity === "error" && i.row && i.column).map((i) => [`${i.row}|${i.column}`, i.message]),
  );
  const cell = (row: FollowUpRow, c: Column) => {
    const value = row[c.key] as number | null;
    const flag = flagged.get(`${row.name}|${c.check}`);
    return (
      <td key={c.key} className={`num ${c.signed ? deviationClass(value) : ""}`}>
        {c.signed ? signedTkr(value) : tkr(value)}
        {flag && (
          <span className="ekonomi-flag" title={flag}>
            {" "}
            ⚠<span className="visually-hidden"> {flag}</span>
          </span>
        )}
      </td>
    );
  };
  const deviationKey = f.complete ? "avvikelseKr" : "prognosAvvikelseKr";
  const chart = useMemo<ChartOption>(() => {
    const rows = f.rows.filter((r) => r.levelId && r[deviationKey] !== null);
    return {
      tooltip: { trigger: "axis", valueFormatter: (v: number) => `${signedTkr((v ?? 0) * 1000)} tkr` },
      grid: { left: 190, right: 72, top: 16, bottom: 32 },
      xAxis: { type: "value", name: "tkr", axisLabel: { formatter: (v: number) => formatNumber(v) } },
      yAxis: {
        type: "category",
        data: rows.map((r) => r.name),
        inverse: true,
        axisLabel: { width: 180, overflow: "break" },
      },
      series: [
        {
          type: "bar",
          name: f.complete ? "Avvikelse" : "Prognosavvikelse",
          data: rows.map((r) => {
            const v = krToTkr(r[deviationKey] ?? 0);
            return { value: v, itemStyle: { color: v >= 0 ? "#009E73" : "#D55E00" } };
          }),
          label: {
            show: true,
            position: "right",
            formatter: ({ value }: { value: number }) => signedTkr(value * 1000),
          },
        },
      ],
    };
  }, [f, deviationKey]);

  return (
    <>
      {!f.complete && (
        <p className="notice">
          {f.throughMonth === 0
            ? `Inget utfall är registrerat för ${f.year} än.`
            : `Året är inte avslutat: utfallet gäller ${f.periodLabel}. Avvikelsen visas mot prognosen.`}
        </p>
      )}
      <table className="data ekonomi-followup">
        <caption>
          {f.namnd.name}, budgetuppföljning {f.year} (tkr)
        </caption>
        <ColumnHeads columns={["Verksamhetsområde", ...numeric(columns.map((c) => c.label))]} />
        <tbody>
          {f.rows.map((r) => (
            <tr key={r.levelId ?? r.name}>
              <th scope="row">
                {r.name}
                {r.ombudgeteringKr ? (
                  <span className="muted"> (ombudgeterat {signedTkr(-r.ombudgeteringKr)} tkr)</span>
                ) : null}
              </th>
              {columns.map((c) => cell(r, c))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{f.total.name}</th>
            {columns.map((c) => cell(f.total, c))}
          </tr>
        </tfoot>
      </table>
      <Checks issues={f.issues} />
      {f.rows.some((r) => r[deviationKey] !== null) && (
        <section className="card" aria-labelledby="deviation-chart">
          <h2 id="deviation-chart">{f.complete ? "Avvikelse" : "Prognosavvikelse"} per verksamhetsområde</h2>
          <Chart
            option={chart}
            label={`${f.complete ? "Avvikelse" : "Prognosavvikelse"} per verksamhetsområde ${f.year} i tkr; samma siffror som i tabellen.`}
            height={Math.max(200, f.rows.length * 44)}
          />
        </section>
      )}
      {f.texts.length > 0 && (
        <section className="card" aria-labelledby="report-text">
          <h2 id="report-text">Text till rapporten</h2>
          <p className="muted">
            Meningarna räknas fram ur samma belopp som tabellen, så text och tabell kan inte säga olika.
          </p>
          <ul>
            {f.texts.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
