// The parts of the indicator page that change the indicator's model (#11): a forecast kept apart from the
// outcomes, the dimension its values are broken down by, and the indicators it is the sum of or contains.
import { useState } from "react";
import { parseSwedishNumber } from "../../platform/i18n/format.ts";
import { type PeriodType, periodLabelFor, periodsOfYear } from "../../styrning/period.ts";
import {
  type DimensionKind,
  dimensionKindLabels,
  dimensionKinds,
  type GenderSplit,
  genderLabel,
  gendersFor,
  type RelationKind,
  type Unit,
  unitLabels,
} from "../../styrning/vocabulary.ts";
import { useSession } from "../session.tsx";
import { MutationForm, SelectField, TextField } from "../ui/fields.tsx";
import { ErrorMessage } from "../ui/Page.tsx";
import { valueText } from "./format.ts";
import {
  useCreateDimension,
  useRemoveForecast,
  useSaveValues,
  useSetIndicatorRelations,
  useUpdateIndicator,
} from "./mutations.ts";
import { useDimensions, useIndicators } from "./queries.ts";
import type { IndicatorDetail } from "./types.ts";

/** A forecast for one period of the plan year; it shows in the table's "Prognos" row, never as an outcome. */
export function ForecastForm({ indicator, year }: { indicator: IndicatorDetail; year: number }) {
  const periodType = indicator.periodType as PeriodType;
  const split = indicator.genderSplit as GenderSplit;
  const periods = periodsOfYear(periodType, year);
  const [period, setPeriod] = useState(periods.at(-1) ?? String(year));
  const [gender, setGender] = useState<"T" | "K" | "M">("T");
  const [text, setText] = useState("");
  const save = useSaveValues();
  const submit = () =>
    save.mutate(
      {
        body: {
          values: [
            { indicatorId: indicator.id, period, gender, valueKind: "forecast", value: parseSwedishNumber(text) },
          ],
        },
      },
      { onSuccess: () => setText("") },
    );
  return (
    <MutationForm className="toolbar" mutation={{ mutate: submit, error: save.error }} aria-label="Ny prognos">
      <SelectField id="forecast-period" label="Prognos för" value={period} onChange={setPeriod}>
        {periods.map((p) => (
          <option key={p} value={p}>
            {periodLabelFor(p, periodType)}
          </option>
        ))}
      </SelectField>
      {split !== "total" && (
        <SelectField id="forecast-gender" label="Kön" value={gender} onChange={(v) => setGender(v as typeof gender)}>
          {gendersFor(split).map((g) => (
            <option key={g} value={g}>
              {genderLabel(split, g)}
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        id="forecast-value"
        label={`Prognos (${unitLabels[indicator.unit as Unit] ?? indicator.unit})`}
        inputMode="decimal"
        value={text}
        onChange={setText}
        required
        size={8}
      />
      <button type="submit" disabled={save.isPending}>
        Spara prognos
      </button>
    </MutationForm>
  );
}

/** The forecasts shown in the table, each with a button that removes it (the outcomes stay). */
export function ForecastList({ indicator }: { indicator: IndicatorDetail }) {
  const remove = useRemoveForecast();
  const periodType = indicator.periodType as PeriodType;
  const forecasts = indicator.forecastRows.flatMap((row) =>
    row.cells.flatMap((cell) => {
      if (!cell) return [];
      const sex = indicator.forecastRows.length > 1 ? `, ${row.label.toLowerCase()}` : "";
      return [{ cell, label: `${periodLabelFor(cell.period, periodType)}${sex}` }];
    }),
  );
  if (!forecasts.length) return null;
  return (
    <>
      <ul aria-label="Prognoser">
        {forecasts.map(({ cell, label }) => (
          <li key={cell.id}>
            Prognos {label}: {valueText(cell, indicator.statusLevels, indicator.decimals)}{" "}
            <button
              type="button"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ params: { id: indicator.id, forecastId: cell.id } })}
            >
              Ta bort prognos {label}
            </button>
          </li>
        ))}
      </ul>
      <ErrorMessage error={remove.error} />
    </>
  );
}

const dimensionFieldLabels = ["Indelning utöver kön", "Andra indelning", "Tredje indelning"] as const;

/**
 * The breakdowns beyond sex the indicator's values take (age groups, target groups, units …), in order: up to
 * three, so values are entered per combination (an age group in a unit).
 */
export function DimensionsChoice({ indicator }: { indicator: IndicatorDetail }) {
  const { orgNode } = useSession();
  const dimensions = useDimensions(orgNode?.id);
  const current = indicator.breakdown?.dimensions.map((d) => d.id) ?? [];
  const [chosen, setChosen] = useState(dimensionFieldLabels.map((_, i) => current[i] ?? ""));
  const save = useUpdateIndicator();
  const dimensionIds = chosen.filter(Boolean);
  const submit = () => save.mutate({ params: { id: indicator.id }, body: { dimensionIds } });
  return (
    <MutationForm className="toolbar" mutation={{ mutate: submit, error: save.error ?? dimensions.error }}>
      {dimensionFieldLabels.map((label, i) => (
        <SelectField
          key={label}
          id={`indicator-dimension-${i}`}
          label={label}
          value={chosen[i] ?? ""}
          onChange={(v) => setChosen((c) => c.map((x, j) => (j === i ? v : x)))}
        >
          <option value="">Ingen indelning</option>
          {(dimensions.data ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({dimensionKindLabels[d.kind].toLowerCase()}: {d.members.map((m) => m.label).join(", ")})
            </option>
          ))}
        </SelectField>
      ))}
      <button type="submit" disabled={save.isPending || dimensionIds.join() === current.join()}>
        Spara indelning
      </button>
    </MutationForm>
  );
}

const emptyMember = () => ({ code: "", label: "" });

/**
 * A new breakdown (age groups, target groups …) on the indicator's node, where every indicator at or below
 * it can choose it. The codes are what imports and the value grid's API rows name a part by.
 */
export function NewDimensionForm({ indicator }: { indicator: IndicatorDetail }) {
  const [name, setName] = useState("");
  const [kind, setKind] = useState<DimensionKind>("age");
  const [members, setMembers] = useState([emptyMember(), emptyMember()]);
  const create = useCreateDimension();
  const setMember = (index: number, field: "code" | "label", value: string) =>
    setMembers((ms) => ms.map((m, i) => (i === index ? { ...m, [field]: value } : m)));
  const submit = () =>
    create.mutate(
      { body: { orgNodeId: indicator.orgNodeId, kind, name, members } },
      {
        onSuccess: () => {
          setName("");
          setMembers([emptyMember(), emptyMember()]);
        },
      },
    );
  return (
    <details>
      <summary>Ny indelning</summary>
      <MutationForm mutation={{ mutate: submit, error: create.error }} aria-label="Ny indelning">
        <div className="form-grid">
          <TextField id="dimension-name" label="Namn på indelningen" value={name} onChange={setName} required />
          <SelectField
            id="dimension-kind"
            label="Slag av indelning"
            value={kind}
            onChange={(v) => setKind(v as DimensionKind)}
          >
            {dimensionKinds.map((k) => (
              <option key={k} value={k}>
                {dimensionKindLabels[k]}
              </option>
            ))}
          </SelectField>
        </div>
        <fieldset>
          <legend>Delar (koden: a–z, 0–9, bindestreck och understreck)</legend>
          {members.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are only added and removed at their own button
            <div key={i} className="toolbar">
              <TextField
                id={`dimension-member-code-${i}`}
                label={`Kod, del ${i + 1}`}
                value={m.code}
                onChange={(v) => setMember(i, "code", v)}
                required
                size={10}
              />
              <TextField
                id={`dimension-member-label-${i}`}
                label={`Benämning, del ${i + 1}`}
                value={m.label}
                onChange={(v) => setMember(i, "label", v)}
                required
              />
              {members.length > 1 && (
                <button type="button" onClick={() => setMembers((ms) => ms.filter((_, j) => j !== i))}>
                  Ta bort del {i + 1}
                </button>
              )}
            </div>
          ))}
          <button type="button" onClick={() => setMembers((ms) => [...ms, emptyMember()])}>
            Lägg till del
          </button>
        </fieldset>
        <button type="submit" disabled={create.isPending}>
          Skapa indelning
        </button>
        {create.isSuccess && (
          <p role="status" className="ok">
            Indelningen {create.data.name} är skapad; välj den ovan.
          </p>
        )}
      </MutationForm>
    </details>
  );
}

