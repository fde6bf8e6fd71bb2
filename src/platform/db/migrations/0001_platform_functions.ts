import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION lots_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN NEW.updated_at := now(); RETURN NEW; END $$`.execute(db);
  await sql`
    CREATE FUNCTION lots_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'rows in % are append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$`.execute(
    db,
  );
}
