import type { InputHTMLAttributes } from "react";
import { formatDateTime } from "../../platform/i18n/format.ts";
import { periodLabel, periodsOfYear } from "../../styrning/period.ts";
import { SelectField, TextField } from "../ui/fields.tsx";

/** One option per value of a vocabulary, shown with its Swedish label. */
export function Options<T extends string>({ values, labels }: { values: readonly T[]; labels: Record<T, string> }) {
  return values.map((v) => (
    <option key={v} value={v}>
      {labels[v]}
    </option>
  ));
}

/** Goals to choose from, each as "<code> <title>" (the code when it has one), after the caller's "none" option. */
export function GoalOptions({ goals }: { goals: readonly { id: string; code: string | null; title: string }[] }) {
  return goals.map((g) => (
    <option key={g.id} value={g.id}>
      {g.code ? `${g.code} ` : ""}
      {g.title}
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
  comments: readonly { id: string; period: string; text: string; authorName: string; createdAt: string }[];
  className?: string;
}) {
  if (comments.length === 0) return <p>Inga kommentarer än.</p>;
  return (
    <ul className={className}>
      {comments.map((c) => (
        <li key={c.id}>
          <strong>{periodLabel(c.period)}</strong> – {c.text}{" "}
          <span className="muted">
            ({c.authorName}, {formatDateTime(c.createdAt)})
          </span>
        </li>
      ))}
    </ul>
  );
}
