// Labelled form controls shared by every capability's pages: one label per control, always.
import type { FormHTMLAttributes, InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { ErrorMessage } from "./Page.tsx";

/** A form that runs its mutation on submit and shows the mutation's error last. */
export function MutationForm({
  mutation,
  children,
  ...form
}: { mutation: { mutate: () => void; error: unknown } } & Omit<FormHTMLAttributes<HTMLFormElement>, "onSubmit">) {
  return (
    <form
      {...form}
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate();
      }}
    >
      {children}
      <ErrorMessage error={mutation.error} />
    </form>
  );
}

type Runs<I> = { mutate: (input: I, options: { onSuccess: () => void }) => void; error: unknown };

/**
 * The mutation of a form that adds a record or changes the one being edited: adding sends `fields` with the
 * record's place (`scope`: its node and year), changing sends them to the edited record; `done` after either.
 */
export function addOrChange<F extends object, S extends object>(
  editing: { id: string } | null,
  runs: { add: Runs<{ body: S & F }>; update: Runs<{ params: { id: string }; body: F }> },
  input: { fields: F; scope: S; done: () => void },
): { mutate: () => void; error: unknown } {
  const { add, update } = runs;
  const { fields, scope, done } = input;
  return {
    error: editing ? update.error : add.error,
    mutate: () =>
      editing
        ? update.mutate({ params: { id: editing.id }, body: fields }, { onSuccess: done })
        : add.mutate({ body: { ...scope, ...fields } }, { onSuccess: done }),
  };
}

/** A form's submit button and, while a record is being changed (`onCancel` given), Avbryt. */
export function SubmitOrCancel({ label, onCancel }: { label: string; onCancel?: () => void }) {
  return (
    <div className="toolbar">
      <button type="submit">{label}</button>
      {onCancel ? (
        <button type="button" onClick={onCancel}>
          Avbryt
        </button>
      ) : null}
    </div>
  );
}

export type Labelled<E> = {
  id: string;
  label: ReactNode;
  value: string | number;
  onChange: (value: string) => void;
} & Omit<E, "id" | "value" | "onChange">;

/** A labelled input, one cell of a form grid or toolbar. */
export function TextField({ id, label, value, onChange, ...input }: Labelled<InputHTMLAttributes<HTMLInputElement>>) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} {...input} />
    </div>
  );
}

/** A labelled select, one cell of a form grid or toolbar; the options are its children. */
export function SelectField({
  id,
  label,
  value,
  onChange,
  children,
  ...select
}: Labelled<SelectHTMLAttributes<HTMLSelectElement>>) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...select}>
        {children}
      </select>
    </div>
  );
}

/**
 * The "<from> … till och med" pair of date filters of a register's toolbar, named periodStart and periodEnd (both
 * days included), read with FormData on submit like FilterSelect.
 */
export function PeriodFilter({
  idPrefix,
  fromLabel,
  periodStart,
  periodEnd,
}: {
  idPrefix: string;
  fromLabel: string;
  periodStart?: string;
  periodEnd?: string;
}) {
  return (
    <>
      <div>
        <label htmlFor={`${idPrefix}-from`}>{fromLabel}</label>
        <input id={`${idPrefix}-from`} name="periodStart" type="date" defaultValue={periodStart ?? ""} />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-to`}>till och med</label>
        <input id={`${idPrefix}-to`} name="periodEnd" type="date" defaultValue={periodEnd ?? ""} />
      </div>
    </>
  );
}

/**
 * A labelled select of a filter toolbar that is read with FormData on submit: options as [value, text] pairs,
 * after an "Alla" option that filters nothing (unless `all` is false).
 */
export function FilterSelect({
  id,
  name,
  label,
  options,
  defaultValue = "",
  all = true,
}: {
  id: string;
  name: string;
  label: ReactNode;
  options: readonly (readonly [value: string | number, text: ReactNode])[];
  defaultValue?: string | number;
  all?: boolean;
}) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultValue}>
        {all ? <option value="">Alla</option> : null}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The year select of a register's filter toolbar (named `year`, read with FormData like FilterSelect): this
 * year back to `from`, newest first, after "Alla".
 */
export function YearFilter({
  id,
  label,
  defaultValue,
  from = 2021,
}: {
  id: string;
  label: ReactNode;
  defaultValue?: number;
  from?: number;
}) {
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - from + 1 }, (_, i) => thisYear - i);
  return (
    <FilterSelect
      id={id}
      name="year"
      label={label}
      defaultValue={defaultValue ?? ""}
      options={years.map((y) => [y, y] as const)}
    />
  );
}
