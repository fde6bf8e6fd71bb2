// The joint view and the trends of the chosen org node: counts for every reader, records for readers with
// read:kvalitet there (the server decides, and logs what it discloses).
import { keepPreviousData } from "@tanstack/react-query";
import * as overview from "../../../kvalitet/overview/api.ts";
import type { OutputOf } from "../../../platform/http/endpoint.ts";
import { useApi } from "../../api.ts";
import { useSession } from "../../session.tsx";
import type { Period } from "./period.ts";

export type Overview = OutputOf<typeof overview.overview>;
export type Trends = OutputOf<typeof overview.trends>;

export function useOverview(period: Period, openDays: number) {
  const { orgNode } = useSession();
  const input = orgNode
    ? { query: { orgNodeId: orgNode.id, periodStart: period.start, periodEnd: period.end, openDays } }
    : null;
  return useApi(overview.overview, input, { placeholderData: keepPreviousData });
}

/** Without a year: three years ending with the newest one with avvikelser, which the answer names. */
export function useTrends(toYear: number | undefined) {
  const { orgNode } = useSession();
  return useApi(overview.trends, orgNode ? { query: { orgNodeId: orgNode.id, toYear } } : null, {
    placeholderData: keepPreviousData,
  });
}
