import type { CreatedAt, Id, UpdatedAt } from "../db/columns.ts";

/**
 * The organisation tree (kommun → nämnd → förvaltning → verksamhetsområde → enhet). Every role is held
 * on a node and every record belongs to one, so the tree is the platform's scope model; the organisation
 * capability manages it.
 */
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

export interface OrgTables {
  org_node: OrgNodeTable;
}
