import { type Kysely, sql } from "kysely";

/**
 * Nämnd's delegation: the delegeringsordning a nämnd adopts (date, §, diarienummer) with its points (5.1.1 …),
 * each delegated to the utskott, the ordförande or named functions of the förvaltning (a data list per
 * nämnd); vidaredelegeringar recorded against a point; and the register of delegation decisions, each made
 * under one point, which the memo "Anmälan av delegeringsbeslut" lists in six fixed sections.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE namnd_delegation_function (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, name)
    )`.execute(db);
  await sql`
    CREATE TRIGGER namnd_delegation_function_touch BEFORE UPDATE ON namnd_delegation_function
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  await sql`
    CREATE TABLE namnd_delegation_order (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      adopted_on date NOT NULL,
      paragraph integer NOT NULL CHECK (paragraph BETWEEN 1 AND 9999),
      diarienummer text CHECK (diarienummer ~ '^[A-ZÅÄÖ]{1,10}-[0-9]{4}-[0-9]{5}$'),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, adopted_on)
    )`.execute(db);
  await sql`
    CREATE TRIGGER namnd_delegation_order_touch BEFORE UPDATE ON namnd_delegation_order
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  await sql`
    CREATE TABLE namnd_delegation_point (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      order_id uuid NOT NULL REFERENCES namnd_delegation_order(id) ON DELETE CASCADE,
      code text NOT NULL CHECK (code ~ '^[1-9][0-9]?(\.[0-9]{1,2}){1,3}$'),
      heading text NOT NULL CHECK (length(heading) BETWEEN 1 AND 200),
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
      lagrum text CHECK (length(lagrum) BETWEEN 1 AND 200),
      limits text CHECK (length(limits) BETWEEN 1 AND 500),
      subdelegation_allowed boolean NOT NULL,
      anmalan_required boolean NOT NULL,
      anmalan_section text NOT NULL
        CHECK (anmalan_section IN ('utskottet','listor','personal','attester','avtal','ovrigt')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (order_id, code)
    )`.execute(db);
  await sql`
    CREATE TRIGGER namnd_delegation_point_touch BEFORE UPDATE ON namnd_delegation_point
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  // A named function only for kind funktion; the utskott and the ordförande are one each per nämnd.
  await sql`
    CREATE TABLE namnd_delegation_delegate (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      point_id uuid NOT NULL REFERENCES namnd_delegation_point(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('utskott','ordforande','funktion')),
      function_id uuid REFERENCES namnd_delegation_function(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind = 'funktion') = (function_id IS NOT NULL))
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX namnd_delegation_delegate_function ON namnd_delegation_delegate(point_id, function_id)
    WHERE function_id IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX namnd_delegation_delegate_body ON namnd_delegation_delegate(point_id, kind)
    WHERE function_id IS NULL`.execute(db);

  // The förvaltningschef passes a point on to a function (recorded monthly, IF-2022-00011).
  await sql`
    CREATE TABLE namnd_delegation_subdelegation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      point_id uuid NOT NULL REFERENCES namnd_delegation_point(id) ON DELETE CASCADE,
      function_id uuid NOT NULL REFERENCES namnd_delegation_function(id),
      valid_from date NOT NULL,
      valid_until date CHECK (valid_until >= valid_from),
      diarienummer text CHECK (diarienummer ~ '^[A-ZÅÄÖ]{1,10}-[0-9]{4}-[0-9]{5}$'),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX namnd_delegation_subdelegation_point ON namnd_delegation_subdelegation(point_id)`.execute(db);
  await sql`
    CREATE TRIGGER namnd_delegation_subdelegation_touch BEFORE UPDATE ON namnd_delegation_subdelegation
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  await sql`
    CREATE TABLE namnd_delegation_decision (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      point_id uuid NOT NULL REFERENCES namnd_delegation_point(id),
      diarienummer text CHECK (diarienummer ~ '^[A-ZÅÄÖ]{1,10}-[0-9]{4}-[0-9]{5}$'),
      decided_on date NOT NULL,
      decider_kind text NOT NULL CHECK (decider_kind IN ('utskott','ordforande','funktion')),
      decider_function_id uuid REFERENCES namnd_delegation_function(id),
      decider_name text NOT NULL CHECK (length(decider_name) BETWEEN 1 AND 200),
      law text CHECK (law IN ('sol','lvu','lvm','fb','lss','ovriga')),
      subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 500),
      unit_id uuid REFERENCES org_node(id),
      provider text CHECK (length(provider) BETWEEN 1 AND 200),
      period_from date,
      period_until date CHECK (period_until >= period_from),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((decider_kind = 'funktion') = (decider_function_id IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX namnd_delegation_decision_date ON namnd_delegation_decision(org_node_id, decided_on)`.execute(
    db,
  );
  await sql`
    CREATE TRIGGER namnd_delegation_decision_touch BEFORE UPDATE ON namnd_delegation_decision
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
}
