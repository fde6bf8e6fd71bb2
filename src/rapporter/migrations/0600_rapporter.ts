import { type Kysely, sql } from "kysely";

/**
 * Rapporter: the kommun's report templates, each saved as a new numbered version (content as JSON, validated
 * by the application), and the kommun's report profile (name and colours on covers).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE rapport_template (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      code text NOT NULL CHECK (code ~ '^[a-z0-9-]{1,40}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, code)
    )`.execute(db);
  await sql`
    CREATE TRIGGER rapport_template_touch BEFORE UPDATE ON rapport_template
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  // Versions are never changed: a save adds the next one.
  await sql`
    CREATE TABLE rapport_template_version (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      template_id uuid NOT NULL REFERENCES rapport_template(id),
      version integer NOT NULL CHECK (version >= 1),
      content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (template_id, version)
    )`.execute(db);

  await sql`
    CREATE TABLE rapport_profile (
      org_node_id uuid PRIMARY KEY REFERENCES org_node(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      primary_colour text NOT NULL CHECK (primary_colour ~ '^#[0-9a-f]{6}$'),
      accent_colour text NOT NULL CHECK (accent_colour ~ '^#[0-9a-f]{6}$'),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TRIGGER rapport_profile_touch BEFORE UPDATE ON rapport_profile
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
}
