import { useState } from "react";
import { ColumnHeads } from "../../ui/ColumnHeads.tsx";
import { addOrChange, MutationForm, SelectField, SubmitOrCancel } from "../../ui/fields.tsx";
import { ScrollFrame } from "../../ui/Page.tsx";
import { useAddRisk, useUpdateRisk } from "./mutations.ts";
import type { Plan, PlanRisk } from "./queries.ts";
import { countOf, LevelBadge } from "./RiskMatrix.tsx";

type Draft = { processId: string; description: string; likelihood: string; consequence: string; comment: string };
const empty: Draft = { processId: "", description: "", likelihood: "", consequence: "", comment: "" };
const draftOf = (r: PlanRisk): Draft => ({
  processId: r.process?.id ?? "",
  description: r.description,
  likelihood: String(r.likelihood),
  consequence: String(r.consequence),
  comment: r.comment ?? "",
});

/** Adds a risk to the plan, or changes the one being edited. */
function RiskForm({ plan, editing, onDone }: { plan: Plan; editing: PlanRisk | null; onDone: () => void }) {
  const [draft, setDraft] = useState<Draft>(editing ? draftOf(editing) : empty);
  const add = useAddRisk();
  const update = useUpdateRisk();
  const set = (key: keyof Draft) => (value: string) => setDraft({ ...draft, [key]: value });
  const fields = {
    processId: draft.processId || null,
    description: draft.description,
    likelihood: Number(draft.likelihood),
    consequence: Number(draft.consequence),
    comment: draft.comment,
  };
  const done = () => {
    setDraft(empty);
    onDone();
  };
  const mutation = addOrChange(
    editing,
    { add, update },
    { fields, scope: { orgNodeId: plan.unit.id, year: plan.year }, done },
  );
  const { scale } = plan;
  const title = editing ? `Ändra risk ${editing.nr}` : "Ny risk";
  return (
    <MutationForm mutation={mutation} className="card kvalitet-form" aria-label={title}>
      <h3>{title}</h3>
      <div className="form-grid">
        <SelectField
          id="kp-risk-process"
          label="Process – aktivitet"
          value={draft.processId}
          onChange={set("processId")}
        >
          <option value="">(ingen)</option>
          {plan.processes
            .filter((p) => p.active || p.id === draft.processId)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.process} – {p.activity}
              </option>
            ))}
        </SelectField>
        <SelectField
          id="kp-risk-likelihood"
          label={scale.likelihoodName}
          value={draft.likelihood}
          onChange={set("likelihood")}
          required
        >
          <option value="">Välj</option>
          {scale.likelihoodLabels.map((label, i) => (
            <option key={label} value={i + 1}>
              {i + 1} – {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="kp-risk-consequence"
          label={scale.consequenceName}
          value={draft.consequence}
          onChange={set("consequence")}
          required
        >
          <option value="">Välj</option>
          {scale.consequenceLabels.map((label, i) => (
            <option key={label} value={i + 1}>
              {i + 1} – {label}
            </option>
          ))}
        </SelectField>
      </div>
      <label htmlFor="kp-risk-description">Risk</label>
      <textarea
        id="kp-risk-description"
        value={draft.description}
        onChange={(e) => set("description")(e.target.value)}
        required
      />
      <label htmlFor="kp-risk-comment">Kommentar</label>
      <textarea id="kp-risk-comment" value={draft.comment} onChange={(e) => set("comment")(e.target.value)} />
      <p className="hint">Skriv aldrig personuppgifter i planen; ett personnummer maskeras.</p>
      <SubmitOrCancel label={editing ? "Spara risken" : "Lägg till risk"} onCancel={editing ? done : undefined} />
    </MutationForm>
  );
}

/** The plan's risks with their derived level, and the form to add or change one. */
export function RiskSection({ plan }: { plan: Plan }) {
  const [editing, setEditing] = useState<PlanRisk | null>(null);
  return (
    <section aria-labelledby="kp-risks">
      <h2 id="kp-risks">Riskanalys</h2>
      <ScrollFrame label="Risker">
        <table className="data">
          <caption>{countOf(plan.risks.length, "risk", "risker")}</caption>
          <ColumnHeads
            columns={[
              { label: "Nr", num: true },
              "Process – aktivitet",
              "Risk",
              { label: plan.scale.likelihoodName, num: true },
              { label: plan.scale.consequenceName, num: true },
              { label: "Riskvärde", num: true },
              "Nivå",
              "Kommentar",
              plan.canWrite && "Ändra",
            ]}
          />
          <tbody>
            {plan.risks.map((r) => (
              <tr key={r.id}>
                <td className="num">{r.nr}</td>
                <td>{r.process?.name ?? "–"}</td>
                <td>{r.description}</td>
                <td className="num">{r.likelihood}</td>
                <td className="num">{r.consequence}</td>
                <td className="num">{r.value}</td>
                <td>
                  <LevelBadge level={r.level} />
                </td>
                <td>{r.comment ?? "–"}</td>
                {plan.canWrite ? (
                  <td>
                    <button type="button" onClick={() => setEditing(r)} aria-label={`Ändra risk ${r.nr}`}>
                      Ändra
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
      {plan.canWrite ? (
        <RiskForm key={editing?.id ?? "new"} plan={plan} editing={editing} onDone={() => setEditing(null)} />
      ) : null}
    </section>
  );
}
