// Styrning's changes. A goal, indicator, value or assessment shows on several pages (the goal tree, the
// goal and indicator pages, the grid, the activity board, Kolada), so every change marks all of
// styrning's reads stale rather than guessing which of them showed the old value.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { InputOf, QueryOf } from "../../platform/http/endpoint.ts";
import * as styrning from "../../styrning/api.ts";
import { call, invalidate } from "../api.ts";

function useChange<I, O>(change: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: change, onSuccess: () => invalidate(queryClient, styrning) });
}

// ---- goal models and goals

export const useCreateModel = () =>
  useChange((input: InputOf<typeof styrning.createModel>) => call(styrning.createModel, input));

export const useCopyModel = () =>
  useChange((input: InputOf<typeof styrning.copyModel>) => call(styrning.copyModel, input));

export const useCreateGoal = () =>
  useChange((input: InputOf<typeof styrning.createGoal>) => call(styrning.createGoal, input));

export const useSetGoalIndicators = () =>
  useChange((input: InputOf<typeof styrning.setGoalIndicators>) => call(styrning.setGoalIndicators, input));

export const useSetAssessment = () =>
  useChange((input: InputOf<typeof styrning.setAssessment>) => call(styrning.setAssessment, input));

export const useAddGoalComment = () =>
  useChange((input: InputOf<typeof styrning.addGoalComment>) => call(styrning.addGoalComment, input));

// ---- indicators, targets and values

export const useCreateIndicator = () =>
  useChange((input: InputOf<typeof styrning.createIndicator>) => call(styrning.createIndicator, input));

export const useUpdateIndicator = () =>
  useChange((input: InputOf<typeof styrning.updateIndicator>) => call(styrning.updateIndicator, input));

export const useCreateDimension = () =>
  useChange((input: InputOf<typeof styrning.createDimension>) => call(styrning.createDimension, input));

export const useSetIndicatorRelations = () =>
  useChange((input: InputOf<typeof styrning.setIndicatorRelations>) => call(styrning.setIndicatorRelations, input));

export const useSetTarget = () =>
  useChange((input: InputOf<typeof styrning.setTarget>) => call(styrning.setTarget, input));

export const useRemoveTarget = () =>
  useChange((input: InputOf<typeof styrning.removeTarget>) => call(styrning.removeTarget, input));

export const useRemoveForecast = () =>
  useChange((input: InputOf<typeof styrning.removeForecast>) => call(styrning.removeForecast, input));

export const useSaveValues = () =>
  useChange((input: InputOf<typeof styrning.saveValues>) => call(styrning.saveValues, input));

export const useImportValuesXlsx = () =>
  useChange((input: InputOf<typeof styrning.importValuesXlsx>) => call(styrning.importValuesXlsx, input));

export const useLockPeriod = () =>
  useChange((input: InputOf<typeof styrning.lockPeriod>) => call(styrning.lockPeriod, input));

export const useUnlockPeriod = () =>
  useChange((input: InputOf<typeof styrning.unlockPeriod>) => call(styrning.unlockPeriod, input));

// ---- directives and activities

export const useCreateDirective = () =>
  useChange((input: InputOf<typeof styrning.createDirective>) => call(styrning.createDirective, input));

export const useAddDirectiveComment = () =>
  useChange((input: InputOf<typeof styrning.addDirectiveComment>) => call(styrning.addDirectiveComment, input));

export const useCreateActivity = () =>
  useChange((input: InputOf<typeof styrning.createActivity>) => call(styrning.createActivity, input));

export const useAddFollowup = () =>
  useChange((input: InputOf<typeof styrning.addFollowup>) => call(styrning.addFollowup, input));

// ---- uppdrag

export const useCreateUppdrag = () =>
  useChange((input: InputOf<typeof styrning.createUppdrag>) => call(styrning.createUppdrag, input));

export const useUpdateUppdrag = () =>
  useChange((input: InputOf<typeof styrning.updateUppdrag>) => call(styrning.updateUppdrag, input));

export const useAddUppdragFollowup = () =>
  useChange((input: InputOf<typeof styrning.addUppdragFollowup>) => call(styrning.addUppdragFollowup, input));

// ---- Kolada

export const useSetKoladaMapping = () =>
  useChange((input: InputOf<typeof styrning.setKoladaMapping>) => call(styrning.setKoladaMapping, input));

/** Imports a saved Kolada file; it travels as the JSON it holds, so a file that is not JSON stops here. */
export const useImportKoladaFile = () =>
  useChange(async ({ query, file }: { query: QueryOf<typeof styrning.importKolada>; file: File }) => {
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch {
      throw new Error("Filen är inte giltig JSON.");
    }
    return call(styrning.importKolada, { query, body });
  });

export const useFetchKolada = () =>
  useChange((input: InputOf<typeof styrning.fetchKolada>) => call(styrning.fetchKolada, input));
