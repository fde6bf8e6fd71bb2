import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import {
  type ApplicationStatus,
  applicationStatusLabels,
  type Fulfilment,
  fulfilmentLabels,
  fulfilments,
  roundLabels,
} from "../../../namnd/grants/vocabulary.ts";
import { todayInSweden } from "../../../platform/calendar.ts";
import { formatKr, formatPercent } from "../../../platform/i18n/format.ts";
import { useSession } from "../../session.tsx";
import { MutationForm, SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorMessage, Loading, Page } from "../../ui/Page.tsx";
import { useTakeGrantStep } from "./mutations.ts";
import { type GrantApplication, useGrantApplication } from "./queries.ts";

/** One application: what was applied for, the assessment per criterion, the decision, and the next step. */
export function ApplicationPage() {
  const { id } = useParams();
  const { can } = useSession();
  const application = useGrantApplication(id);
  const a = application.data;
  return (
    <Page title={a ? `Föreningsbidrag ${a.year.year}: ${a.association}` : "Ansökan om föreningsbidrag"}>
      <p>
        <Link to="/namnd/foreningsbidrag">Tillbaka till föreningsbidrag</Link>
      </p>
      <ErrorMessage error={application.error} />
      {application.isLoading ? <Loading /> : null}
      {a ? (
        <>
          {a.missingReport ? (
            <p className="error" role="note">
              Föreningens återrapport för bidraget {a.year.year - 1} saknas.
            </p>
          ) : null}
          <dl className="namnd-facts">
            <dt>Status</dt>
            <dd>{applicationStatusLabels[a.status]}</dd>
            <dt>Omgång</dt>
            <dd>{roundLabels[a.round]}</dd>
            <dt>Ändamål</dt>
            <dd>{a.purpose}</dd>
            <dt>Sökt belopp</dt>
            <dd>{formatKr(a.amountApplied)}</dd>
            <dt>Inkom</dt>
            <dd>{a.receivedOn}</dd>
            <dt>Handlingar</dt>
            <dd>
              {a.caseId ? (
                <Link to={`/namnd/arenden/${a.caseId}`}>{a.diarienummer}</Link>
              ) : (
                (a.diarienummer ?? "inget ärende i diariet")
              )}
            </dd>
            {a.completionRequestedOn ? (
              <>
                <dt>Komplettering begärd</dt>
                <dd>
                  {a.completionRequestedOn}: {a.completionNote}
                </dd>
              </>
            ) : null}
            {a.decidedOn ? (
              <>
                <dt>Beslut</dt>
                <dd>
                  {applicationStatusLabels[a.status === "avslagen" ? "avslagen" : "beviljad"]} {a.decidedOn} (
                  {a.decisionReference})
                </dd>
                <dt>Beviljat</dt>
                <dd>
                  {formatKr(a.amountGranted)} ({formatPercent(a.sharePercent)} av det sökta)
                </dd>
                <dt>Motivering</dt>
                <dd>{a.reasons}</dd>
              </>
            ) : null}
            {a.paidOn ? (
              <>
                <dt>Utbetald</dt>
                <dd>{a.paidOn}</dd>
              </>
            ) : null}
            {a.reportedOn ? (
              <>
                <dt>Återrapporterad</dt>
                <dd>{a.reportedOn}</dd>
              </>
            ) : null}
          </dl>
          <h2>Bedömning mot kriterierna</h2>
          <ol>
            {a.assessments.map((c) => (
              <li key={c.criterionId}>
                {c.text} <strong>{c.fulfilment ? fulfilmentLabels[c.fulfilment] : "Inte bedömt"}</strong>
                {c.note ? ` – ${c.note}` : ""}
              </li>
            ))}
          </ol>
          {a.assessmentNote ? <p>{a.assessmentNote}</p> : null}
          {can("write:namnd") && a.nextStatuses.length > 0 ? <NextStep key={a.status} application={a} /> : null}
        </>
      ) : null}
    </Page>
  );
}

function NextStep({ application }: { application: GrantApplication }) {
  const step = useTakeGrantStep();
  const [status, setStatus] = useState<ApplicationStatus>(application.nextStatuses[0] as ApplicationStatus);
  const [on, setOn] = useState(todayInSweden());
  const [note, setNote] = useState("");
  const [amount, setAmount] = useState("");
  const [reasons, setReasons] = useState("");
  const [reference, setReference] = useState("");
  const [given, setGiven] = useState<Record<string, Fulfilment>>({});
  const deciding = status === "beviljad" || status === "avslagen";
  const mutation = {
    mutate: () =>
      step.mutate({
        params: { id: application.id },
        body: {
          status,
          on,
          note: note || null,
          assessments:
            status === "bedomd"
              ? application.assessments.map((c) => ({
                  criterionId: c.criterionId,
                  fulfilment: given[c.criterionId] ?? "uppfyllt",
                }))
              : [],
          amountGranted: deciding ? (status === "avslagen" ? 0 : Number(amount)) : null,
          reasons: deciding ? reasons || null : null,
          decisionReference: deciding ? reference || null : null,
        },
      }),
    error: step.error,
  };
  return (
    <MutationForm mutation={mutation} className="namnd-form card" aria-label="Nästa steg">
      <h2>Nästa steg</h2>
      <div className="form-grid">
        <SelectField id="gs-status" label="Steg" value={status} onChange={(v) => setStatus(v as ApplicationStatus)}>
          {application.nextStatuses.map((s) => (
            <option key={s} value={s}>
              {applicationStatusLabels[s]}
            </option>
          ))}
        </SelectField>
        <TextField id="gs-on" label="Datum" type="date" value={on} onChange={setOn} required />
      </div>
      {status === "bedomd"
        ? application.assessments.map((c, i) => (
            <SelectField
              key={c.criterionId}
              id={`gs-criterion-${i + 1}`}
              label={`Kriterium ${i + 1}: ${c.text}`}
              value={given[c.criterionId] ?? "uppfyllt"}
              onChange={(v) => setGiven({ ...given, [c.criterionId]: v as Fulfilment })}
            >
              {fulfilments.map((f) => (
                <option key={f} value={f}>
                  {fulfilmentLabels[f]}
                </option>
              ))}
            </SelectField>
          ))
        : null}
      {deciding ? (
        <>
          <p className="namnd-hint">Kvar av anslaget för beslutet: {formatKr(application.remainingKronor)}.</p>
          <div className="form-grid">
            {status === "beviljad" ? (
              <TextField
                id="gs-amount"
                label="Beviljat belopp (kr)"
                type="number"
                min={1}
                step={1}
                value={amount}
                onChange={setAmount}
                required
              />
            ) : null}
            <TextField
              id="gs-reference"
              label="Beslut (t.ex. IF 2024-03-14 § 32)"
              value={reference}
              onChange={setReference}
              maxLength={200}
              required
            />
          </div>
          <TextField id="gs-reasons" label="Motivering" value={reasons} onChange={setReasons} size={50} required />
        </>
      ) : null}
      {status === "komplettering_begard" || status === "bedomd" ? (
        <TextField
          id="gs-note"
          label={status === "komplettering_begard" ? "Vad ska kompletteras" : "Bedömning (anteckning)"}
          value={note}
          onChange={setNote}
          size={50}
          required={status === "komplettering_begard"}
        />
      ) : null}
      <div>
        <button type="submit" className="primary" disabled={step.isPending}>
          Spara steget
        </button>
      </div>
    </MutationForm>
  );
}
