// EVB's reads: the catalogue, the register and its decisions, the dashboard and the quarter report. The
// reads of a unit are for the one chosen in the session and wait until there is one.
import { keepPreviousData } from "@tanstack/react-query";
import * as evb from "../../evb/api.ts";
import type { QueryOf } from "../../platform/http/endpoint.ts";
import { useApi } from "../api.ts";
import { useSession } from "../session.tsx";

/** The kommun's insatser and reason codes, for filters and forms; they seldom change. */
export function useCatalogue() {
  const { orgNode } = useSession();
  return useApi(evb.catalogue, orgNode ? { query: { orgNodeId: orgNode.id } } : null, { staleTime: 5 * 60_000 });
}

export function useDashboard() {
  const { orgNode } = useSession();
  return useApi(evb.dashboard, orgNode ? { query: { orgNodeId: orgNode.id } } : null);
}

/** What the register page filters on; the unit comes from the session. */
export type RegisterFilters = Omit<QueryOf<typeof evb.register>, "orgNodeId">;

/**
 * The register, filtered; the previous result stays on screen while a new filter loads. Someone without
 * read:personal is not asked: the page tells them instead.
 */
export function useRegister(filters: RegisterFilters) {
  const { orgNode, can } = useSession();
  const input = orgNode && can("read:personal") ? { query: { ...filters, orgNodeId: orgNode.id } } : null;
  return useApi(evb.register, input, { placeholderData: keepPreviousData });
}

export const useDecision = (id: string) => useApi(evb.decision, { params: { id } });

/** The quarters with a report for the chosen unit, newest first. */
export function useReportQuarters() {
  const { orgNode } = useSession();
  return useApi(evb.reportQuarters, orgNode ? { query: { orgNodeId: orgNode.id } } : null);
}

/** Lines of the IVO list, and rows of the committee's tables, per page of the quarter report. */
export const IVO_PAGE_SIZE = 100;

/** The quarter's report with the IVO list's page from `offset` and the committee tables' from `committeeOffset`. */
export function useQuarterReport(quarter: string, offset: number, committeeOffset: number) {
  const { orgNode } = useSession();
  return useApi(
    evb.quarterReport,
    orgNode && quarter
      ? { params: { quarter }, query: { orgNodeId: orgNode.id, limit: IVO_PAGE_SIZE, offset, committeeOffset } }
      : null,
    { placeholderData: keepPreviousData },
  );
}
