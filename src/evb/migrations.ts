import { type Kysely, sql } from "kysely";
import type { Migration } from "kysely/migration";
import { addTouchTrigger, timestampColumns } from "../platform/db/ddl.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { installStandardCatalogue } from "./repository.ts";
import type { EvbDB } from "./tables.ts";

/** Every EVB table's id and tenant key. */
const keyColumns = sql.raw(`
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_node_id uuid NOT NULL REFERENCES org_node(id)`);

/** Offers and interruptions belong to a decision, share its tenant key and go when it goes. */
const decisionChildKeys = sql`${keyColumns},
  decision_id uuid NOT NULL REFERENCES evb_decision(id) ON DELETE CASCADE`;

export const evbMigrations: Record<string, Migration> = {
  "0300_evb": {
    async up(db: Kysely<unknown>) {
      await sql`
        CREATE TABLE evb_insats (
          ${keyColumns},
          code text NOT NULL CHECK (code ~ '^[a-z0-9-]{1,60}$'),
          law text NOT NULL CHECK (law IN ('SoL','LSS')),
          lagrum text NOT NULL CHECK (length(lagrum) BETWEEN 1 AND 100),
          name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
          active boolean NOT NULL DEFAULT true,
          sort_order integer NOT NULL DEFAULT 0,
          ${timestampColumns},
          UNIQUE (org_node_id, code)
        )`.execute(db);
      await sql`CREATE UNIQUE INDEX evb_insats_name ON evb_insats(org_node_id, law, lower(name))`.execute(db);
      await addTouchTrigger(db, "evb_insats");

      await sql`
        CREATE TABLE evb_code (
          ${keyColumns},
          kind text NOT NULL CHECK (kind IN ('delay','closure')),
          code text NOT NULL CHECK (code ~ '^[a-z0-9-]{1,60}$'),
          label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
          side text CHECK (side IS NULL OR (side IN ('kommun','enskild') AND kind = 'delay')),
          active boolean NOT NULL DEFAULT true,
          sort_order integer NOT NULL DEFAULT 0,
          ${timestampColumns},
          UNIQUE (org_node_id, kind, code)
        )`.execute(db);
      await addTouchTrigger(db, "evb_code");

      await sql`
        CREATE TABLE evb_decision (
          ${keyColumns},
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
          ${timestampColumns},
          CHECK ((closed_date IS NULL) = (closure_code_id IS NULL)),
          CHECK (parts_executed < parts_total OR (parts_executed = parts_total AND executed_date IS NOT NULL)),
          UNIQUE (insats_id, person_id, decision_date)
        )`.execute(db);
      await sql`CREATE INDEX evb_decision_org ON evb_decision(org_node_id)`.execute(db);
      await sql`CREATE INDEX evb_decision_open ON evb_decision(decision_date) WHERE closed_date IS NULL`.execute(db);
      await addTouchTrigger(db, "evb_decision");

      await sql`
        CREATE TABLE evb_offer (
          ${decisionChildKeys},
          offered_date date NOT NULL,
          answer text CHECK (answer IN ('ja','nej')),
          note text CHECK (length(note) <= 1000),
          ${timestampColumns}
        )`.execute(db);
      await sql`CREATE INDEX evb_offer_decision ON evb_offer(decision_id)`.execute(db);
      await addTouchTrigger(db, "evb_offer");

      await sql`
        CREATE TABLE evb_interruption (
          ${decisionChildKeys},
          start_date date NOT NULL,
          resumed_date date CHECK (resumed_date >= start_date),
          reason_code_id uuid REFERENCES evb_code(id),
          reason_text text CHECK (length(reason_text) <= 2000),
          ${timestampColumns},
          UNIQUE (decision_id, start_date)
        )`.execute(db);
      await addTouchTrigger(db, "evb_interruption");
    },
  },
  "0301_evb_standard_catalogue": {
    // Kommuner that existed before EVB get the standard catalogue; new ones get it when seeded or by an admin.
    async up(db: Kysely<unknown>) {
      const typed = db as unknown as DbOf<EvbDB>;
      const roots = await typed.selectFrom("org_node").select("id").where("parent_id", "is", null).execute();
      for (const root of roots) await installStandardCatalogue(typed, root.id);
    },
  },
};
