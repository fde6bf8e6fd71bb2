import { type Kysely, sql } from "kysely";

/**
 * Goal models, indicators, directives, activities and Kolada data. Every table carries org_node_id, the
 * tenant key that access checks and audit use, with an index, and keeps updated_at by trigger.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE styrning_scale (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      kind text NOT NULL CHECK (kind IN ('assessment','status')),
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, kind, name)
    )`.execute(db);
  await sql`CREATE INDEX styrning_scale_org_node_idx ON styrning_scale(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER styrning_scale_touch BEFORE UPDATE ON styrning_scale
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE styrning_scale_level (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      scale_id uuid NOT NULL REFERENCES styrning_scale(id) ON DELETE CASCADE,
      position integer NOT NULL,
      code text NOT NULL CHECK (code ~ '^[a-z0-9_]{1,40}$'),
      label text NOT NULL,
      rank integer,
      meaning text CHECK (meaning IN ('achieved','on_track','off_track')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (scale_id, code),
      UNIQUE (scale_id, position)
    )`.execute(db);
  await sql`CREATE INDEX styrning_scale_level_org_node_idx ON styrning_scale_level(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER styrning_scale_level_touch BEFORE UPDATE ON styrning_scale_level
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE goal_model (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
      name text NOT NULL,
      assessment_scale_id uuid REFERENCES styrning_scale(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, year)
    )`.execute(db);
  await sql`CREATE INDEX goal_model_org_node_idx ON goal_model(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER goal_model_touch BEFORE UPDATE ON goal_model
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE goal_level (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      model_id uuid NOT NULL REFERENCES goal_model(id) ON DELETE CASCADE,
      position integer NOT NULL,
      name text NOT NULL,
      decided_by text NOT NULL CHECK (decided_by IN ('kf','namnd','forvaltning')),
      kind text NOT NULL CHECK (kind IN ('goal','activity')),
      assessed boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (model_id, position)
    )`.execute(db);
  await sql`CREATE INDEX goal_level_org_node_idx ON goal_level(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER goal_level_touch BEFORE UPDATE ON goal_level
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE goal (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      model_id uuid NOT NULL REFERENCES goal_model(id) ON DELETE CASCADE,
      level_id uuid NOT NULL REFERENCES goal_level(id),
      parent_id uuid REFERENCES goal(id),
      lineage_id uuid NOT NULL DEFAULT gen_random_uuid(),
      code text,
      title text NOT NULL,
      description text,
      position integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (model_id, lineage_id)
    )`.execute(db);
  await sql`CREATE INDEX goal_org_node_idx ON goal(org_node_id)`.execute(db);
  await sql`CREATE INDEX goal_model_idx ON goal(model_id)`.execute(db);
  await sql`CREATE INDEX goal_lineage_idx ON goal(lineage_id)`.execute(db);
  await sql`
    CREATE TRIGGER goal_touch BEFORE UPDATE ON goal
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE goal_assessment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      goal_id uuid NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
      period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(T[1-3]|Q[1-4]|0[1-9]|1[0-2]))?$'),
      scale_level_id uuid NOT NULL REFERENCES styrning_scale_level(id),
      comment text NOT NULL,
      assessed_by uuid REFERENCES app_user(id),
      assessed_by_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (goal_id, period)
    )`.execute(db);
  await sql`CREATE INDEX goal_assessment_org_node_idx ON goal_assessment(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER goal_assessment_touch BEFORE UPDATE ON goal_assessment
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE goal_comment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      goal_id uuid NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
      period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(T[1-3]|Q[1-4]|0[1-9]|1[0-2]))?$'),
      text text NOT NULL,
      author_id uuid REFERENCES app_user(id),
      author_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX goal_comment_org_node_idx ON goal_comment(org_node_id)`.execute(db);
  await sql`CREATE INDEX goal_comment_goal_idx ON goal_comment(goal_id)`.execute(db);
  await sql`
    CREATE TRIGGER goal_comment_touch BEFORE UPDATE ON goal_comment
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE indicator (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      name text NOT NULL,
      unit text NOT NULL CHECK (unit IN ('antal','procent','dagar','index','kr','status')),
      value_type text NOT NULL CHECK (value_type IN ('number','status')),
      status_scale_id uuid REFERENCES styrning_scale(id),
      decimals integer NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 4),
      direction text NOT NULL CHECK (direction IN ('higher','lower','none')),
      gender_split text NOT NULL
        CHECK (gender_split IN ('total','kvinnor_man','flickor_pojkar','kvinnor_flickor_man_pojkar')),
      period_type text NOT NULL CHECK (period_type IN ('year','tertial','quarter','month','window')),
      measurement_window text,
      source_kind text NOT NULL CHECK (source_kind IN ('manual','kolada','import')),
      source_note text,
      publication_date date,
      footnote text,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((value_type = 'status') = (status_scale_id IS NOT NULL)),
      CHECK ((value_type = 'status') = (unit = 'status')),
      CHECK ((period_type = 'window') = (measurement_window IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX indicator_org_node_idx ON indicator(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER indicator_touch BEFORE UPDATE ON indicator
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE indicator_definition (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      indicator_id uuid NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
      valid_from integer NOT NULL,
      definition text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (indicator_id, valid_from)
    )`.execute(db);
  await sql`CREATE INDEX indicator_definition_org_node_idx ON indicator_definition(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER indicator_definition_touch BEFORE UPDATE ON indicator_definition
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE indicator_target (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      indicator_id uuid NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
      year integer NOT NULL,
      target text NOT NULL,
      footnote text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (indicator_id, year)
    )`.execute(db);
  await sql`CREATE INDEX indicator_target_org_node_idx ON indicator_target(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER indicator_target_touch BEFORE UPDATE ON indicator_target
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE goal_indicator (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      goal_id uuid NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
      indicator_id uuid NOT NULL REFERENCES indicator(id),
      position integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (goal_id, indicator_id)
    )`.execute(db);
  await sql`CREATE INDEX goal_indicator_org_node_idx ON goal_indicator(org_node_id)`.execute(db);
  await sql`CREATE INDEX goal_indicator_indicator_idx ON goal_indicator(indicator_id)`.execute(db);
  await sql`
    CREATE TRIGGER goal_indicator_touch BEFORE UPDATE ON goal_indicator
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE indicator_value (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      indicator_id uuid NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
      period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(T[1-3]|Q[1-4]|0[1-9]|1[0-2]))?$'),
      gender text NOT NULL CHECK (gender IN ('T','K','M')),
      state text NOT NULL CHECK (state IN ('value','not_published','not_measured')),
      value numeric,
      status_code text,
      source text NOT NULL CHECK (source IN ('manual','kolada','import')),
      source_ref text,
      published_at date,
      note text,
      entered_by uuid REFERENCES app_user(id),
      entered_by_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (indicator_id, period, gender),
      CHECK (state <> 'value' OR ((value IS NULL) <> (status_code IS NULL))),
      CHECK (state = 'value' OR (value IS NULL AND status_code IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX indicator_value_org_node_idx ON indicator_value(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER indicator_value_touch BEFORE UPDATE ON indicator_value
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE indicator_value_correction (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      indicator_id uuid NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
      period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(T[1-3]|Q[1-4]|0[1-9]|1[0-2]))?$'),
      gender text NOT NULL CHECK (gender IN ('T','K','M')),
      before jsonb,
      after jsonb,
      reason text NOT NULL,
      corrected_by uuid REFERENCES app_user(id),
      corrected_by_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE INDEX indicator_value_correction_org_node_idx ON indicator_value_correction(org_node_id)`.execute(db);
  await sql`CREATE INDEX indicator_value_correction_idx ON indicator_value_correction(indicator_id)`.execute(db);
  await sql`
    CREATE TRIGGER indicator_value_correction_touch BEFORE UPDATE ON indicator_value_correction
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE period_lock (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(T[1-3]|Q[1-4]|0[1-9]|1[0-2]))?$'),
      locked_by uuid REFERENCES app_user(id),
      locked_by_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, period)
    )`.execute(db);
  await sql`CREATE INDEX period_lock_org_node_idx ON period_lock(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER period_lock_touch BEFORE UPDATE ON period_lock
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE directive (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      issued_by text NOT NULL CHECK (issued_by IN ('kf','namnd')),
      goal_id uuid REFERENCES goal(id) ON DELETE SET NULL,
      title text NOT NULL,
      body text NOT NULL DEFAULT '',
      assignments text[] NOT NULL DEFAULT '{}',
      valid_from integer NOT NULL,
      valid_to integer NOT NULL,
      handling text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (valid_to - valid_from BETWEEN 0 AND 1)
    )`.execute(db);
  await sql`CREATE INDEX directive_org_node_idx ON directive(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER directive_touch BEFORE UPDATE ON directive
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE directive_comment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      directive_id uuid NOT NULL REFERENCES directive(id) ON DELETE CASCADE,
      period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(T[1-3]|Q[1-4]|0[1-9]|1[0-2]))?$'),
      text text NOT NULL,
      author_id uuid REFERENCES app_user(id),
      author_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX directive_comment_org_node_idx ON directive_comment(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER directive_comment_touch BEFORE UPDATE ON directive_comment
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE activity (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL,
      title text NOT NULL,
      description text,
      responsible_org_node_id uuid REFERENCES org_node(id),
      status text NOT NULL DEFAULT 'ej_paborjad' CHECK (status IN ('ej_paborjad','pagar','klar','avbruten')),
      start_date date,
      end_date date,
      position integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
    )`.execute(db);
  await sql`CREATE INDEX activity_org_node_idx ON activity(org_node_id)`.execute(db);
  await sql`CREATE INDEX activity_org_year_idx ON activity(org_node_id, year)`.execute(db);
  await sql`
    CREATE TRIGGER activity_touch BEFORE UPDATE ON activity
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE activity_goal (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      activity_id uuid NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
      goal_id uuid NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (activity_id, goal_id)
    )`.execute(db);
  await sql`CREATE INDEX activity_goal_org_node_idx ON activity_goal(org_node_id)`.execute(db);
  await sql`CREATE INDEX activity_goal_goal_idx ON activity_goal(goal_id)`.execute(db);
  await sql`
    CREATE TRIGGER activity_goal_touch BEFORE UPDATE ON activity_goal
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE activity_effect (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      activity_id uuid NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
      position integer NOT NULL,
      target_group text NOT NULL,
      effect text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (activity_id, position)
    )`.execute(db);
  await sql`CREATE INDEX activity_effect_org_node_idx ON activity_effect(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER activity_effect_touch BEFORE UPDATE ON activity_effect
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE activity_followup (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      activity_id uuid NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
      period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(T[1-3]|Q[1-4]|0[1-9]|1[0-2]))?$'),
      status text NOT NULL CHECK (status IN ('ej_paborjad','pagar','klar','avbruten')),
      comment text NOT NULL,
      author_id uuid REFERENCES app_user(id),
      author_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX activity_followup_org_node_idx ON activity_followup(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER activity_followup_touch BEFORE UPDATE ON activity_followup
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  // Kolada: what the source published (for every municipality fetched, so groups can be compared)
  // and which indicators each KPI feeds.
  await sql`
    CREATE TABLE kolada_kpi (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      kpi_id text NOT NULL,
      title text NOT NULL,
      description text,
      is_divided_by_gender boolean NOT NULL DEFAULT false,
      publication_date date,
      operating_area text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, kpi_id)
    )`.execute(db);
  await sql`CREATE INDEX kolada_kpi_org_node_idx ON kolada_kpi(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER kolada_kpi_touch BEFORE UPDATE ON kolada_kpi
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE kolada_municipality (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      municipality_id text NOT NULL,
      title text NOT NULL,
      type text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, municipality_id)
    )`.execute(db);
  await sql`CREATE INDEX kolada_municipality_org_node_idx ON kolada_municipality(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER kolada_municipality_touch BEFORE UPDATE ON kolada_municipality
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE kolada_group (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      group_id text NOT NULL,
      title text NOT NULL,
      members text[] NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, group_id)
    )`.execute(db);
  await sql`CREATE INDEX kolada_group_org_node_idx ON kolada_group(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER kolada_group_touch BEFORE UPDATE ON kolada_group
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE kolada_value (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      kpi_id text NOT NULL,
      municipality_id text NOT NULL,
      year integer NOT NULL,
      gender text NOT NULL CHECK (gender IN ('T','K','M')),
      value numeric,
      status text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, kpi_id, municipality_id, year, gender)
    )`.execute(db);
  await sql`CREATE INDEX kolada_value_org_node_idx ON kolada_value(org_node_id)`.execute(db);
  await sql`
    CREATE TRIGGER kolada_value_touch BEFORE UPDATE ON kolada_value
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE kolada_mapping (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      indicator_id uuid NOT NULL UNIQUE REFERENCES indicator(id) ON DELETE CASCADE,
      kpi_id text NOT NULL,
      municipality_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX kolada_mapping_org_node_idx ON kolada_mapping(org_node_id)`.execute(db);
  await sql`CREATE INDEX kolada_mapping_kpi_idx ON kolada_mapping(kpi_id)`.execute(db);
  await sql`
    CREATE TRIGGER kolada_mapping_touch BEFORE UPDATE ON kolada_mapping
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
}
