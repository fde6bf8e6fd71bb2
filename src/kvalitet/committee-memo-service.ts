// Kvalitet's standing items on the nämnd's agenda in the memo form the committee receives (B6 synpunkter och
// klagomål, A3 lex Sarah): the period's counts and lines, no free-text summaries or names. The committee's own
// report is read by everyone who reads the nämnd (read), not only by readers of the registers
// (read:kvalitet): the kallelse stores the memo as it was sent, whoever sends it. The lex Sarah cases listed
// are logged as disclosed, as lexSarahMemo logs them.
import type { Actor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { read } from "../platform/service.ts";
import { parseInput } from "../platform/validation.ts";
import * as complaints from "./klagomal/repository.ts";
import { periodQuery } from "./klagomal/schema.ts";
import { categoryLabels, complaintTypeLabels } from "./klagomal/vocabulary.ts";
import { readLexSarahMemo } from "./lex-sarah/case-read-service.ts";
import { memoQuery } from "./lex-sarah/schema.ts";
import type { KvalitetDB } from "./tables.ts";

type Db = DbOf<KvalitetDB>;
type PeriodInput = { orgNodeId: string; periodStart: string; periodEnd: string };

/**
 * Every synpunkt registered in the diarium (with a dnr) under the nämnd in the period, oldest first, as the
 * memo words it: "Klagomål – Bemötande, Barn- och ungdomsenheten, besvarad 2024-01-12" with its dnr.
 * Kommentaren's entries (no dnr) are reported on their own (A4), not in this list.
 */
export async function complaintsMemo(db: Db, actor: Actor, input: PeriodInput) {
  const q = parseInput(periodQuery, input, "Perioden är ogiltig");
  return read(db, actor, "read", q.orgNodeId, async ({ db, node }) => {
    const rows = await complaints.receivedBetween(db, node.path, q.periodStart, q.periodEnd);
    return rows.flatMap((r) => {
      if (!r.dnr) return [];
      const kind = [complaintTypeLabels[r.complaint_type], r.category ? categoryLabels[r.category] : null]
        .filter(Boolean)
        .join(" – ");
      const answer = r.answered_on
        ? `besvarad ${r.answered_on}`
        : r.anonymous
          ? "anonym, kan inte besvaras"
          : "ej besvarad";
      return [{ dnr: r.dnr, text: `${kind}, ${r.unit_name}, ${answer}` }];
    });
  });
}

/** The lex Sarah memo of lexSarahMemo for a reader of the nämnd: reports per month, lists A and B, IVO. */
export async function lexSarahCommitteeMemo(db: Db, actor: Actor, input: PeriodInput) {
  return readLexSarahMemo(db, actor, parseInput(memoQuery, input, "Perioden är ogiltig"), "read");
}
