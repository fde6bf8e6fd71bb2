import { type Kysely, sql } from "kysely";

/** The organisation tree: the scope every role and record hangs on. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE org_node (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      parent_id uuid REFERENCES org_node(id),
      kind text NOT NULL CHECK (kind IN ('kommun','namnd','forvaltning','verksamhetsomrade','enhet')),
      name text NOT NULL,
      code text,
      diarium_prefix text,
      path text NOT NULL UNIQUE,
      sort_order integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((parent_id IS NULL) = (kind = 'kommun')),
      CHECK (diarium_prefix IS NULL OR kind = 'namnd')
    )`.execute(db);
  await sql`CREATE INDEX org_node_parent ON org_node(parent_id)`.execute(db);
  await sql`CREATE INDEX org_node_path ON org_node(path text_pattern_ops)`.execute(db);
  await sql`
    CREATE TRIGGER org_node_touch BEFORE UPDATE ON org_node
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
}
