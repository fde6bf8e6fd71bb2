import { type Kysely, sql } from "kysely";

/**
 * Budget structure, figures, forecasts, investments, reallocations and the result fund. Every table carries
 * its nämnd (org_node_id) and, unless its rows hang off a yearly parent, the year; updated_at is kept by trigger.
 * A NULL forecast_id must collide in unique keys (one budget per level and period), so keys use a stand-in uuid.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE ekonomi_level (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
      name text NOT NULL CHECK (length(trim(name)) > 0),
      code text,
      target_org_node_id uuid REFERENCES org_node(id),
      sort_order integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, year, name)
    )`.execute(db);
  await sql`
    CREATE TRIGGER ekonomi_level_touch BEFORE UPDATE ON ekonomi_level
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE UNIQUE INDEX ekonomi_level_code ON ekonomi_level(org_node_id, year, code)
    WHERE code IS NOT NULL`.execute(db);
  await sql`
    CREATE UNIQUE INDEX ekonomi_level_target ON ekonomi_level(org_node_id, year, target_org_node_id)
    WHERE target_org_node_id IS NOT NULL`.execute(db);
  await sql`
    CREATE TABLE ekonomi_code_mapping (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
      level_id uuid NOT NULL REFERENCES ekonomi_level(id),
      dimension text NOT NULL CHECK (dimension IN ('konto','ansvar','verksamhet')),
      pattern text NOT NULL CHECK (pattern ~ '^[0-9A-Za-z_.-]+[*]?$'),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, year, dimension, pattern)
    )`.execute(db);
  await sql`
    CREATE TRIGGER ekonomi_code_mapping_touch BEFORE UPDATE ON ekonomi_code_mapping
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`CREATE INDEX ekonomi_code_mapping_level ON ekonomi_code_mapping(level_id)`.execute(db);
  await sql`
    CREATE TABLE ekonomi_forecast (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
      name text NOT NULL CHECK (length(trim(name)) > 0),
      as_of date NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, year, name)
    )`.execute(db);
  await sql`
    CREATE TRIGGER ekonomi_forecast_touch BEFORE UPDATE ON ekonomi_forecast
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE ekonomi_frame (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
      amount_kr bigint NOT NULL,
      decision_ref text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, year)
    )`.execute(db);
  await sql`
    CREATE TRIGGER ekonomi_frame_touch BEFORE UPDATE ON ekonomi_frame
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE ekonomi_import (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
      format text NOT NULL CHECK (format IN ('csv','xlsx','sie4')),
      file_name text NOT NULL,
      file_hash text NOT NULL CHECK (file_hash ~ '^[0-9a-f]{64}$'),
      kind text NOT NULL CHECK (kind IN ('utfall','budget','budget_revised','prognos')),
      forecast_id uuid REFERENCES ekonomi_forecast(id),
      settings jsonb NOT NULL DEFAULT '{}',
      rows_read integer NOT NULL,
      rows_used integer NOT NULL,
      rows_skipped integer NOT NULL,
      figures_changed integer NOT NULL,
      imported_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind = 'prognos') = (forecast_id IS NOT NULL))
    )`.execute(db);
  await sql`
    CREATE TRIGGER ekonomi_import_touch BEFORE UPDATE ON ekonomi_import
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE UNIQUE INDEX ekonomi_import_file ON ekonomi_import(
      org_node_id, year, kind, coalesce(forecast_id, '00000000-0000-0000-0000-000000000000'::uuid), file_hash
    )`.execute(db);
  await sql`
    CREATE TABLE ekonomi_figure (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      level_id uuid NOT NULL REFERENCES ekonomi_level(id),
      period_type text NOT NULL CHECK (period_type IN ('month','tertial','year')),
      period_no smallint NOT NULL,
      kind text NOT NULL CHECK (kind IN ('budget','budget_revised','intakter','kostnader','prognos')),
      forecast_id uuid REFERENCES ekonomi_forecast(id),
      amount_kr bigint NOT NULL,
      import_id uuid REFERENCES ekonomi_import(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((period_type = 'year' AND period_no = 0)
          OR (period_type = 'tertial' AND period_no BETWEEN 1 AND 3)
          OR (period_type = 'month' AND period_no BETWEEN 1 AND 12)),
      CHECK ((kind = 'prognos') = (forecast_id IS NOT NULL))
    )`.execute(db);
  await sql`
    CREATE TRIGGER ekonomi_figure_touch BEFORE UPDATE ON ekonomi_figure
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE UNIQUE INDEX ekonomi_figure_key ON ekonomi_figure(
      level_id, kind, coalesce(forecast_id, '00000000-0000-0000-0000-000000000000'::uuid), period_type, period_no
    )`.execute(db);
  await sql`CREATE INDEX ekonomi_figure_org ON ekonomi_figure(org_node_id)`.execute(db);
  await sql`
    CREATE INDEX ekonomi_figure_forecast ON ekonomi_figure(forecast_id) WHERE forecast_id IS NOT NULL`.execute(db);
  await sql`
    CREATE TABLE ekonomi_investment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
      category text NOT NULL CHECK (category IN ('lopande','ovrig')),
      name text NOT NULL CHECK (length(trim(name)) > 0),
      project_code text,
      budget_inkomster_kr bigint CHECK (budget_inkomster_kr >= 0),
      budget_utgifter_kr bigint CHECK (budget_utgifter_kr >= 0),
      bokslut_inkomster_kr bigint CHECK (bokslut_inkomster_kr >= 0),
      bokslut_utgifter_kr bigint CHECK (bokslut_utgifter_kr >= 0),
      note text,
      sort_order integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, year, name)
    )`.execute(db);
  await sql`
    CREATE TRIGGER ekonomi_investment_touch BEFORE UPDATE ON ekonomi_investment
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE ekonomi_reallocation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
      title text NOT NULL CHECK (length(trim(title)) > 0),
      reason text,
      financing text NOT NULL CHECK (financing IN ('inom_namnd','resultatfond','tillaggsanslag')),
      status text NOT NULL DEFAULT 'forslag' CHECK (status IN ('forslag','beslutad','avslagen')),
      case_ref text,
      decision_ref text,
      decided_on date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status = 'forslag' OR (decision_ref IS NOT NULL AND decided_on IS NOT NULL))
    )`.execute(db);
  await sql`
    CREATE TRIGGER ekonomi_reallocation_touch BEFORE UPDATE ON ekonomi_reallocation
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE ekonomi_reallocation_line (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      reallocation_id uuid NOT NULL REFERENCES ekonomi_reallocation(id),
      level_id uuid NOT NULL REFERENCES ekonomi_level(id),
      amount_kr bigint NOT NULL CHECK (amount_kr <> 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (reallocation_id, level_id)
    )`.execute(db);
  await sql`
    CREATE TRIGGER ekonomi_reallocation_line_touch BEFORE UPDATE ON ekonomi_reallocation_line
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE ekonomi_fund_entry (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
      kind text NOT NULL CHECK (kind IN ('ingaende','disposition','ianspraktagande','justering')),
      amount_kr bigint NOT NULL,
      decision_ref text NOT NULL CHECK (length(trim(decision_ref)) > 0),
      decided_on date NOT NULL,
      decided_by text NOT NULL,
      note text,
      reallocation_id uuid UNIQUE REFERENCES ekonomi_reallocation(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (kind <> 'ianspraktagande' OR amount_kr < 0)
    )`.execute(db);
  await sql`
    CREATE TRIGGER ekonomi_fund_entry_touch BEFORE UPDATE ON ekonomi_fund_entry
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE UNIQUE INDEX ekonomi_fund_opening ON ekonomi_fund_entry(org_node_id) WHERE kind = 'ingaende'`.execute(db);
  await sql`
    CREATE UNIQUE INDEX ekonomi_fund_disposal ON ekonomi_fund_entry(org_node_id, year)
    WHERE kind = 'disposition'`.execute(db);
}
