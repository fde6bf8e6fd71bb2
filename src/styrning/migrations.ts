import { type Kysely, sql } from "kysely";
import type { Migration } from "kysely/migration";
import { addTouchTrigger, timestampColumns } from "../platform/db/ddl.ts";

/**
 * One table: the columns between the common head (id, org_node_id) and the timestamps, the table
 * constraints after them, and extra indexes by name. Every table also gets an org_node_id index and
 * the touch trigger, so no table can be added without them.
 */
type TableSpec = { name: string; columns: string[]; constraints?: string[]; indexes?: Record<string, string> };

// Every table carries org_node_id, the tenant key that access checks and audit use.
const head = "id uuid PRIMARY KEY DEFAULT gen_random_uuid(), org_node_id uuid NOT NULL REFERENCES org_node(id)";
const period = `period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(T[1-3]|Q[1-4]|0[1-9]|1[0-2]))?$')`;
const gender = "gender text NOT NULL CHECK (gender IN ('T','K','M'))";
const activityStatuses = "('ej_paborjad','pagar','klar','avbruten')";
/** A row that belongs to (and goes with) another. */
const partOf = (column: string, table: string) => `${column} uuid NOT NULL REFERENCES ${table}(id) ON DELETE CASCADE`;
/** Who wrote a row: the user while the account exists, the name for good. */
const writtenBy = (idColumn: string, nameColumn: string) => [
  `${idColumn} uuid REFERENCES app_user(id)`,
  `${nameColumn} text NOT NULL`,
];

