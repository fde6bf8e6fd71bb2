import type { DbOf } from "../../platform/db/schema.ts";
import type { Node } from "../statistics.ts";
import type { KvalitetDB } from "../tables.ts";
import * as repo from "./repository.ts";
import { lexSarahCounts } from "./statistics.ts";

/**
 * Lex Sarah in the statistics of a node's subtree (the caller has checked `read` there): counts only, no
 * gists, so nothing is logged.
 */
export async function lexSarahStatistics(
  db: DbOf<KvalitetDB>,
  under: string,
  year: number,
  areas: readonly Node[],
  units: readonly Node[],
) {
  return lexSarahCounts(
    year,
    areas,
    units,
    await repo.reportCounts(db, under, year),
    await repo.reportCounts(db, under, year - 1),
    await repo.decisionCounts(db, under, year),
  );
}
