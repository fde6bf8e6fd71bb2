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
