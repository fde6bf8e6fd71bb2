import { type Kysely, sql } from "kysely";

/**
 * Synpunkter och klagomål: one row each, on the unit (enhet, verksamhetsområde or the förvaltning's
 * ledning) it concerns. Kommentaren's records share the table, told apart by channel. The answer's status
 * under the 10-day rule is derived from the dates when read, since it changes with the day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE kvalitet_complaint (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      received_on date NOT NULL,
      channel text NOT NULL CHECK (channel IN ('hemsidan','post','epost','ivo','personligen','kommentaren')),
      sender_type text NOT NULL
        CHECK (sender_type IN ('brukare','anhorig','personal','utforare','myndighet','forening','okand')),
      complaint_type text NOT NULL CHECK (complaint_type IN ('klagomal','synpunkt','berom','forslag')),
      category text CHECK (category IN ('utformande','handlaggning','bemotande','ovrigt')),
      anonymous boolean NOT NULL DEFAULT false,
      political boolean NOT NULL DEFAULT false,
      dnr text CHECK (length(dnr) BETWEEN 1 AND 40),
      summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 4000),
      acknowledged_on date CHECK (acknowledged_on >= received_on),
      answered_on date CHECK (answered_on >= received_on AND answered_on >= acknowledged_on),
      answer text CHECK (length(answer) <= 4000),
      measures text CHECK (length(measures) <= 4000),
      closed_on date CHECK (closed_on >= received_on AND closed_on >= answered_on),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- Written without IN, which would read as a second vocabulary for complaint_type.
      CHECK (category IS NOT NULL OR complaint_type = 'berom' OR complaint_type = 'forslag'),
      CHECK (closed_on IS NULL OR answered_on IS NOT NULL OR anonymous)
    )`.execute(db);
  await sql`CREATE INDEX kvalitet_complaint_org ON kvalitet_complaint(org_node_id, received_on)`.execute(db);
  await sql`CREATE INDEX kvalitet_complaint_received ON kvalitet_complaint(received_on)`.execute(db);
  await sql`
    CREATE TRIGGER kvalitet_complaint_touch BEFORE UPDATE ON kvalitet_complaint
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
}
