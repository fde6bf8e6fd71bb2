import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, Id, Json, UpdatedAt } from "../../platform/db/columns.ts";
import type {
  AttendeeRole,
  BodyKind,
  ItemKind,
  MeetingStatus,
  MemberNoteKind,
  MotionKind,
  StandingKind,
} from "./vocabulary.ts";

/** A body that meets: the nämnd itself or one of its utskott (data per nämnd). */
export interface NamndBodyTable {
  id: Id;
  /** The nämnd. */
  org_node_id: string;
  kind: BodyKind;
  name: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The last § issued in a body's protokoll for a year. */
export interface NamndParagraphSeriesTable {
  body_id: string;
  year: number;
  last_number: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface NamndMeetingTable {
  id: Id;
  /** The nämnd (the body's). */
  org_node_id: string;
  body_id: string;
  meeting_date: string;
  start_time: string | null;
  place: string | null;
  status: Generated<MeetingStatus>;
  /** The period the standing items cover (by registration date), both days included. */
  period_start: string;
  period_end: string;
  /** The day the kallelse went out (the standing items' snapshot is from then). */
  called_on: string | null;
  /** The day the protokoll was justerat; set exactly when the status is justerat. */
  adjusted_on: string | null;
  /** The day a kallat meeting was inställt, and why; set exactly when the status is installt. */
  cancelled_on: Generated<string | null>;
  cancel_reason: Generated<string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface NamndMeetingAttendeeTable {
  id: Id;
  meeting_id: string;
  position: number;
  name: string;
  party: string | null;
  role: AttendeeRole;
  present: boolean;
  /** A tjänstgörande ersättare: the ledamot they serve for. */
  serving_for: string | null;
  adjuster: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/**
 * A standing item's content as computed from the registers for the reader (and, as JSON, as it was when the
 * kallelse was sent): the count, the memo's sections and lines; `forbidden` when the reader may not read
 * the register, `note` when it could not be computed (a quarter not begun).
 */
export type StandingContent = {
  count: number | null;
  forbidden: boolean;
  note: string | null;
  sections: { heading: string; count: number | null; lines: string[] }[];
};

export interface NamndAgendaItemTable {
  id: Id;
  meeting_id: string;
  position: number;
  kind: ItemKind;
  case_id: string | null;
  standing_kind: StandingKind | null;
  title: string;
  /** Issued when the meeting is held, in agenda order from the body's series. */
  paragraph: number | null;
  decision: string | null;
  recipients: Json<string[]>;
  snapshot: ColumnType<StandingContent | null, string | null, string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface NamndAgendaMotionTable {
  id: Id;
  item_id: string;
  position: number;
  attendee_id: string;
  kind: MotionKind;
  text: string;
  adopted: boolean;
  created_at: CreatedAt;
}

export interface NamndAgendaMemberNoteTable {
  item_id: string;
  attendee_id: string;
  kind: MemberNoteKind;
  created_at: CreatedAt;
}

export interface MeetingTables {
  namnd_body: NamndBodyTable;
  namnd_paragraph_series: NamndParagraphSeriesTable;
  namnd_meeting: NamndMeetingTable;
  namnd_meeting_attendee: NamndMeetingAttendeeTable;
  namnd_agenda_item: NamndAgendaItemTable;
  namnd_agenda_motion: NamndAgendaMotionTable;
  namnd_agenda_member_note: NamndAgendaMemberNoteTable;
}
