// Nämnd's reads: the diarium's lists, the cases of the chosen nämnd (search accepts any way a diarienummer
// is written), one case, and the possible handläggare (for writers).
import { keepPreviousData } from "@tanstack/react-query";
import * as namnd from "../../namnd/api.ts";
import type { CaseStatus } from "../../namnd/vocabulary.ts";
import type { OutputOf } from "../../platform/http/endpoint.ts";
import { useApi } from "../api.ts";
import { useSession } from "../session.tsx";

export type Case = OutputOf<typeof namnd.getCase>;
export type Lists = OutputOf<typeof namnd.lists>;
/** What the diarium page filters on; the nämnd comes from the session. */
export type CaseFilters = {
  q?: string;
  year?: number;
  status?: CaseStatus;
  type?: string;
  standing?: "true" | "false";
  handlerId?: string;
  offset?: number;
};

/** The nämnd's case types, lagrum and series; they seldom change. */
export function useLists() {
  const { orgNode } = useSession();
  return useApi(namnd.lists, orgNode ? { query: { orgNodeId: orgNode.id } } : null, { staleTime: 60_000 });
}

export function useCases(filters: CaseFilters, limit: number) {
  const { orgNode } = useSession();
  return useApi(namnd.cases, orgNode ? { query: { ...filters, limit, orgNodeId: orgNode.id } } : null, {
    placeholderData: keepPreviousData,
  });
}

export const useCase = (id: string) => useApi(namnd.getCase, { params: { id } });

/** Asked only of writers: the list names the nämnd's staff. */
export function useHandlers() {
  const { orgNode, can } = useSession();
  return useApi(namnd.handlers, orgNode && can("write:namnd") ? { query: { orgNodeId: orgNode.id } } : null, {
    staleTime: 5 * 60_000,
  });
}
