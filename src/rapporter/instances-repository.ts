// SQL of reports as records: the report, its chapters' writers and deadlines, the writers' texts, comments
// and the frozen publication.
import type { Insertable, Selectable, Updateable } from "kysely";
import type { DbOf } from "../platform/db/schema.ts";
import type { RapportChapterTable, RapporterDB, RapportInstanceTable, RapportPublicationTable } from "./tables.ts";

type Db = DbOf<RapporterDB>;
export type InstanceRow = Selectable<RapportInstanceTable> & { template_code: string; template_name: string };
export type ChapterRow = Selectable<RapportChapterTable>;
export type PublicationRow = Selectable<RapportPublicationTable>;

const instances = (db: Db) =>
  db
    .selectFrom("rapport_instance as i")
    .innerJoin("rapport_template as t", "t.id", "i.template_id")
    .selectAll("i")
    .select(["t.code as template_code", "t.name as template_name"]);

export const findInstance = (db: Db, id: string): Promise<InstanceRow | undefined> =>
  instances(db).where("i.id", "=", id).executeTakeFirst();

/** The reports of the nämnder under `path`, newest year first. */
export const instancesUnder = (db: Db, path: string) =>
  instances(db)
    .innerJoin("org_node as n", "n.id", "i.org_node_id")
    .select("n.name as namnd_name")
    .where("n.path", "like", `${path}%`)
    .orderBy("i.period", "desc")
    .orderBy("t.name")
    .execute();

export const findInstanceFor = (db: Db, templateId: string, namndId: string, period: string) =>
  db
    .selectFrom("rapport_instance")
    .select("id")
    .where("template_id", "=", templateId)
    .where("org_node_id", "=", namndId)
    .where("period", "=", period)
    .executeTakeFirst();

export const insertInstance = (db: Db, row: Insertable<RapportInstanceTable>) =>
  db.insertInto("rapport_instance").values(row).returningAll().executeTakeFirstOrThrow();

export const updateInstance = (db: Db, id: string, patch: Updateable<RapportInstanceTable>) =>
  db.updateTable("rapport_instance").set(patch).where("id", "=", id).returningAll().executeTakeFirstOrThrow();

export const chaptersOf = (db: Db, instanceId: string) =>
  db
    .selectFrom("rapport_chapter as c")
    .leftJoin("app_user as u", "u.id", "c.writer_id")
    .selectAll("c")
    .select("u.display_name as writer_name")
    .where("c.instance_id", "=", instanceId)
    .execute();

export const insertChapters = (db: Db, rows: Insertable<RapportChapterTable>[]) =>
  rows.length ? db.insertInto("rapport_chapter").values(rows).returningAll().execute() : Promise.resolve([]);

export const updateChapter = (db: Db, id: string, patch: Updateable<RapportChapterTable>) =>
  db.updateTable("rapport_chapter").set(patch).where("id", "=", id).returningAll().executeTakeFirstOrThrow();

export const textsOf = (db: Db, instanceId: string) =>
  db.selectFrom("rapport_text").selectAll().where("instance_id", "=", instanceId).execute();

export const insertTexts = (db: Db, rows: Array<{ instance_id: string; block: string; text: string }>) =>
  rows.length ? db.insertInto("rapport_text").values(rows).returningAll().execute() : Promise.resolve([]);

export const updateText = (db: Db, id: string, text: string) =>
  db.updateTable("rapport_text").set({ text }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();

export const commentsOf = (db: Db, instanceId: string) =>
  db
    .selectFrom("rapport_comment as c")
    .leftJoin("app_user as u", "u.id", "c.author_id")
    .selectAll("c")
    .select("u.display_name as author_name")
    .where("c.instance_id", "=", instanceId)
    .orderBy("c.created_at")
    .execute();

export const insertComment = (
  db: Db,
  row: { instance_id: string; chapter: string; author_id: string | null; text: string },
) => db.insertInto("rapport_comment").values(row).returningAll().executeTakeFirstOrThrow();

export const findPublication = (db: Db, instanceId: string): Promise<PublicationRow | undefined> =>
  db.selectFrom("rapport_publication").selectAll().where("instance_id", "=", instanceId).executeTakeFirst();

export const insertPublication = (
  db: Db,
  row: { instance_id: string; content: unknown; checksum: string; published_by: string | null },
) =>
  db
    .insertInto("rapport_publication")
    .values({ ...row, content: JSON.stringify(row.content) })
    .returningAll()
    .executeTakeFirstOrThrow();

/** Every published report with its nämnd, newest first: the public area's list. */
export const publishedReports = (db: Db) =>
  db
    .selectFrom("rapport_publication as p")
    .innerJoin("rapport_instance as i", "i.id", "p.instance_id")
    .innerJoin("rapport_template as t", "t.id", "i.template_id")
    .innerJoin("org_node as n", "n.id", "i.org_node_id")
    .select(["i.id", "i.period", "t.name as template_name", "n.id as namnd_id", "n.name as namnd_name"])
    .select(["p.published_at", "p.checksum", "n.path"])
    .orderBy("p.published_at", "desc")
    .execute();

/** Active users holding a role on the nämnd, above it or under it: who can be a chapter's writer. */
export const writersFor = (db: Db, path: string, today: string) => {
  const above = path
    .split("/")
    .filter(Boolean)
    .map((_, i, parts) => `/${parts.slice(0, i + 1).join("/")}/`);
  return db
    .selectFrom("app_user as u")
    .select(["u.id", "u.display_name"])
    .where("u.active", "=", true)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("role_assignment as r")
          .innerJoin("org_node as n", "n.id", "r.org_node_id")
          .select("r.id")
          .whereRef("r.user_id", "=", "u.id")
          .where((w) => w.or([w("n.path", "like", `${path}%`), ...(above.length ? [w("n.path", "in", above)] : [])]))
          .where((w) => w.or([w("r.valid_until", "is", null), w("r.valid_until", ">=", today)])),
      ),
    )
    .orderBy("u.display_name")
    .execute();
};

/** Chapters not yet klar with a deadline, in reports not yet approved: the reminders' work. */
export const openChapterDeadlines = (db: Db) =>
  db
    .selectFrom("rapport_chapter as c")
    .innerJoin("rapport_instance as i", "i.id", "c.instance_id")
    .innerJoin("rapport_template as t", "t.id", "i.template_id")
    .innerJoin("org_node as n", "n.id", "i.org_node_id")
    .select(["c.id", "c.chapter", "c.deadline", "i.id as instance_id", "i.period", "t.name as template_name", "n.path"])
    .where("c.deadline", "is not", null)
    .where("c.status", "!=", "klar")
    .where("i.status", "in", ["utkast", "granskning"])
    .execute();
