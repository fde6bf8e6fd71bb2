import { type Kysely, sql } from "kysely";
import type { Migration } from "kysely/migration";
import { addTouchTrigger, timestampColumns } from "../platform/db/ddl.ts";

const tables = [
  "styrning_scale",
  "styrning_scale_level",
  "goal_model",
  "goal_level",
  "goal",
  "goal_assessment",
  "goal_comment",
  "indicator",
  "indicator_definition",
  "indicator_target",
  "goal_indicator",
  "indicator_value",
  "indicator_value_correction",
  "period_lock",
  "directive",
  "directive_comment",
  "activity",
  "activity_goal",
  "activity_effect",
  "activity_followup",
];

const koladaTables = ["kolada_kpi", "kolada_municipality", "kolada_group", "kolada_value", "kolada_mapping"];

// Every table carries org_node_id, the tenant key that access checks and audit use.
const orgKey = sql.raw("org_node_id uuid NOT NULL REFERENCES org_node(id)");
const id = sql.raw("id uuid PRIMARY KEY DEFAULT gen_random_uuid()");
const period = sql.raw(`period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(T[1-3]|Q[1-4]|0[1-9]|1[0-2]))?$')`);

export const styrningMigrations: Record<string, Migration> = {
  "0100_styrning": {
    async up(db: Kysely<unknown>) {
      await sql`
        CREATE TABLE styrning_scale (
          ${id}, ${orgKey},
          kind text NOT NULL CHECK (kind IN ('assessment','status')),
          name text NOT NULL,
          ${timestampColumns},
          UNIQUE (org_node_id, kind, name)
        )`.execute(db);
      await sql`
        CREATE TABLE styrning_scale_level (
          ${id}, ${orgKey},
          scale_id uuid NOT NULL REFERENCES styrning_scale(id) ON DELETE CASCADE,
          position integer NOT NULL,
          code text NOT NULL CHECK (code ~ '^[a-z0-9_]{1,40}$'),
          label text NOT NULL,
          rank integer,
          meaning text CHECK (meaning IN ('achieved','on_track','off_track')),
          ${timestampColumns},
          UNIQUE (scale_id, code),
          UNIQUE (scale_id, position)
        )`.execute(db);

      await sql`
        CREATE TABLE goal_model (
          ${id}, ${orgKey},
          year integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
          name text NOT NULL,
          assessment_scale_id uuid REFERENCES styrning_scale(id),
          ${timestampColumns},
          UNIQUE (org_node_id, year)
        )`.execute(db);
      await sql`
        CREATE TABLE goal_level (
          ${id}, ${orgKey},
          model_id uuid NOT NULL REFERENCES goal_model(id) ON DELETE CASCADE,
          position integer NOT NULL,
          name text NOT NULL,
          decided_by text NOT NULL CHECK (decided_by IN ('kf','namnd','forvaltning')),
          kind text NOT NULL CHECK (kind IN ('goal','activity')),
          assessed boolean NOT NULL DEFAULT false,
          ${timestampColumns},
          UNIQUE (model_id, position)
        )`.execute(db);
      await sql`
        CREATE TABLE goal (
          ${id}, ${orgKey},
          model_id uuid NOT NULL REFERENCES goal_model(id) ON DELETE CASCADE,
          level_id uuid NOT NULL REFERENCES goal_level(id),
          parent_id uuid REFERENCES goal(id),
          lineage_id uuid NOT NULL DEFAULT gen_random_uuid(),
          code text,
          title text NOT NULL,
          description text,
          position integer NOT NULL DEFAULT 0,
          ${timestampColumns},
          UNIQUE (model_id, lineage_id)
        )`.execute(db);
      await sql`CREATE INDEX goal_model_idx ON goal(model_id)`.execute(db);
      await sql`CREATE INDEX goal_lineage_idx ON goal(lineage_id)`.execute(db);
      await sql`
        CREATE TABLE goal_assessment (
          ${id}, ${orgKey},
          goal_id uuid NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
          ${period},
          scale_level_id uuid NOT NULL REFERENCES styrning_scale_level(id),
          comment text NOT NULL,
          assessed_by uuid REFERENCES app_user(id),
          assessed_by_name text NOT NULL,
          ${timestampColumns},
          UNIQUE (goal_id, period)
        )`.execute(db);
      await sql`
        CREATE TABLE goal_comment (
          ${id}, ${orgKey},
          goal_id uuid NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
          ${period},
          text text NOT NULL,
          author_id uuid REFERENCES app_user(id),
          author_name text NOT NULL,
          ${timestampColumns}
        )`.execute(db);
      await sql`CREATE INDEX goal_comment_goal_idx ON goal_comment(goal_id)`.execute(db);

      await sql`
        CREATE TABLE indicator (
          ${id}, ${orgKey},
          name text NOT NULL,
          unit text NOT NULL CHECK (unit IN ('antal','procent','dagar','index','kr','status')),
          value_type text NOT NULL CHECK (value_type IN ('number','status')),
          status_scale_id uuid REFERENCES styrning_scale(id),
          decimals integer NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 4),
          direction text NOT NULL CHECK (direction IN ('higher','lower','none')),
          gender_split text NOT NULL CHECK (gender_split IN ('total','kvinnor_man','flickor_pojkar','kvinnor_flickor_man_pojkar')),
          period_type text NOT NULL CHECK (period_type IN ('year','tertial','quarter','month','window')),
          measurement_window text,
          source_kind text NOT NULL CHECK (source_kind IN ('manual','kolada','import')),
          source_note text,
          publication_date date,
          footnote text,
          active boolean NOT NULL DEFAULT true,
          ${timestampColumns},
          CHECK ((value_type = 'status') = (status_scale_id IS NOT NULL)),
          CHECK ((value_type = 'status') = (unit = 'status')),
          CHECK ((period_type = 'window') = (measurement_window IS NOT NULL))
        )`.execute(db);
      await sql`
        CREATE TABLE indicator_definition (
          ${id}, ${orgKey},
          indicator_id uuid NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
          valid_from integer NOT NULL,
          definition text NOT NULL,
          ${timestampColumns},
          UNIQUE (indicator_id, valid_from)
        )`.execute(db);
      await sql`
        CREATE TABLE indicator_target (
          ${id}, ${orgKey},
          indicator_id uuid NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
          year integer NOT NULL,
          target text NOT NULL,
          footnote text,
          ${timestampColumns},
          UNIQUE (indicator_id, year)
        )`.execute(db);
      await sql`
        CREATE TABLE goal_indicator (
          ${id}, ${orgKey},
          goal_id uuid NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
          indicator_id uuid NOT NULL REFERENCES indicator(id),
          position integer NOT NULL DEFAULT 0,
          ${timestampColumns},
          UNIQUE (goal_id, indicator_id)
        )`.execute(db);
      await sql`CREATE INDEX goal_indicator_indicator_idx ON goal_indicator(indicator_id)`.execute(db);
      await sql`
        CREATE TABLE indicator_value (
          ${id}, ${orgKey},
          indicator_id uuid NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
          ${period},
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
          ${timestampColumns},
          UNIQUE (indicator_id, period, gender),
          CHECK (state <> 'value' OR ((value IS NULL) <> (status_code IS NULL))),
          CHECK (state = 'value' OR (value IS NULL AND status_code IS NULL))
        )`.execute(db);
      await sql`
        CREATE TABLE indicator_value_correction (
          ${id}, ${orgKey},
          indicator_id uuid NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
          ${period},
          gender text NOT NULL CHECK (gender IN ('T','K','M')),
          before jsonb,
          after jsonb,
          reason text NOT NULL,
          corrected_by uuid REFERENCES app_user(id),
          corrected_by_name text NOT NULL,
          ${timestampColumns}
        )`.execute(db);
      await sql`CREATE INDEX indicator_value_correction_idx ON indicator_value_correction(indicator_id)`.execute(db);
      await sql`
        CREATE TABLE period_lock (
          ${id}, ${orgKey},
          ${period},
          locked_by uuid REFERENCES app_user(id),
          locked_by_name text NOT NULL,
          ${timestampColumns},
          UNIQUE (org_node_id, period)
        )`.execute(db);

      await sql`
        CREATE TABLE directive (
          ${id}, ${orgKey},
          issued_by text NOT NULL CHECK (issued_by IN ('kf','namnd')),
          goal_id uuid REFERENCES goal(id) ON DELETE SET NULL,
          title text NOT NULL,
          body text NOT NULL DEFAULT '',
          assignments text[] NOT NULL DEFAULT '{}',
          valid_from integer NOT NULL,
          valid_to integer NOT NULL,
          handling text,
          ${timestampColumns},
          CHECK (valid_to - valid_from BETWEEN 0 AND 1)
        )`.execute(db);
      await sql`
        CREATE TABLE directive_comment (
          ${id}, ${orgKey},
          directive_id uuid NOT NULL REFERENCES directive(id) ON DELETE CASCADE,
          ${period},
          text text NOT NULL,
          author_id uuid REFERENCES app_user(id),
          author_name text NOT NULL,
          ${timestampColumns}
        )`.execute(db);

      await sql`
        CREATE TABLE activity (
          ${id}, ${orgKey},
          year integer NOT NULL,
          title text NOT NULL,
          description text,
          responsible_org_node_id uuid REFERENCES org_node(id),
          status text NOT NULL DEFAULT 'ej_paborjad' CHECK (status IN ('ej_paborjad','pagar','klar','avbruten')),
          start_date date,
          end_date date,
          position integer NOT NULL DEFAULT 0,
          ${timestampColumns},
          CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
        )`.execute(db);
      await sql`CREATE INDEX activity_org_year_idx ON activity(org_node_id, year)`.execute(db);
      await sql`
        CREATE TABLE activity_goal (
          ${id}, ${orgKey},
          activity_id uuid NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
          goal_id uuid NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
          ${timestampColumns},
          UNIQUE (activity_id, goal_id)
        )`.execute(db);
      await sql`CREATE INDEX activity_goal_goal_idx ON activity_goal(goal_id)`.execute(db);
      await sql`
        CREATE TABLE activity_effect (
          ${id}, ${orgKey},
          activity_id uuid NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
          position integer NOT NULL,
          target_group text NOT NULL,
          effect text NOT NULL,
          ${timestampColumns},
          UNIQUE (activity_id, position)
        )`.execute(db);
      await sql`
        CREATE TABLE activity_followup (
          ${id}, ${orgKey},
          activity_id uuid NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
          ${period},
          status text NOT NULL CHECK (status IN ('ej_paborjad','pagar','klar','avbruten')),
          comment text NOT NULL,
          author_id uuid REFERENCES app_user(id),
          author_name text NOT NULL,
          ${timestampColumns}
        )`.execute(db);

      // Kolada: what the source published (for every municipality fetched, so groups can be compared)
      // and which indicators each KPI feeds.
      await sql`
        CREATE TABLE kolada_kpi (
          ${id}, ${orgKey},
          kpi_id text NOT NULL,
          title text NOT NULL,
          description text,
          is_divided_by_gender boolean NOT NULL DEFAULT false,
          publication_date date,
          operating_area text,
          ${timestampColumns},
          UNIQUE (org_node_id, kpi_id)
        )`.execute(db);
      await sql`
        CREATE TABLE kolada_municipality (
          ${id}, ${orgKey},
          municipality_id text NOT NULL,
          title text NOT NULL,
          type text,
          ${timestampColumns},
          UNIQUE (org_node_id, municipality_id)
        )`.execute(db);
      await sql`
        CREATE TABLE kolada_group (
          ${id}, ${orgKey},
          group_id text NOT NULL,
          title text NOT NULL,
          members text[] NOT NULL,
          ${timestampColumns},
          UNIQUE (org_node_id, group_id)
        )`.execute(db);
      await sql`
        CREATE TABLE kolada_value (
          ${id}, ${orgKey},
          kpi_id text NOT NULL,
          municipality_id text NOT NULL,
          year integer NOT NULL,
          gender text NOT NULL CHECK (gender IN ('T','K','M')),
          value numeric,
          status text,
          ${timestampColumns},
          UNIQUE (org_node_id, kpi_id, municipality_id, year, gender)
        )`.execute(db);
      await sql`
        CREATE TABLE kolada_mapping (
          ${id}, ${orgKey},
          indicator_id uuid NOT NULL UNIQUE REFERENCES indicator(id) ON DELETE CASCADE,
          kpi_id text NOT NULL,
          municipality_id text NOT NULL,
          ${timestampColumns}
        )`.execute(db);
      await sql`CREATE INDEX kolada_mapping_kpi_idx ON kolada_mapping(kpi_id)`.execute(db);

      for (const table of [...tables, ...koladaTables]) {
        await sql`CREATE INDEX ${sql.raw(`${table}_org_node_idx`)} ON ${sql.table(table)}(org_node_id)`.execute(db);
        await addTouchTrigger(db, table);
      }
    },
  },
};
