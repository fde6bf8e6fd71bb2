import { type Kysely, sql } from "kysely";

/**
 * Internkontroll per nämnd and year: the adopted plan, the risk- och väsentlighetsanalys (risks, to plan or
 * not with a reason), the granskningar with the risks each covers, the självskattning answers against the
 * kommun's question set, and åtgärder (the kvalitetsplan's) linked to a granskning. Kommuner that exist
 * already get the standard question set (as it stood when this came).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE kvalitet_ik_plan (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      diarienummer text CHECK (length(diarienummer) <= 100),
      adopted_on date,
      decision_ref text CHECK (length(decision_ref) <= 200),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, year)
    )`.execute(db);
  await sql`
    CREATE TRIGGER kvalitet_ik_plan_touch BEFORE UPDATE ON kvalitet_ik_plan
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE kvalitet_ik_risk (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      nr integer NOT NULL CHECK (nr BETWEEN 1 AND 999),
      category text NOT NULL CHECK (length(category) BETWEEN 1 AND 200),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
      common boolean NOT NULL,
      likelihood integer NOT NULL CHECK (likelihood BETWEEN 1 AND 4),
      consequence integer NOT NULL CHECK (consequence BETWEEN 1 AND 4),
      to_plan boolean NOT NULL,
      reason text CHECK (length(reason) <= 2000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, year, nr),
      CHECK (to_plan OR reason IS NOT NULL)
    )`.execute(db);
  await sql`
    CREATE TRIGGER kvalitet_ik_risk_touch BEFORE UPDATE ON kvalitet_ik_risk
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE kvalitet_ik_granskning (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      nr text NOT NULL CHECK (nr ~ '^[0-9]{1,3}([.][0-9]{1,3}){0,4}$'),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
      method text NOT NULL CHECK (length(method) BETWEEN 1 AND 2000),
      frequency text NOT NULL CHECK (length(frequency) BETWEEN 1 AND 200),
      responsible text NOT NULL CHECK (length(responsible) BETWEEN 1 AND 200),
      result text CHECK (length(result) <= 4000),
      deviations boolean,
      verdict text CHECK (length(verdict) <= 200),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, year, nr),
      CHECK (deviations IS NULL OR result IS NOT NULL)
    )`.execute(db);
  await sql`
    CREATE TRIGGER kvalitet_ik_granskning_touch BEFORE UPDATE ON kvalitet_ik_granskning
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE kvalitet_ik_granskning_risk (
      granskning_id uuid NOT NULL REFERENCES kvalitet_ik_granskning(id) ON DELETE CASCADE,
      risk_id uuid NOT NULL REFERENCES kvalitet_ik_risk(id),
      PRIMARY KEY (granskning_id, risk_id)
    )`.execute(db);
  await sql`CREATE INDEX kvalitet_ik_granskning_risk_risk ON kvalitet_ik_granskning_risk(risk_id)`.execute(db);
  await sql`
    CREATE TABLE kvalitet_ik_question (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      nr integer NOT NULL CHECK (nr BETWEEN 1 AND 999),
      area text NOT NULL CHECK (length(area) BETWEEN 1 AND 200),
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, nr)
    )`.execute(db);
  await sql`
    CREATE TRIGGER kvalitet_ik_question_touch BEFORE UPDATE ON kvalitet_ik_question
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE kvalitet_ik_answer (
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      question_id uuid NOT NULL REFERENCES kvalitet_ik_question(id),
      answer text NOT NULL CHECK (answer IN ('omhandertaget','delvis','ej')),
      comment text CHECK (length(comment) <= 2000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_node_id, year, question_id)
    )`.execute(db);
  await sql`
    CREATE TRIGGER kvalitet_ik_answer_touch BEFORE UPDATE ON kvalitet_ik_answer
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  // An åtgärd may answer a granskning instead of a kvalitetsplan's risk or egenkontroll.
  await sql`ALTER TABLE kvalitet_atgard ADD COLUMN granskning_id uuid REFERENCES kvalitet_ik_granskning(id)`.execute(
    db,
  );
  await sql`CREATE INDEX kvalitet_atgard_granskning ON kvalitet_atgard(granskning_id)`.execute(db);
  await sql`ALTER TABLE kvalitet_atgard DROP CONSTRAINT kvalitet_atgard_one_link`.execute(db);
  await sql`
    ALTER TABLE kvalitet_atgard ADD CONSTRAINT kvalitet_atgard_one_link
    CHECK (num_nonnulls(risk_id, egenkontroll_id, granskning_id) = 1)`.execute(db);
  await sql`
    INSERT INTO kvalitet_ik_question (org_node_id, nr, area, text)
    SELECT kommun.id, v.nr, v.area, v.text
    FROM org_node kommun CROSS JOIN (VALUES
      (1, 'Uppdrag och mål', 'Är nämndens uppdrag och mål kända i förvaltningen?'),
      (2, 'Uppdrag och mål', 'Är målen nedbrutna till verksamheterna?'),
      (3, 'Uppdrag och mål', 'Följs målen upp under året?'),
      (4, 'Uppdrag och mål', 'Finns en tydlig koppling mellan mål och budget?'),
      (5, 'Kontrollmiljö', 'Finns en aktuell delegeringsordning?'),
      (6, 'Kontrollmiljö', 'Är ansvar och befogenheter tydliga för chefer?'),
      (7, 'Kontrollmiljö', 'Finns aktuella riktlinjer och rutiner för verksamheten?'),
      (8, 'Kontrollmiljö', 'Känner medarbetarna till de rutiner som gäller dem?'),
      (9, 'Kontrollmiljö', 'Finns rutiner för attest och behörigheter?'),
      (10, 'Kontrollmiljö', 'Tas behörigheter bort när en medarbetare slutar eller byter tjänst?'),
      (11, 'Kontrollmiljö', 'Finns en uppförandekod som är känd i förvaltningen?'),
      (12, 'Riskanalys', 'Görs en risk- och väsentlighetsanalys varje år?'),
      (13, 'Riskanalys', 'Deltar verksamheterna i riskanalysen?'),
      (14, 'Kontrollaktiviteter', 'Finns kontrollaktiviteter för de väsentligaste riskerna?'),
      (15, 'Kontrollaktiviteter', 'Är ansvaret för varje granskning utsett?'),
      (16, 'Uppföljning', 'Följs granskningarna upp och rapporteras till nämnden?'),
      (17, 'Uppföljning', 'Leder avvikelser till åtgärder?'),
      (18, 'Uppföljning', 'Följs tidigare års åtgärder upp?'),
      (19, 'Information och kommunikation', 'Kommuniceras resultatet av internkontrollen i förvaltningen?'),
      (20, 'Information och kommunikation', 'Finns kanaler för att rapportera misstänkta oegentligheter?')
    ) AS v(nr, area, text)
    WHERE kommun.parent_id IS NULL`.execute(db);
}
