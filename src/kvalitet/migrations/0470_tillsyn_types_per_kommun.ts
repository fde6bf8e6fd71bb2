import { type Kysely, sql } from "kysely";

/**
 * The kinds of IVO-tillsyn become each kommun's own list, keyed to the kommun like the händelse types and
 * the lex Sarah lists, so that one kommun's admin editing them changes no other kommun's. Every kommun
 * gets a copy of the national rows (edits included), each tillsyn is re-pointed to its kommun's copy of
 * its kind (same code), and the national rows go. Kommuner created later get the list from the catalogue
 * install (`lots init`, `lots kommun add`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE kvalitet_inspection_type ADD COLUMN org_node_id uuid REFERENCES org_node(id)`.execute(db);
  await sql`ALTER TABLE kvalitet_inspection_type DROP CONSTRAINT kvalitet_inspection_type_code_key`.execute(db);
  await sql`
    INSERT INTO kvalitet_inspection_type (org_node_id, code, name, active, sort_order)
    SELECT kommun.id, t.code, t.name, t.active, t.sort_order
    FROM org_node kommun CROSS JOIN kvalitet_inspection_type t
    WHERE kommun.parent_id IS NULL AND t.org_node_id IS NULL`.execute(db);
  await sql`
    UPDATE kvalitet_inspection i
    SET type_id = copy.id
    FROM org_node unit, kvalitet_inspection_type national, kvalitet_inspection_type copy
    WHERE unit.id = i.org_node_id
      AND national.id = i.type_id AND national.org_node_id IS NULL
      AND copy.code = national.code AND copy.org_node_id::text = split_part(unit.path, '/', 2)`.execute(db);
  await sql`DELETE FROM kvalitet_inspection_type WHERE org_node_id IS NULL`.execute(db);
  await sql`
    ALTER TABLE kvalitet_inspection_type
      ALTER COLUMN org_node_id SET NOT NULL,
      ADD CONSTRAINT kvalitet_inspection_type_kommun_code UNIQUE (org_node_id, code)`.execute(db);
}
