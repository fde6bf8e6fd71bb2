import { useEffect, useRef, useState } from "react";
import {
  type ActivityStatus,
  activityStatuses,
  activityStatusLabels,
  decidedByLabels,
  type ReportForm,
  type ReportRecipient,
  reportFormLabels,
  reportForms,
  reportRecipientLabels,
  reportRecipients,
  type UppdragDecider,
  uppdragDeciders,
} from "../../styrning/vocabulary.ts";
import { kindLabels, useSession } from "../session.tsx";
import { MutationForm, SelectField, TextField } from "../ui/fields.tsx";
import { GoalOptions, Options } from "./fields.tsx";
import { useCreateUppdrag, useUpdateUppdrag } from "./mutations.ts";
import { useModels, useModelTree } from "./queries.ts";
import type { Uppdrag } from "./types.ts";

/** The goals of the nämnd's own goal model for the year an uppdrag may hang under (goal levels, not perspectives). */
function useGoalsOf(namndId: string, year: number) {
  const models = useModels();
  const model = (models.data ?? []).find((m) => m.orgNodeId === namndId && m.year === year);
  const tree = useModelTree(model?.id);
  const goalLevels = new Set((tree.data?.levels ?? []).filter((l) => l.kind === "goal").map((l) => l.id));
  return (tree.data?.goals ?? []).filter((g) => goalLevels.has(g.levelId));
}

type Draft = {
  code: string;
  title: string;
  description: string;
  decidedBy: UppdragDecider;
  goalId: string;
  ownerOrgNodeId: string;
  ownerName: string;
  status: ActivityStatus;
  startDate: string;
  endDate: string;
  reportMonth: string;
  reportForm: ReportForm;
  reportTo: ReportRecipient;
};

const draftOf = (u: Uppdrag | null): Draft => ({
  code: u?.code ?? "",
  title: u?.title ?? "",
  description: u?.description ?? "",
  decidedBy: u?.decidedBy ?? "namnd",
  goalId: u?.goalId ?? "",
  ownerOrgNodeId: u?.ownerOrgNodeId ?? "",
  ownerName: u?.ownerName ?? "",
  status: u?.status ?? "ej_paborjad",
  startDate: u?.startDate ?? "",
  endDate: u?.endDate ?? "",
  reportMonth: u?.reportBack?.month ?? "",
  reportForm: u?.reportBack?.form ?? "skriftlig",
  reportTo: u?.reportBack?.to ?? "namnd",
});

/** The fields both a new and a changed uppdrag send; an empty field is sent as null so a change can clear it. */
const fieldsOf = (d: Draft) => ({
  code: d.code || null,
  title: d.title,
  description: d.description || null,
  decidedBy: d.decidedBy,
  goalId: d.goalId || null,
  ownerOrgNodeId: d.ownerOrgNodeId || null,
  ownerName: d.ownerName || null,
  status: d.status,
  startDate: d.startDate || null,
  endDate: d.endDate || null,
  reportBack: d.reportMonth ? { month: d.reportMonth, form: d.reportForm, to: d.reportTo } : null,
});

/**
 * Creates an uppdrag in the nämnd's plan for the year, or changes one: who decided it, the goal it serves, who
 * carries it out, its dates and how it reports back.
 */
