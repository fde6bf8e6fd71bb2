import type { ReactNode } from "react";

/** A labelled input in the pages' forms; the label names the control by its id. */
export function Field({ id, label, children }: { id: string; label: ReactNode; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** Options for the catalogue's reason codes. */
export function CodeOptions({ codes }: { codes: readonly { code: string; label: string }[] }) {
  return codes.map((c) => (
    <option key={c.code} value={c.code}>
      {c.label}
    </option>
  ));
}

/** A count that may be suppressed (null): readers without read:personal see "färre än 3" instead of 1 or 2. */
export function Count({ value }: { value: number | null }) {
  return value === null ? <span title="Dolt för att ingen enskild ska kunna pekas ut">färre än 3</span> : value;
}

/** Said once on each aggregate view, so the reader knows why some counts are missing. */
export function AggregateNotice() {
  return (
    <p className="notice">
      Du ser antal utan uppgifter om enskilda beslut. Antal under 3 visas som "färre än 3", och ibland döljs ett
      ytterligare antal så att det dolda inte kan räknas fram.
    </p>
  );
}
