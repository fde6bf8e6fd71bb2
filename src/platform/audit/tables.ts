import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, Json } from "../db/columns.ts";

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
  /** Audit rows are append-only (triggers refuse UPDATE, DELETE and TRUNCATE). */
  updated_at: ColumnType<Date, never, never>;
  /** Place in the hash chain, assigned by the insert trigger (migration 1000_audit_chain). */
  chain_seq: ColumnType<number, never, never>;
  /** Hash of the previous link ('' for the first). */
  prev_hash: ColumnType<string, never, never>;
  /** sha256(prev_hash || lots_audit_hash canonical text of this row), hex. */
  hash: ColumnType<string, never, never>;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
