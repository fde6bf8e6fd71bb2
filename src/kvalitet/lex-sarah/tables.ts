import type { Generated } from "kysely";
import type { CreatedAt, Id, UpdatedAt } from "../../platform/db/columns.ts";
import type {
  CaseStatus,
  Consequence,
  EntryKind,
  Finding,
  ListKind,
  Outcome,
  RecurrenceRisk,
  ReportRoute,
} from "./vocabulary.ts";

/** The kommun's lex Sarah lists in one table, told apart by `list` (data, like the händelse types). */
export interface LexSarahListTable {
  id: Id;
  /** The kommun (root node) that owns the list. */
  org_node_id: string;
  list: ListKind;
  code: string;
  name: string;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The last case number issued per nämnd and report year; its row is locked while a number is taken. */
export interface LexSarahCounterTable {
  namnd_id: string;
  year: number;
  last_number: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A SAS decision on one case or on several decided together; an outcome C carries the IVO anmälan. */
export interface LexSarahDecisionTable {
  id: Id;
  namnd_id: string;
  decided_on: string;
  outcome: Outcome;
  /** What an A decision found (and only an A decision). */
  finding: Finding | null;
  /** The package for IVO: the form "anmälan – lex Sarah" is filled in, the finished investigation attached. */
  ivo_form_done: Generated<boolean>;
  ivo_investigation_attached: Generated<boolean>;
  ivo_sent_on: string | null;
  ivo_reference: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/**
 * A lex Sarah case: the report of a (risk of a) missförhållande on a unit, numbered YYYY-NNN per nämnd and
 * report year. Who reported it is not stored (the audit log keeps who registered it).
 */
export interface LexSarahTable {
  id: Id;
  org_node_id: string;
  /** The nämnd above the unit, whose series the number belongs to. */
  namnd_id: string;
  report_year: number;
  number: number;
  reported_on: string;
  noticed_on: string;
  occurred_on: string | null;
  gist: string;
  category_id: string;
  brist: boolean | null;
  consequence: Consequence | null;
  recurrence: RecurrenceRisk | null;
  route: ReportRoute;
  /** The händelse it was escalated from. */
  event_id: string | null;
  /** Derived by rules.ts statusOf, stored for filtering. */
  status: CaseStatus;
  decision_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A case's chosen causes and measures (entries of the lists orsak and atgard). */
export interface LexSarahChoiceTable {
  case_id: string;
  entry_id: string;
}

/** One dated entry of the investigation record (SOSFS 2011:5): an item, its source, fact or assessment, who wrote it. */
export interface LexSarahEntryTable {
  id: Id;
  case_id: string;
  entry_date: string;
  item_id: string;
  source: string;
  kind: EntryKind;
  /** The signed-in writer's display name. */
  author: string;
  text: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface LexSarahTables {
  kvalitet_lex_sarah_list: LexSarahListTable;
  kvalitet_lex_sarah_counter: LexSarahCounterTable;
  kvalitet_lex_sarah_decision: LexSarahDecisionTable;
  kvalitet_lex_sarah: LexSarahTable;
  kvalitet_lex_sarah_choice: LexSarahChoiceTable;
  kvalitet_lex_sarah_entry: LexSarahEntryTable;
}
