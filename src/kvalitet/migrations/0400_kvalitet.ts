import { type Kysely, sql } from "kysely";

/**
 * Kvalitet's händelser: the kommun's lists of types and causes, and the händelser (avvikelser and
 * arbetsmiljöhändelser in one table, told apart by kind) with their chosen types and causes. Kommuner that
 * exist already get the standard lists (as they stood when Kvalitet came).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE kvalitet_event_type (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      code text NOT NULL CHECK (code ~ '^[a-z0-9-]{1,60}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      type_group text NOT NULL CHECK (type_group IN ('hsl','social','ovrigt')),
      active boolean NOT NULL DEFAULT true,
      sort_order integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, code)
    )`.execute(db);
  await sql`
    CREATE TRIGGER kvalitet_event_type_touch BEFORE UPDATE ON kvalitet_event_type
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE kvalitet_cause (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      code text NOT NULL CHECK (code ~ '^[a-z0-9-]{1,60}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      active boolean NOT NULL DEFAULT true,
      sort_order integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, code)
    )`.execute(db);
  await sql`
    CREATE TRIGGER kvalitet_cause_touch BEFORE UPDATE ON kvalitet_cause
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE kvalitet_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      kind text NOT NULL CHECK (kind IN ('avvikelse','arbetsmiljo')),
      category text CHECK (
        (kind = 'avvikelse' AND category IS NULL)
        OR (kind = 'arbetsmiljo' AND category IN ('riskobservation','tillbud','olycksfall'))),
      occurred_on date NOT NULL,
      noticed_on date NOT NULL CHECK (noticed_on >= occurred_on),
      reported_on date NOT NULL CHECK (reported_on >= noticed_on),
      what_happened text NOT NULL CHECK (length(what_happened) BETWEEN 1 AND 4000),
      immediate_action text CHECK (length(immediate_action) <= 4000),
      status text NOT NULL CHECK (status IN ('rapporterad','under_utredning','avslutad')),
      investigation text CHECK (length(investigation) <= 4000),
      measures text CHECK (length(measures) <= 4000),
      closed_on date CHECK (closed_on >= reported_on),
      lex_sarah_on date CHECK (lex_sarah_on IS NULL OR (lex_sarah_on >= noticed_on AND kind = 'avvikelse')),
      mas_on date CHECK (mas_on IS NULL OR (mas_on >= noticed_on AND kind = 'avvikelse')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'avslutad') = (closed_on IS NOT NULL)),
      CHECK (closed_on IS NULL OR investigation IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX kvalitet_event_org ON kvalitet_event(org_node_id, kind, occurred_on)`.execute(db);
  await sql`CREATE INDEX kvalitet_event_open ON kvalitet_event(reported_on) WHERE closed_on IS NULL`.execute(db);
  await sql`
    CREATE TRIGGER kvalitet_event_touch BEFORE UPDATE ON kvalitet_event
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE kvalitet_event_type_link (
      event_id uuid NOT NULL REFERENCES kvalitet_event(id) ON DELETE CASCADE,
      type_id uuid NOT NULL REFERENCES kvalitet_event_type(id),
      PRIMARY KEY (event_id, type_id)
    )`.execute(db);
  await sql`CREATE INDEX kvalitet_event_type_link_type ON kvalitet_event_type_link(type_id)`.execute(db);
  await sql`
    CREATE TABLE kvalitet_event_cause_link (
      event_id uuid NOT NULL REFERENCES kvalitet_event(id) ON DELETE CASCADE,
      cause_id uuid NOT NULL REFERENCES kvalitet_cause(id),
      PRIMARY KEY (event_id, cause_id)
    )`.execute(db);
  await sql`CREATE INDEX kvalitet_event_cause_link_cause ON kvalitet_event_cause_link(cause_id)`.execute(db);
  await sql`
    INSERT INTO kvalitet_event_type (org_node_id, code, name, type_group, sort_order)
    SELECT kommun.id, v.code, v.name, v.type_group, v.sort_order
    FROM org_node kommun CROSS JOIN (VALUES
      ('lakemedel', 'Läkemedel', 'hsl', 0),
      ('fall', 'Fall', 'hsl', 1),
      ('rehabilitering', 'Rehabilitering', 'hsl', 2),
      ('insats', 'Insats omsorg, service och stöd (SoL/LSS/SFB)', 'social', 3),
      ('overgrepp', 'Övergrepp och oegentlighet', 'social', 4),
      ('myndighetsutovning', 'Myndighetsutövning', 'social', 5),
      ('sekretess', 'Sekretess', 'social', 6),
      ('bemotande', 'Professionellt bemötande', 'social', 7),
      ('digitala', 'Digitala system och teknisk miljö', 'ovrigt', 8)
    ) AS v(code, name, type_group, sort_order)
    WHERE kommun.parent_id IS NULL`.execute(db);
  await sql`
    INSERT INTO kvalitet_cause (org_node_id, code, name, sort_order)
    SELECT kommun.id, v.code, v.name, v.sort_order
    FROM org_node kommun CROSS JOIN (VALUES
      ('brist-i-tillsyn', 'Brist i tillsyn', 0),
      ('rutin-foljs-inte', 'Rutin/genomförandeplan följs inte', 1),
      ('vald-och-hot', 'Våld och hot mellan enskilda', 2),
      ('brist-i-uppfoljning', 'Brist i uppföljning av beslut', 3),
      ('handhavandefel', 'Handhavandefel', 4),
      ('ovrigt', 'Övrigt', 5)
    ) AS v(code, name, sort_order)
    WHERE kommun.parent_id IS NULL`.execute(db);
}
