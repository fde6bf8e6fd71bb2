// Öppna data's SQL: the publications, with the nämnd's name.
import type { DbOf } from "../platform/db/schema.ts";
import type { PublishedContent } from "./dataset.ts";
import type { OppnaDataDB } from "./tables.ts";
import type { Dataset } from "./vocabulary.ts";

type Db = DbOf<OppnaDataDB>;

const publications = (db: Db) =>
  db
    .selectFrom("open_data_publication as p")
    .innerJoin("org_node as n", "n.id", "p.org_node_id")
    .select([
      "p.id",
      "p.org_node_id",
      "n.name as org_node_name",
      "n.path as org_node_path",
      "p.dataset",
      "p.period",
      "p.title",
      "p.content",
      "p.checksum",
      "p.publisher_name",
      "p.published_at",
    ]);

export type PublicationRow = NonNullable<Awaited<ReturnType<typeof findPublication>>>;

export const findPublication = (db: Db, id: string) => publications(db).where("p.id", "=", id).executeTakeFirst();

export const findPublicationOf = (db: Db, orgNodeId: string, dataset: Dataset, period: string) =>
  publications(db)
    .where("p.org_node_id", "=", orgNodeId)
    .where("p.dataset", "=", dataset)
    .where("p.period", "=", period)
    .executeTakeFirst();

/** Every publication, or those under a subtree; the nämnd's, newest period first. */
export const listPublications = (db: Db, under?: string) => {
  let q = publications(db);
  if (under) q = q.where("n.path", "like", `${under}%`);
  return q.orderBy("n.name").orderBy("p.dataset").orderBy("p.period", "desc").execute();
};

export type PublicationValues = {
  org_node_id: string;
  dataset: Dataset;
  period: string;
  title: string;
  content: PublishedContent;
  checksum: string;
  published_by: string | null;
  publisher_name: string;
};

/** Publishes, or publishes again: the content, checksum, publisher and date are replaced. */
export const upsertPublication = (db: Db, v: PublicationValues) =>
  db
    .insertInto("open_data_publication")
    .values({ ...v, content: JSON.stringify(v.content) })
    .onConflict((oc) =>
      oc.columns(["org_node_id", "dataset", "period"]).doUpdateSet({
        title: v.title,
        content: JSON.stringify(v.content),
        checksum: v.checksum,
        published_by: v.published_by,
        publisher_name: v.publisher_name,
        published_at: new Date().toISOString(),
      }),
    )
    .returning("id")
    .executeTakeFirstOrThrow();

export const deletePublication = (db: Db, id: string) =>
  db.deleteFrom("open_data_publication").where("id", "=", id).execute();