export function UppdragForm({
  namndId,
  year,
  uppdrag,
  onDone,
}: {
  namndId: string;
  year: number;
  uppdrag: Uppdrag | null;
  onDone: () => void;
}) {
  const { tree } = useSession();
  const goals = useGoalsOf(namndId, year);
  // The units that carry out the nämnd's plan: the nämnd and what lies below it, and a förvaltning elsewhere that
  // serves it with its units (the server refuses others).
  const within = [
    tree.find((n) => n.id === namndId)?.path,
    ...tree.filter((n) => n.servesNamndIds.includes(namndId)).map((n) => n.path),
  ].filter((p): p is string => p !== undefined);
  const owners = tree.filter((n) => within.some((p) => n.path.startsWith(p)) || n.id === uppdrag?.ownerOrgNodeId);
  const [d, setDraft] = useState(() => draftOf(uppdrag));
  const set = (patch: Partial<Draft>) => setDraft((x) => ({ ...x, ...patch }));
  const create = useCreateUppdrag();
  const update = useUpdateUppdrag();
  const save = uppdrag ? update : create;
  const submit = () =>
    uppdrag
      ? update.mutate({ params: { id: uppdrag.id }, body: fieldsOf(d) }, { onSuccess: onDone })
      : create.mutate({ body: { orgNodeId: namndId, year, ...fieldsOf(d) } }, { onSuccess: onDone });
  const heading = uppdrag ? `Ändra uppdrag ${uppdrag.code ?? uppdrag.title}` : `Nytt uppdrag ${year}`;
  const p = uppdrag ? "uppdrag-edit" : "uppdrag-new";
  // The form opens above the table, far from the row's button: move focus (and the view) to it.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="card" aria-labelledby={`${p}-heading`}>
      <h2 id={`${p}-heading`} ref={headingRef} tabIndex={-1}>
        {heading}
      </h2>
      <MutationForm mutation={{ mutate: submit, error: save.error }}>
        <div className="form-grid">
          <TextField id={`${p}-code`} label="Nummer" value={d.code} onChange={(code) => set({ code })} size={6} />
          <SelectField
            id={`${p}-decided`}
            label="Beslutat av"
            value={d.decidedBy}
            onChange={(v) => set({ decidedBy: v as UppdragDecider })}
          >
            <Options values={uppdragDeciders} labels={decidedByLabels} />
          </SelectField>
          <SelectField id={`${p}-goal`} label="Mål" value={d.goalId} onChange={(goalId) => set({ goalId })}>
            <option value="">Inget mål</option>
            <GoalOptions goals={goals} />
          </SelectField>
          <SelectField
            id={`${p}-status`}
            label="Status"
            value={d.status}
            onChange={(v) => set({ status: v as ActivityStatus })}
          >
            <Options values={activityStatuses} labels={activityStatusLabels} />
          </SelectField>
          <SelectField
            id={`${p}-owner`}
            label="Ansvarig enhet"
            value={d.ownerOrgNodeId}
            onChange={(ownerOrgNodeId) => set({ ownerOrgNodeId })}
          >
            <option value="">Ingen vald</option>
            {owners.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name} ({kindLabels[n.kind].toLowerCase()})
              </option>
            ))}
          </SelectField>
          <TextField
            id={`${p}-owner-name`}
            label="Ansvarig person"
            value={d.ownerName}
            onChange={(ownerName) => set({ ownerName })}
          />
          <TextField
            id={`${p}-start`}
            label="Startdatum"
            type="date"
            value={d.startDate}
            onChange={(startDate) => set({ startDate })}
          />
          <TextField
            id={`${p}-end`}
            label="Slutdatum"
            type="date"
            value={d.endDate}
            onChange={(endDate) => set({ endDate })}
          />
        </div>
        <fieldset>
          <legend>Återrapportering</legend>
          <div className="form-grid">
            <TextField
              id={`${p}-report-month`}
              label="Månad (ÅÅÅÅ-MM)"
              value={d.reportMonth}
              onChange={(reportMonth) => set({ reportMonth })}
              placeholder="2027-03"
            />
            <SelectField
              id={`${p}-report-form`}
              label="Form"
              value={d.reportForm}
              onChange={(v) => set({ reportForm: v as ReportForm })}
            >
              <Options values={reportForms} labels={reportFormLabels} />
            </SelectField>
            <SelectField
              id={`${p}-report-to`}
              label="Till"
              value={d.reportTo}
              onChange={(v) => set({ reportTo: v as ReportRecipient })}
            >
              <Options values={reportRecipients} labels={reportRecipientLabels} />
            </SelectField>
          </div>
        </fieldset>
        <label htmlFor={`${p}-title`}>Uppdrag</label>
        <textarea
          id={`${p}-title`}
          className="styrning-wide"
          rows={2}
          value={d.title}
          onChange={(e) => set({ title: e.target.value })}
          required
        />
        <label htmlFor={`${p}-desc`}>Beskrivning</label>
        <textarea
          id={`${p}-desc`}
          className="styrning-wide"
          rows={2}
          value={d.description}
          onChange={(e) => set({ description: e.target.value })}
        />
        <div className="toolbar">
          <button type="submit" className="primary" disabled={save.isPending}>
            {uppdrag ? "Spara ändringar" : "Skapa uppdrag"}
          </button>
          <button type="button" onClick={onDone}>
            Avbryt
          </button>
        </div>
      </MutationForm>
    </section>
  );
}
