// Response shapes, taken from the schemas the ekonomi routes declare, so the UI cannot drift from the API.
import type { z } from "zod";
import type {
  budgetSplitResponse,
  followUpResponse,
  forecastAccuracyResponse,
  importPreviewResponse,
  importResultResponse,
  investmentsResponse,
  issue,
  namnderResponse,
  reallocationsResponse,
  resultFundResponse,
  summaryResponse,
  yearOverviewResponse,
} from "../../ekonomi/responses.ts";

export type Namnder = z.output<typeof namnderResponse>;
export type YearOverview = z.output<typeof yearOverviewResponse>;
export type FollowUp = z.output<typeof followUpResponse>;
export type FollowUpRow = FollowUp["rows"][number];
export type Summary = z.output<typeof summaryResponse>;
export type ForecastAccuracy = z.output<typeof forecastAccuracyResponse>;
export type BudgetSplit = z.output<typeof budgetSplitResponse>;
export type Investments = z.output<typeof investmentsResponse>;
export type Reallocations = z.output<typeof reallocationsResponse>;
export type ResultFund = z.output<typeof resultFundResponse>;
export type ImportPreview = z.output<typeof importPreviewResponse>;
export type ImportResult = z.output<typeof importResultResponse>;
export type Issue = z.output<typeof issue>;
