import { useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { categories, categoryShortLabels } from "../../../kvalitet/klagomal/vocabulary.ts";
import { outcomes } from "../../../kvalitet/lex-sarah/vocabulary.ts";
import { typeGroupLabels, typeGroups } from "../../../kvalitet/vocabulary.ts";
import { formatNumber, formatPercent } from "../../../platform/i18n/format.ts";
import { useSession } from "../../session.tsx";
import { Chart, type ChartOption } from "../../ui/Chart.tsx";
import { ColumnHeads, numeric } from "../../ui/ColumnHeads.tsx";
import { ErrorMessage, Loading, Page } from "../../ui/Page.tsx";
import { type Trends, useTrends } from "./queries.ts";
import { plotted, SmallCountNote, shownText } from "./shown.tsx";

const thisYear = new Date().getFullYear();
const years = Array.from({ length: thisYear - 2020 }, (_, i) => thisYear - i);
const quarterName = (q: { year: number; quarter: number }) => `${q.year} K${q.quarter}`;
const share = (v: number | null) => (v === null ? "–" : formatPercent(v * 100, 0));

const axes = (categoriesOnX: string[]) => ({
  tooltip: { trigger: "axis" },
  // A named font: ECharts measures legend text on a canvas, where "inherit" falls back to a narrower font
  // than the SVG then shows, and the legend's labels overlapped.
  legend: { bottom: 0, type: "scroll", itemGap: 16, textStyle: { fontFamily: "sans-serif" } },
  grid: { left: 48, right: 16, top: 16, bottom: 64 },
  xAxis: { type: "category", data: categoriesOnX },
  yAxis: { type: "value", minInterval: 1 },
});

function EventTrend({ t }: { t: Trends }) {
  const option = useMemo<ChartOption>(
    () => ({
      ...axes(t.handelser.map(quarterName)),
      series: [
        { name: "Avvikelser", type: "bar", data: t.handelser.map((q) => plotted(q.total)) },
        ...typeGroups.map((g) => ({
          name: typeGroupLabels[g],
          type: "line",
          data: t.handelser.map((q) => plotted(q.byGroup[g] ?? 0)),
        })),
      ],
    }),
    [t],
  );
  return (
    <section className="card" aria-labelledby="tr-handelser">
      <h2 id="tr-handelser">Avvikelser per kvartal</h2>
      <Chart
        option={option}
        label={`Avvikelser per kvartal: ${t.handelser.map((q) => `${quarterName(q)} ${shownText(q.total)}`).join(", ")}.`}
      />
      <table className="data">
        <caption>
          Avvikelser per kvartal (inträffade) och typgrupp (flerval: grupperna summerar inte till antalet)
        </caption>
        <ColumnHeads columns={["Kvartal", ...numeric(["Avvikelser", ...typeGroups.map((g) => typeGroupLabels[g])])]} />
        <tbody>
          {t.handelser.map((q) => (
            <tr key={quarterName(q)}>
              <th scope="row">{quarterName(q)}</th>
              <td className="num">{shownText(q.total)}</td>
              {typeGroups.map((g) => (
                <td key={g} className="num">
                  {shownText(q.byGroup[g] ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function LexSarahTrend({ t }: { t: Trends }) {
  const option = useMemo<ChartOption>(
    () => ({
      ...axes(t.lexSarah.map((y) => String(y.year))),
      series: [
        ...outcomes.map((o) => ({
          name: `Beslut ${o}`,
          type: "bar",
          stack: "utfall",
          data: t.lexSarah.map((y) => plotted(y.byOutcome.find((b) => b.outcome === o)?.count ?? 0)),
        })),
        { name: "Rapporter", type: "line", data: t.lexSarah.map((y) => plotted(y.reports)) },
      ],
    }),
    [t],
  );
  return (
    <section className="card" aria-labelledby="tr-lex-sarah">
      <h2 id="tr-lex-sarah">Lex Sarah per år</h2>
      <Chart
        option={option}
        label={`Lex Sarah-rapporter per år: ${t.lexSarah.map((y) => `${y.year} ${shownText(y.reports)}`).join(", ")}.`}
      />
      <table className="data">
        <caption>
          Lex Sarah: rapporter under året, och ärenden beslutade under året per utfall (C anmäls till IVO)
        </caption>
        <ColumnHeads columns={["År", ...numeric(["Rapporter", "Beslutade", ...outcomes])]} />
        <tbody>
          {t.lexSarah.map((y) => (
            <tr key={y.year}>
              <th scope="row">{y.year}</th>
              <td className="num">{shownText(y.reports)}</td>
              <td className="num">{shownText(y.decided)}</td>
              {y.byOutcome.map((b) => (
                <td key={b.outcome} className="num">
                  {shownText(b.count)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function KlagomalTrend({ t }: { t: Trends }) {
  const option = useMemo<ChartOption>(
    () => ({
      ...axes(t.klagomal.map((y) => String(y.year))),
      series: categories.map((c) => ({
        name: categoryShortLabels[c],
        type: "bar",
        stack: "kategori",
        data: t.klagomal.map((y) => plotted(y.byCategory.find((b) => b.category === c)?.count ?? 0)),
      })),
    }),
    [t],
  );
  return (
    <section className="card" aria-labelledby="tr-klagomal">
      <h2 id="tr-klagomal">Klagomål per år</h2>
      <Chart
        option={option}
        label={`Klagomål per år: ${t.klagomal.map((y) => `${y.year} ${shownText(y.total)}, besvarade inom 10 dagar ${share(y.inTimeShare)}`).join("; ")}.`}
      />
      <table className="data">
        <caption>Klagomål i diariet per år och kategori, och andelen besvarade inom 10 dagar</caption>
        <ColumnHeads
          columns={["År", ...numeric([...categories.map((c) => categoryShortLabels[c]), "Totalt", "Inom 10 dagar"])]}
        />
        <tbody>
          {t.klagomal.map((y) => (
            <tr key={y.year}>
              <th scope="row">{y.year}</th>
              {y.byCategory.map((b) => (
                <td key={b.category} className="num">
                  {shownText(b.count)}
                </td>
              ))}
              <td className="num">{shownText(y.total)}</td>
              <td className="num">{share(y.inTimeShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function AtgardTrend({ t }: { t: Trends }) {
  const shown = useMemo(() => t.atgarder.filter((q) => q.open !== null), [t]);
  const option = useMemo<ChartOption>(
    () => ({
      ...axes(shown.map(quarterName)),
      series: [{ name: "Öppna åtgärder", type: "line", data: shown.map((q) => q.open) }],
    }),
    [shown],
  );
  return (
    <section className="card" aria-labelledby="tr-atgarder">
      <h2 id="tr-atgarder">Öppna åtgärder</h2>
      <Chart
        option={option}
        height={240}
        label={`Öppna åtgärder vid kvartalets slut: ${shown.map((q) => `${quarterName(q)} ${q.open}`).join(", ")}.`}
      />
      <table className="data">
        <caption>Åtgärder i kvalitetsplaner och internkontroll som var öppna vid kvartalets slut</caption>
        <ColumnHeads columns={["Kvartal", ...numeric(["Öppna"])]} />
        <tbody>
          {shown.map((q) => (
            <tr key={quarterName(q)}>
              <th scope="row">{quarterName(q)}</th>
              <td className="num">{formatNumber(q.open)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The quality dashboard: three years of trends for the chosen nämnd, area or unit; counts only. */
export function TrendsPage() {
  const { orgNode } = useSession();
  // Until the user picks one, the server ends with the newest year with avvikelser.
  const [toYear, setToYear] = useState<number | undefined>(undefined);
  const result = useTrends(toYear);
  const t = result.data;
  return (
    <Page title={`Kvalitetstrender – ${orgNode?.name ?? ""}`}>
      <form className="toolbar" aria-label="Välj år" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="tr-year">Till och med år</label>
          <select
            id="tr-year"
            value={toYear ?? t?.years.at(-1) ?? thisYear}
            onChange={(e) => setToYear(Number(e.target.value))}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </form>
      <ErrorMessage error={result.error} />
      {result.isLoading || !t ? (
        <Loading />
      ) : (
        <>
          <p>
            {t.organisation.name}, {t.years[0]}–{t.years.at(-1)}. <Link to="/kvalitet/oversikt">Till översikten</Link>.
          </p>
          {!t.recordAccess && <SmallCountNote />}
          <EventTrend t={t} />
          <LexSarahTrend t={t} />
          <KlagomalTrend t={t} />
          <AtgardTrend t={t} />
        </>
      )}
    </Page>
  );
}
