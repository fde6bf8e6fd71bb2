import { useId, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { todayInSweden } from "../../platform/calendar.ts";
import { formatTkr, parseSwedishNumber } from "../../platform/i18n/format.ts";
import { periodLabel } from "../../styrning/period.ts";
import { type ActivityStatus, activityStatuses, activityStatusLabels } from "../../styrning/vocabulary.ts";
import { useSession } from "../session.tsx";
import { MutationForm, SelectField, TextField } from "../ui/fields.tsx";
import { ErrorMessage, Loading, Page } from "../ui/Page.tsx";
import { Options, PeriodField, YearField } from "./fields.tsx";
import { useAddFollowup, useCreateActivity } from "./mutations.ts";
import { useActivities, useModels, useModelTree } from "./queries.ts";
import type { Activity, ModelTree } from "./types.ts";
import { useYear } from "./year.ts";

function FollowupForm({ activity, year }: { activity: Activity; year: number }) {
  const id = useId();
  const [period, setPeriod] = useState(`${year}-T2`);
  const [status, setStatus] = useState<ActivityStatus>(activity.status as ActivityStatus);
  const [comment, setComment] = useState("");
  const save = useAddFollowup();
  const submit = () =>
    save.mutate(
      { params: { id: activity.id }, body: { period, status, comment } },
      { onSuccess: () => setComment("") },
    );
  return (
    <details>
      <summary>Följ upp</summary>
      <MutationForm mutation={{ mutate: submit, error: save.error }}>
        <PeriodField id={`${id}-p`} year={year} value={period} onChange={setPeriod} />
        <SelectField id={`${id}-s`} label="Status" value={status} onChange={(v) => setStatus(v as ActivityStatus)}>
          <Options values={activityStatuses} labels={activityStatusLabels} />
        </SelectField>
        <label htmlFor={`${id}-c`}>Kommentar</label>
        <textarea id={`${id}-c`} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} required />
        <div>
          <button type="submit" disabled={save.isPending}>
            Spara uppföljning
          </button>
        </div>
      </MutationForm>
    </details>
  );
}

