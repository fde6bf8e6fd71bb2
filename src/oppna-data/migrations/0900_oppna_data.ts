import { type Kysely, sql } from "kysely";

/**
 * Öppna data: the decisions to publish a dataset for a nämnd and a period. The row holds the dataset as it
 * was published (tables without personal data, small counts already suppressed) and its checksum, so the
 * public reads serve exactly what was decided, never live data. Publishing again replaces the content and
 * the publishing date; withdrawing deletes the row (the audit log keeps both).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE open_data_publication (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      dataset text NOT NULL CHECK (dataset IN ('maluppfoljning','evb-statistik','kvalitet-statistik')),
      period text NOT NULL CHECK (period ~ '^[0-9]{4}(Q[1-4])?$'),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
      checksum text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
      published_by uuid REFERENCES app_user(id),
      publisher_name text NOT NULL CHECK (length(publisher_name) BETWEEN 1 AND 200),
      published_at timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, dataset, period)
    )`.execute(db);
  await sql`
    CREATE TRIGGER open_data_publication_touch BEFORE UPDATE ON open_data_publication
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
}
