import type { Generated } from "kysely";
import type { CreatedAt, Id, UpdatedAt } from "../../platform/db/columns.ts";
import type { ApplicationStatus, Fulfilment, Round } from "./vocabulary.ts";

/** A nämnd's grant year: the frame (anslag) the granted sums may never exceed. */
export interface NamndGrantYearTable {
  id: Id;
  org_node_id: string;
  year: number;
  /** Whole kronor. */
  frame_kronor: number;
  /** When the associations' återrapport for this year is due (before the next period). */
  report_due_on: string;
  /** The ansökningstid for the first round, both days included; null on years opened without one. */
  applications_open_on: Generated<string | null>;
  applications_close_on: Generated<string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A criterion applications are assessed against, as the nämnd set it for the year. */
export interface NamndGrantCriterionTable {
  id: Id;
  year_id: string;
  position: number;
  text: string;
}

export interface NamndGrantApplicationTable {
  id: Id;
  year_id: string;
  /** The year's nämnd, so an application's access is checked on it directly. */
  org_node_id: string;
  /** Running per year, so the sample's population has a stable order. */
  number: number;
  round: Round;
  association: string;
  purpose: string;
  amount_applied: number;
  received_on: string;
  /** The case in the diarium holding the application's documents. */
  diarienummer: string | null;
  status: ApplicationStatus;
  completion_requested_on: string | null;
  completion_note: string | null;
  assessed_on: string | null;
  assessment_note: string | null;
  decided_on: string | null;
  /** "IF 2024-03-14 § 32" */
  decision_reference: string | null;
  amount_granted: number | null;
  reasons: string | null;
  paid_on: string | null;
  reported_on: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface NamndGrantAssessmentTable {
  application_id: string;
  criterion_id: string;
  fulfilment: Fulfilment;
  note: string | null;
}

/** A sample drawn for internkontroll: the seed reproduces it. */
export interface NamndGrantSampleTable {
  id: Id;
  year_id: string;
  seed: string;
  size: number;
  drawn_by: string | null;
  drawn_at: CreatedAt;
}

export interface NamndGrantSampleItemTable {
  sample_id: string;
  position: number;
  application_id: string;
}

export interface GrantTables {
  namnd_grant_year: NamndGrantYearTable;
  namnd_grant_criterion: NamndGrantCriterionTable;
  namnd_grant_application: NamndGrantApplicationTable;
  namnd_grant_assessment: NamndGrantAssessmentTable;
  namnd_grant_sample: NamndGrantSampleTable;
  namnd_grant_sample_item: NamndGrantSampleItemTable;
}
