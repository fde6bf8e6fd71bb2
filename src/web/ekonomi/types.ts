// Response shapes, taken from the server code itself so the UI cannot drift from the API.
import type { previewImport, runImport } from "../../ekonomi/imports.ts";
import type { investments } from "../../ekonomi/investments-service.ts";
import type { reallocations } from "../../ekonomi/reallocations-service.ts";
import type { budgetSplit, followUp, forecastAccuracy, summary } from "../../ekonomi/report-service.ts";
import type { resultFund } from "../../ekonomi/result-fund-service.ts";
import type { namnder, yearOverview } from "../../ekonomi/structure-service.ts";

/** What JSON makes of a value: dates become strings. */
type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;
type Answer<F extends (...args: never[]) => unknown> = Json<Awaited<ReturnType<F>>>;

export type Namnder = Answer<typeof namnder>;
export type YearOverview = Answer<typeof yearOverview>;
export type FollowUp = Answer<typeof followUp>;
export type FollowUpRow = FollowUp["rows"][number];
export type Summary = Answer<typeof summary>;
export type ForecastAccuracy = Answer<typeof forecastAccuracy>;
export type BudgetSplit = Answer<typeof budgetSplit>;
export type Investments = Answer<typeof investments>;
export type Reallocations = Answer<typeof reallocations>;
export type ResultFund = Answer<typeof resultFund>;
export type ImportPreview = Answer<typeof previewImport>;
export type ImportResult = Answer<typeof runImport>;
export type Issue = FollowUp["issues"][number];
