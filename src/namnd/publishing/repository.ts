import type { DbOf } from "../../platform/db/schema.ts";
import type { NamndDB } from "../tables.ts";
import type { LiftedMask, Mask, OmittedItem, PublicBlock } from "./masking.ts";
import type { PublicationKind } from "./vocabulary.ts";

type Db = DbOf<NamndDB>;

const columns = [
  "p.id",
  "p.org_node_id",
  "p.meeting_id",
  "p.kind",
  "p.version",
  "p.replaces_id",
  "p.correction_note",
  "p.title",
  "p.content",
  "p.masks",
  "p.lifted",
  "p.omitted",
  "p.checksum",
  "p.reviewer_name",
  "p.published_at",
  "m.meeting_date",
  "b.name as body_name",
  "n.name as namnd_name",
] as const;

const publications = (db: Db) =>
  db
    .selectFrom("namnd_publication as p")
    .innerJoin("namnd_meeting as m", "m.id", "p.meeting_id")
    .innerJoin("namnd_body as b", "b.id", "m.body_id")
    .innerJoin("org_node as n", "n.id", "p.org_node_id")
    .leftJoin("namnd_publication as newer", "newer.replaces_id", "p.id")
    .select([...columns, "newer.id as replaced_by_id", "newer.version as replaced_by_version"]);

export const findPublication = (db: Db, id: string) => publications(db).where("p.id", "=", id).executeTakeFirst();
export type PublicationRow = NonNullable<Awaited<ReturnType<typeof findPublication>>>;

/** A nämnd's publications, newest meeting first; `current` leaves out the versions a correction replaced. */
export const publicationsOf = (db: Db, namndId: string, current = false) => {
  let q = publications(db).where("p.org_node_id", "=", namndId);
  if (current) q = q.where("newer.id", "is", null);
  return q.orderBy("m.meeting_date", "desc").orderBy("p.kind").orderBy("p.version", "desc").execute();
};

/** The versions of one meeting's publication of a kind, newest first. */
export const versionsOf = (db: Db, meetingId: string, kind: PublicationKind) =>
  publications(db)
    .where("p.meeting_id", "=", meetingId)
    .where("p.kind", "=", kind)
    .orderBy("p.version", "desc")
    .execute();

/** The nämnder with current publications and how many. */
export const publishingNamnder = (db: Db) =>
  db
    .selectFrom("namnd_publication as p")
    .innerJoin("org_node as n", "n.id", "p.org_node_id")
    .leftJoin("namnd_publication as newer", "newer.replaces_id", "p.id")
    .where("newer.id", "is", null)
    .select(["n.id", "n.name", "n.path", (eb) => eb.fn.countAll<string>().as("count")])
    .groupBy(["n.id", "n.name", "n.path"])
    .orderBy("n.name")
    .execute();

export const insertPublication = async (
  db: Db,
  values: {
    org_node_id: string;
    meeting_id: string;
    kind: PublicationKind;
    version: number;
    replaces_id: string | null;
    correction_note: string | null;
    title: string;
    content: PublicBlock[];
    masks: Mask[];
    lifted: LiftedMask[];
    omitted: OmittedItem[];
    checksum: string;
    reviewed_by: string | null;
    reviewer_name: string;
  },
) =>
  (
    await db
      .insertInto("namnd_publication")
      .values({
        ...values,
        content: JSON.stringify(values.content),
        masks: JSON.stringify(values.masks),
        lifted: JSON.stringify(values.lifted),
        omitted: JSON.stringify(values.omitted),
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;

/** The names of the private persons the nämnd's record knows: skrivelser sent by a privatperson. */
export const privateNames = async (db: Db, namndId: string) =>
  (
    await db
      .selectFrom("namnd_letter")
      .select("sender")
      .distinct()
      .where("org_node_id", "=", namndId)
      .where("sender_kind", "=", "privatperson")
      .execute()
  ).map((r) => r.sender);

/** Locks the meeting's row until the transaction ends: its publications are numbered one at a time. */
export const lockMeeting = (db: Db, meetingId: string) =>
  db.selectFrom("namnd_meeting").select("id").where("id", "=", meetingId).forUpdate().executeTakeFirst();
