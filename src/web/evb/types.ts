// Response shapes of the EVB API, taken from the server's own functions so they cannot drift.
// Type-only: nothing from the server is bundled into the web app.
import type { catalogue, dashboardFor, getDecision, quarterReportFor, register } from "../../evb/service.ts";

export type Dashboard = Awaited<ReturnType<typeof dashboardFor>>;
export type RegisterList = Awaited<ReturnType<typeof register>>;
export type RegisterRow = RegisterList["decisions"][number];
export type DecisionDetail = Awaited<ReturnType<typeof getDecision>>;
export type Catalogue = Awaited<ReturnType<typeof catalogue>>;
export type QuarterReport = Awaited<ReturnType<typeof quarterReportFor>>;
export type ImportResult = { rows: number; created: number; updated: number; unchanged: number; dryRun: boolean };
