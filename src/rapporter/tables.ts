import type { EkonomiTables } from "../ekonomi/index.ts";
import type { EvbTables } from "../evb/index.ts";
import type { KvalitetTables } from "../kvalitet/index.ts";
import type { NamndTables } from "../namnd/index.ts";
import type { CreatedAt, Id, Json, UpdatedAt } from "../platform/db/columns.ts";
import type { PlatformTables } from "../platform/db/schema.ts";
import type { StyrningTables } from "../styrning/index.ts";

/** A kommun's report template (its content is in the versions). */
export interface RapportTemplateTable {
  id: Id;
  /** The kommun (root node). */
  org_node_id: string;
  code: string;
  name: string;
  description: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** One saved version of a template's content (TemplateContent as JSON); never changed. */
export interface RapportTemplateVersionTable {
  id: Id;
  template_id: string;
  version: number;
  content: Json<unknown>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The kommun's name and colours on report covers. */
export interface RapportProfileTable {
  org_node_id: string;
  name: string;
  primary_colour: string;
  accent_colour: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A report: a template version filled for a nämnd (org_node_id) and period (period.ts: "2021", "2023-Q2" …), moving through its statuses. */
export interface RapportInstanceTable {
  id: Id;
  org_node_id: string;
  template_id: string;
  template_version: number;
  period: string;
  status: "utkast" | "granskning" | "godkand" | "publicerad";
  approved_by: string | null;
  approved_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A chapter's writer, deadline and status in one report (the chapter by its id in the template). */
export interface RapportChapterTable {
  id: Id;
  instance_id: string;
  chapter: string;
  writer_id: string | null;
  deadline: string | null;
  status: "ej-paborjad" | "pagar" | "klar";
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A writer's text for an authored block of one report (in place of the template's text). */
export interface RapportTextTable {
  id: Id;
  instance_id: string;
  block: string;
  text: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RapportCommentTable {
  id: Id;
  instance_id: string;
  chapter: string;
  author_id: string | null;
  text: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The report as published (assembled report and findings), never changed, with its checksum. */
export interface RapportPublicationTable {
  id: Id;
  instance_id: string;
  content: Json<unknown>;
  checksum: string;
  published_by: string | null;
  published_at: CreatedAt;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RapporterTables {
  rapport_template: RapportTemplateTable;
  rapport_template_version: RapportTemplateVersionTable;
  rapport_profile: RapportProfileTable;
  rapport_instance: RapportInstanceTable;
  rapport_chapter: RapportChapterTable;
  rapport_text: RapportTextTable;
  rapport_comment: RapportCommentTable;
  rapport_publication: RapportPublicationTable;
}

/** Rapporter's tables and what its reads of ekonomi, styrning, kvalitet, EVB and namnd open. */
export interface RapporterDB
  extends PlatformTables,
    RapporterTables,
    EkonomiTables,
    StyrningTables,
    KvalitetTables,
    EvbTables,
    NamndTables {}
