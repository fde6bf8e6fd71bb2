import type { ReactNode } from "react";
import { useSearchParams } from "react-router-dom";
import * as evb from "../../evb/api.ts";
import { waitingBandLabels, waitingBands } from "../../evb/clock.ts";
import type { ReportPart } from "../../evb/report-formats.ts";
import { formatQuarter, previousQuarter, quarterOf, todayInSweden } from "../../platform/calendar.ts";
import { formatCount, formatDate, formatNumber } from "../../platform/i18n/format.ts";
import { hrefOf } from "../api.ts";
import { useSession } from "../session.tsx";
import { ColumnHeads } from "../ui/ColumnHeads.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../ui/Page.tsx";
import { Pager } from "../ui/Pager.tsx";
import { AggregateNotice, Count, Field } from "./parts.tsx";
import { IVO_PAGE_SIZE, useQuarterReport, useReportQuarters } from "./queries.ts";
import type { QuarterReport } from "./types.ts";

/** The last quarter that has ended: the one a report is usually made for. */
const lastEndedQuarter = () => formatQuarter(previousQuarter(quarterOf(todayInSweden())));

const pair = (a: number | null, b: number | null) => (
  <>
    <Count value={a} /> / <Count value={b} />
  </>
);

/** The summary's rows above the waiting bands; counts are null where suppressed for readers without read:personal. */
const summaryRows = (r: QuarterReport): [string, ReactNode][] => [
  ["Ej verkställda på rapportdagen", <Count key="open" value={r.counts.totalOpen} />],
  ["– varav nya", <Count key="ny" value={r.counts.ny} />],
  ["– varav återrapporterade", <Count key="ater" value={r.counts.aterrapportering} />],
  ["– varav avbrott", <Count key="avbrott" value={r.counts.interruptions} />],
  ["Verkställda under kvartalet", <Count key="verkst" value={r.counts.verkstalld} />],
  ["Avslutade under kvartalet", <Count key="avsl" value={r.counts.avslutad} />],
  ["SoL / LSS", pair(r.counts.byLaw.SoL, r.counts.byLaw.LSS)],
  ["Kvinnor / män", pair(r.counts.bySex.K, r.counts.bySex.M)],
];

const sexLabel = (s: string) => (s === "K" ? "Kvinna" : "Man");

