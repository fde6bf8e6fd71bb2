import { type Kysely, sql } from "kysely";

/**
 * An inställt sammanträde stays on record, but it no longer holds its day: the body may plan a replacement
 * meeting on the same date. Only meetings that are still to be held (or were held) hold the day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE namnd_meeting DROP CONSTRAINT namnd_meeting_body_id_meeting_date_key`.execute(db);
  await sql`
    CREATE UNIQUE INDEX namnd_meeting_body_day ON namnd_meeting(body_id, meeting_date)
      WHERE status <> 'installt'`.execute(db);
}
