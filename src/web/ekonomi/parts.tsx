import type { ReactNode } from "react";
import { useSearchParams } from "react-router-dom";
import { krToTkr } from "../../ekonomi/arithmetic.ts";
import { formatSigned, formatTkr, parseSwedishNumber } from "../../platform/i18n/format.ts";
import { ErrorMessage, Loading } from "../ui/Page.tsx";
import { EconomyScope } from "./EconomyScope.tsx";
import { useNamnd } from "./queries.ts";
import type { Issue, Namnder } from "./types.ts";

/** Kronor shown as tkr, the unit of the committee's tables. */
export const tkr = (kr: number | null | undefined) => formatTkr(kr ?? null);
/** A deviation in tkr with its sign, so the direction is never guessed. */
export const signedTkr = (kr: number | null | undefined) =>
  kr === null || kr === undefined ? "–" : formatSigned(krToTkr(kr));
export const deviationClass = (kr: number | null | undefined) =>
  kr === null || kr === undefined || kr === 0 ? "" : kr > 0 ? "ok" : "bad";

/** Renders the page for the selected committee, or says how to choose one. */
export function WithNamnd({ children }: { children: (namnd: Namnder[number]) => ReactNode }) {
  const { namnd, info, readable, isLoading, error } = useNamnd();
  if (isLoading) return <Loading what="Laddar nämnder" />;
  if (error) return <ErrorMessage error={error} />;
  // No committee selected, or one the user may not read: say what they may see instead of a dead end.
  if (!namnd || !info) return <EconomyScope readable={readable} namndName={namnd?.name} />;
  return <>{children(info)}</>;
}

/** The year in the address (?ar=2023), defaulting to the latest year with levels. */
export function useYear(years: number[]): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const fromUrl = Number(params.get("ar"));
  const year = Number.isInteger(fromUrl) && fromUrl > 1990 ? fromUrl : (years[0] ?? new Date().getFullYear());
  const setYear = (next: number) =>
    setParams(
      (p) => {
        p.set("ar", String(next));
        return p;
      },
      { replace: true },
    );
  return [year, setYear];
}

export function YearSelect({
  years,
  year,
  onChange,
  id = "ekonomi-ar",
  ahead = 0,
}: {
  years: number[];
  year: number;
  onChange: (year: number) => void;
  id?: string;
  /** Also offer this many years after the latest, for setting up a new year. */
  ahead?: number;
}) {
  const latest = Math.max(year, ...years);
  const options = [...new Set([...Array.from({ length: ahead }, (_, i) => latest + ahead - i), ...years, year])].sort(
    (a, b) => b - a,
  );
  return (
    <div>
      <label htmlFor={id}>År</label>
      <select id={id} value={year} onChange={(e) => onChange(Number(e.target.value))}>
        {options.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The consistency checks that came with a report: errors first, rounding notes after. */
export function Checks({ issues, what = "tabellen" }: { issues: Issue[]; what?: string }) {
  const errors = issues.filter((i) => i.severity === "error");
  const notes = issues.filter((i) => i.severity !== "error");
  return (
    <section aria-labelledby="checks-title" className="card ekonomi-checks">
      <h2 id="checks-title">Kontroller</h2>
      {errors.length === 0 ? (
        <p className="ok" role="status">
          ✓ Alla delar summerar till totalerna i {what}.
        </p>
      ) : (
        <ul className="bad">
          {errors.map((i) => (
            <li key={i.message}>⚠ {i.message}</li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <ul className="muted">
          {notes.map((i) => (
            <li key={i.message}>{i.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Whole kronor typed the Swedish way ("1 500 000", "−250"); null when empty or not whole kronor. */
export function parseKronor(text: string): number | null {
  const value = parseSwedishNumber(text);
  return value !== null && Number.isSafeInteger(value) ? value : null;
}

/** A labelled kronor field; the form reads it with parseKronor. */
export function KronorField({
  id,
  label,
  value,
  onChange,
  required,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  required?: boolean;
}) {
  const invalid = value.trim() !== "" && parseKronor(value) === null;
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="numeric"
        value={value}
        required={required}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-fel` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {invalid && (
        <p id={`${id}-fel`} className="bad ekonomi-hint">
          Ange hela kronor, t.ex. 1 500 000.
        </p>
      )}
    </div>
  );
}
