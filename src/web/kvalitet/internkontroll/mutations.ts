// Internkontroll's changes; each makes the year and the report (and the åtgärder lists) stale.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as ik from "../../../kvalitet/internkontroll/api.ts";
import * as plan from "../../../kvalitet/kvalitetsplan/api.ts";
import type { InputOf } from "../../../platform/http/endpoint.ts";
import { call, invalidate } from "../../api.ts";

function useChange<I, O>(change: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: change, onSuccess: () => invalidate(queryClient, ik, plan) });
}

export const useSavePlan = () => useChange((input: InputOf<typeof ik.savePlan>) => call(ik.savePlan, input));
export const useAddIkRisk = () => useChange((input: InputOf<typeof ik.addRisk>) => call(ik.addRisk, input));
export const useUpdateIkRisk = () => useChange((input: InputOf<typeof ik.updateRisk>) => call(ik.updateRisk, input));
export const useAddGranskning = () =>
  useChange((input: InputOf<typeof ik.addGranskning>) => call(ik.addGranskning, input));
export const useUpdateGranskning = () =>
  useChange((input: InputOf<typeof ik.updateGranskning>) => call(ik.updateGranskning, input));
export const useSaveSelfAssessment = () =>
  useChange((input: InputOf<typeof ik.saveSelfAssessment>) => call(ik.saveSelfAssessment, input));
