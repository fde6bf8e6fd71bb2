import type { Generated } from "kysely";
import type { CreatedAt, Id, UpdatedAt } from "../../platform/db/columns.ts";
import type { InspectionStatus } from "./vocabulary.ts";

/** The kommun's list of IVO's kinds of tillsyn (per kommun since migration 0470), edited by its admin. */
export interface KvalitetInspectionTypeTable {
  id: Id;
  /** The kommun (root node) whose list this is. */
  org_node_id: string;
  code: string;
  name: string;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** One IVO-tillsyn of a unit: when, IVO's dnr and decision, and any yttrande IVO asked for. */
export interface KvalitetInspectionTable {
  id: Id;
  org_node_id: string;
  type_id: string;
  /** The month of the tillsyn, YYYY-MM. */
  month: string;
  ivo_dnr: string | null;
  decision_on: string | null;
  findings: string | null;
  /** The legal ground of the requested yttrande, as IVO writes it ("LSS 26 c §"). */
  yttrande_lagrum: string | null;
  yttrande_due_on: string | null;
  yttrande_replied_on: string | null;
  status: InspectionStatus;
  /** The day the tillsyn was closed (migration 0460); set exactly when the status is avslutad. */
  closed_on: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface TillsynTables {
  kvalitet_inspection_type: KvalitetInspectionTypeTable;
  kvalitet_inspection: KvalitetInspectionTable;
}
