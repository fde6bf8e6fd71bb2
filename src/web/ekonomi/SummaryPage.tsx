import { useMemo } from "react";
import { krToTkr } from "../../ekonomi/arithmetic.ts";
import { formatNumber, formatPercent, formatSigned } from "../../platform/i18n/format.ts";
import { Chart, type ChartOption } from "../ui/Chart.tsx";
import { ColumnHeads, numeric } from "../ui/ColumnHeads.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { Checks, deviationClass, signedTkr, tkr, useYear, WithNamnd, YearSelect } from "./parts.tsx";
import { useForecastAccuracy, useSummary } from "./queries.ts";
import type { ForecastAccuracy, Namnder, Summary } from "./types.ts";

export function SummaryPage() {
  return <WithNamnd>{(namnd) => <SummaryView namnd={namnd} />}</WithNamnd>;
}

/** The annual report's view: the chosen year and the two before it; forecast accuracy over five years. */
function SummaryView({ namnd }: { namnd: Namnder[number] }) {
  const [year, setYear] = useYear(namnd.years);
  const summary = useSummary(namnd.id, { from: year - 2, to: year });
  const accuracy = useForecastAccuracy(namnd.id, { from: year - 4, to: year });
  return (
    <Page title="Ekonomisk sammanfattning">
      <form className="toolbar" onSubmit={(e) => e.preventDefault()}>
        <YearSelect years={namnd.years} year={year} onChange={setYear} />
      </form>
      {summary.isLoading && <Loading />}
      <ErrorMessage error={summary.error} />
      {summary.data && <SummaryTable s={summary.data} />}
      <h2>Prognossäkerhet</h2>
      {accuracy.isLoading && <Loading />}
      <ErrorMessage error={accuracy.error} />
      {accuracy.data && <Accuracy a={accuracy.data} />}
    </Page>
  );
}

function SummaryTable({ s }: { s: Summary }) {
  return (
    <>
      <table className="data">
        <caption>{s.namnd.name}, ekonomisk sammanfattning (tkr)</caption>
        <ColumnHeads
          columns={[
            "År",
            ...numeric(["Intäkter", "Kostnader", "Nettokostnad", "Budget", "Avvikelse", "Investeringar netto"]),
          ]}
        />
        <tbody>
          {s.years.map((y) => (
            <tr key={y.year}>
              <th scope="row">
                {y.year}
                {!y.complete && <span className="muted"> (ej avslutat)</span>}
              </th>
              <td className="num">{tkr(y.intakterKr)}</td>
              <td className="num">{tkr(y.kostnaderKr)}</td>
              <td className="num">{tkr(y.nettoKr)}</td>
              <td className="num">{tkr(y.budgetKr)}</td>
              <td className={`num ${deviationClass(y.avvikelseKr)}`}>{signedTkr(y.avvikelseKr)}</td>
              <td className="num">
                {y.investeringarNettoKr === null ? "–" : formatSigned(y.investeringarNettoKr / 1000, 1)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Nettokostnad = intäkter + kostnader; avvikelse = nettokostnad − budget. Investeringar i tkr med en decimal.
      </p>
      <Checks issues={s.issues} what="sammanfattningen" />
    </>
  );
}

function Accuracy({ a }: { a: ForecastAccuracy }) {
  const rows = a.years.flatMap((y) => y.forecasts.map((f) => ({ year: y.year, complete: y.complete, ...f })));
  const chart = useMemo<ChartOption>(() => {
    const closed = rows.filter((r) => r.differensKr !== null);
    return {
      tooltip: { trigger: "axis" },
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 24, bottom: 48, containLabel: true },
      xAxis: { type: "category", data: closed.map((r) => `${r.forecast.name} ${r.year}`) },
      yAxis: [
        { type: "value", name: "tkr", axisLabel: { formatter: (v: number) => formatNumber(v) } },
        {
          type: "value",
          name: "%",
          splitLine: { show: false },
          axisLabel: { formatter: (v: number) => formatNumber(v) },
        },
      ],
      series: [
        {
          type: "bar",
          name: "Prognos − utfall (tkr)",
          data: closed.map((r) => krToTkr(r.differensKr ?? 0)),
          label: { show: true, position: "top", formatter: ({ value }: { value: number }) => formatSigned(value) },
        },
        { type: "line", name: "Differens i % av utfallet", yAxisIndex: 1, data: closed.map((r) => r.differensProcent) },
      ],
    };
  }, [rows]);
  if (rows.length === 0) return <p className="muted">Inga prognoser är registrerade för de senaste åren.</p>;
  return (
    <>
      {rows.some((r) => r.differensKr !== null) && (
        <section className="card" aria-labelledby="accuracy-chart">
          <h3 id="accuracy-chart">Prognos jämfört med utfall</h3>
          <Chart
            option={chart}
            label="Prognossäkerhet: skillnad mellan prognos och slutligt utfall per prognos, i tkr och procent; samma siffror som i tabellen."
          />
        </section>
      )}
      <table className="data">
        <caption>Prognossäkerhet per prognos (tkr)</caption>
        <ColumnHeads
          columns={[
            "Prognos",
            ...numeric([
              "Prognos",
              "Utfall",
              "Differens",
              "Differens %",
              "Prognosavvikelse mot budget",
              "Avvikelse mot budget",
            ]),
          ]}
        />
        <tbody>
          {rows.map((r) => (
            <tr key={r.forecast.id}>
              <th scope="row">
                {r.forecast.name} {r.year}
                {r.missingLevels.length > 0 && <span className="warn"> (saknas för {r.missingLevels.join(", ")})</span>}
              </th>
              <td className="num">{tkr(r.prognosKr)}</td>
              <td className="num">{r.complete ? tkr(r.utfallKr) : "året pågår"}</td>
              <td className="num">{signedTkr(r.differensKr)}</td>
              <td className="num">{r.differensProcent === null ? "–" : formatPercent(r.differensProcent)}</td>
              <td className={`num ${deviationClass(r.prognosAvvikelseKr)}`}>{signedTkr(r.prognosAvvikelseKr)}</td>
              <td className={`num ${deviationClass(r.avvikelseKr)}`}>{signedTkr(r.avvikelseKr)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Differens = prognos − utfall (nettokostnad); procent av utfallets storlek. Negativ differens: prognosen var för
        försiktig.
      </p>
    </>
  );
}