const styrningTables: TableSpec[] = [
  {
    name: "styrning_scale",
    columns: ["kind text NOT NULL CHECK (kind IN ('assessment','status'))", "name text NOT NULL"],
    constraints: ["UNIQUE (org_node_id, kind, name)"],
  },
  {
    name: "styrning_scale_level",
    columns: [
      partOf("scale_id", "styrning_scale"),
      "position integer NOT NULL",
      "code text NOT NULL CHECK (code ~ '^[a-z0-9_]{1,40}$')",
      "label text NOT NULL",
      "rank integer",
      "meaning text CHECK (meaning IN ('achieved','on_track','off_track'))",
    ],
    constraints: ["UNIQUE (scale_id, code)", "UNIQUE (scale_id, position)"],
  },
  {
    name: "goal_model",
    columns: [
      "year integer NOT NULL CHECK (year BETWEEN 1900 AND 2200)",
      "name text NOT NULL",
      "assessment_scale_id uuid REFERENCES styrning_scale(id)",
    ],
    constraints: ["UNIQUE (org_node_id, year)"],
  },
  {
    name: "goal_level",
    columns: [
      partOf("model_id", "goal_model"),
      "position integer NOT NULL",
      "name text NOT NULL",
      "decided_by text NOT NULL CHECK (decided_by IN ('kf','namnd','forvaltning'))",
      "kind text NOT NULL CHECK (kind IN ('goal','activity'))",
      "assessed boolean NOT NULL DEFAULT false",
    ],
    constraints: ["UNIQUE (model_id, position)"],
  },
  {
    name: "goal",
    columns: [
      partOf("model_id", "goal_model"),
      "level_id uuid NOT NULL REFERENCES goal_level(id)",
      "parent_id uuid REFERENCES goal(id)",
      "lineage_id uuid NOT NULL DEFAULT gen_random_uuid()",
      "code text",
      "title text NOT NULL",
      "description text",
      "position integer NOT NULL DEFAULT 0",
    ],
    constraints: ["UNIQUE (model_id, lineage_id)"],
    indexes: { goal_model_idx: "model_id", goal_lineage_idx: "lineage_id" },
  },
  {
    name: "goal_assessment",
    columns: [
      partOf("goal_id", "goal"),
      period,
      "scale_level_id uuid NOT NULL REFERENCES styrning_scale_level(id)",
      "comment text NOT NULL",
      ...writtenBy("assessed_by", "assessed_by_name"),
    ],
    constraints: ["UNIQUE (goal_id, period)"],
  },
  {
    name: "goal_comment",
    columns: [partOf("goal_id", "goal"), period, "text text NOT NULL", ...writtenBy("author_id", "author_name")],
    indexes: { goal_comment_goal_idx: "goal_id" },
  },
  {
    name: "indicator",
    columns: [
      "name text NOT NULL",
      "unit text NOT NULL CHECK (unit IN ('antal','procent','dagar','index','kr','status'))",
      "value_type text NOT NULL CHECK (value_type IN ('number','status'))",
      "status_scale_id uuid REFERENCES styrning_scale(id)",
      "decimals integer NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 4)",
      "direction text NOT NULL CHECK (direction IN ('higher','lower','none'))",
      "gender_split text NOT NULL CHECK (gender_split IN ('total','kvinnor_man','flickor_pojkar','kvinnor_flickor_man_pojkar'))",
      "period_type text NOT NULL CHECK (period_type IN ('year','tertial','quarter','month','window'))",
      "measurement_window text",
      "source_kind text NOT NULL CHECK (source_kind IN ('manual','kolada','import'))",
      "source_note text",
      "publication_date date",
      "footnote text",
      "active boolean NOT NULL DEFAULT true",
    ],
    constraints: [
      "CHECK ((value_type = 'status') = (status_scale_id IS NOT NULL))",
      "CHECK ((value_type = 'status') = (unit = 'status'))",
      "CHECK ((period_type = 'window') = (measurement_window IS NOT NULL))",
    ],
  },
  {
    name: "indicator_definition",
    columns: [partOf("indicator_id", "indicator"), "valid_from integer NOT NULL", "definition text NOT NULL"],
    constraints: ["UNIQUE (indicator_id, valid_from)"],
  },
  {
    name: "indicator_target",
    columns: [partOf("indicator_id", "indicator"), "year integer NOT NULL", "target text NOT NULL", "footnote text"],
    constraints: ["UNIQUE (indicator_id, year)"],
  },
  {
    name: "goal_indicator",
    columns: [
      partOf("goal_id", "goal"),
      "indicator_id uuid NOT NULL REFERENCES indicator(id)",
      "position integer NOT NULL DEFAULT 0",
    ],
    constraints: ["UNIQUE (goal_id, indicator_id)"],
    indexes: { goal_indicator_indicator_idx: "indicator_id" },
  },
  {
    name: "indicator_value",
    columns: [
      partOf("indicator_id", "indicator"),
      period,
      gender,
      "state text NOT NULL CHECK (state IN ('value','not_published','not_measured'))",
      "value numeric",
      "status_code text",
      "source text NOT NULL CHECK (source IN ('manual','kolada','import'))",
      "source_ref text",
      "published_at date",
      "note text",
      ...writtenBy("entered_by", "entered_by_name"),
    ],
    constraints: [
      "UNIQUE (indicator_id, period, gender)",
      "CHECK (state <> 'value' OR ((value IS NULL) <> (status_code IS NULL)))",
      "CHECK (state = 'value' OR (value IS NULL AND status_code IS NULL))",
    ],
  },
  {
    name: "indicator_value_correction",
    columns: [
      partOf("indicator_id", "indicator"),
      period,
      gender,
      "before jsonb",
      "after jsonb",
      "reason text NOT NULL",
      ...writtenBy("corrected_by", "corrected_by_name"),
    ],
    indexes: { indicator_value_correction_idx: "indicator_id" },
  },
  {
    name: "period_lock",
    columns: [period, ...writtenBy("locked_by", "locked_by_name")],
    constraints: ["UNIQUE (org_node_id, period)"],
  },
  {
    name: "directive",
    columns: [
      "issued_by text NOT NULL CHECK (issued_by IN ('kf','namnd'))",
      "goal_id uuid REFERENCES goal(id) ON DELETE SET NULL",
      "title text NOT NULL",
      "body text NOT NULL DEFAULT ''",
      "assignments text[] NOT NULL DEFAULT '{}'",
      "valid_from integer NOT NULL",
      "valid_to integer NOT NULL",
      "handling text",
    ],
    constraints: ["CHECK (valid_to - valid_from BETWEEN 0 AND 1)"],
  },
  {
    name: "directive_comment",
    columns: [
      partOf("directive_id", "directive"),
      period,
      "text text NOT NULL",
      ...writtenBy("author_id", "author_name"),
    ],
  },
  {
    name: "activity",
    columns: [
      "year integer NOT NULL",
      "title text NOT NULL",
      "description text",
      "responsible_org_node_id uuid REFERENCES org_node(id)",
      `status text NOT NULL DEFAULT 'ej_paborjad' CHECK (status IN ${activityStatuses})`,
      "start_date date",
      "end_date date",
      "position integer NOT NULL DEFAULT 0",
    ],
    constraints: ["CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)"],
    indexes: { activity_org_year_idx: "org_node_id, year" },
  },
  {
    name: "activity_goal",
    columns: [partOf("activity_id", "activity"), partOf("goal_id", "goal")],
    constraints: ["UNIQUE (activity_id, goal_id)"],
    indexes: { activity_goal_goal_idx: "goal_id" },
  },
  {
    name: "activity_effect",
    columns: [
      partOf("activity_id", "activity"),
      "position integer NOT NULL",
      "target_group text NOT NULL",
      "effect text NOT NULL",
    ],
    constraints: ["UNIQUE (activity_id, position)"],
  },
  {
    name: "activity_followup",
    columns: [
      partOf("activity_id", "activity"),
      period,
      `status text NOT NULL CHECK (status IN ${activityStatuses})`,
      "comment text NOT NULL",
      ...writtenBy("author_id", "author_name"),
    ],
  },

  // Kolada: what the source published (for every municipality fetched, so groups can be compared)
  // and which indicators each KPI feeds.
  {
    name: "kolada_kpi",
    columns: [
      "kpi_id text NOT NULL",
      "title text NOT NULL",
      "description text",
      "is_divided_by_gender boolean NOT NULL DEFAULT false",
      "publication_date date",
      "operating_area text",
    ],
    constraints: ["UNIQUE (org_node_id, kpi_id)"],
  },
  {
    name: "kolada_municipality",
    columns: ["municipality_id text NOT NULL", "title text NOT NULL", "type text"],
    constraints: ["UNIQUE (org_node_id, municipality_id)"],
  },
  {
    name: "kolada_group",
    columns: ["group_id text NOT NULL", "title text NOT NULL", "members text[] NOT NULL"],
    constraints: ["UNIQUE (org_node_id, group_id)"],
  },
  {
    name: "kolada_value",
    columns: [
      "kpi_id text NOT NULL",
      "municipality_id text NOT NULL",
      "year integer NOT NULL",
      gender,
      "value numeric",
      "status text",
    ],
    constraints: ["UNIQUE (org_node_id, kpi_id, municipality_id, year, gender)"],
  },
  {
    name: "kolada_mapping",
    columns: [
      "indicator_id uuid NOT NULL UNIQUE REFERENCES indicator(id) ON DELETE CASCADE",
      "kpi_id text NOT NULL",
      "municipality_id text NOT NULL",
    ],
    indexes: { kolada_mapping_kpi_idx: "kpi_id" },
  },
];

async function createTable(db: Kysely<unknown>, table: TableSpec) {
  const constraints = (table.constraints ?? []).map((c) => `, ${c}`).join("");
  await sql`CREATE TABLE ${sql.table(table.name)} (
    ${sql.raw([head, ...table.columns].join(",\n    "))},
    ${timestampColumns}${sql.raw(constraints)}
  )`.execute(db);
  const indexes = { [`${table.name}_org_node_idx`]: "org_node_id", ...table.indexes };
  for (const [name, columns] of Object.entries(indexes)) {
    await sql.raw(`CREATE INDEX ${name} ON ${table.name}(${columns})`).execute(db);
  }
  await addTouchTrigger(db, table.name);
}

export const styrningMigrations: Record<string, Migration> = {
  "0100_styrning": {
    async up(db: Kysely<unknown>) {
      for (const table of styrningTables) await createTable(db, table);
    },
  },
};
