// Response shapes, taken from the endpoints the ekonomi routes serve, so the UI cannot drift from the API.
import type { z } from "zod";
import type * as ekonomi from "../../ekonomi/api.ts";
import type { issue } from "../../ekonomi/responses.ts";
import type { OutputOf } from "../../platform/http/endpoint.ts";

export type Namnder = OutputOf<typeof ekonomi.namnder>;
export type YearOverview = OutputOf<typeof ekonomi.yearOverview>;
export type FollowUp = OutputOf<typeof ekonomi.followUp>;
export type FollowUpRow = FollowUp["rows"][number];
export type Summary = OutputOf<typeof ekonomi.summary>;
export type ForecastAccuracy = OutputOf<typeof ekonomi.forecastAccuracy>;
export type BudgetSplit = OutputOf<typeof ekonomi.budgetSplit>;
export type Investments = OutputOf<typeof ekonomi.investments>;
export type Reallocations = OutputOf<typeof ekonomi.reallocations>;
export type Issue = z.output<typeof issue>;
