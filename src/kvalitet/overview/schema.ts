import { z } from "zod";
import { labelled } from "../../platform/validation.ts";
import { isoDate } from "../schema.ts";

/**
 * The joint view of a node for a period. Without dates: this year so far; without a start, the first of
 * January of the end's year (the service checks that the end is not before the start, naming periodEnd).
 */
export const overviewQuery = z.object({
  orgNodeId: labelled(z.uuid(), "Organisation"),
  periodStart: labelled(isoDate.optional(), "Från"),
  periodEnd: labelled(isoDate.optional(), "Till och med"),
  /** Open händelser older than this many days (on the period's last day, or today) are counted and listed. */
  openDays: labelled(z.coerce.number().int().min(0).max(3650).default(30), "Öppna äldre än (dagar)"),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;

export const trendsQuery = z.object({
  orgNodeId: labelled(z.uuid(), "Organisation"),
  /** The last year of the trend; without it, the newest year with avvikelser under the node. */
  toYear: labelled(z.coerce.number().int().min(2000).max(2100).optional(), "Till och med år"),
});
export type TrendsQuery = z.infer<typeof trendsQuery>;
