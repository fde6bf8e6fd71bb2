import { useState } from "react";
import { controlMethods } from "../../../kvalitet/kvalitetsplan/vocabulary.ts";
import { formatDate, formatNumber, formatPercent } from "../../../platform/i18n/format.ts";
import { ColumnHeads } from "../../ui/ColumnHeads.tsx";
import { MutationForm, SelectField, TextField } from "../../ui/fields.tsx";
import { ScrollFrame } from "../../ui/Page.tsx";
import { useAddEgenkontroll } from "./mutations.ts";
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

/** "42 % (21 av 50)": the share in sv-SE with the counts behind it. */
export const shareText = (c: Plan["egenkontroller"][number]) =>
  c.share === null
    ? "–"
    : `${formatPercent(c.share * 100, 0)} (${formatNumber(c.numerator)} av ${formatNumber(c.denominator)})`;

function EgenkontrollForm({ plan }: { plan: Plan }) {
  const [draft, setDraft] = useState<Draft>(empty);
  const add = useAddEgenkontroll();
  const set = (key: keyof Draft) => (value: string) => setDraft({ ...draft, [key]: value });
  const mutation = {
    error: add.error,
    mutate: () =>
      add.mutate(
        {
          body: {
            orgNodeId: plan.unit.id,
            year: plan.year,
            processId: draft.processId || null,
            riskId: draft.riskId || null,
            what: draft.what,
            method: draft.method,
            sample: draft.sample,
            performedOn: draft.performedOn || null,
            numerator: count(draft.numerator),
            denominator: count(draft.denominator),
            comment: draft.comment,
          },
        },
        { onSuccess: () => setDraft(empty) },
      ),
  };
  return (
    <MutationForm mutation={mutation} className="card kvalitet-form" aria-label="Ny egenkontroll">
      <h3>Ny egenkontroll</h3>
      <div className="form-grid">
        <SelectField id="kp-ek-process" label="Process – aktivitet" value={draft.processId} onChange={set("processId")}>
          <option value="">(ingen)</option>
          {plan.processes
            .filter((p) => p.active)
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
      <div className="toolbar">
        <button type="submit">Lägg till egenkontroll</button>
      </div>
    </MutationForm>
  );
}

export function EgenkontrollSection({ plan }: { plan: Plan }) {
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
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
      {plan.canWrite ? <EgenkontrollForm plan={plan} /> : null}
    </section>
  );
}
