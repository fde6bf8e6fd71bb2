import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, Id, UpdatedAt } from "../platform/db/columns.ts";
import type { PlatformTables } from "../platform/db/schema.ts";
import type { AssignmentTables } from "./assignments/tables.ts";
import type { DelegationTables } from "./delegation/tables.ts";
import type { GrantTables } from "./grants/tables.ts";
import type { IncomingTables } from "./incoming/tables.ts";
import type { MeetingTables } from "./meetings/tables.ts";
import type { MemoTables } from "./memos/tables.ts";
import type { PublishingTables } from "./publishing/tables.ts";
import type { CaseStatus, DocumentDirection, DocumentType, ReferenceKind } from "./vocabulary.ts";

/** The kommun's case types (data); one number series serves them all. */
export interface NamndCaseTypeTable {
  id: Id;
  /** The kommun (root node) that owns the list. */
  org_node_id: string;
  code: string;
  name: string;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A provision of law a sekretess marking cites (OSL 26 kap. 1 §): national, so no organisation key. */
export interface NamndLagrumTable {
  id: Id;
  code: string;
  reference: string;
  description: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The last number issued in a nämnd's series for a year. */
export interface NamndDiariumSeriesTable {
  org_node_id: string;
  year: number;
  last_number: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** An ärende in the nämnd's diarium, numbered PREFIX-YEAR-NUMBER. */
export interface NamndCaseTable {
  id: Id;
  /** The nämnd. */
  org_node_id: string;
  /** The nämnd's diarium prefix when the number was issued (kept if the prefix later changes). */
  prefix: string;
  year: number;
  number: number;
  title: string;
  case_type_id: string;
  /** Set by the system when the case is registered (kept as imported for older cases). */
  registered_on: string;
  /** When the matter came in, if it came from outside. */
  received_on: string | null;
  handler_id: string | null;
  status: CaseStatus;
  closed_on: string | null;
  /** A standing yearly case ("Synpunkter och klagomål"): the title without the year; one per year. */
  standing_series: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface NamndCaseLinkTable {
  case_id: string;
  linked_id: string;
  created_at: CreatedAt;
}

export interface NamndCaseReferenceTable {
  id: Id;
  case_id: string;
  kind: ReferenceKind;
  value: string;
  note: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface NamndDocumentTable {
  id: Id;
  case_id: string;
  /** The case's nämnd, so a document's access is checked on it directly. */
  org_node_id: string;
  title: string;
  file_name: string;
  /** As recognised from the bytes, not as the uploader's client declared. */
  content_type: DocumentType;
  size_bytes: number;
  sha256: string;
  content: ColumnType<Buffer, Buffer | Uint8Array, never>;
  direction: DocumentDirection;
  /** The date the document bears (a letter's date), apart from when it was registered. */
  document_date: string | null;
  registered_on: string;
  /** Set when the document is marked sekretess: the provision it cites. */
  lagrum_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface NamndTables
  extends DelegationTables,
    MeetingTables,
    IncomingTables,
    MemoTables,
    AssignmentTables,
    PublishingTables,
    GrantTables {
  namnd_case_type: NamndCaseTypeTable;
  namnd_lagrum: NamndLagrumTable;
  namnd_diarium_series: NamndDiariumSeriesTable;
  namnd_case: NamndCaseTable;
  namnd_case_link: NamndCaseLinkTable;
  namnd_case_reference: NamndCaseReferenceTable;
  namnd_document: NamndDocumentTable;
}

/** What Nämnd code sees of the database: its own tables and the platform's. */
export interface NamndDB extends NamndTables, PlatformTables {}
