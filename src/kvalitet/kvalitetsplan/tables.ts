import type { Generated } from "kysely";
import type { CreatedAt, Id, Json, UpdatedAt } from "../../platform/db/columns.ts";
import type { AxisLabels, RiskLevel, RiskScaleKind } from "../risk/risk.ts";
import type { AtgardStatus } from "./vocabulary.ts";

/** A kommun's own risk scale (configuration); without one the standard scale of risk.ts applies. */
export interface KvalitetRiskScaleTable {
  id: Id;
  /** The kommun (root node). */
  org_node_id: string;
  kind: RiskScaleKind;
  name: string;
  likelihood_name: string;
  likelihood_labels: Json<AxisLabels>;
  consequence_name: string;
  consequence_labels: Json<AxisLabels>;
  levels: Json<RiskLevel[]>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The kommun's processes: a process and one of its aktiviteter per row. */
export interface KvalitetProcessTable {
  id: Id;
  org_node_id: string;
  process: string;
  activity: string;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A risk in a unit's kvalitetsplan for a year; its level is derived from the scores and the scale. */
export interface KvalitetPlanRiskTable {
  id: Id;
  org_node_id: string;
  year: number;
  nr: number;
  process_id: string | null;
  description: string;
  likelihood: number;
  consequence: number;
  comment: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** An egenkontroll in a unit's plan: what was checked, how, on what sample, and the share that passed. */
export interface KvalitetEgenkontrollTable {
  id: Id;
  org_node_id: string;
  year: number;
  process_id: string | null;
  risk_id: string | null;
  what: string;
  method: string;
  sample: string | null;
  performed_on: string | null;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** An åtgärd against exactly one risk or egenkontroll of a plan, or an internkontroll granskning. */
export interface KvalitetAtgardTable {
  id: Id;
  org_node_id: string;
  year: number;
  risk_id: string | null;
  egenkontroll_id: string | null;
  /** An internkontroll granskning (migration 0440). */
  granskning_id: string | null;
  text: string;
  /** A function ("Enhetschef") or a person's name. */
  owner: string;
  deadline: string | null;
  status: AtgardStatus;
  status_on: string;
  comment: string | null;
  created_on: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface KvalitetsplanTables {
  kvalitet_risk_scale: KvalitetRiskScaleTable;
  kvalitet_process: KvalitetProcessTable;
  kvalitet_plan_risk: KvalitetPlanRiskTable;
  kvalitet_egenkontroll: KvalitetEgenkontrollTable;
  kvalitet_atgard: KvalitetAtgardTable;
}
