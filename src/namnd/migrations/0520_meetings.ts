import { type Kysely, sql } from "kysely";

/**
 * Nämnd's sammanträden: the bodies that meet (the nämnd itself and its utskott, data per nämnd), a §-number
 * series per body and year, the meetings (date, time, place, status planerat → kallat → genomfört → justerat,
 * the period the standing items cover, the justering), the roster of each meeting (närvaro), the agenda items
 * in order (ärenden from the diarium, information, standing items with the snapshot sent with the kallelse)
 * and per item the protokoll's yrkanden, jäv and reservationer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE namnd_body (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      kind text NOT NULL CHECK (kind IN ('namnd','utskott')),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, name)
    )`.execute(db);
  await sql`
    CREATE TRIGGER namnd_body_touch BEFORE UPDATE ON namnd_body
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  // The last § issued per body and year; the transaction that numbers a meeting's items locks its row.
  await sql`
    CREATE TABLE namnd_paragraph_series (
      body_id uuid NOT NULL REFERENCES namnd_body(id),
      year integer NOT NULL CHECK (year BETWEEN 1990 AND 2200),
      last_number integer NOT NULL CHECK (last_number BETWEEN 0 AND 9999),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (body_id, year)
    )`.execute(db);
  await sql`
    CREATE TRIGGER namnd_paragraph_series_touch BEFORE UPDATE ON namnd_paragraph_series
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  await sql`
    CREATE TABLE namnd_meeting (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      body_id uuid NOT NULL REFERENCES namnd_body(id),
      meeting_date date NOT NULL,
      start_time text CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      place text CHECK (length(place) BETWEEN 1 AND 200),
      status text NOT NULL DEFAULT 'planerat' CHECK (status IN ('planerat','kallat','genomfort','justerat')),
      period_start date NOT NULL,
      period_end date NOT NULL CHECK (period_end >= period_start),
      called_on date,
      adjusted_on date CHECK (adjusted_on >= meeting_date),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (body_id, meeting_date),
      CHECK ((status = 'justerat') = (adjusted_on IS NOT NULL)),
      CHECK ((status = 'planerat') = (called_on IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX namnd_meeting_date ON namnd_meeting(org_node_id, meeting_date)`.execute(db);
  await sql`
    CREATE TRIGGER namnd_meeting_touch BEFORE UPDATE ON namnd_meeting
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  // Närvaro: a tjänstgörande ersättare names the ledamot they serve for.
  await sql`
    CREATE TABLE namnd_meeting_attendee (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      meeting_id uuid NOT NULL REFERENCES namnd_meeting(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position >= 0),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      party text CHECK (length(party) BETWEEN 1 AND 40),
      role text NOT NULL CHECK (role IN ('ordforande','ledamot','ersattare','tjansteperson')),
      present boolean NOT NULL,
      serving_for uuid REFERENCES namnd_meeting_attendee(id),
      adjuster boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (serving_for IS NULL OR role = 'ersattare'),
      CHECK (serving_for IS DISTINCT FROM id)
    )`.execute(db);
  await sql`CREATE INDEX namnd_meeting_attendee_meeting ON namnd_meeting_attendee(meeting_id)`.execute(db);
  await sql`
    CREATE TRIGGER namnd_meeting_attendee_touch BEFORE UPDATE ON namnd_meeting_attendee
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  await sql`
    CREATE TABLE namnd_agenda_item (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      meeting_id uuid NOT NULL REFERENCES namnd_meeting(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position >= 0),
      kind text NOT NULL CHECK (kind IN ('arende','information','staende')),
      case_id uuid REFERENCES namnd_case(id),
      standing_kind text CHECK (standing_kind IN
        ('delegationsbeslut','ordforandebeslut','domar','synpunkter','skrivelser','lex_sarah','evb')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
      paragraph integer CHECK (paragraph BETWEEN 1 AND 9999),
      decision text CHECK (length(decision) BETWEEN 1 AND 4000),
      recipients jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(recipients) = 'array'),
      snapshot jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind = 'arende') = (case_id IS NOT NULL)),
      CHECK ((kind = 'staende') = (standing_kind IS NOT NULL)),
      CHECK (snapshot IS NULL OR kind = 'staende'),
      UNIQUE (meeting_id, position) DEFERRABLE INITIALLY DEFERRED
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX namnd_agenda_item_standing ON namnd_agenda_item(meeting_id, standing_kind)
    WHERE standing_kind IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX namnd_agenda_item_case ON namnd_agenda_item(meeting_id, case_id)
    WHERE case_id IS NOT NULL`.execute(db);
  await sql`
    CREATE TRIGGER namnd_agenda_item_touch BEFORE UPDATE ON namnd_agenda_item
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  // Förslag till beslut på sammanträdet: a member's yrkande or tilläggsyrkande; adopted says what the
  // nämnd decided (for the beslutsgång).
  await sql`
    CREATE TABLE namnd_agenda_motion (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      item_id uuid NOT NULL REFERENCES namnd_agenda_item(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position >= 0),
      attendee_id uuid NOT NULL REFERENCES namnd_meeting_attendee(id),
      kind text NOT NULL CHECK (kind IN ('yrkande','tillaggsyrkande')),
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
      adopted boolean NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (item_id, position)
    )`.execute(db);

  // Jäv (the member leaves the room for the §) and reservationer against the decision.
  await sql`
    CREATE TABLE namnd_agenda_member_note (
      item_id uuid NOT NULL REFERENCES namnd_agenda_item(id) ON DELETE CASCADE,
      attendee_id uuid NOT NULL REFERENCES namnd_meeting_attendee(id),
      kind text NOT NULL CHECK (kind IN ('jav','reservation')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (item_id, attendee_id, kind)
    )`.execute(db);
}
