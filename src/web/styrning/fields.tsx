import type { FormHTMLAttributes, InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { formatDateTime } from "../../platform/i18n/format.ts";
import { periodLabel, periodsOfYear } from "../../styrning/period.ts";
import { ErrorMessage } from "../ui/Page.tsx";

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

type Labelled<E> = { id: string; label: ReactNode; value: string | number; onChange: (value: string) => void } & Omit<
  E,
  "id" | "value" | "onChange"
>;

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

/** One option per value of a vocabulary, shown with its Swedish label. */
export function Options<T extends string>({ values, labels }: { values: readonly T[]; labels: Record<T, string> }) {
  return values.map((v) => (
    <option key={v} value={v}>
      {labels[v]}
    </option>
  ));
}

/** The levels of a status scale to choose from, none chosen at first. */
export function LevelOptions({ levels }: { levels: readonly { code: string; label: string }[] }) {
  return (
    <>
      <option value="">Välj</option>
      {levels.map((l) => (
        <option key={l.code} value={l.code}>
          {l.label}
        </option>
      ))}
    </>
  );
}

/** The page's year; only a complete four-digit year moves the page, so typing does not refetch per digit. */
export function YearField({
  id,
  year,
  onChange,
  ...input
}: { id: string; year: number; onChange: (year: number) => void } & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  "min" | "max"
>) {
  return (
    <TextField
      id={id}
      label="År"
      type="number"
      value={year}
      onChange={(v) => v.length === 4 && onChange(Number(v))}
      {...input}
    />
  );
}

/** Follow-up periods of a year: its tertials and the whole year. */
export function PeriodField({
  id,
  year,
  value,
  onChange,
}: {
  id: string;
  year: number;
  value: string;
  onChange: (period: string) => void;
}) {
  return (
    <SelectField id={id} label="Period" value={value} onChange={onChange}>
      {[...periodsOfYear("tertial", year), String(year)].map((p) => (
        <option key={p} value={p}>
          {periodLabel(p)}
        </option>
      ))}
    </SelectField>
  );
}

/** Comments per period, oldest first, with who wrote them and when. */
export function CommentList({
  comments,
  className,
}: {
  comments: readonly { id: string; period: string; text: string; author_name: string; created_at: string }[];
  className?: string;
}) {
  if (comments.length === 0) return <p>Inga kommentarer än.</p>;
  return (
    <ul className={className}>
      {comments.map((c) => (
        <li key={c.id}>
          <strong>{periodLabel(c.period)}</strong> – {c.text}{" "}
          <span className="muted">
            ({c.author_name}, {formatDateTime(c.created_at)})
          </span>
        </li>
      ))}
    </ul>
  );
}
