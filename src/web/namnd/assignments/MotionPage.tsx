import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import {
  type MotionStatus,
  motionKindLabels,
  motionStatuses,
  motionStatusLabels,
  proposalLabels,
} from "../../../namnd/assignments/vocabulary.ts";
import { todayInSweden } from "../../../platform/calendar.ts";
import { useSession } from "../../session.tsx";
import { ColumnHeads } from "../../ui/ColumnHeads.tsx";
import { MutationForm, TextField } from "../../ui/fields.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../../ui/Page.tsx";
import { useAnswerReferral, useTakeStep } from "./mutations.ts";
import { type Motion, useMotion } from "./queries.ts";

/** One initiativärende or motion: its steps, its referees, and (for the sekreterare) the next step. */
export function MotionPage() {
  const { id } = useParams();
  const { can } = useSession();
  const motion = useMotion(id);
  const m = motion.data;
  return (
    <Page title={m ? `${motionKindLabels[m.kind]}: ${m.title}` : "Ärende"}>
      <p>
        <Link to="/namnd/uppfoljning">Tillbaka till uppdrag och uppföljning</Link>
      </p>
      <ErrorMessage error={motion.error} />
      {motion.isLoading ? <Loading /> : null}
      {m ? (
        <>
          <dl className="namnd-facts">
            <dt>Status</dt>
            <dd>{motionStatusLabels[m.status]}</dd>
            <dt>Diarienummer</dt>
            <dd>{m.diarienummer ?? "saknas"}</dd>
            <dt>Daterat</dt>
            <dd>{m.datedOn ?? "odaterat"}</dd>
            <dt>Inlämnat av</dt>
            <dd>{m.submittedBy ?? "–"}</dd>
            <dt>Förslag</dt>
            <dd>{m.proposal ? proposalLabels[m.proposal] : "–"}</dd>
          </dl>
          <ScrollFrame label="Steg">
            <table className="data namnd-table">
              <caption>Steg</caption>
              <ColumnHeads columns={["Steg", "Datum", "Beslut", "Anteckning"]} />
              <tbody>
                {m.steps.map((s) => (
                  <tr key={s.status}>
                    <td>{motionStatusLabels[s.status]}</td>
                    <td className="date">{s.occurredOn}</td>
                    <td>{s.reference ?? ""}</td>
                    <td>{s.note ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
          {m.referees.length > 0 ? (
            <>
              <h2>Remissinstanser</h2>
              <ul>
                {m.referees.map((r) => (
                  <li key={r.referee}>
                    {r.referee}:{" "}
                    {r.answeredOn
                      ? `svarade ${r.answeredOn}${r.reference ? ` (${r.reference})` : ""}`
                      : "inväntar svar"}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {can("write:namnd") ? (
            <div className="namnd-sections">
              <NextStep motion={m} />
              {m.referees.some((r) => !r.answeredOn) ? <Answer motion={m} /> : null}
            </div>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

function NextStep({ motion }: { motion: Motion }) {
  const step = useTakeStep();
  const next = motionStatuses[motionStatuses.indexOf(motion.status) + 1] as MotionStatus | undefined;
  const [occurredOn, setOccurredOn] = useState(todayInSweden());
  const [reference, setReference] = useState("");
  const [referees, setReferees] = useState("");
  if (!next) return null;
  const mutation = {
    mutate: () =>
      step.mutate({
        params: { id: motion.id },
        body: {
          status: next,
          occurredOn,
          reference: reference || null,
          referees:
            next === "remitterad"
              ? referees
                  .split(/[;\n]/)
                  .map((r) => r.trim())
                  .filter(Boolean)
              : [],
        },
      }),
    error: step.error,
  };
  return (
    <MutationForm mutation={mutation} className="namnd-form card" aria-label="Nästa steg">
      <h2>Nästa steg: {motionStatusLabels[next]}</h2>
      <div className="form-grid">
        <TextField id="st-date" label="Datum" type="date" value={occurredOn} onChange={setOccurredOn} required />
        <TextField
          id="st-ref"
          label="Beslut (t.ex. KF 2023-11-07 § 177)"
          value={reference}
          onChange={setReference}
          maxLength={200}
        />
      </div>
      {next === "remitterad" ? (
        <TextField
          id="st-referees"
          label="Remissinstanser (skilj med semikolon)"
          value={referees}
          onChange={setReferees}
          size={50}
          required
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

function Answer({ motion }: { motion: Motion }) {
  const answer = useAnswerReferral();
  const waiting = motion.referees.filter((r) => !r.answeredOn);
  const [referee, setReferee] = useState(waiting[0]?.referee ?? "");
  const [answeredOn, setAnsweredOn] = useState(todayInSweden());
  const mutation = {
    mutate: () => answer.mutate({ params: { id: motion.id }, body: { referee, answeredOn } }),
    error: answer.error,
  };
  return (
    <MutationForm mutation={mutation} className="namnd-form card" aria-label="Remissvar">
      <h2>Remissvar</h2>
      <div className="form-grid">
        <div>
          <label htmlFor="an-referee">Remissinstans</label>
          <select id="an-referee" value={referee} onChange={(e) => setReferee(e.target.value)}>
            {waiting.map((r) => (
              <option key={r.referee} value={r.referee}>
                {r.referee}
              </option>
            ))}
          </select>
        </div>
        <TextField id="an-date" label="Svarade" type="date" value={answeredOn} onChange={setAnsweredOn} required />
      </div>
      <div>
        <button type="submit" className="primary" disabled={answer.isPending}>
          Spara svaret
        </button>
      </div>
    </MutationForm>
  );
}
