// Synpunkter och klagomål's reads: the list under the chosen unit and one record (read:kvalitet, every read
// logged), the nämnd's period list, and the statistics (counts only, for every reader).
import { keepPreviousData } from "@tanstack/react-query";
import * as klagomal from "../../../kvalitet/klagomal/api.ts";
import type { Channel, ComplaintType } from "../../../kvalitet/klagomal/vocabulary.ts";
import { useApi } from "../../api.ts";
import { useSession } from "../../session.tsx";

/** What the list page filters on; the unit comes from the session. */
export type ComplaintFilters = {
  periodStart?: string;
  periodEnd?: string;
  type?: ComplaintType;
  channel?: Channel;
  state?: "oppna" | "avslutade";
  year?: number;
  offset?: number;
};

/** The synpunkter under the chosen node; someone without read:kvalitet there is not asked (the page says why). */
export function useComplaints(filters: ComplaintFilters, limit: number) {
  const { orgNode, can } = useSession();
  const input = orgNode && can("read:kvalitet") ? { query: { ...filters, limit, orgNodeId: orgNode.id } } : null;
  return useApi(klagomal.complaints, input, { placeholderData: keepPreviousData });
}

export const useComplaint = (id: string) => useApi(klagomal.complaint, { params: { id } });

/** Everything received under the chosen node in the period; asked only when both days are given. */
export function useComplaintPeriod(from: string, to: string) {
  const { orgNode, can } = useSession();
  const input =
    orgNode && can("read:kvalitet") && from && to
      ? { query: { orgNodeId: orgNode.id, periodStart: from, periodEnd: to } }
      : null;
  return useApi(klagomal.complaintPeriod, input);
}

/** Without a year: the newest one with synpunkter, which the answer names. */
export function useComplaintStatistics(year: number | undefined) {
  const { orgNode } = useSession();
  return useApi(klagomal.complaintStatistics, orgNode ? { query: { orgNodeId: orgNode.id, year } } : null, {
    placeholderData: keepPreviousData,
  });
}
