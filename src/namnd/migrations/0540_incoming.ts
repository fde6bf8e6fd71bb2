import { type Kysely, sql } from "kysely";

/**
 * Nämnd's inkommande: domar och beslut (courts' judgments and decisions in cases the nämnd is party to,
 * other authorities' decisions, and the kommunfullmäktige's and kommunstyrelsen's decisions sent to the
 * nämnd) and skrivelser och meddelanden. The nämnd notes both at each sammanträde, listed by the date they
 * were registered, which is kept apart from the date of the decision or letter.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // A court row has its mål nr, the appellant and the outcome; a KF/KS row its § and title; an authority row
  // its own reference and gist. No names of individuals: the appellant is "individen", not a person.
  // The issuer groups are written with OR, not IN: an IN list in a CHECK is read as the column's vocabulary.
  await sql`
    CREATE TABLE namnd_ruling (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      issuer text NOT NULL CHECK (issuer IN ('HFD','KR','FR','IMY','IVO','ANNAN','KF','KS')),
      issuer_name text CHECK (length(issuer_name) BETWEEN 1 AND 200),
      kind text NOT NULL CHECK (kind IN ('dom','beslut')),
      case_number text CHECK (case_number ~ '^[0-9]{1,6}-[0-9]{2}$'),
      authority_reference text CHECK (length(authority_reference) BETWEEN 1 AND 200),
      paragraph integer CHECK (paragraph BETWEEN 1 AND 9999),
      decided_on date NOT NULL,
      registered_on date NOT NULL,
      appellant text CHECK (appellant IN ('individen','namnden','annan')),
      appellant_other text CHECK (length(appellant_other) BETWEEN 1 AND 200),
      subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 500),
      law text CHECK (length(law) BETWEEN 1 AND 200),
      outcome text CHECK (outcome IN ('avslar_overklagandet','bifaller','ej_provningstillstand',
        'avslar_interimistiskt','upphaver','aterforvisar','avskriver')),
      consequence text CHECK (length(consequence) BETWEEN 1 AND 1000),
      won boolean,
      diarienummer text CHECK (diarienummer ~ '^[A-ZÅÄÖ]{1,10}-[0-9]{4}-[0-9]{5}$'),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (decided_on <= registered_on),
      CHECK ((issuer = 'HFD' OR issuer = 'KR' OR issuer = 'FR')
        = (case_number IS NOT NULL AND appellant IS NOT NULL AND outcome IS NOT NULL)),
      CHECK (issuer = 'HFD' OR issuer = 'KR' OR issuer = 'FR'
        OR (case_number IS NULL AND appellant IS NULL AND outcome IS NULL AND won IS NULL)),
      CHECK ((issuer = 'KF' OR issuer = 'KS') = (paragraph IS NOT NULL)),
      CHECK (issuer <> 'ANNAN' OR issuer_name IS NOT NULL),
      CHECK (coalesce(appellant = 'annan', false) = (appellant_other IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX namnd_ruling_registered ON namnd_ruling(org_node_id, registered_on)`.execute(db);
  await sql`
    CREATE TRIGGER namnd_ruling_touch BEFORE UPDATE ON namnd_ruling
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  // A letter from a private person keeps the sender's kind, so the name can be withheld from readers
  // without access to personal data.
  await sql`
    CREATE TABLE namnd_letter (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      diarienummer text NOT NULL CHECK (diarienummer ~ '^[A-ZÅÄÖ]{1,10}-[0-9]{4}-[0-9]{5}$'),
      registered_on date NOT NULL,
      sender text NOT NULL CHECK (length(sender) BETWEEN 1 AND 200),
      sender_kind text NOT NULL CHECK (sender_kind IN ('myndighet','organisation','privatperson')),
      subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 500),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX namnd_letter_registered ON namnd_letter(org_node_id, registered_on)`.execute(db);
  await sql`
    CREATE TRIGGER namnd_letter_touch BEFORE UPDATE ON namnd_letter
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);
}
