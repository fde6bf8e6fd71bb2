import { useMemo, useState } from "react";
import { typeGroupLabels, workCategories, workCategoryLabels } from "../../kvalitet/vocabulary.ts";
import { formatCount, formatDate, formatNumber } from "../../platform/i18n/format.ts";
import { Chart, type ChartOption } from "../ui/Chart.tsx";
import { ColumnHeads, numeric } from "../ui/ColumnHeads.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { LexSarahStatistics } from "./lex-sarah/LexSarahStatistics.tsx";
import { useStatistics } from "./queries.ts";
import type { Statistics } from "./types.ts";

const thisYear = new Date().getFullYear();
const years = Array.from({ length: thisYear - 2020 }, (_, i) => thisYear - i);
const quarters = ["Kvartal 1", "Kvartal 2", "Kvartal 3", "Kvartal 4"];
const n = (v: number) => formatNumber(v);

function QuarterTable({ s }: { s: Statistics }) {
  const a = s.avvikelser;
  return (
    <table className="data">
      <caption>Avvikelser {s.year} per verksamhetsområde och kvartal (inträffade)</caption>
      <ColumnHeads columns={["Verksamhetsområde", ...numeric([...quarters, "Totalt"])]} />
      <tbody>
        {a.byArea.map((r) => (
          <tr key={r.id ?? "ovrigt"}>
            <th scope="row">{r.name}</th>
            {r.byQuarter.map((c, i) => (
              <td key={quarters[i]} className="num">
                {n(c)}
              </td>
            ))}
            <td className="num">{n(r.count)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Totalt</th>
          {a.byQuarter.map((c, i) => (
            <td key={quarters[i]} className="num">
              {n(c)}
            </td>
          ))}
          <td className="num">{n(a.total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

function CountTable({
  caption,
  heading,
  year,
  rows,
}: {
  caption: string;
  heading: string;
  year: number;
  rows: { code: string; name: string; count: number; previousYear: number; group?: keyof typeof typeGroupLabels }[];
}) {
  return (
    <table className="data">
      <caption>{caption}</caption>
      <ColumnHeads columns={[heading, ...numeric([String(year - 1), String(year)])]} />
      <tbody>
        {rows.map((r) => (
          <tr key={r.code}>
            <th scope="row">
              {r.name}
              {r.group ? <span className="muted"> ({typeGroupLabels[r.group]})</span> : null}
            </th>
            <td className="num">{n(r.previousYear)}</td>
            <td className="num">{n(r.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Counts only, for every reader: no free text and no single händelse, so nothing here is logged. */
export function StatisticsPage() {
  // Until the user picks one, the server chooses the newest year with avvikelser.
  const [year, setYear] = useState<number | undefined>(undefined);
  const [openDays, setOpenDays] = useState(30);
  const [quietMax, setQuietMax] = useState(2);
  const result = useStatistics(year, openDays, quietMax);
  const s = result.data;

  const chart = useMemo<ChartOption | null>(
    () =>
      s
        ? {
            tooltip: { trigger: "axis" },
            legend: { bottom: 0, type: "scroll" },
            grid: { left: 48, right: 16, top: 16, bottom: 72 },
            xAxis: { type: "category", data: quarters },
            yAxis: { type: "value", minInterval: 1 },
            series: s.avvikelser.byArea.map((r) => ({
              name: r.name,
              type: "bar",
              stack: "area",
              data: r.byQuarter,
            })),
          }
        : null,
    [s],
  );

  return (
    <Page title="Händelsestatistik">
      <form className="toolbar" aria-label="Välj period och gränser" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="kv-s-year">År</label>
          <select id="kv-s-year" value={year ?? s?.year ?? thisYear} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="kv-s-days">Öppna äldre än (dagar)</label>
          <input
            id="kv-s-days"
            type="number"
            min={0}
            max={3650}
            value={openDays}
            onChange={(e) => setOpenDays(Math.max(0, Number(e.target.value) || 0))}
          />
        </div>
        <div>
          <label htmlFor="kv-s-quiet">Få rapporter: högst</label>
          <input
            id="kv-s-quiet"
            type="number"
            min={0}
            max={1000}
            value={quietMax}
            onChange={(e) => setQuietMax(Math.max(0, Number(e.target.value) || 0))}
          />
        </div>
      </form>
      <ErrorMessage error={result.error} />
      {result.isLoading || !s ? (
        <Loading />
      ) : (
        <>
          <p>
            {s.organisation.name} {s.year}. Typer och orsaker är flerval och summerar inte till antalet avvikelser.
            Arbetsmiljöhändelser räknas för sig.
          </p>
          <ul className="tiles" aria-label="Nyckeltal">
            <li className="card tile">
              <h2>Avvikelser {s.year}</h2>
              <p className="kvalitet-big" id="kv-total">
                {n(s.avvikelser.total)}
              </p>
              <p className="muted">
                {s.year - 1}: {n(s.avvikelser.previousYearTotal)}
              </p>
            </li>
            <li className="card tile">
              <h2>{s.asOf < `${s.year}-12-31` ? "Öppna nu" : "Öppna vid årets slut"}</h2>
              <p className="kvalitet-big">{n(s.avvikelser.openAtYearEnd)}</p>
              <p className="muted">rapporterade men inte avslutade</p>
            </li>
            <li className="card tile">
              <h2>Öppna äldre än {formatCount(s.openOlderThan.days, "dag", "dagar")}</h2>
              <p className="kvalitet-big">{n(s.openOlderThan.count)}</p>
              <p className="muted">den {formatDate(s.openOlderThan.asOf)}</p>
            </li>
          </ul>

          <section className="card" aria-labelledby="kv-quarters">
            <h2 id="kv-quarters">Per kvartal och verksamhetsområde</h2>
            {chart && (
              <Chart
                option={chart}
                height={300}
                label={`Avvikelser ${s.year} per kvartal: ${s.avvikelser.byQuarter.map((c, i) => `${quarters[i]} ${c}`).join(", ")}.`}
              />
            )}
            <QuarterTable s={s} />
          </section>

          <section className="card" aria-labelledby="kv-types">
            <h2 id="kv-types">Per typ och orsak</h2>
            <CountTable caption="Avvikelser per typ" heading="Typ" year={s.year} rows={s.avvikelser.byType} />
            <CountTable caption="Avvikelser per orsak" heading="Orsak" year={s.year} rows={s.avvikelser.byCause} />
          </section>

          <section className="card" aria-labelledby="kv-units">
            <h2 id="kv-units">Enheter</h2>
            <table className="data">
              <caption>Öppna avvikelser äldre än {formatCount(s.openOlderThan.days, "dag", "dagar")} per enhet</caption>
              <ColumnHeads columns={["Enhet", ...numeric(["Antal", "Äldsta (dagar)"])]} />
              <tbody>
                {s.openOlderThan.byUnit.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">{u.name}</th>
                    <td className="num">{n(u.count)}</td>
                    <td className="num">{n(u.oldestDays)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="data">
              <caption>
                Enheter som rapporterat högst {formatCount(s.quietUnits.max, "avvikelse", "avvikelser")} {s.year} –
                rapporterar de för lite?
              </caption>
              <ColumnHeads columns={["Enhet", "Verksamhetsområde", ...numeric(["Avvikelser"])]} />
              <tbody>
                {s.quietUnits.units.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">{u.name}</th>
                    <td>{u.area ?? "–"}</td>
                    <td className="num">{n(u.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section className="card" aria-labelledby="kv-work">
            <h2 id="kv-work">Arbetsmiljöhändelser</h2>
            <table className="data">
              <caption>Arbetsmiljöhändelser per år och kategori (ingår inte i avvikelserna)</caption>
              <ColumnHeads
                columns={["År", ...numeric([...workCategories.map((c) => workCategoryLabels[c]), "Totalt"])]}
              />
              <tbody>
                {s.arbetsmiljo.map((y) => (
                  <tr key={y.year}>
                    <th scope="row">{y.year}</th>
                    {workCategories.map((c) => (
                      <td key={c} className="num">
                        {n(y.byCategory[c])}
                      </td>
                    ))}
                    <td className="num">{n(y.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <LexSarahStatistics lexSarah={s.lexSarah} />
        </>
      )}
    </Page>
  );
}
