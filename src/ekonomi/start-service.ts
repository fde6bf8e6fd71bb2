// Ekonomi's item on the start page: the nämnd's latest forecast (or the year's result) against budget.
import { type Actor, can } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { read } from "../platform/service.ts";
import type { StartItem } from "../platform/start-item.ts";
import { krToTkr } from "./arithmetic.ts";
import { followUp } from "./report-service.ts";
import * as repo from "./repository.ts";
import type { EkonomiDB } from "./tables.ts";
import { mkrText, resultPhrase } from "./text.ts";

/**
 * Needs `read` on the node. Ekonomi is followed up per nämnd, so the item is the nämnd's at or above the
 * node, for readers of that nämnd (a unit's reader gets none): the latest year's latest forecast, or its
 * result once the year is closed, and a newer forecast still without amounts as a to-do.
 */
export function startItemsFor(db: DbOf<EkonomiDB>, actor: Actor, orgNodeId: string): Promise<StartItem[]> {
  return read(db, actor, "read", orgNodeId, async ({ db, node }) => {
    const ids = node.path.split("/").filter(Boolean);
    const latest = await repo.latestYearAmong(db, ids);
    if (!latest?.year) return [];
    const namndPath = `${node.path.slice(0, node.path.indexOf(latest.org_node_id))}${latest.org_node_id}/`;
    if (!can(actor, "read", namndPath)) return [];
    const f = await followUp(db, actor, latest.org_node_id, latest.year, {});
    const href = `/ekonomi?ar=${f.year}`;
    const deviation = (key: string, what: string, kr: number): StartItem => {
      const tkr = krToTkr(kr);
      return {
        key,
        label: `${what}: ${resultPhrase(tkr)} mot budget ${f.year}`,
        count: null,
        figure: mkrText(tkr, 1, true),
        href,
        tone: tkr < 0 ? "warning" : "info",
      };
    };
    if (f.complete && f.total.avvikelseKr !== null)
      return [deviation("ekonomi.result", "Bokslut", f.total.avvikelseKr)];
    const items: StartItem[] = [];
    // A forecast set up after the latest one with amounts, still without its own: the work left to do.
    const newest = f.forecasts.toSorted((a, b) => b.asOf.localeCompare(a.asOf))[0];
    if (newest && newest.id !== f.forecast?.id)
      items.push({
        key: "ekonomi.forecast-empty",
        label: `Prognosen ${newest.name} ${f.year} saknar belopp`,
        count: null,
        figure: null,
        href,
        tone: "warning",
      });
    if (f.forecast && f.total.prognosAvvikelseKr !== null)
      items.push(deviation("ekonomi.forecast", `Prognos ${f.forecast.name}`, f.total.prognosAvvikelseKr));
    return items;
  });
}
