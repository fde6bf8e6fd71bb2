import { useState } from "react";
import { Link } from "react-router-dom";
import { type Issuer, issuerLabels, issuers, rulingKindLabels } from "../../../namnd/incoming/vocabulary.ts";
import { addDays, addMonths, todayInSweden } from "../../../platform/calendar.ts";
import { formatNumber } from "../../../platform/i18n/format.ts";
import { isForbidden } from "../../api.ts";
import { useSession } from "../../session.tsx";
import { ColumnHeads } from "../../ui/ColumnHeads.tsx";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorMessage, ForbiddenPage, Loading, Page, ScrollFrame } from "../../ui/Page.tsx";
import { type Period, useLettersForPeriod, useRulingsForPeriod } from "./queries.ts";

/** The previous calendar month: the usual period since the last sammanträde. */
function previousMonth(): Period {
  const firstOfThis = `${todayInSweden().slice(0, 7)}-01`;
  return { from: addMonths(firstOfThis, -1), to: addDays(firstOfThis, -1) };
}

const wonLabel = (won: boolean | null) => (won === null ? "" : won ? "Ja" : "Nej");

/**
 * Inkommande: the domar och beslut and the skrivelser och meddelanden registered in a period, as the
 * sammanträde notes them (sections KR, FR, IMY, IVO, KF, KS), with a filter on who issued them.
 */
export function IncomingPage() {
  const { can } = useSession();
  const [period, setPeriod] = useState<Period>(previousMonth);
  const [issuer, setIssuer] = useState<Issuer | "">("");
  const rulings = useRulingsForPeriod(period);
  const letters = useLettersForPeriod(period);
  if (isForbidden(rulings.error))
    return <ForbiddenPage title="Inkommande" what="nämndens inkommande domar och skrivelser" />;
  const data = rulings.data;
  return (
    <Page
      title="Inkommande domar, beslut och skrivelser"
      actions={can("write:namnd") ? <Link to="/namnd/inkommande/registrera">Registrera inkommande</Link> : null}
    >
      <div className="form-grid">
        <TextField
          id="in-from"
          label="Registrerade från"
          type="date"
          value={period.from}
          onChange={(from) => setPeriod({ ...period, from })}
        />
        <TextField
          id="in-to"
          label="Registrerade till"
          type="date"
          value={period.to}
          onChange={(to) => setPeriod({ ...period, to })}
        />
        <SelectField
          id="in-issuer"
          label="Domstol eller myndighet"
          value={issuer}
          onChange={(v) => setIssuer(v as Issuer | "")}
        >
          <option value="">Alla</option>
          {issuers.map((i) => (
            <option key={i} value={i}>
              {issuerLabels[i]}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorMessage error={rulings.error} />
      {rulings.isLoading ? <Loading /> : null}
      {data ? (
        <section aria-labelledby="in-rulings">
          <h2 id="in-rulings">Domar och beslut</h2>
          <p role="status">
            {formatNumber(data.count)} registrerade under perioden, varav {formatNumber(data.courtCount)} från domstol (
            {formatNumber(data.wonCount)} till nämndens fördel).
          </p>
          {data.sections
            .filter((s) => !issuer || s.key === issuer)
            .map((s) => (
              <div key={s.key}>
                <h3>
                  {s.heading} ({formatNumber(s.rows.length)})
                </h3>
                {s.rows.length === 0 ? (
                  <p className="namnd-hint">Inga under perioden.</p>
                ) : (
                  <ScrollFrame label={s.heading}>
                    <table className="data namnd-table">
                      <ColumnHeads columns={["Registrerad", "Slag", "Referens", "Datum", "Avser", "Nämnden vann"]} />
                      <tbody>
                        {s.rows.map((r) => (
                          <tr key={r.id}>
                            <td className="date">{r.registeredOn}</td>
                            <td>{rulingKindLabels[r.kind]}</td>
                            <td className="dnr">
                              <Link to={`/namnd/inkommande/${r.id}`}>
                                {r.paragraph !== null
                                  ? `§ ${r.paragraph}`
                                  : (r.caseNumber ?? r.authorityReference ?? r.diarienummer ?? "Visa")}
                              </Link>
                            </td>
                            <td className="date">{r.decidedOn}</td>
                            <td className="title">{r.paragraph !== null ? r.subject : r.text}</td>
                            <td>{wonLabel(r.won)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </ScrollFrame>
                )}
              </div>
            ))}
        </section>
      ) : null}
      <section aria-labelledby="in-letters">
        <h2 id="in-letters">Skrivelser och meddelanden</h2>
        <ErrorMessage error={letters.error} />
        {letters.data ? (
          <ScrollFrame label="Skrivelser och meddelanden">
            <table className="data namnd-table">
              <caption>{formatNumber(letters.data.count)} registrerade under perioden</caption>
              <ColumnHeads columns={["Diarienummer", "Registrerad", "Avsändare", "Ämne"]} />
              <tbody>
                {letters.data.rows.map((l) => (
                  <tr key={l.id}>
                    <td className="dnr">{l.diarienummer}</td>
                    <td className="date">{l.registeredOn}</td>
                    <td>{l.sender}</td>
                    <td className="title">{l.subject}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
        ) : null}
      </section>
    </Page>
  );
}
