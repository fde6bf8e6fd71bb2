import { useState } from "react";
import { type RiskScale, riskMatrix } from "../../../kvalitet/risk/risk.ts";
import { useSession } from "../../session.tsx";
import { MutationForm, TextField } from "../../ui/fields.tsx";
import { ErrorMessage, Loading, Page, ScrollFrame } from "../../ui/Page.tsx";
import "./kvalitetsplan.css";
import { useSaveScale } from "./mutations.ts";
import { type Scale, useScales } from "./queries.ts";
import { levelRanges, RiskMatrix } from "./RiskMatrix.tsx";

/** One scale: its matrix as it stands, and for the kommun's admin a form to change labels, cut-offs and colours. */
function ScaleCard({ scale, kommunId, canEdit }: { scale: Scale; kommunId: string; canEdit: boolean }) {
  const [draft, setDraft] = useState<RiskScale>(scale);
  const save = useSaveScale();
  const mutation = {
    error: save.error,
    mutate: () => save.mutate({ body: { ...draft, kind: scale.kind, orgNodeId: kommunId } }),
  };
  const matrix = riskMatrix(scale).map((row) => row.map((cell) => ({ ...cell, riskNrs: [] })));
  const label = (axis: "likelihoodLabels" | "consequenceLabels", i: number) => (value: string) => {
    const labels = [...draft[axis]] as RiskScale[typeof axis];
    labels[i] = value;
    setDraft({ ...draft, [axis]: labels });
  };
  const level = (i: number, key: "name" | "min" | "colour") => (value: string) =>
    setDraft({
      ...draft,
      levels: draft.levels.map((l, j) => (j === i ? { ...l, [key]: key === "min" ? Number(value) : value } : l)),
    });
  return (
    <section className="card" aria-labelledby={`kp-scale-${scale.kind}`}>
      <h2 id={`kp-scale-${scale.kind}`}>
        {scale.name} {scale.standard ? "(standardskala)" : "(kommunens egen)"}
      </h2>
      <p className="muted">
        Riskvärde = {scale.likelihoodName.toLowerCase()} × {scale.consequenceName.toLowerCase()} (1–16). Nivåer:{" "}
        {levelRanges(scale.levels)}.
      </p>
      <ScrollFrame label="Matris">
        <RiskMatrix scale={scale} matrix={matrix} caption={`Matris: ${scale.name}`} />
      </ScrollFrame>
      {canEdit ? (
        <MutationForm mutation={mutation} className="kvalitet-form" aria-label={`Ändra ${scale.name}`}>
          <fieldset>
            <legend>{draft.likelihoodName}</legend>
            <div className="form-grid">
              {draft.likelihoodLabels.map((l, i) => (
                <TextField
                  // biome-ignore lint/suspicious/noArrayIndexKey: fixed slots (score 1–4, level n) edited in place
                  key={`l${i + 1}`}
                  id={`kp-${scale.kind}-l${i + 1}`}
                  label={`${draft.likelihoodName} ${i + 1}`}
                  value={l}
                  onChange={label("likelihoodLabels", i)}
                />
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>{draft.consequenceName}</legend>
            <div className="form-grid">
              {draft.consequenceLabels.map((l, i) => (
                <TextField
                  // biome-ignore lint/suspicious/noArrayIndexKey: fixed slots (score 1–4, level n) edited in place
                  key={`c${i + 1}`}
                  id={`kp-${scale.kind}-c${i + 1}`}
                  label={`${draft.consequenceName} ${i + 1}`}
                  value={l}
                  onChange={label("consequenceLabels", i)}
                />
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>Nivåer (lägsta riskvärde och färg, svart text ska gå att läsa)</legend>
            {draft.levels.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed slots (score 1–4, level n) edited in place
              <div className="form-grid" key={`level-${i + 1}`}>
                <TextField
                  id={`kp-${scale.kind}-n${i}`}
                  label={`Nivå ${i + 1}`}
                  value={l.name}
                  onChange={level(i, "name")}
                />
                <TextField
                  id={`kp-${scale.kind}-m${i}`}
                  label={`Från riskvärde (nivå ${i + 1})`}
                  type="number"
                  min={1}
                  max={16}
                  value={l.min}
                  onChange={level(i, "min")}
                />
                <TextField
                  id={`kp-${scale.kind}-f${i}`}
                  label={`Färg #rrggbb (nivå ${i + 1})`}
                  value={l.colour}
                  onChange={level(i, "colour")}
                />
              </div>
            ))}
          </fieldset>
          <div className="toolbar">
            <button type="submit">Spara {scale.name.toLowerCase()}</button>
          </div>
          {save.isSuccess ? <p role="status">Skalan är sparad.</p> : null}
        </MutationForm>
      ) : null}
    </section>
  );
}

/** The kommun's risk scales; its admin changes labels, cut-offs and colours (configuration, not code). */
export function ScalesPage() {
  const { can } = useSession();
  const result = useScales();
  const data = result.data;
  return (
    <Page title="Riskskalor">
      <ErrorMessage error={result.error} />
      {result.isLoading || !data ? (
        <Loading />
      ) : (
        data.scales.map((s) => (
          <ScaleCard
            key={`${s.kind}-${s.standard}`}
            scale={s}
            kommunId={data.kommunId}
            canEdit={can("admin", data.kommunId)}
          />
        ))
      )}
    </Page>
  );
}
