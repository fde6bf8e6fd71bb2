// Response shapes of the EVB API, taken from the server's own functions so they cannot drift.
// Type-only: nothing from the server is bundled into the web app.
import type { catalogue } from "../../evb/catalogue.ts";
import type { dashboardFor, getDecision, quarterReportFor, register } from "../../evb/register-reads.ts";

export type Dashboard = Awaited<ReturnType<typeof dashboardFor>>;
export type RegisterList = Awaited<ReturnType<typeof register>>;
export type DecisionDetail = Awaited<ReturnType<typeof getDecision>>;
export type Catalogue = Awaited<ReturnType<typeof catalogue>>;
export type QuarterReport = Awaited<ReturnType<typeof quarterReportFor>>;
export type { ImportResult } from "../../evb/import.ts";
