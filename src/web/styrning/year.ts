import { useSearchParams } from "react-router-dom";
import { useModels } from "./queries.ts";

/** The year in the address (?ar=), else the latest year with a goal model, else last year. */
export function useYear(): [number, (year: number) => void] {
  const [search, setSearch] = useSearchParams();
  const models = useModels();
  const latest = Math.max(0, ...(models.data ?? []).map((m) => m.year));
  const year = Number(search.get("ar")) || latest || new Date().getFullYear() - 1;
  return [year, (y: number) => setSearch({ ar: String(y) })];
}
