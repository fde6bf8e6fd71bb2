import { type Kysely, sql } from "kysely";

/**
 * Nämnd's diarium: the kommun's list of case types, the law references a sekretess marking cites, one
 * number series per nämnd and year, the cases (ärenden) with their links, foreign references and documents.
 * Kommuner that exist already get the standard case types (as they stood when the diarium came).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE namnd_case_type (
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
    CREATE TRIGGER namnd_case_type_touch BEFORE UPDATE ON namnd_case_type
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  // National law, the same for every kommun: no organisation key.
  await sql`
    CREATE TABLE namnd_lagrum (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{1,60}$'),
      reference text NOT NULL CHECK (length(reference) BETWEEN 1 AND 100),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 300),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TRIGGER namnd_lagrum_touch BEFORE UPDATE ON namnd_lagrum
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  // The last number issued per nämnd and year; the registering transaction locks its row.
  await sql`
    CREATE TABLE namnd_diarium_series (
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL CHECK (year BETWEEN 1990 AND 2200),
      last_number integer NOT NULL CHECK (last_number BETWEEN 0 AND 99999),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_node_id, year)
    )`.execute(db);
  await sql`
    CREATE TRIGGER namnd_diarium_series_touch BEFORE UPDATE ON namnd_diarium_series
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  await sql`
    CREATE TABLE namnd_case (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      prefix text NOT NULL CHECK (prefix ~ '^[A-ZÅÄÖ]{1,10}$'),
      year integer NOT NULL CHECK (year BETWEEN 1990 AND 2200),
      number integer NOT NULL CHECK (number BETWEEN 1 AND 99999),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
      case_type_id uuid NOT NULL REFERENCES namnd_case_type(id),
      registered_on date NOT NULL CHECK (extract(year FROM registered_on) = year),
      received_on date CHECK (received_on <= registered_on),
      handler_id uuid REFERENCES app_user(id),
      status text NOT NULL CHECK (status IN ('oppet','vilande','avslutat')),
      closed_on date CHECK (closed_on >= registered_on),
      standing_series text CHECK (length(standing_series) BETWEEN 1 AND 400),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'avslutat') = (closed_on IS NOT NULL)),
      UNIQUE (org_node_id, year, number),
      UNIQUE (org_node_id, year, standing_series)
    )`.execute(db);
  await sql`CREATE INDEX namnd_case_registered ON namnd_case(org_node_id, registered_on)`.execute(db);
  await sql`CREATE INDEX namnd_case_handler ON namnd_case(handler_id)`.execute(db);
  await sql`
    CREATE TRIGGER namnd_case_touch BEFORE UPDATE ON namnd_case
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  // Symmetric: one row per pair, the smaller id first, so a link cannot be stored twice or to itself.
  await sql`
    CREATE TABLE namnd_case_link (
      case_id uuid NOT NULL REFERENCES namnd_case(id) ON DELETE CASCADE,
      linked_id uuid NOT NULL REFERENCES namnd_case(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (case_id, linked_id),
      CHECK (case_id < linked_id)
    )`.execute(db);
  await sql`CREATE INDEX namnd_case_link_linked ON namnd_case_link(linked_id)`.execute(db);

  await sql`
    CREATE TABLE namnd_case_reference (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES namnd_case(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('diarienummer','mal','ivo','imy','departement','annan')),
      value text NOT NULL CHECK (length(value) BETWEEN 1 AND 200),
      note text CHECK (length(note) <= 200),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (case_id, kind, value)
    )`.execute(db);
  await sql`CREATE INDEX namnd_case_reference_value ON namnd_case_reference(value)`.execute(db);
  await sql`
    CREATE TRIGGER namnd_case_reference_touch BEFORE UPDATE ON namnd_case_reference
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  // The bytes live in the database: backed up, restored and access-checked with the rest.
  await sql`
    CREATE TABLE namnd_document (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES namnd_case(id),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
      content_type text NOT NULL CHECK (content_type IN ('application/pdf',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'application/vnd.oasis.opendocument.text','text/plain','image/png','image/jpeg')),
      size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 20971520),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      content bytea NOT NULL CHECK (length(content) = size_bytes),
      direction text NOT NULL CHECK (direction IN ('inkommande','upprattad','utgaende')),
      document_date date,
      registered_on date NOT NULL,
      lagrum_id uuid REFERENCES namnd_lagrum(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX namnd_document_case ON namnd_document(case_id)`.execute(db);
  await sql`
    CREATE TRIGGER namnd_document_touch BEFORE UPDATE ON namnd_document
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  await sql`
    INSERT INTO namnd_lagrum (code, reference, description) VALUES
      ('osl-26-1', 'OSL 26 kap. 1 §', 'Socialtjänst: uppgift om enskilds personliga förhållanden'),
      ('osl-25-1', 'OSL 25 kap. 1 §', 'Hälso- och sjukvård: uppgift om enskilds hälsotillstånd'),
      ('osl-21-3', 'OSL 21 kap. 3 §', 'Skyddade personuppgifter: bostadsadress och andra kontaktuppgifter'),
      ('osl-39-1', 'OSL 39 kap. 1 §', 'Personalsocial verksamhet: uppgift om enskilds personliga förhållanden'),
      ('osl-19-3', 'OSL 19 kap. 3 §', 'Upphandling: uppgift om anbud innan beslut fattats')`.execute(db);
  await sql`
    INSERT INTO namnd_case_type (org_node_id, code, name, sort_order)
    SELECT kommun.id, v.code, v.name, v.sort_order
    FROM org_node kommun CROSS JOIN (VALUES
      ('allmant', 'Allmänt ärende', 0),
      ('initiativ', 'Initiativärende', 1),
      ('motion', 'Motion', 2),
      ('remiss', 'Remiss och yttrande', 3),
      ('uppdrag', 'Uppdrag', 4),
      ('redovisning', 'Redovisning och uppföljning', 5),
      ('budget', 'Budget och årsredovisning', 6),
      ('internkontroll', 'Internkontroll', 7),
      ('revision', 'Revision', 8),
      ('avtal', 'Avtal och placeringsavtal', 9),
      ('delegation', 'Delegering', 10),
      ('domar', 'Domar och beslut', 11),
      ('synpunkter', 'Synpunkter och klagomål', 12),
      ('skrivelser', 'Skrivelser och meddelanden', 13),
      ('tillsyn', 'Tillsyn (IVO, IMY)', 14),
      ('bidrag', 'Föreningsbidrag', 15)
    ) AS v(code, name, sort_order)
    WHERE kommun.parent_id IS NULL`.execute(db);
}
