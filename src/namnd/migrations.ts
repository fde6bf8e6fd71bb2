import type { Migrations } from "../platform/db/migrate.ts";
import * as diarium from "./migrations/0500_diarium.ts";
import * as delegation from "./migrations/0510_delegation.ts";
import * as meetings from "./migrations/0520_meetings.ts";
import * as memos from "./migrations/0530_memos.ts";
import * as incoming from "./migrations/0540_incoming.ts";
import * as assignments from "./migrations/0550_assignments.ts";
import * as publishing from "./migrations/0560_publishing.ts";
import * as grants from "./migrations/0570_foreningsbidrag.ts";
import * as meetingCancel from "./migrations/0580_meeting_cancel.ts";
import * as meetingSlot from "./migrations/0590_meeting_slot.ts";
import * as grantPeriod from "./migrations/0591_grant_application_period.ts";

/** Nämnd's migrations by the names databases have recorded; each file is frozen once released. */
export const namndMigrations: Migrations = {
  "0500_diarium": diarium,
  "0510_delegation": delegation,
  "0520_meetings": meetings,
  "0530_memos": memos,
  "0540_incoming": incoming,
  "0550_assignments": assignments,
  "0560_publishing": publishing,
  "0570_foreningsbidrag": grants,
  "0580_meeting_cancel": meetingCancel,
  "0590_meeting_slot": meetingSlot,
  "0591_grant_application_period": grantPeriod,
};
