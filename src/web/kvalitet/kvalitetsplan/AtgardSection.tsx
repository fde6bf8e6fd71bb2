import { useState } from "react";
import {
  type AtgardStatus,
  atgardStatuses,
  atgardStatusLabels,
  isClosedStatus,
} from "../../../kvalitet/kvalitetsplan/vocabulary.ts";
import { formatCount, formatDate, formatNumber } from "../../../platform/i18n/format.ts";
import { ColumnHeads } from "../../ui/ColumnHeads.tsx";
import { MutationForm, SelectField, SubmitOrCancel, TextField } from "../../ui/fields.tsx";
import { ScrollFrame } from "../../ui/Page.tsx";
import { useAddAtgard, useUpdateAtgard } from "./mutations.ts";
import type { Atgard, AtgardFilter, Plan } from "./queries.ts";
import { countOf } from "./RiskMatrix.tsx";

export type Filter = AtgardFilter | "";

/** The filter's choices: all, the open ones, the overdue ones, or one status. */
export function FilterField({ value, onChange }: { value: Filter; onChange: (value: Filter) => void }) {
  return (
    <SelectField id="kp-atgard-filter" label="Visa åtgärder" value={value} onChange={(v) => onChange(v as Filter)}>
      <option value="">Alla</option>
      <option value="oppna">Öppna</option>
      <option value="forsenade">Försenade</option>
      {atgardStatuses.map((s) => (
        <option key={s} value={s}>
          {atgardStatusLabels[s]}
        </option>
      ))}
    </SelectField>
  );
}

export const matches = (a: Atgard, filter: Filter) =>
  filter === "" ||
  (filter === "oppna" && !isClosedStatus(a.status)) ||
  (filter === "forsenade" && a.overdue) ||
  a.status === filter;

/** Changes the status of an open åtgärd; closing needs a comment on what it gave. */
function StatusForm({ atgard, onDone }: { atgard: Atgard; onDone: () => void }) {
  const update = useUpdateAtgard();
  const [status, setStatus] = useState<AtgardStatus>(atgard.status);
  const [comment, setComment] = useState(atgard.comment ?? "");
  const mutation = {
    error: update.error,
    mutate: () => update.mutate({ params: { id: atgard.id }, body: { status, comment } }, { onSuccess: onDone }),
  };
  return (
    <MutationForm mutation={mutation} className="card kvalitet-form" aria-label="Ändra status">
      <h3>Status för åtgärden: {atgard.text}</h3>
      <SelectField id="kp-status" label="Status" value={status} onChange={(v) => setStatus(v as AtgardStatus)}>
        {atgardStatuses.map((s) => (
          <option key={s} value={s}>
            {atgardStatusLabels[s]}
          </option>
        ))}
      </SelectField>
      <label htmlFor="kp-status-comment">Kommentar (vad gav åtgärden?)</label>
      <textarea id="kp-status-comment" value={comment} onChange={(e) => setComment(e.target.value)} />
      <p className="hint">En avslutad åtgärd kan inte ändras igen. Statusdatum blir i dag.</p>
      <SubmitOrCancel label="Spara status" onCancel={onDone} />
    </MutationForm>
  );
}

type Draft = { link: string; text: string; owner: string; deadline: string };
const empty: Draft = { link: "", text: "", owner: "", deadline: "" };

