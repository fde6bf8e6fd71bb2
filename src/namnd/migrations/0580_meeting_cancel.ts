import { type Kysely, sql } from "kysely";

/**
 * A kallat sammanträde can be inställt: the status 'installt' with the day and the reason. A planned meeting
 * with nothing issued is deleted instead, so no other status leads here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE namnd_meeting DROP CONSTRAINT namnd_meeting_status_check`.execute(db);
  await sql`
    ALTER TABLE namnd_meeting
      ADD CONSTRAINT namnd_meeting_status_check
        CHECK (status IN ('planerat','kallat','genomfort','justerat','installt')),
      ADD COLUMN cancelled_on date,
      ADD COLUMN cancel_reason text CHECK (length(cancel_reason) BETWEEN 1 AND 1000),
      ADD CONSTRAINT namnd_meeting_cancelled
        CHECK ((status = 'installt') = (cancelled_on IS NOT NULL AND cancel_reason IS NOT NULL))`.execute(db);
}
