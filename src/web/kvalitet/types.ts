// Response shapes, taken from the endpoints Kvalitet declares, so the UI cannot drift from the API.
import type * as kvalitet from "../../kvalitet/api.ts";
import type { EventKind, EventStatus } from "../../kvalitet/vocabulary.ts";
import type { OutputOf } from "../../platform/http/endpoint.ts";

export type Lists = OutputOf<typeof kvalitet.lists>;
export type KvalitetEvent = OutputOf<typeof kvalitet.event>;
export type Statistics = OutputOf<typeof kvalitet.statistics>;
/** What the list page filters on; the unit comes from the session. */
export type EventFilters = {
  kind?: EventKind;
  status?: EventStatus;
  type?: string;
  year?: number;
  periodStart?: string;
  periodEnd?: string;
  offset?: number;
};
