import { type Kysely, sql } from "kysely";

/**
 * The kvalitetsplan: a kommun's risk scales (configuration; a kommun without a saved one uses the standard
 * scale in code), its processes (process → aktivitet), and per unit and year the risks, egenkontroller and
 * åtgärder. Kommuner that exist already get the standard processes (as they stood when this came).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE kvalitet_risk_scale (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      kind text NOT NULL CHECK (kind IN ('kvalitetsplan','internkontroll')),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      likelihood_name text NOT NULL CHECK (length(likelihood_name) BETWEEN 1 AND 100),
      likelihood_labels jsonb NOT NULL CHECK (jsonb_array_length(likelihood_labels) = 4),
      consequence_name text NOT NULL CHECK (length(consequence_name) BETWEEN 1 AND 100),
      consequence_labels jsonb NOT NULL CHECK (jsonb_array_length(consequence_labels) = 4),
      levels jsonb NOT NULL CHECK (jsonb_array_length(levels) BETWEEN 2 AND 8),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, kind)
    )`.execute(db);
  await sql`
    CREATE TRIGGER kvalitet_risk_scale_touch BEFORE UPDATE ON kvalitet_risk_scale
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE kvalitet_process (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      process text NOT NULL CHECK (length(process) BETWEEN 1 AND 200),
      activity text NOT NULL CHECK (length(activity) BETWEEN 1 AND 200),
      active boolean NOT NULL DEFAULT true,
      sort_order integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, process, activity)
    )`.execute(db);
  await sql`
    CREATE TRIGGER kvalitet_process_touch BEFORE UPDATE ON kvalitet_process
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE kvalitet_plan_risk (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      nr integer NOT NULL CHECK (nr BETWEEN 1 AND 999),
      process_id uuid REFERENCES kvalitet_process(id),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
      likelihood integer NOT NULL CHECK (likelihood BETWEEN 1 AND 4),
      consequence integer NOT NULL CHECK (consequence BETWEEN 1 AND 4),
      comment text CHECK (length(comment) <= 2000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, year, nr)
    )`.execute(db);
  await sql`
    CREATE TRIGGER kvalitet_plan_risk_touch BEFORE UPDATE ON kvalitet_plan_risk
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE kvalitet_egenkontroll (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      process_id uuid REFERENCES kvalitet_process(id),
      risk_id uuid REFERENCES kvalitet_plan_risk(id),
      what text NOT NULL CHECK (length(what) BETWEEN 1 AND 2000),
      method text NOT NULL CHECK (length(method) BETWEEN 1 AND 200),
      sample text CHECK (length(sample) <= 2000),
      performed_on date,
      numerator integer CHECK (numerator >= 0),
      denominator integer CHECK (denominator > 0),
      comment text CHECK (length(comment) <= 2000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((numerator IS NULL) = (denominator IS NULL)),
      CHECK (numerator <= denominator)
    )`.execute(db);
  await sql`CREATE INDEX kvalitet_egenkontroll_plan ON kvalitet_egenkontroll(org_node_id, year)`.execute(db);
  await sql`
    CREATE TRIGGER kvalitet_egenkontroll_touch BEFORE UPDATE ON kvalitet_egenkontroll
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE kvalitet_atgard (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      risk_id uuid REFERENCES kvalitet_plan_risk(id),
      egenkontroll_id uuid REFERENCES kvalitet_egenkontroll(id),
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
      owner text NOT NULL CHECK (length(owner) BETWEEN 1 AND 200),
      deadline date,
      status text NOT NULL CHECK (status IN ('ej_paborjad','pagaende','pagaende_med_avvikelse',
        'avslutad_uppnadd','avslutad_delvis','avslutad_ej_uppnadd')),
      status_on date NOT NULL,
      comment text CHECK (length(comment) <= 2000),
      created_on date NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT kvalitet_atgard_one_link CHECK (num_nonnulls(risk_id, egenkontroll_id) = 1),
      CHECK (status_on >= created_on),
      CHECK (status NOT LIKE 'avslutad%' OR comment IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX kvalitet_atgard_plan ON kvalitet_atgard(org_node_id, year)`.execute(db);
  await sql`CREATE INDEX kvalitet_atgard_risk ON kvalitet_atgard(risk_id)`.execute(db);
  await sql`CREATE INDEX kvalitet_atgard_egenkontroll ON kvalitet_atgard(egenkontroll_id)`.execute(db);
  await sql`
    CREATE TRIGGER kvalitet_atgard_touch BEFORE UPDATE ON kvalitet_atgard
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    INSERT INTO kvalitet_process (org_node_id, process, activity, sort_order)
    SELECT kommun.id, v.process, v.activity, v.sort_order
    FROM org_node kommun CROSS JOIN (VALUES
      ('Socialtjänstprocessen', 'Ta emot och utreda', 0),
      ('Socialtjänstprocessen', 'Besluta', 1),
      ('Socialtjänstprocessen', 'Verkställa uppdrag', 2),
      ('Socialtjänstprocessen', 'Följa upp uppdrag', 3),
      ('Stödprocesser', 'Dokumentation', 4),
      ('Stödprocesser', 'Bemanning och kompetens', 5),
      ('Stödprocesser', 'Informationssäkerhet', 6),
      ('Stödprocesser', 'Statistik och uppföljning', 7)
    ) AS v(process, activity, sort_order)
    WHERE kommun.parent_id IS NULL`.execute(db);
}
