import { useMemo, useState } from "react";
import type * as klagomal from "../../../kvalitet/klagomal/api.ts";
import { categories, categoryShortLabels } from "../../../kvalitet/klagomal/vocabulary.ts";
import type { OutputOf } from "../../../platform/http/endpoint.ts";
import { formatNumber, formatPercent } from "../../../platform/i18n/format.ts";
import { Chart, type ChartOption } from "../../ui/Chart.tsx";
import { ColumnHeads, numeric } from "../../ui/ColumnHeads.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../../ui/Page.tsx";
import { useComplaintStatistics } from "./queries.ts";

type Statistics = OutputOf<typeof klagomal.complaintStatistics>;

const thisYear = new Date().getFullYear();
const years = Array.from({ length: thisYear - 2020 }, (_, i) => thisYear - i);
const n = (v: number) => formatNumber(v);

/** The kvalitetsberättelse's table: klagomål per unit and category, with row and column sums. */
function UnitCategoryTable({ s }: { s: Statistics }) {
  const t = s.diarium.byUnitAndCategory;
  return (
    <ScrollFrame label="Klagomål per enhet och kategori, tabell">
      <table className="data">
        <caption>
          Klagomål {s.year} per enhet och kategori (diariet, {n(t.totals.total)})
        </caption>
        <ColumnHeads columns={["Enhet", ...numeric([...categories.map((c) => categoryShortLabels[c]), "Totalt"])]} />
        <tbody>
          {t.rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              {categories.map((c) => (
                <td key={c} className="num">
                  {r.byCategory[c] ? n(r.byCategory[c]) : "–"}
                </td>
              ))}
              <td className="num">{n(r.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Summa</th>
            {categories.map((c) => (
              <td key={c} className="num">
                {n(t.totals.byCategory[c])}
              </td>
            ))}
            <td className="num">{n(t.totals.total)}</td>
          </tr>
        </tfoot>
      </table>
    </ScrollFrame>
  );
}

function Counts({
  caption,
  heading,
  rows,
}: {
  caption: string;
  heading: string;
  rows: Statistics["diarium"]["byType"];
}) {
  return (
    <table className="data">
      <caption>{caption}</caption>
      <ColumnHeads columns={[heading, ...numeric(["Antal"])]} />
      <tbody>
        {rows.map((r) => (
          <tr key={r.code}>
            <th scope="row">{r.name}</th>
            <td className="num">{n(r.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Counts only, for every reader: no free text and no single synpunkt, so nothing here is logged. */
export function ComplaintStatisticsPage() {
  // Until the user picks one, the server chooses the newest year with synpunkter.
  const [year, setYear] = useState<number | undefined>(undefined);
  const result = useComplaintStatistics(year);
  const s = result.data;

  const chart = useMemo<ChartOption | null>(() => {
    if (!s) return null;
    const rows = s.diarium.byUnitAndCategory.rows;
    return {
      // A named font: ECharts measures labels with it, and "inherit" measures wrong (overlapping legend).
      textStyle: { fontFamily: "sans-serif" },
      tooltip: { trigger: "axis" },
      legend: { bottom: 0, type: "scroll" },
      grid: { left: 16, right: 24, top: 8, bottom: 40, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: rows.map((r) => r.name), inverse: true },
      series: categories.map((c) => ({
        name: categoryShortLabels[c],
        type: "bar",
        stack: "unit",
        data: rows.map((r) => r.byCategory[c]),
      })),
    };
  }, [s]);

  const answers = s?.diarium.answers;
  const kommentaren = s?.kommentaren;
  return (
    <Page title="Statistik över synpunkter och klagomål">
      <form className="toolbar" aria-label="Välj år" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="kl-s-year">År</label>
          <select id="kl-s-year" value={year ?? s?.year ?? thisYear} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </form>
      <ErrorMessage error={result.error} />
      {result.isLoading || !s || !answers || !kommentaren ? (
        <Loading />
      ) : (
        <>
          <p>
            {s.organisation.name} {s.year}, efter mottagningsdatum. Kommentarens ärenden redovisas för sig och ingår
            inte i diariets klagomål.
          </p>
          <ul className="tiles" aria-label="Nyckeltal">
            <li className="card tile">
              <h2>Klagomål {s.year}</h2>
              <p className="kvalitet-big" id="kl-total">
                {n(s.diarium.klagomal)}
              </p>
              <p className="muted">
                {s.year - 1}: {n(s.diarium.previousYearKlagomal)}
              </p>
            </li>
            <li className="card tile">
              <h2>Besvarade inom 10 dagar</h2>
              <p className="kvalitet-big">
                {answers.inTimeShare === null ? "–" : formatPercent(answers.inTimeShare * 100, 0)}
              </p>
              <p className="muted">
                sent {n(answers.late)}, försenade {n(answers.overdue)}, inom fristen {n(answers.pending)}
              </p>
            </li>
            <li className="card tile">
              <h2>Kommentaren</h2>
              <p className="kvalitet-big">{n(kommentaren.total)}</p>
              <p className="muted">
                anonyma {n(kommentaren.anonymous)}, ej besvarade inom 10 dagar {n(kommentaren.notAnsweredInTime)}
              </p>
            </li>
          </ul>

          <section className="card" aria-labelledby="kl-units">
            <h2 id="kl-units">Klagomål per enhet och kategori</h2>
            {chart && s.diarium.byUnitAndCategory.rows.length > 0 ? (
              <Chart
                option={chart}
                height={Math.max(160, 36 * s.diarium.byUnitAndCategory.rows.length + 60)}
                label={`Klagomål ${s.year} per enhet: ${s.diarium.byUnitAndCategory.rows.map((r) => `${r.name} ${r.total}`).join(", ")}.`}
              />
            ) : null}
            <UnitCategoryTable s={s} />
          </section>

          <section className="card" aria-labelledby="kl-kinds">
            <h2 id="kl-kinds">Per typ och kanal (diariet)</h2>
            <div className="kl-pair">
              <Counts caption="Per typ" heading="Typ" rows={s.diarium.byType} />
              <Counts caption="Per kanal" heading="Kanal" rows={s.diarium.byChannel} />
            </div>
          </section>

          <section className="card" aria-labelledby="kl-kommentaren">
            <h2 id="kl-kommentaren">Kommentaren</h2>
            <table className="data">
              <caption>Kommentaren {s.year} (räknas inte in i diariets klagomål)</caption>
              <ColumnHeads columns={["", ...numeric(["Antal"])]} />
              <tbody>
                {kommentaren.byType.map((t) => (
                  <tr key={t.code}>
                    <th scope="row">{t.name}</th>
                    <td className="num">{n(t.count)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Totalt</th>
                  <td className="num">{n(kommentaren.total)}</td>
                </tr>
                <tr>
                  <th scope="row">Anonyma</th>
                  <td className="num">{n(kommentaren.anonymous)}</td>
                </tr>
                <tr>
                  <th scope="row">Politiska</th>
                  <td className="num">{n(kommentaren.political)}</td>
                </tr>
                <tr>
                  <th scope="row">Obesvarade 10 dagar efter bekräftelse</th>
                  <td className="num">{n(kommentaren.notAnsweredInTime)}</td>
                </tr>
              </tbody>
            </table>
          </section>
        </>
      )}
    </Page>
  );
}
