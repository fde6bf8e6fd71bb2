import { type Kysely, sql } from "kysely";

/**
 * Several kommuner per installation, one förvaltning serving several nämnder, and utskott.
 * - org_node.kind gains 'utskott' (placed under a nämnd only; the organisation capability checks placement).
 * - org_forvaltning_namnd: the nämnder a förvaltning serves beside the one above it in the tree. A förvaltning
 *   serving several nämnder sits under its kommun (or under one of them) and is linked to each; its units stay
 *   one set of nodes. Both ends lie in the same kommun (checked by the organisation capability).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE org_node DROP CONSTRAINT org_node_kind_check`.execute(db);
  await sql`
    ALTER TABLE org_node ADD CONSTRAINT org_node_kind_check
    CHECK (kind IN ('kommun','namnd','utskott','forvaltning','verksamhetsomrade','enhet'))`.execute(db);
  await sql`
    CREATE TABLE org_forvaltning_namnd (
      forvaltning_id uuid NOT NULL REFERENCES org_node(id),
      namnd_id uuid NOT NULL REFERENCES org_node(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (forvaltning_id, namnd_id)
    )`.execute(db);
  await sql`CREATE INDEX org_forvaltning_namnd_namnd ON org_forvaltning_namnd(namnd_id)`.execute(db);
}
