import type { CreatedAt, Id, UpdatedAt } from "../db/columns.ts";

/**
 * The organisation tree (kommun → nämnd (→ utskott) → förvaltning → verksamhetsområde → enhet). Every role
 * is held on a node and every record belongs to one, so the tree is the platform's scope model; the
 * organisation capability manages it. Each kommun is a root: no role reaches from one kommun into another.
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

/** A nämnd a förvaltning serves besides any nämnd above it in the tree (docs/organisation.md). */
export interface OrgForvaltningNamndTable {
  forvaltning_id: string;
  namnd_id: string;
  created_at: CreatedAt;
}

export interface OrgTables {
  org_node: OrgNodeTable;
  org_forvaltning_namnd: OrgForvaltningNamndTable;
}
