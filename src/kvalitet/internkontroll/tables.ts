import type { Generated } from "kysely";
import type { CreatedAt, Id, UpdatedAt } from "../../platform/db/columns.ts";
import type { Answer } from "./vocabulary.ts";

/** The nämnd's adopted internkontrollplan for a year (the decision; its content is the tables below). */
export interface KvalitetIkPlanTable {
  id: Id;
  /** The nämnd. */
  org_node_id: string;
  year: number;
  diarienummer: string | null;
  adopted_on: string | null;
  /** The decision, e.g. "2022-11-17 § 150". */
  decision_ref: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A risk in the risk- och väsentlighetsanalys; `nr` is its matrisnr. */
export interface KvalitetIkRiskTable {
  id: Id;
  org_node_id: string;
  year: number;
  nr: number;
  category: string;
  description: string;
  /** Kommungemensam (given by KS) rather than the nämnd's own. */
  common: boolean;
  likelihood: number;
  consequence: number;
  to_plan: boolean;
  /** Why it is (not) taken to the plan; required when not. */
  reason: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A granskning (5.1.x) of the plan: how, how often, who, and what it found. */
export interface KvalitetIkGranskningTable {
  id: Id;
  org_node_id: string;
  year: number;
  nr: string;
  title: string;
  method: string;
  frequency: string;
  responsible: string;
  result: string | null;
  deviations: boolean | null;
  verdict: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface KvalitetIkGranskningRiskTable {
  granskning_id: string;
  risk_id: string;
}

/** The kommun's självskattning questions (data). */
export interface KvalitetIkQuestionTable {
  id: Id;
  org_node_id: string;
  nr: number;
  area: string;
  text: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface KvalitetIkAnswerTable {
  org_node_id: string;
  year: number;
  question_id: string;
  answer: Answer;
  comment: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface InternkontrollTables {
  kvalitet_ik_plan: KvalitetIkPlanTable;
  kvalitet_ik_risk: KvalitetIkRiskTable;
  kvalitet_ik_granskning: KvalitetIkGranskningTable;
  kvalitet_ik_granskning_risk: KvalitetIkGranskningRiskTable;
  kvalitet_ik_question: KvalitetIkQuestionTable;
  kvalitet_ik_answer: KvalitetIkAnswerTable;
}
