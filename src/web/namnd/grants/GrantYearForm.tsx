// A grant year's frame (anslaget to fördela), ansökningstid, återrapport date and criteria: opening a new year,
// or changing the chosen one. The server keeps the rules (the frame never below what is granted, a criterion
// used in an assessment stays, the ansökningstid whole), so its refusals are shown as they come.
import { useState } from "react";
import { useSession } from "../../session.tsx";
import { MutationForm, TextField } from "../../ui/fields.tsx";
import { useCreateGrantYear, useUpdateGrantYear } from "./mutations.ts";
import type { GrantYear } from "./queries.ts";

type Draft = { year: string; frame: string; reportDueOn: string; openOn: string; closeOn: string; criteria: string[] };

const draftOf = (y: GrantYear | undefined, nextYear: number): Draft =>
  y
    ? {
        year: String(y.year),
        frame: String(y.frameKronor),
        reportDueOn: y.reportDueOn,
        openOn: y.applicationsOpenOn ?? "",
        closeOn: y.applicationsCloseOn ?? "",
        criteria: y.criteria.map((c) => c.text),
      }
    : { year: String(nextYear), frame: "", reportDueOn: "", openOn: "", closeOn: "", criteria: [""] };

/**
 * The form for a new year (`year` absent) or for the year shown. `onCreated` chooses the new year on the page.
 */
export function GrantYearForm({
  year,
  nextYear,
  onCreated,
}: {
  year?: GrantYear;
  nextYear: number;
  onCreated?: (id: string) => void;
}) {
  const { orgNode } = useSession();
  const create = useCreateGrantYear();
  const update = useUpdateGrantYear();
  const [draft, setDraft] = useState(() => draftOf(year, nextYear));
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setCriterion = (index: number, text: string) =>
    set({ criteria: draft.criteria.map((c, i) => (i === index ? text : c)) });
  const prefix = year ? "fby-edit" : "fby-new";
  const pending = create.isPending || update.isPending;
  const fields = {
    frameKronor: Number(draft.frame),
    reportDueOn: draft.reportDueOn,
    applicationsOpenOn: draft.openOn || null,
    applicationsCloseOn: draft.closeOn || null,
    criteria: draft.criteria,
  };
  const mutation = {
    mutate: () =>
      year
        ? update.mutate({ params: { id: year.id }, body: fields })
        : create.mutate(
            { body: { ...fields, orgNodeId: orgNode?.id ?? "", year: Number(draft.year) } },
            { onSuccess: (created) => onCreated?.(created.id) },
          ),
    error: year ? update.error : create.error,
  };
  return (
    <MutationForm
      mutation={mutation}
      className="namnd-form"
      aria-label={year ? `Ändra bidragsåret ${year.year}` : "Nytt bidragsår"}
    >
      <div className="form-grid">
        {year ? null : (
          <TextField
            id={`${prefix}-year`}
            label="År"
            type="number"
            min={2000}
            max={2200}
            step={1}
            value={draft.year}
            onChange={(v) => set({ year: v })}
            required
          />
        )}
        <TextField
          id={`${prefix}-frame`}
          label="Anslag (kr)"
          type="number"
          min={0}
          step={1}
          value={draft.frame}
          onChange={(v) => set({ frame: v })}
          required
        />
        <TextField
          id={`${prefix}-open`}
          label="Ansökningstiden börjar"
          type="date"
          value={draft.openOn}
          onChange={(v) => set({ openOn: v })}
        />
        <TextField
          id={`${prefix}-close`}
          label="Sista ansökningsdag"
          type="date"
          value={draft.closeOn}
          onChange={(v) => set({ closeOn: v })}
        />
        <TextField
          id={`${prefix}-report`}
          label="Återrapport senast"
          type="date"
          value={draft.reportDueOn}
          onChange={(v) => set({ reportDueOn: v })}
          required
        />
      </div>
      <fieldset>
        <legend>Kriterier</legend>
        <ol>
          {draft.criteria.map((text, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: criteria are edited in place by position, as the server keeps them
            <li key={i}>
              <label htmlFor={`${prefix}-criterion-${i}`}>Kriterium {i + 1}</label>
              <input
                id={`${prefix}-criterion-${i}`}
                type="text"
                size={60}
                maxLength={500}
                value={text}
                onChange={(e) => setCriterion(i, e.target.value)}
                required
              />
              {draft.criteria.length > 1 ? (
                <button
                  type="button"
                  className="namnd-remove"
                  onClick={() => set({ criteria: draft.criteria.filter((_, j) => j !== i) })}
                >
                  Ta bort kriterium {i + 1}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() => set({ criteria: [...draft.criteria, ""] })}
          disabled={draft.criteria.length >= 30}
        >
          Lägg till kriterium
        </button>
      </fieldset>
      <div>
        <button type="submit" className="primary" disabled={pending}>
          {year ? "Spara bidragsåret" : "Lägg till bidragsåret"}
        </button>
      </div>
      {year && update.isSuccess && !update.isPending ? <p role="status">Bidragsåret {year.year} är sparat.</p> : null}
    </MutationForm>
  );
}
