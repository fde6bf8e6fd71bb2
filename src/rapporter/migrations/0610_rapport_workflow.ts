import { type Kysely, sql } from "kysely";

/**
 * Reports as records: a report is a template version filled for a nämnd and year, with a status
 * (utkast → granskning → godkänd → publicerad), each chapter's writer, deadline and status, the writers' texts
 * (replacing the template's authored text of a block), dated comments per chapter, and the frozen copy a
 * publication stores with its SHA-256 checksum.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE rapport_instance (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      template_id uuid NOT NULL REFERENCES rapport_template(id),
      template_version integer NOT NULL CHECK (template_version >= 1),
      period integer NOT NULL CHECK (period BETWEEN 2000 AND 2100),
      status text NOT NULL DEFAULT 'utkast' CHECK (status IN ('utkast', 'granskning', 'godkand', 'publicerad')),
      approved_by uuid REFERENCES app_user(id),
      approved_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (template_id, org_node_id, period),
      CHECK ((status = 'godkand' OR status = 'publicerad') = (approved_at IS NOT NULL))
    )`.execute(db);
  await sql`
    CREATE TRIGGER rapport_instance_touch BEFORE UPDATE ON rapport_instance
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  await sql`
    CREATE TABLE rapport_chapter (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      instance_id uuid NOT NULL REFERENCES rapport_instance(id),
      chapter text NOT NULL CHECK (chapter ~ '^[a-z0-9-]{1,40}$'),
      writer_id uuid REFERENCES app_user(id),
      deadline date,
      status text NOT NULL DEFAULT 'ej-paborjad' CHECK (status IN ('ej-paborjad', 'pagar', 'klar')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (instance_id, chapter)
    )`.execute(db);
  await sql`
    CREATE TRIGGER rapport_chapter_touch BEFORE UPDATE ON rapport_chapter
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  await sql`
    CREATE TABLE rapport_text (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      instance_id uuid NOT NULL REFERENCES rapport_instance(id),
      block text NOT NULL CHECK (block ~ '^[a-z0-9-]{1,40}$'),
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (instance_id, block)
    )`.execute(db);
  await sql`
    CREATE TRIGGER rapport_text_touch BEFORE UPDATE ON rapport_text
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  await sql`
    CREATE TABLE rapport_comment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      instance_id uuid NOT NULL REFERENCES rapport_instance(id),
      chapter text NOT NULL CHECK (chapter ~ '^[a-z0-9-]{1,40}$'),
      author_id uuid REFERENCES app_user(id),
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX rapport_comment_instance ON rapport_comment (instance_id, created_at)`.execute(db);

  // A publication is never changed: the assembled report (figures and texts) as published.
  await sql`
    CREATE TABLE rapport_publication (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      instance_id uuid NOT NULL UNIQUE REFERENCES rapport_instance(id),
      content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
      checksum text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
      published_by uuid REFERENCES app_user(id),
      published_at timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}
