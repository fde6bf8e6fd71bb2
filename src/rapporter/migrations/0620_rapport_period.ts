import { type Kysely, sql } from "kysely";

/**
 * A report's period may be shorter than a year: the year as before ("2021"), a quarter ("2023-Q2"), a tertial
 * from the year's start ("2023-T2") or a date range ("2023-03-01..2023-04-15"). The column becomes that text;
 * every existing report keeps its year ("2021").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE rapport_instance DROP CONSTRAINT rapport_instance_period_check`.execute(db);
  await sql`ALTER TABLE rapport_instance ALTER COLUMN period TYPE text USING period::text`.execute(db);
  await sql`
    ALTER TABLE rapport_instance ADD CONSTRAINT rapport_instance_period_check CHECK (
      period ~ '^(20[0-9]{2}|2100)(-Q[1-4]|-T[12])?$'
      OR period ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}[.][.][0-9]{4}-[0-9]{2}-[0-9]{2}$'
    )`.execute(db);
}
