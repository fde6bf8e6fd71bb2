// The ekonomi section's reads, one per endpoint; keys come from the endpoint, so every change can refresh them all.
import * as ekonomi from "../../ekonomi/api.ts";
import type { QueryOf } from "../../platform/http/endpoint.ts";
import { useApi } from "../api.ts";
import { useSession } from "../session.tsx";

/** The committee of the selected organisation node, with its years and whether the user may write. */
export function useNamnd() {
  const { namnd } = useSession();
  const list = useApi(ekonomi.namnder, {});
  const info = list.data?.find((n) => n.id === namnd?.id);
  return { namnd, info, readable: list.data ?? [], isLoading: list.isLoading, error: list.error };
}

export const useYearOverview = (namndId: string, year: number) =>
  useApi(ekonomi.yearOverview, { params: { namndId, year } });

export const useFollowUp = (namndId: string, year: number, query: QueryOf<typeof ekonomi.followUp>) =>
  useApi(ekonomi.followUp, { params: { namndId, year }, query });

export const useSummary = (namndId: string, query: QueryOf<typeof ekonomi.summary>) =>
  useApi(ekonomi.summary, { params: { namndId }, query });

export const useForecastAccuracy = (namndId: string, query: QueryOf<typeof ekonomi.forecastAccuracy>) =>
  useApi(ekonomi.forecastAccuracy, { params: { namndId }, query });

export const useBudgetSplit = (namndId: string, year: number, query: QueryOf<typeof ekonomi.budgetSplit>) =>
  useApi(ekonomi.budgetSplit, { params: { namndId, year }, query });

export const useInvestments = (namndId: string, year: number) =>
  useApi(ekonomi.investments, { params: { namndId, year } });

export const useReallocations = (namndId: string, year: number) =>
  useApi(ekonomi.reallocations, { params: { namndId, year } });

export const useResultFund = (namndId: string) => useApi(ekonomi.resultFund, { params: { namndId } });

/** Every stored figure of the year (the budget and prognos grid filters them by kind and forecast). */
export const useFigures = (namndId: string, year: number) =>
  useApi(ekonomi.figures, { params: { namndId, year }, query: {} });
