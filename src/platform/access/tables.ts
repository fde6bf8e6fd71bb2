import type { ColumnType, Generated } from "kysely";
import type { CreatedAt } from "../db/columns.ts";

/** One read or export of personal data (append-only). */
export interface AccessLogTable {
  id: Generated<number>;
  actor_id: string | null;
  actor_name: string;
  /** The node the read was made on (the decision's unit, the chosen nämnd …). */
  org_node_id: string | null;
  /** What was read, e.g. "evb.decision"; stable names listed in log.ts. */
  operation: string;
  /** Why, in Swedish, as an admin or a dataskyddsombud reads it. */
  purpose: string;
  record_count: number;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, never, never>;
}

/** One record disclosed by a read: an EVB decision with its pseudonymous person id, a staff account … */
export interface AccessLogRecordTable {
  id: Generated<number>;
  access_id: number;
  org_node_id: string | null;
  entity: string;
  record_id: string;
  person_id: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, never, never>;
}

export interface AccessTables {
  access_log: AccessLogTable;
  access_log_record: AccessLogRecordTable;
}
