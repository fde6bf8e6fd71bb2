import { useState } from "react";
import { Link } from "react-router-dom";
import {
  assignmentStatusLabels,
  type MotionKind,
  motionKindLabels,
  motionKinds,
  motionStatusLabels,
} from "../../../namnd/assignments/vocabulary.ts";
import { todayInSweden } from "../../../platform/calendar.ts";
import { formatCount, formatNumber } from "../../../platform/i18n/format.ts";
import { isForbidden } from "../../api.ts";
import { useSession } from "../../session.tsx";
import { ColumnHeads } from "../../ui/ColumnHeads.tsx";
import { MutationForm, SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorMessage, ForbiddenPage, Loading, Page, ScrollFrame } from "../../ui/Page.tsx";
import { useRegisterMotion } from "./mutations.ts";
import { useAssignments, useAudits, useMotions } from "./queries.ts";

/**
 * Uppdrag och uppföljning: initiativärenden and motions with where they stand, the nämnd's uppdrag until
 * fullgjorda, and the revisionsgranskningar with their reply deadlines (overdue ones marked).
 */
export function AssignmentsPage() {
  const { can } = useSession();
  const motions = useMotions();
  const [kind, setKind] = useState<MotionKind | "">("");
  if (isForbidden(motions.error)) return <ForbiddenPage title="Uppdrag och uppföljning" what="nämndens uppdrag" />;
  const shown = (motions.data ?? []).filter((m) => !kind || m.kind === kind);
  return (
    <Page title="Uppdrag och uppföljning">
      <section aria-labelledby="as-motions">
        <h2 id="as-motions">Initiativärenden och motioner</h2>
        <div className="form-grid">
          <SelectField id="as-kind" label="Visa" value={kind} onChange={(v) => setKind(v as MotionKind | "")}>
            <option value="">Alla</option>
            {motionKinds.map((k) => (
              <option key={k} value={k}>
                {motionKindLabels[k]}
              </option>
            ))}
          </SelectField>
        </div>
        <ErrorMessage error={motions.error} />
        {motions.isLoading ? <Loading /> : null}
        <ScrollFrame label="Initiativärenden och motioner">
          <table className="data namnd-table">
            <caption>{formatCount(shown.length, "ärende", "ärenden")}</caption>
            <ColumnHeads columns={["Slag", "Rubrik", "Diarienummer", "Status", "Senaste steg", "Remissinstanser"]} />
            <tbody>
              {shown.map((m) => {
                const last = m.steps.at(-1);
                return (
                  <tr key={m.id}>
                    <td>{motionKindLabels[m.kind]}</td>
                    <td className="title">
                      <Link to={`/namnd/uppfoljning/motioner/${m.id}`}>{m.title}</Link>
                    </td>
                    <td className="dnr">{m.diarienummer ?? "–"}</td>
                    <td>{motionStatusLabels[m.status]}</td>
                    <td className="date">
                      {last ? `${last.occurredOn}${last.reference ? ` (${last.reference})` : ""}` : ""}
                    </td>
                    <td>
                      {m.referees
                        .map((r) => `${r.referee}: ${r.answeredOn ? `svar ${r.answeredOn}` : "inväntar svar"}`)
                        .join("; ")}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollFrame>
        {can("write:namnd") ? <RegisterMotion /> : null}
      </section>
      <Assignments />
      <Audits />
    </Page>
  );
}

function RegisterMotion() {
  const { orgNode } = useSession();
  const register = useRegisterMotion();
  const [kind, setKind] = useState<MotionKind>("motion");
  const [title, setTitle] = useState("");
  const [submittedBy, setSubmittedBy] = useState("");
  const [datedOn, setDatedOn] = useState("");
  const [receivedOn, setReceivedOn] = useState(todayInSweden());
  const [diarienummer, setDiarienummer] = useState("");
  const mutation = {
    mutate: () =>
      register.mutate({
        body: {
          orgNodeId: orgNode?.id ?? "",
          kind,
          title,
          submittedBy: submittedBy || null,
          datedOn: datedOn || null,
          receivedOn,
          diarienummer: diarienummer || null,
        },
      }),
    error: register.error,
  };
  return (
    <MutationForm mutation={mutation} className="namnd-form card" aria-label="Registrera initiativärende eller motion">
      <h3>Registrera initiativärende eller motion</h3>
      <div className="form-grid">
        <SelectField id="mo-kind" label="Slag" value={kind} onChange={(v) => setKind(v as MotionKind)}>
          {motionKinds.map((k) => (
            <option key={k} value={k}>
              {motionKindLabels[k]}
            </option>
          ))}
        </SelectField>
        <TextField id="mo-by" label="Inlämnat av" value={submittedBy} onChange={setSubmittedBy} maxLength={200} />
        <TextField id="mo-dated" label="Daterat" type="date" value={datedOn} onChange={setDatedOn} />
        <TextField id="mo-received" label="Inkom" type="date" value={receivedOn} onChange={setReceivedOn} required />
        <TextField id="mo-dnr" label="Diarienummer" value={diarienummer} onChange={setDiarienummer} maxLength={40} />
      </div>
      <TextField id="mo-title" label="Rubrik" value={title} onChange={setTitle} maxLength={500} size={50} required />
      <div>
        <button type="submit" className="primary" disabled={register.isPending}>
          Registrera
        </button>
      </div>
      {register.data ? <p role="status">Registrerat som inkommet: {register.data.title}</p> : null}
    </MutationForm>
  );
}

function Assignments() {
  const assignments = useAssignments();
  return (
    <section aria-labelledby="as-uppdrag">
      <h2 id="as-uppdrag">Uppdrag</h2>
      <ErrorMessage error={assignments.error} />
      {assignments.data ? (
        <ScrollFrame label="Uppdrag">
          <table className="data namnd-table">
            <caption>{formatNumber(assignments.data.length)} uppdrag</caption>
            <ColumnHeads columns={["Uppdrag", "Beslut", "Ansvarig", "Klart", "Status"]} />
            <tbody>
              {assignments.data.map((a) => (
                <tr key={a.id}>
                  <td className="title">{a.title}</td>
                  <td>{a.decisionReference}</td>
                  <td>{a.owner}</td>
                  <td>{a.dueOn ?? a.dueNote ?? "–"}</td>
                  <td>
                    {assignmentStatusLabels[a.status]}
                    {a.closingReference ? ` (${a.closingReference})` : ""}
                    {a.overdue ? <strong> – försenat</strong> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      ) : null}
    </section>
  );
}

function Audits() {
  const audits = useAudits();
  return (
    <section aria-labelledby="as-revision">
      <h2 id="as-revision">Revisionsgranskningar</h2>
      <ErrorMessage error={audits.error} />
      {audits.data ? (
        <ScrollFrame label="Revisionsgranskningar">
          <table className="data namnd-table">
            <caption>{formatNumber(audits.data.length)} granskningar</caption>
            <ColumnHeads columns={["Granskning", "Revisor", "Registrerad", "Svar senast", "Besvarad"]} />
            <tbody>
              {audits.data.map((a) => (
                <tr key={a.id}>
                  <td className="title">
                    <Link to={`/namnd/uppfoljning/revision/${a.id}`}>{a.title}</Link>
                  </td>
                  <td>{a.auditor}</td>
                  <td className="date">{a.registeredOn}</td>
                  <td className="date">
                    {a.replyDeadline}
                    {a.overdue ? <strong> – svar saknas</strong> : null}
                  </td>
                  <td className="date">{a.repliedOn ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      ) : null}
    </section>
  );
}
