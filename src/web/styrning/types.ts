// Response shapes, taken from the schemas the styrning routes declare, so the UI cannot drift from the API.
import type { z } from "zod";
import type {
  activitiesResponse,
  directivesResponse,
  goalPageResponse,
  importResult,
  indicatorResponse,
  indicatorsResponse,
  indicatorView,
  koladaComparison,
  koladaImportResult,
  koladaResponse,
  modelSummary,
  modelTreeResponse,
  scaleLevel,
  scalesResponse,
  value,
  valueGridResponse,
} from "../../styrning/responses.ts";

export type ScaleLevel = z.output<typeof scaleLevel>;
export type Scales = z.output<typeof scalesResponse>;
export type ModelSummary = z.output<typeof modelSummary>;
export type ModelTree = z.output<typeof modelTreeResponse>;
export type ValueRow = z.output<typeof value>;
export type IndicatorView = z.output<typeof indicatorView>;
export type IndicatorDetail = z.output<typeof indicatorResponse>;
export type Indicators = z.output<typeof indicatorsResponse>;
export type GoalPageData = z.output<typeof goalPageResponse>;
export type Grid = z.output<typeof valueGridResponse>;
export type Directive = z.output<typeof directivesResponse>[number];
export type Activity = z.output<typeof activitiesResponse>[number];
export type ImportResult = z.output<typeof importResult>;
export type KoladaOverview = z.output<typeof koladaResponse>;
export type KoladaImportResult = z.output<typeof koladaImportResult>;
export type KoladaComparison = z.output<typeof koladaComparison>;
