import type { Generated } from "kysely";
import type { CreatedAt, Id, UpdatedAt } from "../platform/db/columns.ts";
import type { PlatformTables } from "../platform/db/schema.ts";

/** The kommun's catalogue of insatser with their legal reference (data, edited by admin). */
export interface EvbInsatsTable {
  id: Id;
  /** The kommun (root node) that owns this catalogue row. */
  org_node_id: string;
  code: string;
  law: "SoL" | "LSS";
  lagrum: string;
  name: string;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Reason codes for delay (kind 'delay') and for closure (kind 'closure'), per kommun. */
export interface EvbCodeTable {
  id: Id;
  org_node_id: string;
  kind: "delay" | "closure";
  code: string;
  label: string;
  /** For delay reasons: whose side the delay lies on, the municipality's or the individual's. */
  side: "kommun" | "enskild" | null;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface EvbDecisionTable {
  id: Id;
  /** The unit responsible for executing the decision; scopes access. */
  org_node_id: string;
  person_id: string;
  sex: "K" | "M";
  protected_identity: Generated<boolean>;
  insats_id: string;
  decision_date: string;
  parts_total: Generated<number>;
  parts_executed: Generated<number>;
  executed_date: string | null;
  closed_date: string | null;
  closure_code_id: string | null;
  delay_code_id: string | null;
  reason_text: string | null;
  interim_support: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface EvbOfferTable {
  id: Id;
  org_node_id: string;
  decision_id: string;
  offered_date: string;
  answer: "ja" | "nej" | null;
  note: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface EvbInterruptionTable {
  id: Id;
  org_node_id: string;
  decision_id: string;
  start_date: string;
  resumed_date: string | null;
  reason_code_id: string | null;
  reason_text: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/**
 * One wait of a decision (before first execution, or an interruption) as the clock works it out from
 * everything registered; rewritten with the decision (waits.ts). Facts dated after a day asked about are
 * not known on it: a wait exists from start_date, and its end counts from end_date.
 */
export interface EvbWaitTable {
  decision_id: string;
  /** The decision's unit (tenant key). */
  org_node_id: string;
  kind: "beslut" | "avbrott";
  start_date: string;
  deadline: string;
  overdue_from: string;
  /** The last days of the 3–6 and 6–12 month waiting bands. */
  six_months: string;
  twelve_months: string;
  end_date: string | null;
  ending: "verkstalld" | "aterupptagen" | "avslutad" | null;
  /** When the decision's next wait starts: until then this is the decision's latest wait. */
  next_start: string | null;
  /** The decision's person, sex, insats and date, kept with its waits (refreshWaits) so counts need not join it. */
  person_id: string;
  sex: "K" | "M";
  insats_id: string;
  decision_date: string;
  /** The wait's reason code: its interruption's own if that gives a reason, else the decision's delay code. */
  reason_code_id: string | null;
}

export interface EvbTables {
  evb_insats: EvbInsatsTable;
  evb_code: EvbCodeTable;
  evb_decision: EvbDecisionTable;
  evb_offer: EvbOfferTable;
  evb_interruption: EvbInterruptionTable;
  evb_wait: EvbWaitTable;
}

/** What EVB code sees of the database: its own tables and the platform's (organisation tree, accounts, audit). */
export interface EvbDB extends EvbTables, PlatformTables {}
