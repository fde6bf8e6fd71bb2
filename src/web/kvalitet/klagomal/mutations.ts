// Synpunkter och klagomål's changes. A registration or a change alters the lists and the statistics alike.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as kvalitet from "../../../kvalitet/api.ts";
import * as klagomal from "../../../kvalitet/klagomal/api.ts";
import type { BodyOf, InputOf, OutputOf } from "../../../platform/http/endpoint.ts";
import { call, invalidate, keyOf } from "../../api.ts";

const lists = [klagomal.complaints, klagomal.complaintPeriod, klagomal.complaintStatistics, kvalitet.statistics];

export function useRegisterComplaint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof klagomal.registerComplaint>) => call(klagomal.registerComplaint, { body }),
    onSuccess: () => invalidate(queryClient, ...lists),
  });
}

/**
 * A change answers the record as it now stands: that replaces the cached one rather than reading it again
 * (every read of it is logged).
 */
function useComplaintChange<I>(change: (input: I) => Promise<OutputOf<typeof klagomal.complaint>>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (c) => {
      queryClient.setQueryData(keyOf(klagomal.complaint, { params: { id: c.id } }), c);
      return invalidate(queryClient, ...lists);
    },
  });
}

export const useUpdateComplaint = () =>
  useComplaintChange((input: InputOf<typeof klagomal.updateComplaint>) => call(klagomal.updateComplaint, input));

export const useCloseComplaint = () =>
  useComplaintChange((input: InputOf<typeof klagomal.closeComplaint>) => call(klagomal.closeComplaint, input));
