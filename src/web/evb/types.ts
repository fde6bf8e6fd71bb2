// Response shapes, taken from the schemas the EVB routes declare, so the UI cannot drift from the API.
import type { z } from "zod";
import type {
  catalogueResponse,
  dashboardResponse,
  decisionResponse,
  importResultResponse,
  quarterReportResponse,
  registerResponse,
} from "../../evb/responses.ts";

export type Dashboard = z.output<typeof dashboardResponse>;
export type RegisterList = z.output<typeof registerResponse>;
export type DecisionDetail = z.output<typeof decisionResponse>;
export type Catalogue = z.output<typeof catalogueResponse>;
export type QuarterReport = z.output<typeof quarterReportResponse>;
export type ImportResult = z.output<typeof importResultResponse>;
