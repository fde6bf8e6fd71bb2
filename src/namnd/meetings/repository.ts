import { sql } from "kysely";
import { forIds, type New } from "../../platform/db/rows.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import type { NamndDB } from "../tables.ts";
import type { MemberNoteKind } from "./vocabulary.ts";

type Db = DbOf<NamndDB>;

// ---------------------------------------------------------------- bodies and § series

export const bodiesOf = (db: Db, namndId: string) =>
  db
    .selectFrom("namnd_body")
    .select(["id", "org_node_id", "kind", "name", "active"])
    .where("org_node_id", "=", namndId)
    .orderBy("kind")
    .orderBy("name")
    .execute();

export const findBody = (db: Db, id: string) =>
  db
    .selectFrom("namnd_body")
    .select(["id", "org_node_id", "kind", "name", "active"])
    .where("id", "=", id)
    .executeTakeFirst();
export type BodyRow = NonNullable<Awaited<ReturnType<typeof findBody>>>;

export const insertBody = (db: Db, values: New<NamndDB, "namnd_body">) =>
  db
    .insertInto("namnd_body")
    .values(values)
    .returning(["id", "org_node_id", "kind", "name", "active"])
    .executeTakeFirstOrThrow();

/**
 * Issues `count` § numbers in the body's series for the year and answers the last one. The upsert locks the
 * series row until the transaction ends, so two meetings held at once queue and never share a number.
 */
export async function issueParagraphs(db: Db, bodyId: string, year: number, count: number): Promise<number> {
  const { rows } = await sql<{ last_number: number }>`
    INSERT INTO namnd_paragraph_series (body_id, year, last_number) VALUES (${bodyId}, ${year}, ${count})
    ON CONFLICT (body_id, year) DO UPDATE SET last_number = namnd_paragraph_series.last_number + ${count}
    RETURNING last_number`.execute(db);
  return rows[0]?.last_number as number;
}

/** Moves the series to at least `atLeast` (the numbers issued before the protokoll was kept here). */
export async function raiseParagraphSeries(db: Db, bodyId: string, year: number, atLeast: number): Promise<number> {
  const { rows } = await sql<{ last_number: number }>`
    INSERT INTO namnd_paragraph_series (body_id, year, last_number) VALUES (${bodyId}, ${year}, ${atLeast})
    ON CONFLICT (body_id, year) DO UPDATE
      SET last_number = greatest(namnd_paragraph_series.last_number, excluded.last_number)
    RETURNING last_number`.execute(db);
  return rows[0]?.last_number as number;
}

// ---------------------------------------------------------------- meetings

const meetings = (db: Db) =>
  db
    .selectFrom("namnd_meeting as m")
    .innerJoin("namnd_body as b", "b.id", "m.body_id")
    .select([
      "m.id",
      "m.org_node_id",
      "m.body_id",
      "b.kind as body_kind",
      "b.name as body_name",
      "m.meeting_date",
      "m.start_time",
      "m.place",
      "m.status",
      "m.period_start",
      "m.period_end",
      "m.called_on",
      "m.adjusted_on",
      "m.cancelled_on",
      "m.cancel_reason",
    ]);

export const findMeeting = (db: Db, id: string) => meetings(db).where("m.id", "=", id).executeTakeFirst();
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

/** The body's meeting of a day: the one held or to be held, an inställt one only when no other has the day. */
export const findMeetingOn = (db: Db, bodyId: string, date: string) =>
  meetings(db)
    .where("m.body_id", "=", bodyId)
    .where("m.meeting_date", "=", date)
    .orderBy((eb) => eb("m.status", "=", "installt"))
    .executeTakeFirst();

/** The meeting that holds the body's day (an inställt one has given it up; the database keeps it so). */
export const meetingHoldingDay = (db: Db, bodyId: string, date: string) =>
  meetings(db)
    .where("m.body_id", "=", bodyId)
    .where("m.meeting_date", "=", date)
    .where("m.status", "!=", "installt")
    .executeTakeFirst();

