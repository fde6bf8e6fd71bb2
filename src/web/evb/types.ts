// Response shapes, taken from the endpoints EVB declares, so the UI cannot drift from the API.
import type * as evb from "../../evb/api.ts";
import type { OutputOf } from "../../platform/http/endpoint.ts";

export type Catalogue = OutputOf<typeof evb.catalogue>;
export type Decision = OutputOf<typeof evb.decision>;
export type Dashboard = OutputOf<typeof evb.dashboard>;
export type QuarterReport = OutputOf<typeof evb.quarterReport>;