function AtgardForm({ plan }: { plan: Plan }) {
  const add = useAddAtgard();
  const [draft, setDraft] = useState<Draft>(empty);
  const set = (key: keyof Draft) => (value: string) => setDraft({ ...draft, [key]: value });
  const [kind, id] = draft.link.split(":");
  const mutation = {
    error: add.error,
    mutate: () =>
      add.mutate(
        {
          body: {
            riskId: kind === "risk" ? id : null,
            egenkontrollId: kind === "egenkontroll" ? id : null,
            text: draft.text,
            owner: draft.owner,
            deadline: draft.deadline || null,
          },
        },
        { onSuccess: () => setDraft(empty) },
      ),
  };
  return (
    <MutationForm mutation={mutation} className="card kvalitet-form" aria-label="Ny åtgärd">
      <h3>Ny åtgärd</h3>
      <div className="form-grid">
        <SelectField id="kp-atgard-link" label="Gäller" value={draft.link} onChange={set("link")} required>
          <option value="">Välj risk eller egenkontroll</option>
          {plan.risks.map((r) => (
            <option key={r.id} value={`risk:${r.id}`}>
              Risk {r.nr}: {r.description}
            </option>
          ))}
          {plan.egenkontroller.map((c) => (
            <option key={c.id} value={`egenkontroll:${c.id}`}>
              Egenkontroll: {c.what}
            </option>
          ))}
        </SelectField>
        <TextField
          id="kp-atgard-owner"
          label="Ägare (funktion eller namn)"
          value={draft.owner}
          onChange={set("owner")}
          required
        />
        <TextField
          id="kp-atgard-deadline"
          label="Slutdatum"
          type="date"
          value={draft.deadline}
          onChange={set("deadline")}
        />
      </div>
      <label htmlFor="kp-atgard-text">Åtgärd</label>
      <textarea id="kp-atgard-text" value={draft.text} onChange={(e) => set("text")(e.target.value)} required />
      <div className="toolbar">
        <button type="submit">Lägg till åtgärd</button>
      </div>
    </MutationForm>
  );
}

/** Åtgärder in a table with age and lateness; writers change the status of open ones. */
export function AtgardTable({
  atgarder,
  canWrite,
  showUnit = false,
}: {
  atgarder: readonly Atgard[];
  canWrite: boolean;
  showUnit?: boolean;
}) {
  const [editing, setEditing] = useState<Atgard | null>(null);
  return (
    <>
      <ScrollFrame label="Åtgärder">
        <table className="data">
          <caption>{countOf(atgarder.length, "åtgärd", "åtgärder")}</caption>
          <ColumnHeads
            columns={[
              "Åtgärd",
              showUnit && "Enhet",
              "Gäller",
              "Ägare",
              "Slutdatum",
              "Status",
              "Statusdatum",
              { label: "Dagar", num: true },
              "Kommentar",
              canWrite && "Ändra",
            ]}
          />
          <tbody>
            {atgarder.map((a) => (
              <tr key={a.id}>
                <td>{a.text}</td>
                {showUnit ? (
                  <td>
                    {a.unit.name} {a.year}
                  </td>
                ) : null}
                <td>{a.linkedTo.label}</td>
                <td>{a.owner}</td>
                <td>
                  {formatDate(a.deadline)}
                  {a.overdue ? (
                    <span className="kp-overdue"> försenad {formatCount(a.daysOverdue, "dag", "dagar")}</span>
                  ) : null}
                </td>
                <td>{atgardStatusLabels[a.status]}</td>
                <td>{formatDate(a.statusOn)}</td>
                <td className="num">{formatNumber(a.ageDays)}</td>
                <td>{a.comment ?? "–"}</td>
                {canWrite ? (
                  <td>
                    {isClosedStatus(a.status) ? (
                      "–"
                    ) : (
                      <button type="button" onClick={() => setEditing(a)} aria-label={`Ändra status: ${a.text}`}>
                        Ändra status
                      </button>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
      {editing ? <StatusForm key={editing.id} atgard={editing} onDone={() => setEditing(null)} /> : null}
    </>
  );
}

export function AtgardSection({ plan }: { plan: Plan }) {
  const [filter, setFilter] = useState<Filter>("");
  const shown = plan.atgarder.filter((a) => matches(a, filter));
  return (
    <section aria-labelledby="kp-atgarder">
      <h2 id="kp-atgarder">Åtgärder</h2>
      <div className="toolbar">
        <FilterField value={filter} onChange={setFilter} />
      </div>
      <AtgardTable atgarder={shown} canWrite={plan.canWrite} />
      {plan.canWrite && plan.risks.length + plan.egenkontroller.length > 0 ? <AtgardForm plan={plan} /> : null}
    </section>
  );
}
