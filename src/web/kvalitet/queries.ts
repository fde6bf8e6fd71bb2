// Kvalitet's reads: the kommun's lists, the händelser of the chosen unit (read:kvalitet, every read
// logged), one händelse, and the statistics (counts only, for every reader).
import { keepPreviousData } from "@tanstack/react-query";
import * as kvalitet from "../../kvalitet/api.ts";
import { useApi } from "../api.ts";
import { useSession } from "../session.tsx";
import type { EventFilters } from "./types.ts";

/** The kommun's händelse types and causes, for the forms; they seldom change. */
export function useLists() {
  const { orgNode } = useSession();
  return useApi(kvalitet.lists, orgNode ? { query: { orgNodeId: orgNode.id } } : null, { staleTime: 5 * 60_000 });
}

/** The händelser under the chosen node; someone without read:kvalitet there is not asked (the page says why). */
export function useEvents(filters: EventFilters, limit: number) {
  const { orgNode, can } = useSession();
  const input = orgNode && can("read:kvalitet") ? { query: { ...filters, limit, orgNodeId: orgNode.id } } : null;
  return useApi(kvalitet.events, input, { placeholderData: keepPreviousData });
}

export const useEvent = (id: string) => useApi(kvalitet.event, { params: { id } });

/** Without a year: the newest one with avvikelser, which the answer names. */
export function useStatistics(year: number | undefined, openDays: number, quietMax: number) {
  const { orgNode } = useSession();
  return useApi(kvalitet.statistics, orgNode ? { query: { orgNodeId: orgNode.id, year, openDays, quietMax } } : null, {
    placeholderData: keepPreviousData,
  });
}
