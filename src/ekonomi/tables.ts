import type { ColumnType } from "kysely";
import type { CreatedAt, Id, Json, UpdatedAt } from "../platform/db/columns.ts";
import type { PlatformTables } from "../platform/db/schema.ts";

/** bigint kronor: read back as number (see database.ts), written as number. */
type Kronor = number;
type DateString = ColumnType<string, string, string>;

/** An uppföljningsnivå: a row of the committee's money follow-up for one year. */
export interface EkonomiLevelTable {
  id: Id;
  /** The nämnd whose money this is (tenant key). */
  org_node_id: string;
  year: number;
  name: string;
  code: string | null;
  /** The org node the level follows (usually a verksamhetsområde); null for levels such as cost types. */
  target_org_node_id: string | null;
  sort_order: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Ledger code (exact, or prefix ending in *) that routes imported rows to a level. */
export interface EkonomiCodeMappingTable {
  id: Id;
  org_node_id: string;
  year: number;
  level_id: string;
  dimension: string;
  pattern: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A named forecast, e.g. "Delår april", made at a date for the year-end outcome. */
export interface EkonomiForecastTable {
  id: Id;
  org_node_id: string;
  year: number;
  name: string;
  as_of: DateString;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The council's money frame (kommunbidrag) for the committee and year, which the level budgets must add up to. */
export interface EkonomiFrameTable {
  id: Id;
  org_node_id: string;
  year: number;
  amount_kr: Kronor;
  decision_ref: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface EkonomiImportTable {
  id: Id;
  org_node_id: string;
  year: number;
  format: string;
  file_name: string;
  file_hash: string;
  kind: string;
  forecast_id: string | null;
  settings: Json<Record<string, unknown>>;
  rows_read: number;
  rows_used: number;
  rows_skipped: number;
  figures_changed: number;
  imported_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** One amount: level × period × kind (× forecast). Sums over levels are never stored. */
export interface EkonomiFigureTable {
  id: Id;
  org_node_id: string;
  level_id: string;
  period_type: string;
  period_no: number;
  kind: string;
  forecast_id: string | null;
  amount_kr: Kronor;
  import_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface EkonomiInvestmentTable {
  id: Id;
  org_node_id: string;
  year: number;
  category: string;
  name: string;
  project_code: string | null;
  budget_inkomster_kr: Kronor | null;
  budget_utgifter_kr: Kronor | null;
  bokslut_inkomster_kr: Kronor | null;
  bokslut_utgifter_kr: Kronor | null;
  note: string | null;
  sort_order: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface EkonomiReallocationTable {
  id: Id;
  org_node_id: string;
  year: number;
  title: string;
  reason: string | null;
  financing: string;
  status: string;
  case_ref: string | null;
  decision_ref: string | null;
  decided_on: DateString | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface EkonomiReallocationLineTable {
  id: Id;
  org_node_id: string;
  reallocation_id: string;
  level_id: string;
  /** Change of the level's budget frame: positive gives the level more money. */
  amount_kr: Kronor;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface EkonomiFundEntryTable {
  id: Id;
  org_node_id: string;
  year: number;
  kind: string;
  /** Signed change of the result fund balance. */
  amount_kr: Kronor;
  decision_ref: string;
  decided_on: DateString;
  decided_by: string;
  note: string | null;
  reallocation_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface EkonomiTables {
  ekonomi_level: EkonomiLevelTable;
  ekonomi_code_mapping: EkonomiCodeMappingTable;
  ekonomi_forecast: EkonomiForecastTable;
  ekonomi_frame: EkonomiFrameTable;
  ekonomi_import: EkonomiImportTable;
  ekonomi_figure: EkonomiFigureTable;
  ekonomi_investment: EkonomiInvestmentTable;
  ekonomi_reallocation: EkonomiReallocationTable;
  ekonomi_reallocation_line: EkonomiReallocationLineTable;
  ekonomi_fund_entry: EkonomiFundEntryTable;
}

/** What Ekonomi code sees of the database: its own tables and the platform's (organisation tree, accounts, audit). */
export interface EkonomiDB extends EkonomiTables, PlatformTables {}
