// The reads the reminder job and the calendar feed need, across the tree: open lex Sarah cases, unanswered
// synpunkter from named senders, and åtgärder not closed that have an end date. No free text is read.
import type { DbOf } from "../platform/db/schema.ts";
import type { AtgardStatus } from "./kvalitetsplan/vocabulary.ts";
import type { KvalitetDB } from "./tables.ts";

type Db = DbOf<KvalitetDB>;

export const openLexSarahCases = (db: Db) =>
  db
    .selectFrom("kvalitet_lex_sarah as c")
    .innerJoin("org_node as n", "n.id", "c.org_node_id")
    .select(["c.id", "n.path", "c.report_year", "c.number", "c.reported_on"])
    .where("c.status", "<>", "beslutad")
    .orderBy("c.id")
    .execute();

export const unansweredComplaints = (db: Db) =>
  db
    .selectFrom("kvalitet_complaint as c")
    .innerJoin("org_node as n", "n.id", "c.org_node_id")
    .select(["c.id", "n.path", "c.dnr", "c.received_on", "c.acknowledged_on"])
    .where("c.answered_on", "is", null)
    .where("c.anonymous", "=", false)
    .orderBy("c.id")
    .execute();

export const openAtgarderWithDeadline = (db: Db, closed: readonly AtgardStatus[]) =>
  db
    .selectFrom("kvalitet_atgard as a")
    .innerJoin("org_node as n", "n.id", "a.org_node_id")
    .select(["a.id", "n.path", "a.deadline"])
    .where("a.status", "not in", closed)
    .where("a.deadline", "is not", null)
    .orderBy("a.id")
    .$narrowType<{ deadline: string }>()
    .execute();
