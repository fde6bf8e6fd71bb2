// The reads the reminder job and the calendar feed need, across the tree: revisionsgranskningar awaiting the
// nämnd's answer, and meetings from `from` on with their body's name.
import type { DbOf } from "../platform/db/schema.ts";
import type { NamndDB } from "./tables.ts";

type Db = DbOf<NamndDB>;

export const unrepliedAudits = (db: Db) =>
  db
    .selectFrom("namnd_audit as a")
    .innerJoin("org_node as n", "n.id", "a.org_node_id")
    .select(["a.id", "n.path", "a.reply_deadline", "a.diarienummer"])
    .where("a.replied_on", "is", null)
    .orderBy("a.id")
    .execute();

export const meetingsFrom = (db: Db, from: string) =>
  db
    .selectFrom("namnd_meeting as m")
    .innerJoin("org_node as n", "n.id", "m.org_node_id")
    .innerJoin("namnd_body as b", "b.id", "m.body_id")
    .select(["m.id", "n.path", "m.meeting_date", "b.name as body"])
    .where("m.meeting_date", ">=", from)
    .orderBy("m.id")
    .execute();
