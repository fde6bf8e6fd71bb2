import { type Kysely, sql } from "kysely";

/**
 * IVO-tillsyn: the kinds of tillsyn (IVO's, national, so without an organisation key; data an admin may add
 * to) and the tillsyner of the kommun's units with their decision and any yttrande IVO asked for, its legal
 * reference (data, e.g. "LSS 26 c §") and deadline.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE kvalitet_inspection_type (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{1,60}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      active boolean NOT NULL DEFAULT true,
      sort_order integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TRIGGER kvalitet_inspection_type_touch BEFORE UPDATE ON kvalitet_inspection_type
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    INSERT INTO kvalitet_inspection_type (code, name, sort_order) VALUES
      ('anmald-inspektion', 'Anmäld inspektion', 0),
      ('uppfoljning', 'Uppföljning', 1),
      ('lss-9-8', 'Årlig tillsyn av bostad enligt LSS 9 § 8', 2),
      ('sarskild-tillsynsinsats', 'Särskild tillsynsinsats', 3)`.execute(db);
  await sql`
    CREATE TABLE kvalitet_inspection (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      type_id uuid NOT NULL REFERENCES kvalitet_inspection_type(id),
      month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      ivo_dnr text CHECK (length(ivo_dnr) BETWEEN 1 AND 60),
      decision_on date,
      findings text CHECK (length(findings) <= 4000),
      yttrande_lagrum text CHECK (length(yttrande_lagrum) BETWEEN 1 AND 100),
      yttrande_due_on date,
      yttrande_replied_on date,
      status text NOT NULL CHECK (status IN ('pagaende','avslutad')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((yttrande_lagrum IS NULL) = (yttrande_due_on IS NULL)),
      CHECK (yttrande_replied_on IS NULL OR yttrande_due_on IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX kvalitet_inspection_org ON kvalitet_inspection(org_node_id, month)`.execute(db);
  await sql`
    CREATE TRIGGER kvalitet_inspection_touch BEFORE UPDATE ON kvalitet_inspection
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
}
