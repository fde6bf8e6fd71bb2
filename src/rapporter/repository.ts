// Rapporter's SQL: templates, their versions and the kommun's report profile.
import type { Selectable } from "kysely";
import type { DbOf } from "../platform/db/schema.ts";
import type { RapporterTables, RapportProfileTable, RapportTemplateTable } from "./tables.ts";

type Db = DbOf<RapporterTables>;
export type TemplateRow = Selectable<RapportTemplateTable>;

export const templatesOf = (db: Db, kommunId: string) =>
  db.selectFrom("rapport_template").selectAll().where("org_node_id", "=", kommunId).orderBy("name").execute();

export const findTemplate = (db: Db, kommunId: string, code: string) =>
  db
    .selectFrom("rapport_template")
    .selectAll()
    .where("org_node_id", "=", kommunId)
    .where("code", "=", code)
    .executeTakeFirst();

export const insertTemplate = (db: Db, row: { org_node_id: string; code: string; name: string; description: string }) =>
  db.insertInto("rapport_template").values(row).returningAll().executeTakeFirstOrThrow();

export const updateTemplate = (db: Db, id: string, patch: { name: string; description: string }) =>
  db.updateTable("rapport_template").set(patch).where("id", "=", id).returningAll().executeTakeFirstOrThrow();

/** Every version's number and date, newest first (the content only for the one asked for). */
export const versionsOf = (db: Db, templateIds: string[]) =>
  templateIds.length
    ? db
        .selectFrom("rapport_template_version")
        .select(["template_id", "version", "created_at"])
        .where("template_id", "in", templateIds)
        .orderBy("version", "desc")
        .execute()
    : Promise.resolve([]);

export const findVersion = (db: Db, templateId: string, version?: number) => {
  let query = db.selectFrom("rapport_template_version").selectAll().where("template_id", "=", templateId);
  if (version !== undefined) query = query.where("version", "=", version);
  return query.orderBy("version", "desc").limit(1).executeTakeFirst();
};

export const insertVersion = (db: Db, row: { template_id: string; version: number; content: unknown }) =>
  db
    .insertInto("rapport_template_version")
    .values({ ...row, content: JSON.stringify(row.content) })
    .returningAll()
    .executeTakeFirstOrThrow();

export const findProfile = (db: Db, kommunId: string): Promise<Selectable<RapportProfileTable> | undefined> =>
  db.selectFrom("rapport_profile").selectAll().where("org_node_id", "=", kommunId).executeTakeFirst();

export const upsertProfile = (
  db: Db,
  row: { org_node_id: string; name: string; primary_colour: string; accent_colour: string },
) =>
  db
    .insertInto("rapport_profile")
    .values(row)
    .onConflict((oc) =>
      oc.column("org_node_id").doUpdateSet({
        name: row.name,
        primary_colour: row.primary_colour,
        accent_colour: row.accent_colour,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
