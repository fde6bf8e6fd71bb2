import type { CreatedAt, Id, UpdatedAt } from "../platform/db/schema.ts";

export interface OrgNodeTable {
  id: Id;
  parent_id: string | null;
  kind: string;
  name: string;
  code: string | null;
  diarium_prefix: string | null;
  /** Materialised path of ids, "/root/child/…/self/", so subtree checks are a prefix match. */
  path: string;
  sort_order: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OrganisationTables {
  org_node: OrgNodeTable;
}