/** A nämnd's meetings (of one body, one year) in date order, each with its number of agenda items. */
export const meetingsOf = (db: Db, namndId: string, filter: { year?: number; bodyId?: string }) => {
  let q = meetings(db)
    .select((eb) =>
      eb
        .selectFrom("namnd_agenda_item as i")
        .whereRef("i.meeting_id", "=", "m.id")
        .select((e) => e.fn.countAll<string>().as("n"))
        .as("item_count"),
    )
    .where("m.org_node_id", "=", namndId);
  if (filter.year)
    q = q.where("m.meeting_date", ">=", `${filter.year}-01-01`).where("m.meeting_date", "<=", `${filter.year}-12-31`);
  if (filter.bodyId) q = q.where("m.body_id", "=", filter.bodyId);
  return q.orderBy("m.meeting_date").orderBy("b.name").execute();
};

/**
 * The body's latest meeting before a date (its period end starts the next default period). An inställt
 * meeting reported nothing, so the next meeting's period reaches back over it.
 */
export const previousMeeting = (db: Db, bodyId: string, before: string) =>
  db
    .selectFrom("namnd_meeting")
    .select(["id", "meeting_date", "period_end"])
    .where("body_id", "=", bodyId)
    .where("meeting_date", "<", before)
    .where("status", "!=", "installt")
    .orderBy("meeting_date", "desc")
    .limit(1)
    .executeTakeFirst();

export const insertMeeting = async (db: Db, values: New<NamndDB, "namnd_meeting">) =>
  (await db.insertInto("namnd_meeting").values(values).returning("id").executeTakeFirstOrThrow()).id;

export const updateMeeting = (
  db: Db,
  id: string,
  values: Partial<
    Pick<
      New<NamndDB, "namnd_meeting">,
      | "meeting_date"
      | "start_time"
      | "place"
      | "status"
      | "period_start"
      | "period_end"
      | "called_on"
      | "adjusted_on"
      | "cancelled_on"
      | "cancel_reason"
    >
  >,
) => db.updateTable("namnd_meeting").set(values).where("id", "=", id).execute();

/** Removes a meeting; its roster and agenda go with it (ON DELETE CASCADE). */
export const deleteMeeting = (db: Db, id: string) => db.deleteFrom("namnd_meeting").where("id", "=", id).execute();

/** Releases a meeting's whole agenda (its ärenden are no longer on a föredragningslista). */
export const deleteItemsOf = (db: Db, meetingId: string) =>
  db.deleteFrom("namnd_agenda_item").where("meeting_id", "=", meetingId).execute();

// ---------------------------------------------------------------- roster

const attendeeColumns = [
  "id",
  "meeting_id",
  "position",
  "name",
  "party",
  "role",
  "present",
  "serving_for",
  "adjuster",
] as const;

export const attendeesOf = (db: Db, meetingId: string) =>
  db
    .selectFrom("namnd_meeting_attendee")
    .select(attendeeColumns)
    .where("meeting_id", "=", meetingId)
    .orderBy("position")
    .execute();
export type AttendeeRow = Awaited<ReturnType<typeof attendeesOf>>[number];

type AttendeeValues = New<NamndDB, "namnd_meeting_attendee"> & { id: string };

/** Clears the tjänstgöring links and removes everyone but `keep` from the meeting's roster. */
export async function deleteAttendees(db: Db, meetingId: string, keep: readonly string[]) {
  await db
    .updateTable("namnd_meeting_attendee")
    .set({ serving_for: null })
    .where("meeting_id", "=", meetingId)
    .execute();
  let q = db.deleteFrom("namnd_meeting_attendee").where("meeting_id", "=", meetingId);
  if (keep.length) q = q.where("id", "not in", keep);
  await q.execute();
}

