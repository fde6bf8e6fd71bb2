import { type Kysely, sql } from "kysely";

/**
 * Lex Sarah: the kommun's lists (categories, causes, measures, the SOSFS 2011:5 investigation items), the
 * per-nämnd and report-year counter that issues case numbers without gaps, the SAS decisions (one may cover
 * several cases, with the IVO anmälan of an allvarligt missförhållande), the cases, their chosen causes and
 * measures, and the dated investigation entries. Kommuner that exist already get the standard lists.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE kvalitet_lex_sarah_list (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      list text NOT NULL CHECK (list IN ('kategori','orsak','atgard','utredningspunkt')),
      code text NOT NULL CHECK (code ~ '^[a-z0-9-]{1,60}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      active boolean NOT NULL DEFAULT true,
      sort_order integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_node_id, list, code)
    )`.execute(db);
  await sql`
    CREATE TRIGGER kvalitet_lex_sarah_list_touch BEFORE UPDATE ON kvalitet_lex_sarah_list
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE kvalitet_lex_sarah_counter (
      namnd_id uuid NOT NULL REFERENCES org_node(id),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      last_number integer NOT NULL CHECK (last_number > 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (namnd_id, year)
    )`.execute(db);
  await sql`
    CREATE TRIGGER kvalitet_lex_sarah_counter_touch BEFORE UPDATE ON kvalitet_lex_sarah_counter
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE kvalitet_lex_sarah_decision (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      namnd_id uuid NOT NULL REFERENCES org_node(id),
      decided_on date NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('A','B','C')),
      finding text CHECK (finding IN ('ingen-brist','brist-utan-konsekvens','risk-i-verksamheten','rutin-ej-foljd',
        'nodratt','utreds-ej','vardskada','arbetsmiljo')),
      ivo_form_done boolean NOT NULL DEFAULT false,
      ivo_investigation_attached boolean NOT NULL DEFAULT false,
      ivo_sent_on date CHECK (ivo_sent_on >= decided_on),
      ivo_reference text CHECK (length(ivo_reference) BETWEEN 1 AND 100),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((outcome = 'A') = (finding IS NOT NULL)),
      CHECK (outcome = 'C' OR (NOT ivo_form_done AND NOT ivo_investigation_attached AND ivo_sent_on IS NULL
        AND ivo_reference IS NULL)),
      CHECK (ivo_sent_on IS NULL OR (ivo_form_done AND ivo_investigation_attached))
    )`.execute(db);
  await sql`CREATE INDEX kvalitet_lex_sarah_decision_namnd ON kvalitet_lex_sarah_decision(namnd_id, decided_on)`.execute(
    db,
  );
  await sql`
    CREATE TRIGGER kvalitet_lex_sarah_decision_touch BEFORE UPDATE ON kvalitet_lex_sarah_decision
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE kvalitet_lex_sarah (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      namnd_id uuid NOT NULL REFERENCES org_node(id),
      report_year integer NOT NULL,
      number integer NOT NULL CHECK (number > 0),
      reported_on date NOT NULL,
      noticed_on date NOT NULL CHECK (reported_on >= noticed_on),
      occurred_on date CHECK (noticed_on >= occurred_on),
      gist text NOT NULL CHECK (length(gist) BETWEEN 1 AND 300),
      category_id uuid NOT NULL REFERENCES kvalitet_lex_sarah_list(id),
      brist boolean,
      consequence text CHECK (consequence IN ('ingen','fysisk','psykisk','stress','krankt')),
      recurrence text CHECK (recurrence IN ('liten','viss','stor')),
      route text NOT NULL CHECK (route IN ('handelserapport','direkt','chef','annan')),
      event_id uuid REFERENCES kvalitet_event(id),
      status text NOT NULL CHECK (status IN ('rapporterad','under_utredning','beslutad')),
      decision_id uuid REFERENCES kvalitet_lex_sarah_decision(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (namnd_id, report_year, number),
      CHECK (report_year = extract(year FROM reported_on)),
      CHECK ((status = 'beslutad') = (decision_id IS NOT NULL)),
      CHECK (decision_id IS NULL OR (brist IS NOT NULL AND consequence IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX kvalitet_lex_sarah_unit ON kvalitet_lex_sarah(org_node_id, reported_on)`.execute(db);
  await sql`CREATE INDEX kvalitet_lex_sarah_decision_link ON kvalitet_lex_sarah(decision_id)`.execute(db);
  await sql`
    CREATE TRIGGER kvalitet_lex_sarah_touch BEFORE UPDATE ON kvalitet_lex_sarah
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    CREATE TABLE kvalitet_lex_sarah_choice (
      case_id uuid NOT NULL REFERENCES kvalitet_lex_sarah(id) ON DELETE CASCADE,
      entry_id uuid NOT NULL REFERENCES kvalitet_lex_sarah_list(id),
      PRIMARY KEY (case_id, entry_id)
    )`.execute(db);
  await sql`CREATE INDEX kvalitet_lex_sarah_choice_entry ON kvalitet_lex_sarah_choice(entry_id)`.execute(db);
  await sql`
    CREATE TABLE kvalitet_lex_sarah_entry (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES kvalitet_lex_sarah(id) ON DELETE CASCADE,
      entry_date date NOT NULL,
      item_id uuid NOT NULL REFERENCES kvalitet_lex_sarah_list(id),
      source text NOT NULL CHECK (length(source) BETWEEN 1 AND 300),
      kind text NOT NULL CHECK (kind IN ('fakta','bedomning')),
      author text NOT NULL CHECK (length(author) BETWEEN 1 AND 200),
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX kvalitet_lex_sarah_entry_case ON kvalitet_lex_sarah_entry(case_id, entry_date)`.execute(db);
  await sql`
    CREATE TRIGGER kvalitet_lex_sarah_entry_touch BEFORE UPDATE ON kvalitet_lex_sarah_entry
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
  await sql`
    INSERT INTO kvalitet_lex_sarah_list (org_node_id, list, code, name, sort_order)
    SELECT kommun.id, v.list, v.code, v.name, v.sort_order
    FROM org_node kommun CROSS JOIN (VALUES
      ('kategori', 'insats', 'Insats omsorg, service och stöd', 0),
      ('kategori', 'overgrepp', 'Övergrepp och oegentlighet', 1),
      ('kategori', 'myndighetsutovning', 'Myndighetsutövning', 2),
      ('kategori', 'information', 'Information, kommunikation och samverkan', 3),
      ('kategori', 'dokumentation', 'Dokumentation', 4),
      ('kategori', 'bemotande', 'Bemötande', 5),
      ('kategori', 'ovrigt', 'Övrigt', 6),
      ('orsak', 'brist-i-tillsyn', 'Brist i tillsyn', 0),
      ('orsak', 'rutin-foljs-inte', 'Rutin/genomförandeplan följs inte', 1),
      ('orsak', 'vald-och-hot', 'Våld och hot mellan enskilda', 2),
      ('orsak', 'brist-i-uppfoljning', 'Brist i uppföljning av beslut', 3),
      ('orsak', 'handhavandefel', 'Handhavandefel', 4),
      ('orsak', 'ovrigt', 'Övrigt', 5),
      ('atgard', 'samtal-med-personal', 'Samtal med personal', 0),
      ('atgard', 'genomgang-apt', 'Genomgång på APT', 1),
      ('atgard', 'miljo', 'Miljö', 2),
      ('atgard', 'bemanning', 'Bemanning', 3),
      ('atgard', 'revidera-rutiner', 'Revidera rutiner/genomförandeplaner', 4),
      ('atgard', 'samverkan', 'Samverkan', 5),
      ('atgard', 'introduktion', 'Introduktion', 6),
      ('atgard', 'metodstod', 'Metodstöd', 7),
      ('atgard', 'informera-handlaggare', 'Informera handläggare', 8),
      ('utredningspunkt', 'vad-och-konsekvenser', 'Vad som har hänt och vilka konsekvenser det fått för den enskilde', 0),
      ('utredningspunkt', 'hur-upptacktes', 'När och hur missförhållandet upptäcktes', 1),
      ('utredningspunkt', 'nar-intraffade', 'När missförhållandet inträffade', 2),
      ('utredningspunkt', 'orsaker', 'Orsaker till missförhållandet', 3),
      ('utredningspunkt', 'tidigare-handelser', 'Tidigare liknande händelser', 4),
      ('utredningspunkt', 'risk-upprepning', 'Risk för att missförhållandet upprepas', 5),
      ('utredningspunkt', 'atgarder', 'Åtgärder som vidtagits eller planeras, med tidpunkter', 6),
      ('utredningspunkt', 'ovriga-iakttagelser', 'Övriga iakttagelser', 7),
      ('utredningspunkt', 'beslut', 'Bedömning och beslut', 8)
    ) AS v(list, code, name, sort_order)
    WHERE kommun.parent_id IS NULL`.execute(db);
}
