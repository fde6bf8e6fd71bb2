// The kvalitetsplan's changes; each makes every plan read (plans, åtgärder, scales, processes) stale.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import * as plan from "../../../kvalitet/kvalitetsplan/api.ts";
import type { InputOf } from "../../../platform/http/endpoint.ts";
import { call, invalidate } from "../../api.ts";

function usePlanChange<I, O>(change: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: change, onSuccess: () => invalidate(queryClient, plan) });
}

export const useAddRisk = () => usePlanChange((input: InputOf<typeof plan.addRisk>) => call(plan.addRisk, input));
export const useUpdateRisk = () =>
  usePlanChange((input: InputOf<typeof plan.updateRisk>) => call(plan.updateRisk, input));
export const useAddEgenkontroll = () =>
  usePlanChange((input: InputOf<typeof plan.addEgenkontroll>) => call(plan.addEgenkontroll, input));
export const useUpdateEgenkontroll = () =>
  usePlanChange((input: InputOf<typeof plan.updateEgenkontroll>) => call(plan.updateEgenkontroll, input));
export const useAddAtgard = () => usePlanChange((input: InputOf<typeof plan.addAtgard>) => call(plan.addAtgard, input));
export const useUpdateAtgard = () =>
  usePlanChange((input: InputOf<typeof plan.updateAtgard>) => call(plan.updateAtgard, input));
export const useSaveScale = () => usePlanChange((input: InputOf<typeof plan.saveScale>) => call(plan.saveScale, input));
export const useAddProcess = () =>
  usePlanChange((input: InputOf<typeof plan.addProcess>) => call(plan.addProcess, input));
export const useUpdateProcess = () =>
  usePlanChange((input: InputOf<typeof plan.updateProcess>) => call(plan.updateProcess, input));
