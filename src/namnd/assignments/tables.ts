import type { CreatedAt, Id, UpdatedAt } from "../../platform/db/columns.ts";
import type {
  ActionStatus,
  Assessment,
  AssignmentStatus,
  MotionKind,
  MotionStatus,
  Proposal,
  RefereeStatus,
} from "./vocabulary.ts";

/** An initiativärende or a motion; its status is the latest step taken. */
export interface NamndMotionTable {
  id: Id;
  org_node_id: string;
  kind: MotionKind;
  title: string;
  /** The party or members (public office holders) who raised it. */
  submitted_by: string | null;
  /** The date the letter bears; items may arrive undated. */
  dated_on: string | null;
  diarienummer: string | null;
  status: MotionStatus;
  proposal: Proposal | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface NamndMotionStepTable {
  id: Id;
  motion_id: string;
  status: MotionStatus;
  occurred_on: string;
  /** The decision behind the step: "KF 2023-11-07 § 177". */
  reference: string | null;
  note: string | null;
  created_at: CreatedAt;
}

export interface NamndMotionRefereeTable {
  id: Id;
  motion_id: string;
  referee: string;
  status: RefereeStatus;
  answered_on: string | null;
  reference: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** An uppdrag the nämnd gave in a decision, followed until it declares it fullgjort. */
export interface NamndAssignmentTable {
  id: Id;
  org_node_id: string;
  title: string;
  decided_on: string;
  /** "IF 2022-12-15 § 207" */
  decision_reference: string;
  /** The function responsible (Förvaltningschef …). */
  owner: string;
  due_on: string | null;
  /** A due event instead of a date ("när Socialstyrelsens arbete är klart"). */
  due_note: string | null;
  diarienummer: string | null;
  /** The initiativärende or motion it came from. */
  motion_id: string | null;
  status: AssignmentStatus;
  closed_on: string | null;
  closing_reference: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A revisionsgranskning sent to the nämnd for an answer by a deadline. */
export interface NamndAuditTable {
  id: Id;
  org_node_id: string;
  title: string;
  auditor: string;
  report_date: string;
  registered_on: string;
  reply_deadline: string;
  diarienummer: string | null;
  /** The tjänsteskrivelse proposing the answer. */
  memo_on: string | null;
  /** When the nämnd adopted and sent its answer. */
  replied_on: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface NamndAuditQuestionTable {
  id: Id;
  audit_id: string;
  position: number;
  text: string;
}

export interface NamndAuditAssessmentTable {
  id: Id;
  question_id: string;
  /** The body assessed (Kommunstyrelsen, Nämnden för Vård & Omsorg …). */
  body: string;
  assessment: Assessment;
}

export interface NamndAuditRecommendationTable {
  id: Id;
  audit_id: string;
  position: number;
  recipient: string;
  /** Addressed to this nämnd: its answer says what it does about it. */
  to_namnd: boolean;
  text: string;
}

export interface NamndAuditActionTable {
  id: Id;
  recommendation_id: string;
  position: number;
  text: string;
  /** The function responsible. */
  responsible: string | null;
  starts_on: string | null;
  ends_on: string | null;
  /** Timing in words where there is no date ("eventuellt beslut våren 2024"). */
  timing_note: string | null;
  status: ActionStatus;
}

export interface AssignmentTables {
  namnd_motion: NamndMotionTable;
  namnd_motion_step: NamndMotionStepTable;
  namnd_motion_referee: NamndMotionRefereeTable;
  namnd_assignment: NamndAssignmentTable;
  namnd_audit: NamndAuditTable;
  namnd_audit_question: NamndAuditQuestionTable;
  namnd_audit_assessment: NamndAuditAssessmentTable;
  namnd_audit_recommendation: NamndAuditRecommendationTable;
  namnd_audit_action: NamndAuditActionTable;
}
