import { type Kysely, sql } from "kysely";

/**
 * The EVB register: insatser and reason codes per kommun, decisions, offers and interruptions. Every table
 * carries org_node_id, the tenant key; offers and interruptions share their decision's and go when it goes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE evb_insats (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      code text NOT NULL CHECK (code ~ '^[a-z0-9-]{1,60}$'),
      law text NOT NULL CHECK (law IN ('SoL','LSS')),
      lagrum text NOT NULL CHECK (length(lagrum) BETWEEN 1 AND 100),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      active boolean NOT NULL DEFAULT true,
      sort_order integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, code)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX evb_insats_name ON evb_insats(org_node_id, law, lower(name))`.execute(db);
  await sql`
    CREATE TRIGGER evb_insats_touch BEFORE UPDATE ON evb_insats
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE evb_code (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      kind text NOT NULL CHECK (kind IN ('delay','closure')),
      code text NOT NULL CHECK (code ~ '^[a-z0-9-]{1,60}$'),
      label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
      side text CHECK (side IS NULL OR (side IN ('kommun','enskild') AND kind = 'delay')),
      active boolean NOT NULL DEFAULT true,
      sort_order integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, kind, code)
    )`.execute(db);
  await sql`
    CREATE TRIGGER evb_code_touch BEFORE UPDATE ON evb_code
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE evb_decision (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      person_id text NOT NULL CHECK (person_id ~ '^[0-9]{8}-T[0-9]{3}$'),
      sex text NOT NULL CHECK (sex IN ('K','M')),
      protected_identity boolean NOT NULL DEFAULT false,
      insats_id uuid NOT NULL REFERENCES evb_insats(id),
      decision_date date NOT NULL,
      parts_total smallint NOT NULL DEFAULT 1 CHECK (parts_total BETWEEN 1 AND 20),
      parts_executed smallint NOT NULL DEFAULT 0 CHECK (parts_executed >= 0),
      executed_date date CHECK (executed_date >= decision_date),
      closed_date date CHECK (closed_date >= decision_date),
      closure_code_id uuid REFERENCES evb_code(id),
      delay_code_id uuid REFERENCES evb_code(id),
      reason_text text CHECK (length(reason_text) <= 2000),
      interim_support text CHECK (length(interim_support) <= 2000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((closed_date IS NULL) = (closure_code_id IS NULL)),
      CHECK (parts_executed < parts_total OR (parts_executed = parts_total AND executed_date IS NOT NULL)),
      UNIQUE (insats_id, person_id, decision_date)
    )`.execute(db);
  await sql`CREATE INDEX evb_decision_org ON evb_decision(org_node_id)`.execute(db);
  await sql`CREATE INDEX evb_decision_open ON evb_decision(decision_date) WHERE closed_date IS NULL`.execute(db);
  await sql`
    CREATE TRIGGER evb_decision_touch BEFORE UPDATE ON evb_decision
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE evb_offer (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      decision_id uuid NOT NULL REFERENCES evb_decision(id) ON DELETE CASCADE,
      offered_date date NOT NULL,
      answer text CHECK (answer IN ('ja','nej')),
      note text CHECK (length(note) <= 1000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX evb_offer_decision ON evb_offer(decision_id)`.execute(db);
  await sql`
    CREATE TRIGGER evb_offer_touch BEFORE UPDATE ON evb_offer
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE evb_interruption (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      decision_id uuid NOT NULL REFERENCES evb_decision(id) ON DELETE CASCADE,
      start_date date NOT NULL,
      resumed_date date CHECK (resumed_date >= start_date),
      reason_code_id uuid REFERENCES evb_code(id),
      reason_text text CHECK (length(reason_text) <= 2000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (decision_id, start_date)
    )`.execute(db);
  await sql`
    CREATE TRIGGER evb_interruption_touch BEFORE UPDATE ON evb_interruption
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
}
