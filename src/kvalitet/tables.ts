import type { Generated } from "kysely";
import type { CreatedAt, Id, UpdatedAt } from "../platform/db/columns.ts";
import type { PlatformTables } from "../platform/db/schema.ts";
import type { InternkontrollTables } from "./internkontroll/tables.ts";
import type { KlagomalTables } from "./klagomal/tables.ts";
import type { KvalitetsplanTables } from "./kvalitetsplan/tables.ts";
import type { LexSarahTables } from "./lex-sarah/tables.ts";
import type { TillsynTables } from "./tillsyn/tables.ts";
import type { EventKind, EventStatus, TypeGroup, WorkCategory } from "./vocabulary.ts";

/** The kommun's händelse types (data, edited by admin); a händelse is classified with one or more. */
export interface KvalitetEventTypeTable {
  id: Id;
  /** The kommun (root node) that owns the list. */
  org_node_id: string;
  code: string;
  name: string;
  type_group: TypeGroup;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The kommun's causes a händelse's investigation may name. */
export interface KvalitetCauseTable {
  id: Id;
  org_node_id: string;
  code: string;
  name: string;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/**
 * A händelse: an avvikelse or an arbetsmiljöhändelse, on the unit where it happened. Who reported it is
 * not stored here (the audit log keeps it, for admin only).
 */
export interface KvalitetEventTable {
  id: Id;
  org_node_id: string;
  kind: EventKind;
  /** Arbetsmiljöhändelser only. */
  category: WorkCategory | null;
  occurred_on: string;
  noticed_on: string;
  reported_on: string;
  what_happened: string;
  immediate_action: string | null;
  /** Derived from the fields below by rules.ts statusOf, stored for filtering. */
  status: EventStatus;
  investigation: string | null;
  measures: string | null;
  /** The day handling began (classified or investigated; migration 0460); null while rapporterad. */
  handled_on: string | null;
  closed_on: string | null;
  /** Escalated to the lex Sarah process (SAS) on this day. */
  lex_sarah_on: string | null;
  /** Reported to MAS as a possible vårdskada on this day. */
  mas_on: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface KvalitetEventTypeLinkTable {
  event_id: string;
  type_id: string;
}

export interface KvalitetEventCauseLinkTable {
  event_id: string;
  cause_id: string;
}

export interface KvalitetTables
  extends LexSarahTables,
    KlagomalTables,
    KvalitetsplanTables,
    InternkontrollTables,
    TillsynTables {
  kvalitet_event_type: KvalitetEventTypeTable;
  kvalitet_cause: KvalitetCauseTable;
  kvalitet_event: KvalitetEventTable;
  kvalitet_event_type_link: KvalitetEventTypeLinkTable;
  kvalitet_event_cause_link: KvalitetEventCauseLinkTable;
}

/** What Kvalitet code sees of the database: its own tables and the platform's. */
export interface KvalitetDB extends KvalitetTables, PlatformTables {}
