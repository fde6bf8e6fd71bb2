import { useSearchParams } from "react-router-dom";
import { answerLabels } from "../../../kvalitet/internkontroll/vocabulary.ts";
import { formatCount, formatNumber } from "../../../platform/i18n/format.ts";
import { useSession } from "../../session.tsx";
import { ColumnHeads, numeric } from "../../ui/ColumnHeads.tsx";
import { SelectField } from "../../ui/fields.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../../ui/Page.tsx";
import "../kvalitetsplan/kvalitetsplan.css";
import { ikYears } from "./InternkontrollPage.tsx";
import { useReport } from "./queries.ts";

const yesNo = (value: boolean | null) => (value === null ? "–" : value ? "Ja" : "Nej");

/** The follow-up report to KS as the January memo orders it: 4.1, 4.2, 5.1, 5.2 and 7. */
export function IkReportPage() {
  const { namnd } = useSession();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get("ar") ?? new Date().getFullYear() - 1);
  const result = useReport(year);
  const r = result.data;
  return (
    <Page title={`Uppföljning av internkontroll ${year} – ${namnd?.name ?? ""}`}>
      <div className="toolbar">
        <SelectField id="ikr-year" label="År" value={year} onChange={(y) => setParams({ ar: y })}>
          {ikYears.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorMessage error={result.error} />
      {result.isLoading || !r ? (
        <Loading />
      ) : (
        <div className="kp-sections">
          <p>
            {r.plan?.diarienummer ? `Plan ${r.plan.diarienummer}. ` : ""}
            {formatCount(r.summary.toPlan, "risk", "risker")} i planen ({formatNumber(r.summary.common)}{" "}
            kommungemensamma, {formatNumber(r.summary.own)} egna):{" "}
            {r.summary.levelCounts.map((c) => `${c.level} ${c.count}`).join(", ")}.{" "}
            {formatNumber(r.summary.granskningar)} granskningar, {formatNumber(r.summary.withDeviations)} med
            avvikelser. Åtgärder: {formatNumber(r.summary.atgarderDone)} genomförda,{" "}
            {formatNumber(r.summary.atgarderPlanned)} planerade eller pågående.
          </p>
          <section aria-labelledby="ikr-41">
            <h2 id="ikr-41">4.1 Risk- och väsentlighetsanalys</h2>
            <ScrollFrame label="Risk- och väsentlighetsanalys">
              <table className="data">
                <ColumnHeads columns={["Kategori", { label: "Matrisnr", num: true }, "Risk", "Nivå", "Till plan"]} />
                <tbody>
                  {r.riskAnalysis.map((x) => (
                    <tr key={x.nr}>
                      <td>{x.category}</td>
                      <td className="num">
                        {x.nr}
                        {x.common ? "*" : ""}
                      </td>
                      <td>{x.description}</td>
                      <td>{x.level}</td>
                      <td>{yesNo(x.toPlan)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollFrame>
            <p className="muted">* = kommungemensam risk.</p>
          </section>
          <section aria-labelledby="ikr-42">
            <h2 id="ikr-42">4.2 Risker som inte tas till plan</h2>
            <table className="data">
              <ColumnHeads columns={["Kategori", { label: "Matrisnr", num: true }, "Risk", "Anledning"]} />
              <tbody>
                {r.notToPlan.map((x) => (
                  <tr key={x.nr}>
                    <td>{x.category}</td>
                    <td className="num">{x.nr}</td>
                    <td>{x.description}</td>
                    <td>{x.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="ikr-51">
            <h2 id="ikr-51">5.1 Granskningar</h2>
            <ScrollFrame label="Granskningar">
              <table className="data">
                <ColumnHeads
                  columns={["Nr", "Granskning", "Risker", "Metod", "Frekvens", "Ansvarig", "Resultat", "Avvikelser"]}
                />
                <tbody>
                  {r.granskningar.map((g) => (
                    <tr key={g.nr}>
                      <td>{g.nr}</td>
                      <td>{g.title}</td>
                      <td>{g.riskNrs.join(", ")}</td>
                      <td>{g.method}</td>
                      <td>{g.frequency}</td>
                      <td>{g.responsible}</td>
                      <td>{g.result ?? "–"}</td>
                      <td>{yesNo(g.deviations)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollFrame>
          </section>
          <section aria-labelledby="ikr-52">
            <h2 id="ikr-52">5.2 Risker, granskningsaktiviteter och åtgärder</h2>
            <ScrollFrame label="Risker och åtgärder">
              <table className="data">
                <ColumnHeads
                  columns={["Risk", "Enhet", "Granskningsaktiviteter", "Genomförda åtgärder", "Planerade åtgärder"]}
                />
                <tbody>
                  {r.followUp.map((f) => (
                    <tr key={f.nr}>
                      <td>
                        {f.nr}. {f.risk}
                      </td>
                      <td>{f.responsible || "–"}</td>
                      <td>{f.activities.join("; ") || "–"}</td>
                      <td>{f.done.join("; ") || "–"}</td>
                      <td>{f.planned.join("; ") || "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollFrame>
          </section>
          <section aria-labelledby="ikr-7">
            <h2 id="ikr-7">7 Självskattning</h2>
            <table className="data">
              <ColumnHeads
                columns={[
                  "Område",
                  ...numeric([
                    "Frågor",
                    answerLabels.omhandertaget,
                    answerLabels.delvis,
                    answerLabels.ej,
                    "Ej besvarade",
                  ]),
                ]}
              />
              <tbody>
                {r.selfAssessment.areas.map((a) => (
                  <tr key={a.area}>
                    <td>{a.area}</td>
                    <td className="num">{a.questions}</td>
                    <td className="num">{a.omhandertaget}</td>
                    <td className="num">{a.delvis}</td>
                    <td className="num">{a.ej}</td>
                    <td className="num">{a.unanswered}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Summa</th>
                  <td className="num">{r.selfAssessment.total.questions}</td>
                  <td className="num">{r.selfAssessment.total.omhandertaget}</td>
                  <td className="num">{r.selfAssessment.total.delvis}</td>
                  <td className="num">{r.selfAssessment.total.ej}</td>
                  <td className="num">{r.selfAssessment.total.unanswered}</td>
                </tr>
              </tfoot>
            </table>
          </section>
        </div>
      )}
    </Page>
  );
}
