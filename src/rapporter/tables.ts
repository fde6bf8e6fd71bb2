import type { EkonomiTables } from "../ekonomi/index.ts";
import type { CreatedAt, Id, Json, UpdatedAt } from "../platform/db/columns.ts";
import type { PlatformTables } from "../platform/db/schema.ts";

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

export interface RapporterTables {
  rapport_template: RapportTemplateTable;
  rapport_template_version: RapportTemplateVersionTable;
  rapport_profile: RapportProfileTable;
}

/** Rapporter's tables and what its reads of ekonomi open. */
export interface RapporterDB extends PlatformTables, RapporterTables, EkonomiTables {}