const relationLegends: Record<RelationKind, string> = {
  sum: "Indikatorn är summan av",
  subset: "Indikatorn rymmer delmängderna",
};

/** One kind of relation (the sum, or the subsets) chosen among the indicators around the organisation node. */
function RelationForm({ indicator, kind }: { indicator: IndicatorDetail; kind: RelationKind }) {
  const { orgNode } = useSession();
  const candidates = useIndicators(orgNode?.id ?? indicator.orgNodeId);
  const current = indicator.relations.filter((r) => r.role === "part" && r.kind === kind).map((r) => r.id);
  const [partIds, setPartIds] = useState(current);
  const save = useSetIndicatorRelations();
  const submit = () => save.mutate({ params: { id: indicator.id }, body: { kind, partIds } });
  const unchanged = partIds.length === current.length && partIds.every((id) => current.includes(id));
  return (
    <MutationForm mutation={{ mutate: submit, error: save.error ?? candidates.error }}>
      <fieldset>
        <legend>{relationLegends[kind]}</legend>
        <div className="styrning-choices">
          {(candidates.data ?? [])
            .filter((c) => c.id !== indicator.id)
            .map((c) => (
              <label key={c.id} className="styrning-radio">
                <input
                  type="checkbox"
                  checked={partIds.includes(c.id)}
                  onChange={(e) =>
                    setPartIds((ids) => (e.target.checked ? [...ids, c.id] : ids.filter((x) => x !== c.id)))
                  }
                />{" "}
                {c.name} <span className="muted">({unitLabels[c.unit as Unit] ?? c.unit})</span>
              </label>
            ))}
        </div>
      </fieldset>
      <button type="submit" disabled={save.isPending || unchanged}>
        {kind === "sum" ? "Spara summa" : "Spara delmängder"}
      </button>
    </MutationForm>
  );
}

export function RelationsEditor({ indicator }: { indicator: IndicatorDetail }) {
  return (
    <details>
      <summary>Ändra samband</summary>
      <div className="styrning-relations">
        <RelationForm indicator={indicator} kind="sum" />
        <RelationForm indicator={indicator} kind="subset" />
      </div>
    </details>
  );
}
