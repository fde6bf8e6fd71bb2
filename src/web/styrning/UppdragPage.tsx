import { useId, useState } from "react";
import { todayInSweden } from "../../platform/calendar.ts";
import { formatDate, formatDateTime, monthNames } from "../../platform/i18n/format.ts";
import {
  type ActivityStatus,
  activityStatuses,
  activityStatusLabels,
  decidedByLabels,
  reportFormLabels,
  reportRecipientLabels,
} from "../../styrning/vocabulary.ts";
import { useSession } from "../session.tsx";
import { ColumnHeads } from "../ui/ColumnHeads.tsx";
import { MutationForm, SelectField, TextField } from "../ui/fields.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../ui/Page.tsx";
import { Options, YearField } from "./fields.tsx";
import { useAddUppdragFollowup } from "./mutations.ts";
import { useUppdrag } from "./queries.ts";
import type { Uppdrag } from "./types.ts";
import { UppdragForm } from "./UppdragForm.tsx";
import { useYear } from "./year.ts";

/** "2027-10" → "oktober 2027". */
const monthLabel = (month: string) => `${monthNames[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

function ReportBack({ uppdrag }: { uppdrag: Uppdrag }) {
  const r = uppdrag.reportBack;
  if (!r) return <span className="muted">Ingen återrapportering</span>;
  return (
    <>
      {monthLabel(r.month)}
      <br />
      <span className="muted">
        {reportFormLabels[r.form]} till {reportRecipientLabels[r.to].toLowerCase()}
      </span>
    </>
  );
}

function FollowupForm({ uppdrag }: { uppdrag: Uppdrag }) {
  const id = useId();
  const [datedOn, setDatedOn] = useState(todayInSweden());
  const [status, setStatus] = useState<ActivityStatus>(uppdrag.status);
  const [text, setText] = useState("");
  const save = useAddUppdragFollowup();
  const submit = () =>
    save.mutate({ params: { id: uppdrag.id }, body: { datedOn, status, text } }, { onSuccess: () => setText("") });
  return (
    <details>
      <summary>Följ upp {uppdrag.code ?? "uppdraget"}</summary>
      <MutationForm mutation={{ mutate: submit, error: save.error }}>
        <TextField id={`${id}-d`} label="Datum" type="date" value={datedOn} onChange={setDatedOn} required />
        <SelectField id={`${id}-s`} label="Status" value={status} onChange={(v) => setStatus(v as ActivityStatus)}>
          <Options values={activityStatuses} labels={activityStatusLabels} />
        </SelectField>
        <label htmlFor={`${id}-t`}>Uppföljning</label>
        <textarea
          id={`${id}-t`}
          className="styrning-wide"
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          required
        />
        <div>
          <button type="submit" disabled={save.isPending}>
            Spara uppföljning
          </button>
        </div>
      </MutationForm>
    </details>
  );
}

/**
 * The uppdrag of the verksamhetsplan running in the year: who decided them, who carries them out, when and how
 * they report back, their status and dated follow-ups. Sorted by report-back month so the next ones come first.
 */
export function UppdragPage() {
  const { orgNode, namnd, can } = useSession();
  const [year, setYear] = useYear();
  const [decidedBy, setDecidedBy] = useState("");
  // The form open above the table: a new uppdrag (null) or the one being changed; closed when undefined.
  const [editing, setEditing] = useState<Uppdrag | null | undefined>(undefined);
  const list = useUppdrag(orgNode?.id, year);
  const shown = (list.data ?? [])
    .filter((u) => !decidedBy || u.decidedBy === decidedBy)
    .sort((a, b) => (a.reportBack?.month ?? "9999").localeCompare(b.reportBack?.month ?? "9999"));
  return (
    <Page title={`Uppdrag ${year}`}>
      <div className="toolbar">
        <YearField id="uppdrag-year" year={year} onChange={setYear} />
        <SelectField id="uppdrag-decided" label="Beslutat av" value={decidedBy} onChange={setDecidedBy}>
          <option value="">Alla</option>
          <option value="kf">{decidedByLabels.kf}</option>
          <option value="namnd">{decidedByLabels.namnd}</option>
        </SelectField>
        {namnd && can("write:styrning", namnd.id) && (
          <button type="button" onClick={() => setEditing(null)} disabled={editing === null}>
            Nytt uppdrag
          </button>
        )}
      </div>
      {namnd && editing !== undefined && (
        <UppdragForm
          key={editing?.id ?? "new"}
          namndId={editing?.orgNodeId ?? namnd.id}
          year={editing?.year ?? year}
          uppdrag={editing}
          onDone={() => setEditing(undefined)}
        />
      )}
      <ErrorMessage error={list.error} />
      {!list.data ? (
        <Loading />
      ) : shown.length === 0 ? (
        <p>Inga uppdrag löper {year}.</p>
      ) : (
        <ScrollFrame label={`Uppdrag ${year}`}>
          <table className="styrning-uppdrag">
            <ColumnHeads
              columns={["Uppdrag", "Beslutat av", "Ansvarig", "Återrapportering", "Status", "Uppföljning"]}
            />
            <tbody>
              {shown.map((u) => (
                <tr key={u.id}>
                  <td>
                    <strong>{u.code ? `${u.code} ` : ""}</strong>
                    {u.title}
                    {u.goal && (
                      <div className="muted">
                        Mål: {u.goal.code ? `${u.goal.code} ` : ""}
                        {u.goal.title}
                      </div>
                    )}
                    {(u.startDate || u.endDate) && (
                      <div className="muted">
                        {formatDate(u.startDate)}–{formatDate(u.endDate)}
                      </div>
                    )}
                  </td>
                  <td>
                    <span className={`badge styrning-decided styrning-decided-${u.decidedBy}`}>
                      {u.decidedBy === "kf" ? "KF" : "Nämnd"}
                    </span>
                  </td>
                  <td>{[u.ownerOrgNodeName, u.ownerName].filter(Boolean).join(", ") || "–"}</td>
                  <td>
                    <ReportBack uppdrag={u} />
                  </td>
                  <td>{activityStatusLabels[u.status]}</td>
                  <td>
                    {u.followups.length > 0 && (
                      <ul aria-label={`Uppföljning av ${u.code ?? u.title}`}>
                        {u.followups.map((f) => (
                          <li key={f.id}>
                            <strong>{formatDate(f.datedOn)}</strong> ({activityStatusLabels[f.status].toLowerCase()}):{" "}
                            {f.text}{" "}
                            <span className="muted">
                              ({f.authorName}, {formatDateTime(f.createdAt)})
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                    {u.writable && (
                      <button type="button" onClick={() => setEditing(u)}>
                        Ändra {u.code ?? "uppdraget"}
                      </button>
                    )}
                    {u.writable && <FollowupForm uppdrag={u} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      )}
    </Page>
  );
}
