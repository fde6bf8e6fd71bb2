// The reads the reminder job and the calendar feed need from styrning: open uppdrag with a report-back month,
// with the node whose people answer for it (the responsible unit, else the node the uppdrag was given at).
import type { DbOf } from "../platform/db/schema.ts";
import type { StyrningDB } from "./tables.ts";
import { openUppdragStatuses } from "./vocabulary.ts";

type Db = DbOf<StyrningDB>;

export const openUppdragReportingBack = (db: Db) =>
  db
    .selectFrom("styrning_uppdrag as u")
    .innerJoin("org_node as n", "n.id", "u.org_node_id")
    .leftJoin("org_node as o", "o.id", "u.owner_org_node_id")
    .select(["u.id", "u.code", "u.year", "u.report_month", "n.path", "o.path as owner_path"])
    .where("u.report_month", "is not", null)
    .where("u.status", "in", [...openUppdragStatuses])
    .orderBy("u.id")
    .execute();
