import { useState } from "react";
import { Link } from "react-router-dom";
import * as api from "../../../namnd/grants/api.ts";
import { applicationStatusLabels, roundLabels } from "../../../namnd/grants/vocabulary.ts";
import { todayInSweden } from "../../../platform/calendar.ts";
import { formatCount, formatDateTime, formatKr, formatPercent } from "../../../platform/i18n/format.ts";
import { hrefOf, isForbidden } from "../../api.ts";
import { useSession } from "../../session.tsx";
import { ColumnHeads } from "../../ui/ColumnHeads.tsx";
import { MutationForm, SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorMessage, ForbiddenPage, Loading, Page, ScrollFrame } from "../../ui/Page.tsx";
import { GrantYearForm } from "./GrantYearForm.tsx";
import { useDrawSample, useRegisterApplication } from "./mutations.ts";
import { type GrantYear, useGrantYear, useGrantYears } from "./queries.ts";

/**
 * Föreningsbidrag per year: the frame with what is applied, granted and left, the applications, the list for
 * the committee memo (table and Word/PDF), registering an application and drawing the internkontroll sample;
 * for writers, opening a year and changing its frame and criteria.
 */
export function GrantsPage() {
  const { can } = useSession();
  const years = useGrantYears();
  const [chosen, setChosen] = useState("");
  const yearId = chosen || years.data?.[0]?.id;
  const year = useGrantYear(yearId);
  if (isForbidden(years.error)) return <ForbiddenPage title="Föreningsbidrag" what="nämndens föreningsbidrag" />;
  const y = year.data;
  const nextYear = Math.max(Number(todayInSweden().slice(0, 4)), ...(years.data ?? []).map((o) => o.year + 1));
  return (
    <Page title="Föreningsbidrag">
      <ErrorMessage error={years.error ?? year.error} />
      {years.isLoading || year.isLoading ? <Loading /> : null}
      {years.data?.length === 0 ? <p>Nämnden har inga bidragsår ännu.</p> : null}
      {years.data?.length ? (
        <div className="form-grid">
          <SelectField id="fb-year" label="År" value={yearId ?? ""} onChange={setChosen}>
            {years.data.map((option) => (
              <option key={option.id} value={option.id}>
                {option.year}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
      {y ? (
        <>
          <dl className="namnd-facts" aria-label="Anslaget">
            <dt>Anslag</dt>
            <dd>{formatKr(y.frameKronor)}</dd>
            <dt>Sökt</dt>
            <dd>{formatKr(y.appliedKronor)}</dd>
            <dt>Beviljat</dt>
            <dd>{formatKr(y.grantedKronor)}</dd>
            <dt>Kvar av anslaget</dt>
            <dd>{formatKr(y.remainingKronor)}</dd>
            <dt>Ansökningstid</dt>
            <dd>
              {y.applicationsOpenOn && y.applicationsCloseOn
                ? `${y.applicationsOpenOn}–${y.applicationsCloseOn}`
                : "ingen angiven"}
            </dd>
            <dt>Återrapport senast</dt>
            <dd>{y.reportDueOn}</dd>
          </dl>
          {can("write:namnd") ? (
            <details className="card">
              <summary>Ändra anslag och kriterier för {y.year}</summary>
              <GrantYearForm key={y.id} year={y} nextYear={nextYear} />
            </details>
          ) : null}
          <Applications year={y} />
          <Memo year={y} />
          <section aria-labelledby="fb-criteria">
            <h2 id="fb-criteria">Kriterier {y.year}</h2>
            <ol>
              {y.criteria.map((c) => (
                <li key={c.id}>{c.text}</li>
              ))}
            </ol>
          </section>
          {can("write:namnd") ? <RegisterApplication year={y} /> : null}
          <Samples year={y} canDraw={can("write:namnd")} />
        </>
      ) : null}
      {can("write:namnd") && !years.isLoading ? (
        <details className="card" open={years.data?.length === 0}>
          <summary>Nytt bidragsår</summary>
          <GrantYearForm key={nextYear} nextYear={nextYear} onCreated={setChosen} />
        </details>
      ) : null}
    </Page>
  );
}

function Applications({ year }: { year: GrantYear }) {
  return (
    <section aria-labelledby="fb-applications">
      <h2 id="fb-applications">Ansökningar</h2>
      <ScrollFrame label="Ansökningar">
        <table className="data namnd-table">
          <caption>{formatCount(year.applications.length, "ansökan", "ansökningar")}</caption>
          <ColumnHeads
            columns={[
              "Nr",
              "Förening",
              "Omgång",
              "Inkom",
              { label: "Sökt", num: true },
              { label: "Beviljat", num: true },
              { label: "Andel", num: true },
              "Status",
            ]}
          />
          <tbody>
            {year.applications.map((a) => (
              <tr key={a.id}>
                <td>{a.number}</td>
                <td className="title">
                  <Link to={`/namnd/foreningsbidrag/ansokningar/${a.id}`}>{a.association}</Link>
                  {a.missingReport ? <strong> – återrapport för {year.year - 1} saknas</strong> : null}
                </td>
                <td>{a.round}</td>
                <td className="date">{a.receivedOn}</td>
                <td className="num">{formatKr(a.amountApplied)}</td>
                <td className="num">{formatKr(a.amountGranted)}</td>
                <td className="num">{formatPercent(a.sharePercent)}</td>
                <td>{applicationStatusLabels[a.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
    </section>
  );
}

function Memo({ year }: { year: GrantYear }) {
  const file = (format: "docx" | "pdf") => hrefOf(api.memoFile, { params: { id: year.id }, query: { format } });
  return (
    <section aria-labelledby="fb-memo">
      <h2 id="fb-memo">Underlag till nämnden</h2>
      <p>
        <a href={file("docx")} download>
          Hämta underlaget som Word
        </a>{" "}
        ·{" "}
        <a href={file("pdf")} download>
          Hämta underlaget som PDF
        </a>
      </p>
      <ScrollFrame label="Fördelning per förening">
        <table className="data namnd-table">
          <caption>Fördelning per förening</caption>
          <ColumnHeads
            columns={[
              "Förening",
              { label: "Sökt", num: true },
              { label: "Beviljat", num: true },
              { label: "Andel av sökt", num: true },
              "Motivering",
            ]}
          />
          <tbody>
            {year.memo.map((r) => (
              <tr key={`${r.round}-${r.association}`}>
                <td className="title">
                  {r.association}
                  {r.round === 2 ? " (andra omgången)" : ""}
                </td>
                <td className="num">{formatKr(r.appliedKronor)}</td>
                <td className="num">{formatKr(r.grantedKronor)}</td>
                <td className="num">{formatPercent(r.sharePercent)}</td>
                <td>{r.reasons}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
    </section>
  );
}

function RegisterApplication({ year }: { year: GrantYear }) {
  const register = useRegisterApplication();
  const [round, setRound] = useState<"1" | "2">("1");
  const [association, setAssociation] = useState("");
  const [purpose, setPurpose] = useState("");
  const [amount, setAmount] = useState("");
  const [receivedOn, setReceivedOn] = useState(todayInSweden());
  const [diarienummer, setDiarienummer] = useState("");
  const mutation = {
    mutate: () =>
      register.mutate({
        params: { id: year.id },
        body: {
          round: round === "2" ? 2 : 1,
          association,
          purpose,
          amountApplied: Number(amount),
          receivedOn,
          diarienummer: diarienummer || null,
        },
      }),
    error: register.error,
  };
  return (
    <MutationForm mutation={mutation} className="namnd-form card" aria-label="Registrera ansökan">
      <h2>Registrera ansökan</h2>
      {!year.secondRound.open && year.secondRound.reason ? (
        <p className="namnd-hint">Andra omgången: {year.secondRound.reason}</p>
      ) : null}
      <div className="form-grid">
        <SelectField id="fb-round" label="Omgång" value={round} onChange={(v) => setRound(v as "1" | "2")}>
          <option value="1">{roundLabels[1]}</option>
          <option value="2">{roundLabels[2]}</option>
        </SelectField>
        <TextField id="fb-association" label="Förening" value={association} onChange={setAssociation} required />
        <TextField
          id="fb-amount"
          label="Sökt belopp (kr)"
          type="number"
          min={1}
          step={1}
          value={amount}
          onChange={setAmount}
          required
        />
        <TextField id="fb-received" label="Inkom" type="date" value={receivedOn} onChange={setReceivedOn} required />
        <TextField id="fb-dnr" label="Diarienummer" value={diarienummer} onChange={setDiarienummer} maxLength={40} />
      </div>
      <TextField id="fb-purpose" label="Ändamål" value={purpose} onChange={setPurpose} size={50} required />
      <div>
        <button type="submit" className="primary" disabled={register.isPending}>
          Registrera ansökan
        </button>
      </div>
      {register.data ? (
        <p role="status">
          Registrerad:{" "}
          <Link to={`/namnd/foreningsbidrag/ansokningar/${register.data.id}`}>{register.data.association}</Link>
        </p>
      ) : null}
    </MutationForm>
  );
}

function Samples({ year, canDraw }: { year: GrantYear; canDraw: boolean }) {
  const draw = useDrawSample();
  const [size, setSize] = useState("3");
  const [seed, setSeed] = useState("");
  const mutation = {
    mutate: () => draw.mutate({ params: { id: year.id }, body: { size: Number(size), seed: seed || null } }),
    error: draw.error,
  };
  return (
    <section aria-labelledby="fb-samples">
      <h2 id="fb-samples">Stickprov för internkontroll</h2>
      {canDraw ? (
        <MutationForm mutation={mutation} className="namnd-form" aria-label="Dra stickprov">
          <div className="form-grid">
            <TextField
              id="fb-size"
              label="Antal ansökningar"
              type="number"
              min={1}
              max={100}
              value={size}
              onChange={setSize}
              required
            />
            <TextField id="fb-seed" label="Frö (tomt: ett nytt dras)" value={seed} onChange={setSeed} maxLength={100} />
          </div>
          <div>
            <button type="submit" className="primary" disabled={draw.isPending}>
              Dra stickprov
            </button>
          </div>
        </MutationForm>
      ) : null}
      {year.samples.length === 0 ? <p>Inga stickprov dragna för {year.year}.</p> : null}
      <ul aria-label="Dragna stickprov">
        {year.samples.map((s) => (
          <li key={s.id}>
            {formatDateTime(s.drawnAt)}, {s.drawnBy ?? "systemet"}, frö {s.seed}:{" "}
            {s.applications.map((a) => `${a.number}. ${a.association}`).join("; ")}
          </li>
        ))}
      </ul>
    </section>
  );
}