/** Inserts the new rows (one statement, so they may serve for each other) and rewrites the kept ones. */
export async function saveAttendees(db: Db, inserts: AttendeeValues[], updates: AttendeeValues[]) {
  if (inserts.length) await db.insertInto("namnd_meeting_attendee").values(inserts).execute();
  for (const { id, ...values } of updates) {
    await db.updateTable("namnd_meeting_attendee").set(values).where("id", "=", id).execute();
  }
}

/** The attendees a yrkande, jäv or reservation of the meeting points at (they cannot leave the roster). */
export const attendeesReferenced = async (db: Db, meetingId: string) => {
  const items = db.selectFrom("namnd_agenda_item").select("id").where("meeting_id", "=", meetingId);
  const [motions, notes] = [
    await db.selectFrom("namnd_agenda_motion").select("attendee_id").where("item_id", "in", items).execute(),
    await db.selectFrom("namnd_agenda_member_note").select("attendee_id").where("item_id", "in", items).execute(),
  ];
  return new Set([...motions, ...notes].map((r) => r.attendee_id));
};

// ---------------------------------------------------------------- agenda

export const itemsOf = (db: Db, meetingId: string) =>
  db
    .selectFrom("namnd_agenda_item as i")
    .leftJoin("namnd_case as c", "c.id", "i.case_id")
    .select([
      "i.id",
      "i.meeting_id",
      "i.position",
      "i.kind",
      "i.case_id",
      "c.prefix as case_prefix",
      "c.year as case_year",
      "c.number as case_number",
      "c.title as case_title",
      "i.standing_kind",
      "i.title",
      "i.paragraph",
      "i.decision",
      "i.recipients",
      "i.snapshot",
    ])
    .where("i.meeting_id", "=", meetingId)
    .orderBy("i.position")
    .execute();
export type ItemRow = Awaited<ReturnType<typeof itemsOf>>[number];

export const insertItem = async (db: Db, values: New<NamndDB, "namnd_agenda_item">) =>
  (await db.insertInto("namnd_agenda_item").values(values).returning("id").executeTakeFirstOrThrow()).id;

export const deleteItem = (db: Db, id: string) => db.deleteFrom("namnd_agenda_item").where("id", "=", id).execute();

export const updateItem = (
  db: Db,
  id: string,
  values: Partial<
    Pick<New<NamndDB, "namnd_agenda_item">, "position" | "paragraph" | "decision" | "recipients" | "snapshot">
  >,
) => db.updateTable("namnd_agenda_item").set(values).where("id", "=", id).execute();

export const motionsOf = (db: Db, itemIds: readonly string[]) =>
  forIds(itemIds, () =>
    db
      .selectFrom("namnd_agenda_motion")
      .select(["id", "item_id", "position", "attendee_id", "kind", "text", "adopted"])
      .where("item_id", "in", itemIds)
      .orderBy("item_id")
      .orderBy("position")
      .execute(),
  );

export const memberNotesOf = (db: Db, itemIds: readonly string[]) =>
  forIds(itemIds, () =>
    db
      .selectFrom("namnd_agenda_member_note")
      .select(["item_id", "attendee_id", "kind"])
      .where("item_id", "in", itemIds)
      .execute(),
  );

/** Replaces one item's yrkanden, jäv and reservationer. */
export async function replaceProtocolEntries(
  db: Db,
  itemId: string,
  motions: Omit<New<NamndDB, "namnd_agenda_motion">, "item_id">[],
  notes: { attendee_id: string; kind: MemberNoteKind }[],
) {
  await db.deleteFrom("namnd_agenda_motion").where("item_id", "=", itemId).execute();
  await db.deleteFrom("namnd_agenda_member_note").where("item_id", "=", itemId).execute();
  if (motions.length)
    await db
      .insertInto("namnd_agenda_motion")
      .values(motions.map((m) => ({ ...m, item_id: itemId })))
      .execute();
  if (notes.length)
    await db
      .insertInto("namnd_agenda_member_note")
      .values(notes.map((n) => ({ ...n, item_id: itemId })))
      .execute();
}
