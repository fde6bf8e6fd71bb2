// Response shapes, taken from the endpoints the styrning pages read, so the UI cannot drift from the API.
import type { z } from "zod";
import type { OutputOf } from "../../platform/http/endpoint.ts";
import type * as styrning from "../../styrning/api.ts";
import type { indicatorView, scaleLevel } from "../../styrning/responses.ts";

export type ScaleLevel = z.output<typeof scaleLevel>;
export type Scales = OutputOf<typeof styrning.scales>;
export type ModelSummary = OutputOf<typeof styrning.models>[number];
export type ModelTree = OutputOf<typeof styrning.modelTree>;
/** An indicator as the goal page and the indicator page show it: its table, chart and evaluation. */
export type IndicatorView = z.output<typeof indicatorView>;
export type IndicatorDetail = OutputOf<typeof styrning.indicator>;
export type GoalPageData = OutputOf<typeof styrning.goalPage>;
export type Directive = OutputOf<typeof styrning.directives>[number];
export type Activity = OutputOf<typeof styrning.activities>[number];
export type KoladaImportResult = OutputOf<typeof styrning.importKolada>;
export type Uppdrag = OutputOf<typeof styrning.uppdragList>[number];
