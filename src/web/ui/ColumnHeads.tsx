export type Column = string | { label: string; num: true } | false;

/** Marks headings as figure columns, right-aligned like their cells. */
export const numeric = (labels: readonly string[]): Column[] => labels.map((label) => ({ label, num: true }));

/** A data table's column headings with scope; `false` leaves a column out (e.g. actions only writers see). */
export function ColumnHeads({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) =>
          c === false ? null : typeof c === "string" ? (
            <th key={c} scope="col">
              {c}
            </th>
          ) : (
            <th key={c.label} scope="col" className="num">
              {c.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
