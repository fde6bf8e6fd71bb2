// A register's filters kept in the address (?status=alla&periodStart=2023-01-01&periodEnd=2023-12-31), so the joint view's
// links and a shared link open the register filtered the same way, and Back returns to the previous filters.
import type { FormEvent } from "react";
import { useSearchParams } from "react-router-dom";

/** The value that clears a filter that has a default (an empty one falls back to the default). */
export const ALL = "alla";

/** The address of a register page with these filters ("" values left out). */
export function filteredPath(path: string, filters: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(filters).flatMap(([k, v]) => (v ? [[k, v]] : []))).toString();
  return query ? `${path}?${query}` : path;
}

/**
 * The filters named by `keys` as the address holds them, a key's default when it is absent ("alla" clears
 * it), with `submit` for the filter form (which starts again from the first page) and `page` for
 * the pager. `formKey` changes with the address: key the uncontrolled form by it so it shows the filters.
 */
export function useAddressFilters<K extends string>(keys: readonly K[], defaults: Partial<Record<K, string>> = {}) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(
    keys.flatMap((k) => {
      const value = params.get(k) ?? defaults[k] ?? "";
      return value && value !== ALL ? [[k, value]] : [];
    }),
  ) as Partial<Record<K, string>>;
  const offset = Math.max(0, Number(params.get("offset")) || 0);
  /** The filter form's submit: its fields become the address. */
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setParams(
      new URLSearchParams(
        keys.flatMap((k) => {
          const given = String(form.get(k) ?? "").trim();
          const value = given === "" && defaults[k] ? ALL : given;
          return value && value !== defaults[k] ? [[k, value]] : [];
        }),
      ),
    );
  };
  const page = (to: number) => {
    const next = new URLSearchParams(params);
    if (to > 0) next.set("offset", String(to));
    else next.delete("offset");
    setParams(next);
  };
  return { values, offset, submit, page, formKey: params.toString() };
}
