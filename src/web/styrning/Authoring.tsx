import { useState } from "react";
import { periodTypes } from "../../styrning/period.ts";
import {
  type DecidedBy,
  type Direction,
  decidedByLabels,
  decidedByValues,
  directionLabels,
  directions,
  type GenderSplit,
  genderSplitLabels,
  genderSplits,
  type LevelKind,
  type Unit,
  unitLabels,
  units,
} from "../../styrning/vocabulary.ts";
import { useSession } from "../session.tsx";
import { MutationForm, SelectField, TextField } from "../ui/fields.tsx";
import { ErrorMessage } from "../ui/Page.tsx";
import { GoalOptions, Options } from "./fields.tsx";
import { useCreateGoal, useCreateIndicator, useCreateModel, useSetGoalIndicators } from "./mutations.ts";
import { useIndicators, useScales } from "./queries.ts";
import type { ModelTree, Scales } from "./types.ts";

/** The scales of one kind, as options of a select. */
function ScaleOptions({ scales, kind }: { scales: Scales | undefined; kind: Scales[number]["kind"] }) {
  return (scales ?? [])
    .filter((s) => s.kind === kind)
    .map((s) => (
      <option key={s.id} value={s.id}>
        {s.name}
      </option>
    ));
}

type LevelDraft = { name: string; decidedBy: DecidedBy; kind: LevelKind; assessed: boolean };

