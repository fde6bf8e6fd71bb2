import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router-dom";
import { api } from "../api.ts";
import { useSession } from "../session.tsx";
import type { Namnder, YearOverview } from "./types.ts";

/** The committee of the selected organisation node, with its years and whether the user may write. */
export function useNamnd() {
  const { namnd } = useSession();
  const list = useQuery({ queryKey: ["ekonomi-namnder"], queryFn: () => api.get<Namnder>("/api/ekonomi/namnder") });
  const info = list.data?.find((n) => n.id === namnd?.id);
  return { namnd, info, isLoading: list.isLoading, error: list.error };
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

export function useYearOverview(namndId: string | undefined, year: number) {
  return useQuery({
    queryKey: ["ekonomi-year", namndId, year],
    queryFn: () => api.get<YearOverview>(`/api/ekonomi/namnder/${namndId}/years/${year}`),
    enabled: Boolean(namndId),
  });
}

/** A write to the economy API; afterwards every economy view refetches, so tables and checks stay in step. */
export function useEkonomiWrite<TInput, TResult = unknown>(write: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith("ekonomi") }),
  });
}
