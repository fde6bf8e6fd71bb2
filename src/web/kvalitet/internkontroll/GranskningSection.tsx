import { useState } from "react";
import { atgardStatusLabels } from "../../../kvalitet/kvalitetsplan/vocabulary.ts";
import { ColumnHeads } from "../../ui/ColumnHeads.tsx";
import { addOrChange, MutationForm, SelectField, SubmitOrCancel, TextField } from "../../ui/fields.tsx";
import { ScrollFrame } from "../../ui/Page.tsx";
import { countOf } from "../kvalitetsplan/RiskMatrix.tsx";
import { useAddGranskning, useUpdateGranskning } from "./mutations.ts";
import type { YearView } from "./queries.ts";

type Granskning = YearView["granskningar"][number];
type Draft = Record<
  "nr" | "title" | "method" | "frequency" | "responsible" | "result" | "deviations" | "verdict",
  string
> & { riskIds: string[] };
const empty: Draft = {
  nr: "",
  title: "",
  method: "",
  frequency: "",
  responsible: "",
  result: "",
  deviations: "",
  verdict: "",
  riskIds: [],
};
const draftOf = (g: Granskning): Draft => ({
  nr: g.nr,
  title: g.title,
  method: g.method,
  frequency: g.frequency,
  responsible: g.responsible,
  result: g.result ?? "",
  deviations: g.deviations === null ? "" : g.deviations ? "ja" : "nej",
  verdict: g.verdict ?? "",
  riskIds: g.risks.map((r) => r.id),
});
export const yesNo = (value: boolean | null) => (value === null ? "–" : value ? "Ja" : "Nej");

/** Adds a granskning to the year's plan, or changes the one being edited (its plan as well as its result). */
function GranskningForm({ v, editing, onDone }: { v: YearView; editing: Granskning | null; onDone: () => void }) {
  const [draft, setDraft] = useState<Draft>(editing ? draftOf(editing) : empty);
  const add = useAddGranskning();
  const update = useUpdateGranskning();
  const set = (key: Exclude<keyof Draft, "riskIds">) => (value: string) => setDraft({ ...draft, [key]: value });
  const toggleRisk = (id: string, on: boolean) =>
    setDraft({ ...draft, riskIds: on ? [...draft.riskIds, id] : draft.riskIds.filter((r) => r !== id) });
  const fields = {
    nr: draft.nr,
    title: draft.title,
    method: draft.method,
    frequency: draft.frequency,
    responsible: draft.responsible,
    riskIds: draft.riskIds,
    result: draft.result,
    deviations: draft.deviations === "" ? null : draft.deviations === "ja",
    verdict: draft.verdict,
  };
  const done = () => {
    setDraft(empty);
    onDone();
  };
  const mutation = addOrChange(
    editing,
    { add, update },
    { fields, scope: { orgNodeId: v.namnd.id, year: v.year }, done },
  );
  const title = editing ? `Ändra granskning ${editing.nr}` : "Ny granskning";
  return (
    <MutationForm mutation={mutation} className="card kvalitet-form" aria-label={title}>
      <h3>{title}</h3>
      <div className="form-grid">
        <TextField id="ik-g-nr" label="Nummer" value={draft.nr} onChange={set("nr")} placeholder="5.1.1" required />
        <TextField id="ik-g-frequency" label="Frekvens" value={draft.frequency} onChange={set("frequency")} required />
        <TextField
          id="ik-g-responsible"
          label="Ansvarig"
          value={draft.responsible}
          onChange={set("responsible")}
          required
        />
        <SelectField id="ik-g-deviations" label="Avvikelser" value={draft.deviations} onChange={set("deviations")}>
          <option value="">Ej bedömt</option>
          <option value="ja">Ja</option>
          <option value="nej">Nej</option>
        </SelectField>
        <TextField id="ik-g-verdict" label="Bedömning" value={draft.verdict} onChange={set("verdict")} />
      </div>
      <label htmlFor="ik-g-title">Granskning</label>
      <textarea id="ik-g-title" value={draft.title} onChange={(e) => set("title")(e.target.value)} required />
      <label htmlFor="ik-g-method">Metod</label>
      <textarea id="ik-g-method" value={draft.method} onChange={(e) => set("method")(e.target.value)} required />
      <fieldset>
        <legend>Risker som granskningen täcker</legend>
        {v.risks.length === 0 ? (
          <p className="muted">Årets riskanalys har inga risker än.</p>
        ) : (
          <div className="kvalitet-choices">
            {v.risks.map((r) => (
              <label key={r.id}>
                <input
                  type="checkbox"
                  checked={draft.riskIds.includes(r.id)}
                  onChange={(e) => toggleRisk(r.id, e.target.checked)}
                />
                Risk {r.nr}: {r.description}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <label htmlFor="ik-g-result">Resultat</label>
      <textarea id="ik-g-result" value={draft.result} onChange={(e) => set("result")(e.target.value)} />
      <p className="hint">Avvikelser ja eller nej kräver ett resultat. Skriv aldrig personuppgifter här.</p>
      <SubmitOrCancel
        label={editing ? "Spara granskningen" : "Lägg till granskning"}
        onCancel={editing ? done : undefined}
      />
    </MutationForm>
  );
}

/** The year's granskningar with their risks and åtgärder, and the form to add or change one. */
export function GranskningSection({ v }: { v: YearView }) {
  const [editing, setEditing] = useState<Granskning | null>(null);
  return (
    <section aria-labelledby="ik-granskningar">
      <h2 id="ik-granskningar">Granskningar</h2>
      <ScrollFrame label="Granskningar">
        <table className="data">
          <caption>{countOf(v.granskningar.length, "granskning", "granskningar")}</caption>
          <ColumnHeads
            columns={[
              "Nr",
              "Granskning",
              "Risker",
              "Metod",
              "Frekvens",
              "Ansvarig",
              "Resultat",
              "Avvikelser",
              "Bedömning",
              "Åtgärder",
              v.canWrite && "Ändra",
            ]}
          />
          <tbody>
            {v.granskningar.map((g) => (
              <tr key={g.id}>
                <td>{g.nr}</td>
                <td>{g.title}</td>
                <td>{g.risks.map((r) => r.nr).join(", ") || "–"}</td>
                <td>{g.method}</td>
                <td>{g.frequency}</td>
                <td>{g.responsible}</td>
                <td>{g.result ?? "–"}</td>
                <td>{yesNo(g.deviations)}</td>
                <td>{g.verdict ?? "–"}</td>
                <td>
                  {g.atgarder.length === 0
                    ? "–"
                    : g.atgarder.map((a) => (
                        <p key={a.id}>
                          {a.text} ({atgardStatusLabels[a.status].toLowerCase()}
                          {a.overdue ? ", försenad" : ""})
                        </p>
                      ))}
                </td>
                {v.canWrite ? (
                  <td>
                    <button type="button" onClick={() => setEditing(g)} aria-label={`Ändra granskning ${g.nr}`}>
                      Ändra
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollFrame>
      {v.canWrite ? (
        <GranskningForm key={editing?.id ?? "new"} v={v} editing={editing} onDone={() => setEditing(null)} />
      ) : null}
    </section>
  );
}
