import { type Kysely, sql } from "kysely";

/**
 * A grant year's ansökningstid: the first and last day first-round applications are received. Years opened
 * before it was kept have none (both null).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE namnd_grant_year
      ADD COLUMN applications_open_on date,
      ADD COLUMN applications_close_on date,
      ADD CONSTRAINT namnd_grant_year_application_period
        CHECK ((applications_open_on IS NULL) = (applications_close_on IS NULL)
          AND applications_close_on >= applications_open_on)`.execute(db);
}
