import type { CreatedAt, Id, UpdatedAt } from "../../platform/db/columns.ts";
import type { Category, Channel, ComplaintType, SenderType } from "./vocabulary.ts";

/**
 * A synpunkt, klagomål, beröm or förslag on the unit it concerns. Who registered it is not stored here
 * (the audit log keeps it); the sender is described by type only.
 */
export interface KvalitetComplaintTable {
  id: Id;
  org_node_id: string;
  received_on: string;
  channel: Channel;
  sender_type: SenderType;
  complaint_type: ComplaintType;
  /** Required for klagomål and synpunkter. */
  category: Category | null;
  anonymous: boolean;
  political: boolean;
  /** The diarienummer, when it is registered in the diarium. */
  dnr: string | null;
  summary: string;
  acknowledged_on: string | null;
  answered_on: string | null;
  answer: string | null;
  measures: string | null;
  closed_on: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface KlagomalTables {
  kvalitet_complaint: KvalitetComplaintTable;
}