/** An admin shapes a nämnd's goal model for a year: its levels, who decides them, the assessment scale. */
export function NewModelForm() {
  const { namnd } = useSession();
  const scales = useScales(namnd?.id);
  const [year, setYear] = useState(new Date().getFullYear());
  const [name, setName] = useState("");
  const [scaleId, setScaleId] = useState("");
  const [levels, setLevels] = useState<LevelDraft[]>([
    { name: "Nämndmål", decidedBy: "namnd", kind: "goal", assessed: true },
    { name: "Aktivitet", decidedBy: "forvaltning", kind: "activity", assessed: false },
  ]);
  const save = useCreateModel();
  if (!namnd) return null;
  const submit = () =>
    save.mutate({ body: { orgNodeId: namnd.id, year, name, assessmentScaleId: scaleId || null, levels } });
  const setLevel = (i: number, patch: Partial<LevelDraft>) =>
    setLevels((all) => all.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <details className="card">
      <summary>Ny målmodell för {namnd.name}</summary>
      <MutationForm mutation={{ mutate: submit, error: save.error }}>
        <div className="form-grid">
          <TextField
            id="model-year"
            label="År"
            type="number"
            value={year}
            onChange={(v) => setYear(Number(v))}
            required
          />
          <TextField
            id="model-name"
            label="Namn"
            value={name}
            onChange={setName}
            required
            placeholder={`Verksamhetsplan ${year}`}
          />
          <SelectField id="model-scale" label="Bedömningsskala" value={scaleId} onChange={setScaleId}>
            <option value="">Ingen</option>
            <ScaleOptions scales={scales.data} kind="assessment" />
          </SelectField>
        </div>
        <table className="data">
          <caption>Nivåer, överst först</caption>
          <thead>
            <tr>
              <th scope="col">Nivå</th>
              <th scope="col">Beslutas av</th>
              <th scope="col">Innehåller</th>
              <th scope="col">Bedöms</th>
              <th scope="col">Ta bort</th>
            </tr>
          </thead>
          <tbody>
            {levels.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: level rows are positional until saved
              <tr key={i}>
                <td>
                  <input
                    aria-label={`Namn på nivå ${i + 1}`}
                    value={l.name}
                    onChange={(e) => setLevel(i, { name: e.target.value })}
                    required
                  />
                </td>
                <td>
                  <select
                    aria-label={`Beslutas av, nivå ${i + 1}`}
                    value={l.decidedBy}
                    onChange={(e) => setLevel(i, { decidedBy: e.target.value as DecidedBy })}
                  >
                    <Options values={decidedByValues} labels={decidedByLabels} />
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`Innehåll, nivå ${i + 1}`}
                    value={l.kind}
                    onChange={(e) => setLevel(i, { kind: e.target.value as LevelDraft["kind"] })}
                  >
                    <option value="grouping">Gruppering (perspektiv), bedöms inte</option>
                    <option value="goal">Mål</option>
                    <option value="uppdrag">Uppdrag</option>
                    <option value="activity">Enheternas aktiviteter</option>
                  </select>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Bedöms, nivå ${i + 1}`}
                    checked={l.assessed}
                    onChange={(e) => setLevel(i, { assessed: e.target.checked })}
                  />
                </td>
                <td>
                  <button type="button" onClick={() => setLevels((all) => all.filter((_, j) => j !== i))}>
                    Ta bort nivå {i + 1}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          onClick={() => setLevels((all) => [{ name: "", decidedBy: "kf", kind: "goal", assessed: false }, ...all])}
        >
          Lägg till nivå överst
        </button>{" "}
        <button type="submit" className="primary" disabled={save.isPending}>
          Skapa målmodell
        </button>
      </MutationForm>
    </details>
  );
}

/** Adds a goal on a level, under a goal of a higher level. */
export function NewGoalForm({ tree }: { tree: ModelTree }) {
  // Perspectives are entered like goals, on their grouping level.
  const goalLevels = tree.levels.filter((l) => l.kind === "goal" || l.kind === "grouping");
  const [levelId, setLevelId] = useState(goalLevels.find((l) => l.assessed)?.id ?? goalLevels[0]?.id ?? "");
  const [parentId, setParentId] = useState("");
  const [decidedBy, setDecidedBy] = useState<DecidedBy | "">("");
  const [code, setCode] = useState("");
  const [title, setTitle] = useState("");
  const level = tree.levels.find((l) => l.id === levelId);
  const parents = tree.goals.filter(
    (g) => (tree.levels.find((l) => l.id === g.levelId)?.position ?? 99) < (level?.position ?? 0),
  );
  const save = useCreateGoal();
  const submit = () =>
    save.mutate(
      {
        params: { id: tree.model.id },
        body: { levelId, parentId: parentId || null, code: code || null, title, decidedBy: decidedBy || undefined },
      },
      {
        onSuccess: () => {
          setTitle("");
          setCode("");
        },
      },
    );
  const id = tree.model.id;
  return (
    <details>
      <summary>Nytt mål</summary>
      <MutationForm className="form-grid" mutation={{ mutate: submit, error: save.error }}>
        <SelectField id={`goal-level-${id}`} label="Nivå" value={levelId} onChange={setLevelId}>
          {goalLevels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </SelectField>
        <SelectField id={`goal-parent-${id}`} label="Under" value={parentId} onChange={setParentId}>
          <option value="">Inget överordnat mål</option>
          <GoalOptions goals={parents} />
        </SelectField>
        <SelectField
          id={`goal-decided-${id}`}
          label="Beslutad av"
          value={decidedBy}
          onChange={(v) => setDecidedBy(v as DecidedBy | "")}
        >
          <option value="">Som nivån ({level ? decidedByLabels[level.decidedBy].toLowerCase() : "–"})</option>
          <Options values={decidedByValues} labels={decidedByLabels} />
        </SelectField>
        <TextField id={`goal-code-${id}`} label="Nummer" value={code} onChange={setCode} size={6} />
        <TextField id={`goal-title-${id}`} label="Rubrik" value={title} onChange={setTitle} required />
        <div>
          <button type="submit" className="primary" disabled={save.isPending}>
            Skapa mål
          </button>
        </div>
      </MutationForm>
    </details>
  );
}

/** A new indicator on the chosen organisation node, with its first definition. */
export function NewIndicatorForm({ year }: { year: number }) {
  const { orgNode } = useSession();
  const scales = useScales(orgNode?.id);
  const [form, setForm] = useState({
    name: "",
    unit: "antal" as Unit,
    statusScaleId: "",
    decimals: 0,
    direction: "lower" as Direction,
    genderSplit: "total" as GenderSplit,
    periodType: "year" as (typeof periodTypes)[number],
    measurementWindow: "",
    sourceNote: "",
    definition: "",
  });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const save = useCreateIndicator();
  if (!orgNode) return null;
  const submit = () =>
    save.mutate(
      {
        body: {
          ...form,
          orgNodeId: orgNode.id,
          statusScaleId: form.unit === "status" ? form.statusScaleId : null,
          measurementWindow: form.periodType === "window" ? form.measurementWindow : null,
          definitionFrom: year,
        },
      },
      { onSuccess: () => set({ name: "", definition: "" }) },
    );
  const periodTypeLabels = {
    year: "År",
    tertial: "Tertial",
    quarter: "Kvartal",
    month: "Månad",
    ytd: "Månad, ackumulerat hittills i år",
    window: "Mätfönster",
  };
  return (
    <details className="card">
      <summary>Ny indikator för {orgNode.name}</summary>
      <MutationForm mutation={{ mutate: submit, error: save.error }}>
        <div className="form-grid">
          <TextField id="ind-name" label="Namn" value={form.name} onChange={(name) => set({ name })} required />
          <SelectField id="ind-unit" label="Enhet" value={form.unit} onChange={(v) => set({ unit: v as Unit })}>
            <Options values={units} labels={unitLabels} />
          </SelectField>
          {form.unit === "status" && (
            <SelectField
              id="ind-scale"
              label="Statusskala"
              value={form.statusScaleId}
              onChange={(statusScaleId) => set({ statusScaleId })}
              required
            >
              <option value="">Välj</option>
              <ScaleOptions scales={scales.data} kind="status" />
            </SelectField>
          )}
          <TextField
            id="ind-decimals"
            label="Decimaler"
            type="number"
            min={0}
            max={4}
            value={form.decimals}
            onChange={(v) => set({ decimals: Number(v) })}
          />
          <SelectField
            id="ind-direction"
            label="Riktning"
            value={form.direction}
            onChange={(v) => set({ direction: v as Direction })}
          >
            <Options values={directions} labels={directionLabels} />
          </SelectField>
          <SelectField
            id="ind-gender"
            label="Kön"
            value={form.genderSplit}
            onChange={(v) => set({ genderSplit: v as GenderSplit })}
          >
            <Options values={genderSplits} labels={genderSplitLabels} />
          </SelectField>
          <SelectField
            id="ind-period"
            label="Mäts per"
            value={form.periodType}
            onChange={(v) => set({ periodType: v as typeof form.periodType })}
          >
            <Options values={periodTypes} labels={periodTypeLabels} />
          </SelectField>
          {form.periodType === "window" && (
            <TextField
              id="ind-window"
              label="Mätfönster"
              value={form.measurementWindow}
              onChange={(measurementWindow) => set({ measurementWindow })}
              placeholder="kvartal 3"
              required
            />
          )}
          <TextField
            id="ind-source"
            label="Källa"
            value={form.sourceNote}
            onChange={(sourceNote) => set({ sourceNote })}
          />
        </div>
        <label htmlFor="ind-definition">Definition (gäller från {year})</label>
        <textarea
          id="ind-definition"
          rows={2}
          cols={60}
          value={form.definition}
          onChange={(e) => set({ definition: e.target.value })}
          required
        />
        <div>
          <button type="submit" className="primary" disabled={save.isPending}>
            Skapa indikator
          </button>
        </div>
      </MutationForm>
    </details>
  );
}

/** Chooses which indicators follow up a goal. */
export function GoalIndicatorPicker({
  goalId,
  orgNodeId,
  linked,
}: {
  goalId: string;
  orgNodeId: string;
  linked: string[];
}) {
  const [choice, setChoice] = useState("");
  const all = useIndicators(orgNodeId);
  const setIndicators = useSetGoalIndicators();
  const save = (indicatorIds: string[]) =>
    setIndicators.mutate({ params: { id: goalId }, body: { indicatorIds } }, { onSuccess: () => setChoice("") });
  const available = (all.data ?? []).filter((i) => !linked.includes(i.id));
  return (
    <form
      className="toolbar"
      onSubmit={(e) => {
        e.preventDefault();
        if (choice) save([...linked, choice]);
      }}
    >
      <div>
        <label htmlFor="goal-add-indicator">Lägg till indikator</label>
        <select id="goal-add-indicator" value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Välj</option>
          {available.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name} ({i.orgNodeName})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={!choice || setIndicators.isPending}>
        Koppla till målet
      </button>
      {linked.length > 0 && (
        <div>
          <label htmlFor="goal-remove-indicator">Koppla bort</label>
          <select
            id="goal-remove-indicator"
            value=""
            onChange={(e) => e.target.value && save(linked.filter((id) => id !== e.target.value))}
          >
            <option value="">Välj indikator att koppla bort</option>
            {linked.map((id) => (
              <option key={id} value={id}>
                {all.data?.find((i) => i.id === id)?.name ?? id}
              </option>
            ))}
          </select>
        </div>
      )}
      <ErrorMessage error={setIndicators.error} />
    </form>
  );
}
