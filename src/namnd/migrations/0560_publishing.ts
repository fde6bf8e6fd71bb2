import { type Kysely, sql } from "kysely";

/**
 * Nämnd's publications: a meeting's föredragningslista (after kallelse) or protokoll (after justering) as the
 * public reads it, personal data masked. The row records the review: who reviewed and published, when, the
 * masks kept and added and the proposals lifted (each with its reason), the items left out under OSL, and a
 * checksum of the published text. A publication is never changed or deleted; a correction is a new version
 * naming the one it replaces.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE namnd_publication (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      meeting_id uuid NOT NULL REFERENCES namnd_meeting(id),
      kind text NOT NULL CHECK (kind IN ('foredragningslista','protokoll')),
      version integer NOT NULL CHECK (version BETWEEN 1 AND 999),
      replaces_id uuid UNIQUE REFERENCES namnd_publication(id),
      correction_note text CHECK (length(correction_note) BETWEEN 1 AND 1000),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
      content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'array'),
      masks jsonb NOT NULL CHECK (jsonb_typeof(masks) = 'array'),
      lifted jsonb NOT NULL CHECK (jsonb_typeof(lifted) = 'array'),
      omitted jsonb NOT NULL CHECK (jsonb_typeof(omitted) = 'array'),
      checksum text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
      reviewed_by uuid REFERENCES app_user(id),
      reviewer_name text NOT NULL CHECK (length(reviewer_name) BETWEEN 1 AND 200),
      published_at timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (meeting_id, kind, version),
      CHECK ((version = 1) = (replaces_id IS NULL)),
      CHECK ((replaces_id IS NULL) = (correction_note IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX namnd_publication_node ON namnd_publication(org_node_id, published_at)`.execute(db);

  // Immutable once published (lots_refuse_change of 0001): what the public reads stays exactly what was reviewed.
  await sql`
    CREATE TRIGGER namnd_publication_append_only BEFORE UPDATE OR DELETE ON namnd_publication
    FOR EACH ROW EXECUTE FUNCTION lots_refuse_change()`.execute(db);
}
