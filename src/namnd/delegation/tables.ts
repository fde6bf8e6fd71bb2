import type { Generated } from "kysely";
import type { CreatedAt, Id, UpdatedAt } from "../../platform/db/columns.ts";
import type { AnmalanSection, DecisionLaw, DelegateKind } from "./vocabulary.ts";

/** A function of the förvaltning a point may be delegated to (Förvaltningschef, Enhetschef …): data per nämnd. */
export interface NamndDelegationFunctionTable {
  id: Id;
  org_node_id: string;
  name: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A delegeringsordning as the nämnd adopted it; the one in force on a date is the latest adopted by then. */
export interface NamndDelegationOrderTable {
  id: Id;
  org_node_id: string;
  adopted_on: string;
  /** The § of the nämnd's protocol that adopted it. */
  paragraph: number;
  diarienummer: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface NamndDelegationPointTable {
  id: Id;
  order_id: string;
  /** 5.1.1 */
  code: string;
  /** The ärendegrupp the point sits under. */
  heading: string;
  text: string;
  /** The provision as written in the ordning (data, not code). */
  lagrum: string | null;
  limits: string | null;
  subdelegation_allowed: boolean;
  anmalan_required: boolean;
  anmalan_section: AnmalanSection;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface NamndDelegationDelegateTable {
  id: Id;
  point_id: string;
  kind: DelegateKind;
  /** Set for kind funktion only. */
  function_id: string | null;
  created_at: CreatedAt;
}

export interface NamndDelegationSubdelegationTable {
  id: Id;
  point_id: string;
  function_id: string;
  valid_from: string;
  valid_until: string | null;
  diarienummer: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface NamndDelegationDecisionTable {
  id: Id;
  /** The nämnd. */
  org_node_id: string;
  point_id: string;
  diarienummer: string | null;
  decided_on: string;
  decider_kind: DelegateKind;
  decider_function_id: string | null;
  /** Who decided, by name (the ordförande, the chef …). */
  decider_name: string;
  law: DecisionLaw | null;
  subject: string;
  unit_id: string | null;
  /** The utförare of a placement; shown only to readers of personal data. */
  provider: string | null;
  period_from: string | null;
  period_until: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DelegationTables {
  namnd_delegation_function: NamndDelegationFunctionTable;
  namnd_delegation_order: NamndDelegationOrderTable;
  namnd_delegation_point: NamndDelegationPointTable;
  namnd_delegation_delegate: NamndDelegationDelegateTable;
  namnd_delegation_subdelegation: NamndDelegationSubdelegationTable;
  namnd_delegation_decision: NamndDelegationDecisionTable;
}
