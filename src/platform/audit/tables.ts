import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, Json } from "../db/schema.ts";

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: string | null;
  actor_name: string;
  org_node_id: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  before: Json | null;
  after: Json | null;
  created_at: CreatedAt;
  /** Audit rows are append-only (a trigger refuses UPDATE/DELETE). */
  updated_at: ColumnType<Date, never, never>;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
