import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, UpdatedAt } from "../db/columns.ts";
import type { DeliveryStatus, ReminderMode } from "./vocabulary.ts";

export interface ReminderSettingTable {
  user_id: string;
  mode: ReminderMode;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The send log: one row per user and reminder; (user_id, reminder_key) is unique. */
export interface ReminderDeliveryTable {
  id: Generated<string>;
  user_id: string;
  reminder_key: string;
  kind: string;
  title: string;
  reference: string | null;
  href: string;
  due_on: string;
  status: ColumnType<DeliveryStatus, DeliveryStatus | undefined, DeliveryStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_error: string | null;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CalendarTokenTable {
  user_id: string;
  /** sha256 of the secret in the feed's URL; the secret itself is shown once and never stored. */
  token_hash: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ReminderTables {
  reminder_setting: ReminderSettingTable;
  reminder_delivery: ReminderDeliveryTable;
  calendar_token: CalendarTokenTable;
}