function NewActivity({ year, goals }: { year: number; goals: ModelTree["goals"] }) {
  const { tree, orgNode, can } = useSession();
  const units = tree.filter(
    (n) => orgNode && n.path.startsWith(orgNode.path) && n.kind === "enhet" && can("write:styrning", n.id),
  );
  const [unit, setUnit] = useState(units[0]?.id ?? "");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [goalIds, setGoalIds] = useState<string[]>([]);
  const [effects, setEffects] = useState([{ group: "", effect: "" }]);
  // A savings measure is entered in tkr, as the plans write it, and stored in whole kronor.
  const [amountTkr, setAmountTkr] = useState("");
  const [expectedEffect, setExpectedEffect] = useState("");
  const tkr = amountTkr.trim() ? parseSwedishNumber(amountTkr) : null;
  const setEffect = (i: number, patch: Partial<(typeof effects)[number]>) =>
    setEffects((all) => all.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const save = useCreateActivity();
  const submit = () =>
    save.mutate(
      {
        body: {
          orgNodeId: unit,
          year,
          title,
          description: description || null,
          goalIds,
          effects: effects.filter((e) => e.group && e.effect),
          amount: tkr === null ? null : Math.round(tkr * 1000),
          expectedEffect: expectedEffect || null,
        },
      },
      {
        onSuccess: () => {
          setTitle("");
          setDescription("");
          setGoalIds([]);
          setEffects([{ group: "", effect: "" }]);
          setAmountTkr("");
          setExpectedEffect("");
        },
      },
    );
  if (units.length === 0) return null;
  return (
    <details className="card">
      <summary>Ny aktivitet i genomförandeplanen {year}</summary>
      <MutationForm mutation={{ mutate: submit, error: save.error }}>
        <div className="form-grid">
          <SelectField id="act-unit" label="Enhet" value={unit} onChange={setUnit}>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <TextField id="act-title" label="Aktivitet" value={title} onChange={setTitle} required />
          <TextField
            id="act-amount"
            label="Belopp, tkr (besparing)"
            inputMode="decimal"
            value={amountTkr}
            onChange={setAmountTkr}
            aria-invalid={amountTkr.trim() !== "" && tkr === null}
          />
          <TextField
            id="act-expected"
            label="Förväntad effekt av åtgärden"
            value={expectedEffect}
            onChange={setExpectedEffect}
          />
        </div>
        <label htmlFor="act-desc">Beskrivning</label>
        <textarea
          id="act-desc"
          rows={2}
          cols={60}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <fieldset>
          <legend>Bidrar till mål</legend>
          {goals.map((g) => (
            <label key={g.id} className="styrning-radio">
              <input
                type="checkbox"
                checked={goalIds.includes(g.id)}
                onChange={(e) =>
                  setGoalIds((ids) => (e.target.checked ? [...ids, g.id] : ids.filter((x) => x !== g.id)))
                }
              />{" "}
              {g.code} {g.title}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Förväntad effekt per målgrupp</legend>
          {effects.map((eff, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional form fields without identity
            <div key={i} className="form-grid">
              <TextField
                id={`eff-g-${i}`}
                label="Målgrupp"
                value={eff.group}
                onChange={(group) => setEffect(i, { group })}
              />
              <TextField
                id={`eff-e-${i}`}
                label="Effekt"
                value={eff.effect}
                onChange={(effect) => setEffect(i, { effect })}
              />
            </div>
          ))}
          <button type="button" onClick={() => setEffects((all) => [...all, { group: "", effect: "" }])}>
            Lägg till målgrupp
          </button>
        </fieldset>
        <div>
          <button type="submit" className="primary" disabled={save.isPending}>
            Skapa aktivitet
          </button>
        </div>
      </MutationForm>
    </details>
  );
}

/** Not started or under way after its end date: what the start page counts as "pågår efter sitt slutdatum". */
const isOverdue = (a: Activity, today: string) =>
  (a.status === "ej_paborjad" || a.status === "pagar") && a.endDate !== null && a.endDate < today;

/**
 * The board's filters in the address (?ar=2024&enhet=…&visa=forsenade), so a start-page link or a shared link
 * opens the same view and Back returns to the previous one.
 */
function useBoardFilters() {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  return {
    unit: params.get("enhet") ?? "",
    overdueOnly: params.get("visa") === "forsenade",
    setUnit: (unit: string) => set("enhet", unit),
    setOverdueOnly: (on: boolean) => set("visa", on ? "forsenade" : ""),
  };
}

/** Every unit's activities for the year as a board, one column per status. */
export function ActivityBoardPage() {
  const { orgNode } = useSession();
  const [year, setYear] = useYear();
  const models = useModels();
  const model = (models.data ?? []).find((m) => m.year === year);
  const tree = useModelTree(model?.id);
  const activities = useActivities(orgNode?.id, year);
  const { unit, setUnit, overdueOnly, setOverdueOnly } = useBoardFilters();
  const today = todayInSweden();
  const units = [...new Map((activities.data ?? []).map((a) => [a.orgNodeId, a.orgNodeName])).entries()];
  const shown = (activities.data ?? []).filter(
    (a) => (!unit || a.orgNodeId === unit) && (!overdueOnly || isOverdue(a, today)),
  );
  const assessedLevels = new Set(
    (tree.data?.levels ?? []).filter((l) => l.kind === "goal" && l.assessed).map((l) => l.id),
  );
  const goals = (tree.data?.goals ?? []).filter((g) => assessedLevels.has(g.levelId));

  return (
    <Page title={`Aktiviteter ${year}`}>
      <div className="toolbar">
        <YearField id="act-year" year={year} onChange={setYear} />
        <SelectField id="act-unit-filter" label="Visa enhet" value={unit} onChange={setUnit}>
          <option value="">Alla enheter ({units.length})</option>
          {units.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="act-show-filter"
          label="Visa"
          value={overdueOnly ? "forsenade" : ""}
          onChange={(v) => setOverdueOnly(v === "forsenade")}
        >
          <option value="">Alla aktiviteter</option>
          <option value="forsenade">Pågår efter sitt slutdatum</option>
        </SelectField>
      </div>
      <NewActivity year={year} goals={goals} />
      <ErrorMessage error={activities.error} />
      {!activities.data ? (
        <Loading />
      ) : (
        <div className="styrning-board">
          {activityStatuses.map((status) => {
            const list = shown.filter((a) => a.status === status);
            return (
              <section key={status} aria-labelledby={`col-${status}`}>
                <h2 id={`col-${status}`}>
                  {activityStatusLabels[status]} ({list.length})
                </h2>
                {list.map((a) => (
                  <article key={a.id} className="card">
                    <h3>{a.title}</h3>
                    <p className="muted">
                      {a.orgNodeName}
                      {a.responsibleName && a.responsibleName !== a.orgNodeName
                        ? `, ansvarig ${a.responsibleName}`
                        : ""}
                    </p>
                    {a.description && <p>{a.description}</p>}
                    {a.amount !== null && <p>Belopp: {formatTkr(a.amount)} tkr</p>}
                    {a.expectedEffect && <p>Förväntad effekt av åtgärden: {a.expectedEffect}</p>}
                    {a.goals.length > 0 && (
                      <p>Mål: {a.goals.map((g) => `${g.code ?? ""} ${g.title}`.trim()).join("; ")}</p>
                    )}
                    {a.effects.length > 0 && <p className="muted">Förväntad effekt</p>}
                    {a.effects.length > 0 && (
                      <ul aria-label="Förväntad effekt">
                        {a.effects.map((e) => (
                          <li key={e.group}>
                            <strong>{e.group}:</strong> {e.effect}
                          </li>
                        ))}
                      </ul>
                    )}
                    {a.followups.length > 0 && <p className="muted">Uppföljning</p>}
                    {a.followups.length > 0 && (
                      <ul aria-label="Uppföljning">
                        {a.followups.map((f) => (
                          <li key={f.id}>
                            {periodLabel(f.period)}: {f.comment} <span className="muted">({f.authorName})</span>
                          </li>
                        ))}
                      </ul>
                    )}
                    {a.writable && <FollowupForm activity={a} year={year} />}
                  </article>
                ))}
              </section>
            );
          })}
        </div>
      )}
    </Page>
  );
}