/** The quarter's report as of its last day: summary, IVO list, committee tables and KF statistics; printable. */
export function QuarterReportPage() {
  const { orgNode } = useSession();
  const [params, setParams] = useSearchParams();
  const quarter = params.get("kvartal") ?? lastEndedQuarter();
  // Every quarter with decisions under the unit, newest first; one typed into the address joins in order.
  const quarters = [...new Set([quarter, ...(useReportQuarters().data?.quarters ?? [])])].sort().reverse();
  // The IVO list and the committee's tables come a page at a time; each page's first row is kept in the
  // address ("fran", "namndfran").
  const offset = Number(params.get("fran") ?? 0) || 0;
  const committeeOffset = Number(params.get("namndfran") ?? 0) || 0;
  const result = useQuarterReport(quarter, offset, committeeOffset);
  const pageTo = (key: "fran" | "namndfran", next: number) =>
    setParams({ kvartal: quarter, fran: String(offset), namndfran: String(committeeOffset), [key]: String(next) });
  const r = result.data;
  const exportUrl = (format: "csv" | "xlsx", part?: ReportPart) =>
    orgNode
      ? hrefOf(evb.exportQuarterReport, { params: { quarter }, query: { orgNodeId: orgNode.id, format, part } })
      : undefined;

  return (
    <Page
      title={`Ej verkställda beslut ${quarter}`}
      actions={
        <>
          <button type="button" onClick={() => window.print()}>
            Skriv ut
          </button>
          <a className="evb-link-button" href={exportUrl("xlsx")} download>
            Ladda ned Excel
          </a>
        </>
      }
    >
      <div className="toolbar">
        <Field id="evb-quarter" label="Kvartal">
          <select id="evb-quarter" value={quarter} onChange={(e) => setParams({ kvartal: e.target.value })}>
            {quarters.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </Field>
        {r?.ivo ? (
          <a className="evb-link-button" href={exportUrl("csv", "ivo")} download>
            IVO-lista (CSV)
          </a>
        ) : null}
        {r?.committee ? (
          <a className="evb-link-button" href={exportUrl("csv", "committee")} download>
            Nämndens tabeller (CSV)
          </a>
        ) : null}
        <a className="evb-link-button" href={exportUrl("csv", "statistics")} download>
          KF-statistik (CSV)
        </a>
      </div>
      <ErrorMessage error={result.error} />
      {result.isLoading || !r ? (
        result.isLoading ? (
          <Loading />
        ) : null
      ) : (
        <div className="evb-report">
          <p>
            {r.organisation.name}, läget den {formatDate(r.reportDate)} (kvartalets sista dag). Ett beslut är
            rapporteringspliktigt när det inte verkställts inom tre kalendermånader från beslutet, eller när ett avbrott
            inte upphört inom tre månader.
          </p>
          {r.aggregated ? <AggregateNotice /> : null}
          {r.preliminary ? (
            <p className="notice">
              Kvartalet är inte slut: rapporten är preliminär och kan ändras fram till den {formatDate(r.reportDate)}.
            </p>
          ) : null}

          <section aria-labelledby="evb-summary">
            <h2 id="evb-summary">Sammanställning</h2>
            <table className="data">
              <caption>Antal beslut i rapporten för {r.quarter}</caption>
              <tbody>
                {summaryRows(r).map(([label, count]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td className="num">{count}</td>
                  </tr>
                ))}
                {waitingBands.map((b) => (
                  <tr key={b}>
                    <th scope="row">Väntetid {waitingBandLabels[b]}</th>
                    <td className="num">
                      <Count value={r.counts.byBand[b]} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          {r.ivo ? (
            <section aria-labelledby="evb-ivo">
              <h2 id="evb-ivo">Underlag till IVO:s e-tjänst</h2>
              <p className="muted">
                IVO tar emot rapporterna i sin e-tjänst; Lots skickar ingenting. Listan har de uppgifter e-tjänsten
                frågar efter, i samma ordning.
              </p>
              <ScrollFrame label="IVO-listan, rullbar i sidled">
                <table className="data">
                  <caption>
                    {formatCount(r.ivoTotal ?? 0, "rapport", "rapporter")} för {r.quarter}
                    {(r.ivoTotal ?? 0) > IVO_PAGE_SIZE
                      ? `, rad ${formatNumber(offset + 1)}–${formatNumber(offset + r.ivo.length)}`
                      : ""}
                  </caption>
                  <ColumnHeads
                    columns={[
                      "Rapport",
                      "Id",
                      "Kön",
                      "Enhet",
                      "Lag, insats",
                      "Beslutsdatum",
                      "Avbrott",
                      { label: "Dagar", num: true },
                      "Skäl",
                      "Erbjudanden",
                      "Verkställt/avslutat",
                    ]}
                  />
                  <tbody>
                    {r.ivo.map((l) => (
                      <tr key={`${l.decisionId}-${l.type}-${l.kind}`}>
                        <td>
                          {l.kindLabel}
                          {l.type === "avbrott" ? " (avbrott)" : ""}
                        </td>
                        <td>
                          {l.personId}
                          {l.protectedIdentity ? <span className="badge"> skyddad</span> : null}
                        </td>
                        <td>{sexLabel(l.sex)}</td>
                        <td>{l.unit}</td>
                        <td>
                          {l.insats} <span className="muted">({l.lagrum})</span>
                          {l.partial ? <div className="muted">{l.partial}</div> : null}
                        </td>
                        <td>{formatDate(l.decisionDate)}</td>
                        <td>{l.interruptionDate ? formatDate(l.interruptionDate) : ""}</td>
                        <td className="num">{formatNumber(l.daysWaited)}</td>
                        <td>
                          {l.reasonLabel ?? ""}
                          {l.reasonText ? <div>{l.reasonText}</div> : null}
                        </td>
                        <td>{l.offers}</td>
                        <td>
                          {l.executedDate ? `Verkställt ${formatDate(l.executedDate)}` : ""}
                          {l.closedDate ? `Avslutat ${formatDate(l.closedDate)} (${l.closureReason ?? ""})` : ""}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollFrame>
              {(r.ivoTotal ?? 0) > IVO_PAGE_SIZE ? (
                <Pager
                  offset={offset}
                  pageSize={IVO_PAGE_SIZE}
                  total={r.ivoTotal ?? 0}
                  onChange={(next) => pageTo("fran", next)}
                />
              ) : null}
            </section>
          ) : (
            <p className="notice">
              IVO-listan och nämndens tabeller per beslut innehåller personuppgifter och visas bara för den som har
              behörighet till dem.
            </p>
          )}

          {r.committee ? (
            <section aria-labelledby="evb-committee">
              <h2 id="evb-committee">Till nämnden: per enhet</h2>
              {r.committee.length === 0 ? <p>Inga ej verkställda beslut att rapportera.</p> : null}
              {(r.committeeTotal ?? 0) > IVO_PAGE_SIZE ? (
                <p className="muted">
                  Rad {formatNumber(committeeOffset + 1)}–
                  {formatNumber(
                    committeeOffset + r.committee.reduce((n, u) => n + u.open.length + u.finished.length, 0),
                  )}{" "}
                  av {formatNumber(r.committeeTotal ?? 0)}; en enhet som delas mellan sidor visas på båda.
                </p>
              ) : null}
              {r.committee.map((unit) => (
                <div key={unit.unit}>
                  <h3>{unit.unit}</h3>
                  {unit.open.length > 0 ? (
                    <table className="data">
                      <caption>Ej verkställda beslut den {formatDate(r.reportDate)}</caption>
                      <ColumnHeads columns={["Beslutsdatum", "Insats", "Skäl till att beslutet ej verkställts"]} />
                      <tbody>
                        {unit.open.map((row) => (
                          <tr key={`${row.decisionDate}-${row.insats}-${row.reason}`}>
                            <td>{formatDate(row.decisionDate)}</td>
                            <td>
                              {row.law} {row.insats}
                            </td>
                            <td>{row.reason}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null}
                  {unit.finished.length > 0 ? (
                    <table className="data">
                      <caption>Verkställda eller avslutade under kvartalet</caption>
                      <ColumnHeads columns={["Beslutsdatum", "Insats", "Utfall", "Datum"]} />
                      <tbody>
                        {unit.finished.map((row) => (
                          <tr key={`${row.decisionDate}-${row.insats}-${row.date}`}>
                            <td>{formatDate(row.decisionDate)}</td>
                            <td>
                              {row.law} {row.insats}
                            </td>
                            <td>
                              {row.outcome}
                              {row.outcome === "Avslutat" ? ` (${row.reason})` : ""}
                            </td>
                            <td>{formatDate(row.date)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null}
                </div>
              ))}
              {(r.committeeTotal ?? 0) > IVO_PAGE_SIZE ? (
                <Pager
                  offset={committeeOffset}
                  pageSize={IVO_PAGE_SIZE}
                  total={r.committeeTotal ?? 0}
                  onChange={(next) => pageTo("namndfran", next)}
                />
              ) : null}
            </section>
          ) : null}

          <section aria-labelledby="evb-kf">
            <h2 id="evb-kf">Till kommunfullmäktige och revisorerna</h2>
            <p className="muted">Utan personuppgifter: antal per insats, kön och dagar sedan beslut.</p>
            <table className="data">
              <caption>Ej verkställda beslut per insats den {formatDate(r.reportDate)}</caption>
              <ColumnHeads
                columns={[
                  "Lag",
                  "Insats",
                  { label: "Antal", num: true },
                  { label: "Kvinnor", num: true },
                  { label: "Män", num: true },
                  { label: "Medel dagar sedan beslut", num: true },
                  { label: "Längst", num: true },
                ]}
              />
              <tbody>
                {r.statistics.byInsats.map((row) => (
                  <tr key={`${row.law}-${row.insats}`}>
                    <td>{row.law}</td>
                    <th scope="row">{row.insats}</th>
                    <td className="num">
                      <Count value={row.count} />
                    </td>
                    <td className="num">
                      <Count value={row.women} />
                    </td>
                    <td className="num">
                      <Count value={row.men} />
                    </td>
                    <td className="num">{formatNumber(row.averageDaysSinceDecision)}</td>
                    <td className="num">{formatNumber(row.longestDaysSinceDecision)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    Totalt
                  </th>
                  <td className="num">
                    <Count value={r.statistics.open.total} />
                  </td>
                  <td className="num">
                    <Count value={r.statistics.open.women} />
                  </td>
                  <td className="num">
                    <Count value={r.statistics.open.men} />
                  </td>
                  <td colSpan={2} />
                </tr>
              </tfoot>
            </table>
            <p>
              Verkställda eller avslutade under kvartalet: <Count value={r.statistics.finished.total} /> (
              <Count value={r.statistics.finished.women} /> kvinnor, <Count value={r.statistics.finished.men} /> män).
            </p>
          </section>
        </div>
      )}
    </Page>
  );
}
