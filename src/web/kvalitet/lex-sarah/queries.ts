// Lex Sarah's reads: the kommun's lists, the register of the chosen unit (read:kvalitet, every read logged),
// one case, and the memo to the nämnd.
import { keepPreviousData } from "@tanstack/react-query";
import * as lexSarah from "../../../kvalitet/lex-sarah/api.ts";
import { useApi } from "../../api.ts";
import { useSession } from "../../session.tsx";
import type { CaseFilters } from "./types.ts";

export function useLexSarahLists() {
  const { orgNode } = useSession();
  return useApi(lexSarah.lists, orgNode ? { query: { orgNodeId: orgNode.id } } : null, { staleTime: 5 * 60_000 });
}

/** The register under the chosen node; someone without read:kvalitet there is not asked (the page says why). */
export function useCases(filters: CaseFilters, limit: number) {
  const { orgNode, can } = useSession();
  const input =
    orgNode && can("read:kvalitet", orgNode.id) ? { query: { ...filters, limit, orgNodeId: orgNode.id } } : null;
  return useApi(lexSarah.cases, input, { placeholderData: keepPreviousData });
}

export const useCase = (id: string) => useApi(lexSarah.lexSarahCase, { params: { id } });

/** The memo for a nämnd and period, once both are chosen. */
export const useLexSarahMemo = (query: { orgNodeId: string; periodStart: string; periodEnd: string } | null) =>
  useApi(lexSarah.memo, query ? { query } : null);
