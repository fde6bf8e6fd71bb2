import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router-dom";
import { api, query } from "../api.ts";
import { useSession } from "../session.tsx";
import type { ModelSummary } from "./types.ts";

/** Goal models around the chosen organisation node (its nämnd above, units below). */
export function useModels() {
  const { orgNode } = useSession();
  return useQuery({
    queryKey: ["styrning-models", orgNode?.id],
    queryFn: () => api.get<ModelSummary[]>(`/api/styrning/models${query({ orgNodeId: orgNode?.id })}`),
    enabled: Boolean(orgNode),
  });
}

/** The year in the address (?ar=), else the latest year with a goal model, else last year. */
export function useYear(): [number, (year: number) => void] {
  const [search, setSearch] = useSearchParams();
  const models = useModels();
  const latest = Math.max(0, ...(models.data ?? []).map((m) => m.year));
  const year = Number(search.get("ar")) || latest || new Date().getFullYear() - 1;
  return [year, (y: number) => setSearch({ ar: String(y) })];
}
