// Styrning's reads: goal models and their trees, the goal and indicator pages, the value grid, directives,
// activities and Kolada. A read whose unit (or goal, or model) is not known yet waits instead of asking.
import * as styrning from "../../styrning/api.ts";
import { hrefOf, useApi } from "../api.ts";
import { useSession } from "../session.tsx";

/** Goal models around the chosen organisation node (its nämnd above, units below). */
export function useModels() {
  const { orgNode } = useSession();
  return useApi(styrning.models, orgNode ? { query: { orgNodeId: orgNode.id } } : null);
}

export const useModelTree = (modelId: string | undefined) =>
  useApi(styrning.modelTree, modelId ? { params: { id: modelId } } : null);

export const useScales = (orgNodeId: string | undefined) =>
  useApi(styrning.scales, orgNodeId ? { query: { orgNodeId } } : null);

/** A goal's page for a follow-up period; without a period the server takes the whole year. */
export const useGoalPage = (id: string | undefined, period: string | undefined) =>
  useApi(styrning.goalPage, id ? { params: { id }, query: { period } } : null);

export const useIndicators = (orgNodeId: string) => useApi(styrning.indicators, { query: { orgNodeId } });

export const useIndicator = (id: string | undefined, year: number) =>
  useApi(styrning.indicator, id ? { params: { id }, query: { year } } : null);

/** The breakdowns (age groups, target groups, units) an indicator around the organisation node may take. */
export const useDimensions = (orgNodeId: string | undefined) =>
  useApi(styrning.dimensions, orgNodeId ? { query: { orgNodeId } } : null);

export const useValueGrid = (orgNodeId: string | undefined, year: number) =>
  useApi(styrning.valueGrid, orgNodeId ? { query: { orgNodeId, year } } : null);

export const useDirectives = (orgNodeId: string | undefined, year: number) =>
  useApi(styrning.directives, orgNodeId ? { query: { orgNodeId, year } } : null);

export const useActivities = (orgNodeId: string | undefined, year: number) =>
  useApi(styrning.activities, orgNodeId ? { query: { orgNodeId, year } } : null);

/** Kolada mappings, fetched KPIs and municipality groups around the organisation node. */
export const useKolada = (orgNodeId: string | undefined) =>
  useApi(styrning.kolada, orgNodeId ? { query: { orgNodeId } } : null);

/** The indicator beside a group of similar municipalities; asks only once a group is chosen. */
export const useKoladaComparison = (indicatorId: string, groupId: string | null) =>
  useApi(styrning.koladaComparison, groupId ? { params: { id: indicatorId }, query: { groupId } } : null);

/** The Excel workbook of the unit's values for the years, with a template to fill in. */
export const valuesXlsxHref = (orgNodeId: string, from: number, to: number) =>
  hrefOf(styrning.exportValuesXlsx, { query: { orgNodeId, from, to } });

export const koladaExportHref = (orgNodeId: string, version: "v2" | "v3") =>
  hrefOf(styrning.exportKolada, { query: { orgNodeId, version } });

/** The uppdrag running in the year around the organisation node, with their follow-ups. */
export const useUppdrag = (orgNodeId: string | undefined, year: number) =>
  useApi(styrning.uppdragList, orgNodeId ? { query: { orgNodeId, year } } : null);
