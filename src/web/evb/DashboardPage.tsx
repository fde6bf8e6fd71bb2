import { type ReactNode, useMemo } from "react";
import { Link } from "react-router-dom";
import { waitingBandLabels, waitingBands } from "../../evb/clock.ts";
import { formatDate, formatNumber } from "../../platform/i18n/format.ts";
import { Chart, type ChartOption } from "../ui/Chart.tsx";
import { ColumnHeads } from "../ui/ColumnHeads.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { AggregateNotice, Count } from "./parts.tsx";
import { useDashboard } from "./queries.ts";
import type { Dashboard } from "./types.ts";

type Wait = NonNullable<Dashboard["longestWaits"]>[number];

const typeLabel = (type: string) => (type === "avbrott" ? "Avbrott" : "Beslut");
const sexLabel = (key: string) => (key === "K" ? "Kvinnor" : key === "M" ? "Män" : key);

function BreakdownTable({
  caption,
  heading,
  rows,
  label = (k: string) => k,
}: {
  caption: string;
  heading: string;
  rows: Dashboard["byInsats"];
  label?: (key: string) => string;
}) {
  return (
    <table className="data">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          {waitingBands.map((b) => (
            <th key={b} scope="col" className="num">
              {waitingBandLabels[b]}
            </th>
          ))}
          <th scope="col" className="num">
            Öppna
          </th>
          <th scope="col" className="num">
            Rapporteringspliktiga
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{label(r.key)}</th>
            {waitingBands.map((b) => (
              <td key={b} className="num">
                <Count value={r.byBand[b]} />
              </td>
            ))}
            <td className="num">
              <Count value={r.count} />
            </td>
            <td className="num">
              <Count value={r.reportable} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const waitHeadings = ["Enhet", "Insats", "Avser", "Sedan"];

/** The cells both wait lists start with (shown only to readers of personal data); the insats links to the decision. */
function WaitCells({
  wait: w,
  children,
}: {
  wait: Pick<Wait, "decisionId" | "unit" | "insats" | "law" | "type" | "start">;
  children?: ReactNode;
}) {
  return (
    <>
      <td>{w.unit}</td>
      <td>
        <Link to={`/evb/register/${w.decisionId}`}>{w.insats}</Link> ({w.law}){children}
      </td>
      <td>{typeLabel(w.type)}</td>
      <td>{formatDate(w.start)}</td>
    </>
  );
}

/** Open decisions now: waiting bands, breakdowns, early warnings and the longest waits. */
export function DashboardPage() {
  const result = useDashboard();
  const board = result.data;

  const bandChart = useMemo<ChartOption | null>(
    () =>
      board
        ? {
            tooltip: { trigger: "axis" },
            legend: { bottom: 0 },
            grid: { left: 40, right: 16, top: 16, bottom: 56 },
            xAxis: { type: "category", data: waitingBands.map((b) => waitingBandLabels[b]) },
            yAxis: { type: "value", minInterval: 1 },
            series: board.byLaw.map((law) => ({
              name: law.key,
              type: "bar",
              stack: "law",
              // A suppressed count (1 or 2) is drawn as no bar; the table beside says "färre än 3".
              data: waitingBands.map((b) => law.byBand[b] ?? 0),
            })),
          }
        : null,
    [board],
  );

  return (
    <Page title="Ej verkställda beslut – läget">
      <ErrorMessage error={result.error} />
      {result.isLoading || !board ? (
        <Loading />
      ) : (
        <>
          <p>
            Öppna beslut i {board.organisation.name} den {formatDate(board.asOf)}. Nästa kvartalsrapport avser läget den{" "}
            {formatDate(board.nextReportDate)}.
          </p>
          {board.aggregated ? <AggregateNotice /> : null}
          <ul className="tiles" aria-label="Nyckeltal">
            <li className="card tile">
              <h2>Öppna beslut</h2>
              <p className="evb-big">
                <Count value={board.open} />
              </p>
              <p className="muted">ej verkställda eller avbrutna</p>
            </li>
            <li className="card tile">
              <h2>Rapporteringspliktiga</h2>
              <p className="evb-big bad">
                <Count value={board.reportable} />
              </p>
              <p className="muted">har väntat mer än tre månader</p>
            </li>
            <li className="card tile">
              <h2>Tidig varning</h2>
              <p className="evb-big warn">
                <Count value={board.earlyWarningCount} />
              </p>
              <p className="muted">passerar tre månader inom 30 dagar</p>
            </li>
          </ul>

          <section className="card" aria-labelledby="evb-bands">
            <h2 id="evb-bands">Väntetid</h2>
            {bandChart && (
              <Chart
                option={bandChart}
                height={260}
                label={`Öppna beslut per väntetid: ${waitingBands.map((b) => `${waitingBandLabels[b]} ${board.byBand[b] ?? "färre än 3"}`).join(", ")}.`}
              />
            )}
            <BreakdownTable caption="Öppna beslut per lag och väntetid" heading="Lag" rows={board.byLaw} />
          </section>

          {board.earlyWarnings ? (
            <section className="card" aria-labelledby="evb-warnings">
              <h2 id="evb-warnings">Tidig varning: blir rapporteringspliktiga inom 30 dagar</h2>
              {board.earlyWarnings.length === 0 ? (
                <p>Inga beslut passerar tre månader de närmaste 30 dagarna.</p>
              ) : (
                <table className="data">
                  <caption>Sista dag i tid är dagen tre kalendermånader efter beslutet eller avbrottet.</caption>
                  <ColumnHeads columns={[...waitHeadings, "Sista dag i tid", { label: "Dagar kvar", num: true }]} />
                  <tbody>
                    {board.earlyWarnings.map((w) => (
                      <tr key={w.decisionId}>
                        <WaitCells wait={w} />
                        <td>{formatDate(w.deadline)}</td>
                        <td className="num">{w.daysLeft}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          ) : null}

          {board.longestWaits ? (
            <section className="card" aria-labelledby="evb-longest">
              <h2 id="evb-longest">Längst väntan</h2>
              <p className="muted">
                En domstol kan ålägga kommunen en särskild avgift på 10 000–1 000 000 kr när ett beslut inte verkställs
                i skälig tid.
              </p>
              <table className="data">
                <caption>De tio längsta pågående väntetiderna bland rapporteringspliktiga beslut</caption>
                <ColumnHeads columns={[...waitHeadings, { label: "Dagar", num: true }]} />
                <tbody>
                  {board.longestWaits.map((w) => (
                    <tr key={w.decisionId}>
                      <WaitCells wait={w}>{w.partial ? <span className="muted"> – {w.partial}</span> : null}</WaitCells>
                      <td className="num">{formatNumber(w.daysWaited)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}

          <section className="card" aria-labelledby="evb-breakdowns">
            <h2 id="evb-breakdowns">Fördelning</h2>
            <BreakdownTable caption="Öppna beslut per insats" heading="Insats" rows={board.byInsats} />
            <BreakdownTable caption="Öppna beslut per enhet" heading="Enhet" rows={board.byUnit} />
            <BreakdownTable caption="Öppna beslut per kön" heading="Kön" rows={board.bySex} label={sexLabel} />
          </section>
        </>
      )}
    </Page>
  );
}
