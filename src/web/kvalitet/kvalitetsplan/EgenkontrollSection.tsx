import { useState } from "react";
import { controlMethods } from "../../../kvalitet/kvalitetsplan/vocabulary.ts";
import { formatDate, formatNumber, formatPercent } from "../../../platform/i18n/format.ts";
import { ColumnHeads } from "../../ui/ColumnHeads.tsx";
import { addOrChange, MutationForm, SelectField, SubmitOrCancel, TextField } from "../../ui/fields.tsx";
import { ScrollFrame } from "../../ui/Page.tsx";
import { useAddEgenkontroll, useUpdateEgenkontroll } from "./mutations.ts";
import type { Plan } from "./queries.ts";
import { countOf } from "./RiskMatrix.tsx";

type Draft = Record<
  "processId" | "riskId" | "what" | "method" | "sample" | "performedOn" | "numerator" | "denominator" | "comment",
  string
>;
const empty: Draft = {
  processId: "",
  riskId: "",
  what: "",
  method: "Stickprov",
  sample: "",
  performedOn: "",
  numerator: "",
  denominator: "",
  comment: "",
};
const count = (text: string) => (text.trim() === "" ? null : Number(text));
type Egenkontroll = Plan["egenkontroller"][number];
const draftOf = (c: Egenkontroll): Draft => ({
  processId: c.process?.id ?? "",
  riskId: c.risk?.id ?? "",
  what: c.what,
  method: c.method,
  sample: c.sample ?? "",
  performedOn: c.performedOn ?? "",
  numerator: c.numerator === null ? "" : String(c.numerator),
  denominator: c.denominator === null ? "" : String(c.denominator),
  comment: c.comment ?? "",
});

/** "42 % (21 av 50)": the share in sv-SE with the counts behind it. */
export const shareText = (c: Egenkontroll) =>
  c.share === null
    ? "–"
    : `${formatPercent(c.share * 100, 0)} (${formatNumber(c.numerator)} av ${formatNumber(c.denominator)})`;

/** Adds an egenkontroll to the plan, or changes the one being edited (e.g. to enter its result). */
function EgenkontrollForm({ plan, editing, onDone }: { plan: Plan; editing: Egenkontroll | null; onDone: () => void }) {
  const [draft, setDraft] = useState<Draft>(editing ? draftOf(editing) : empty);
  const add = useAddEgenkontroll();
  const update = useUpdateEgenkontroll();
  const set = (key: keyof Draft) => (value: string) => setDraft({ ...draft, [key]: value });
  const fields = {
    processId: draft.processId || null,
    riskId: draft.riskId || null,
    what: draft.what,
    method: draft.method,
    sample: draft.sample,
    performedOn: draft.performedOn || null,
    numerator: count(draft.numerator),
    denominator: count(draft.denominator),
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
  const title = editing ? `Ändra egenkontroll: ${editing.what}` : "Ny egenkontroll";
  return (
    <MutationForm mutation={mutation} className="card kvalitet-form" aria-label={title}>
      <h3>{title}</h3>
      <div className="form-grid">
        <SelectField id="kp-ek-process" label="Process – aktivitet" value={draft.processId} onChange={set("processId")}>
          <option value="">(ingen)</option>
          {plan.processes
            .filter((p) => p.active || p.id === draft.processId)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.process} – {p.activity}
              </option>
            ))}
        </SelectField>
        <SelectField id="kp-ek-risk" label="Mot risk" value={draft.riskId} onChange={set("riskId")}>
          <option value="">(ingen)</option>
          {plan.risks.map((r) => (
            <option key={r.id} value={r.id}>
              {r.nr}. {r.description}
            </option>
          ))}
        </SelectField>
        <TextField
          id="kp-ek-method"
          label="Metod"
          value={draft.method}
          onChange={set("method")}
          list="kp-methods"
          required
        />
        <datalist id="kp-methods">
          {controlMethods.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
        <TextField id="kp-ek-date" label="Datum" type="date" value={draft.performedOn} onChange={set("performedOn")} />
        <TextField
          id="kp-ek-numerator"
          label="Antal som uppfyllde kravet"
          type="number"
          min={0}
          value={draft.numerator}
          onChange={set("numerator")}
        />
        <TextField
          id="kp-ek-denominator"
          label="Antal granskade"
          type="number"
          min={1}
          value={draft.denominator}
          onChange={set("denominator")}
        />
      </div>
      <label htmlFor="kp-ek-what">Egenkontroll (vad kontrolleras)</label>
      <textarea id="kp-ek-what" value={draft.what} onChange={(e) => set("what")(e.target.value)} required />
      <label htmlFor="kp-ek-sample">Urval</label>
      <textarea id="kp-ek-sample" value={draft.sample} onChange={(e) => set("sample")(e.target.value)} />
      <label htmlFor="kp-ek-comment">Kommentar</label>
      <textarea id="kp-ek-comment" value={draft.comment} onChange={(e) => set("comment")(e.target.value)} />
      <SubmitOrCancel
        label={editing ? "Spara egenkontrollen" : "Lägg till egenkontroll"}
        onCancel={editing ? done : undefined}
      />
    </MutationForm>
  );
}

/** The plan's egenkontroller with their shares, and the form to add or change one. */
export function EgenkontrollSection({ plan }: { plan: Plan }) {
  const [editing, setEditing] = useState<Egenkontroll | null>(null);
  return (
    <section aria-labelledby="kp-controls">
      <h2 id="kp-controls">Egenkontroller</h2>
      <ScrollFrame label="Egenkontroller">
        <table className="data">
          <caption>{countOf(plan.egenkontroller.length, "egenkontroll", "egenkontroller")}</caption>
          <ColumnHeads
            columns={[
              "Process – aktivitet",
              "Egenkontroll",
              "Metod",
              "Urval",
              "Datum",
              { label: "Utfall", num: true },
              "Risk",
              "Kommentar",
              plan.canWrite && "Ändra",
            ]}
          />
          <tbody>
            {plan.egenkontroller.map((c) => (
              <tr key={c.id}>
                <td>{c.process?.name ?? "–"}</td>
                <td>{c.what}</td>
                <td>{c.method}</td>
                <td>{c.sample ?? "–"}</td>
                <td>{formatDate(c.performedOn)}</td>
                <td className="num">{shareText(c)}</td>
                <td>{c.risk ? `Risk ${c.risk.nr}` : "–"}</td>
                <td>{c.comment ?? "–"}</td>
                {plan.canWrite ? (
                  <td>
                    <button type="button" onClick={() => setEditing(c)} aria-label={`Ändra egenkontroll: ${c.what}`}>
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
        <EgenkontrollForm key={editing?.id ?? "new"} plan={plan} editing={editing} onDone={() => setEditing(null)} />
      ) : null}
    </section>
  );
}
