// Loads the quality dashboard's trends for a node from the registers' yearly counts: counts only, for
// anyone who may read the node (small ones hidden from readers without read:kvalitet), nothing logged.
import { kommunIdOf } from "../../organisation/index.ts";
import { type Actor, can } from "../../platform/auth/access.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { read } from "../../platform/service.ts";
import { countedBetween } from "../klagomal/complaint-statistics-service.ts";
import * as plans from "../kvalitetsplan/repository.ts";
import * as lexSarah from "../lex-sarah/repository.ts";
import * as events from "../repository.ts";
import type { KvalitetDB } from "../tables.ts";
import type { TrendsQuery } from "./schema.ts";
import { eventQuarters, klagomalYears, lexSarahYears, openAtgarderByQuarter, trendYears } from "./trends.ts";

type Db = DbOf<KvalitetDB>;

export function trendsFor(db: Db, actor: Actor, q: TrendsQuery) {
  return read(db, actor, "read", q.orgNodeId, async ({ db, node }) => {
    const today = todayInSweden();
    const under = node.path;
    const toYear = q.toYear ?? (await events.latestYear(db, under)) ?? Number(today.slice(0, 4));
    const years = trendYears(toYear);
    const recordAccess = can(actor, "read:kvalitet", under);
    const types = await events.typesOf(db, kommunIdOf(under));

    const eventYears = [];
    const lexSarahCounts = [];
    const klagomal = [];
    for (const year of years) {
      eventYears.push({
        year,
        events: await events.eventCounts(db, under, year),
        types: await events.listCounts(db, "type", under, year),
      });
      lexSarahCounts.push({
        year,
        reports: (await lexSarah.reportCounts(db, under, year)).reduce((n, r) => n + r.count, 0),
        decided: await lexSarah.decisionCounts(db, under, year),
      });
      klagomal.push({
        year,
        // The answers are judged at the year's end, or today while it runs.
        asOf: `${year}-12-31` < today ? `${year}-12-31` : today,
        rows: await countedBetween(db, under, `${year}-01-01`, `${year}-12-31`),
      });
    }
    const atgarder = (await plans.atgarderUnder(db, { under })).map((a) => ({
      createdOn: a.created_on,
      status: a.status,
      statusOn: a.status_on,
    }));

    return {
      organisation: { id: node.id, name: node.name, kind: node.kind },
      years,
      recordAccess,
      handelser: eventQuarters(eventYears, new Map(types.map((t) => [t.code, t.type_group])), recordAccess),
      lexSarah: lexSarahYears(lexSarahCounts, recordAccess),
      klagomal: klagomalYears(klagomal, recordAccess),
      atgarder: openAtgarderByQuarter(atgarder, years, today),
    };
  });
}
