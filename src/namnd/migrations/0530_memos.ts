import { type Kysely, sql } from "kysely";

/**
 * Nämnd's tjänsteskrivelser: memos written in an ärende, each with its letterhead facts, title, the proposal's
 * clauses (a decision verb of B3 and the rest of the sentence), the summary, the beslutsunderlag (a document of
 * the case, a protocol paragraph or another document), the recipients, the description, an optional barnets
 * bästa-prövning and the signatures. A memo is an utkast until marked klar; a klar memo is locked, and a change
 * is a new version that supersedes it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE namnd_memo (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES namnd_case(id),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      version integer NOT NULL CHECK (version BETWEEN 1 AND 999),
      supersedes_id uuid UNIQUE REFERENCES namnd_memo(id),
      status text NOT NULL CHECK (status IN ('utkast','klar')),
      completed_on date,
      memo_date date NOT NULL,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
      letterhead boolean NOT NULL,
      department text CHECK (length(department) BETWEEN 1 AND 200),
      handler_name text CHECK (length(handler_name) BETWEEN 1 AND 200),
      handler_title text CHECK (length(handler_title) BETWEEN 1 AND 200),
      handler_phone text CHECK (length(handler_phone) BETWEEN 1 AND 40),
      summary text NOT NULL CHECK (length(summary) <= 20000),
      description text CHECK (length(description) BETWEEN 1 AND 50000),
      child_assessment boolean NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'klar') = (completed_on IS NOT NULL)),
      CHECK ((version = 1) = (supersedes_id IS NULL)),
      CHECK (handler_name IS NOT NULL OR (handler_title IS NULL AND handler_phone IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX namnd_memo_case ON namnd_memo(case_id)`.execute(db);
  await sql`
    CREATE TRIGGER namnd_memo_touch BEFORE UPDATE ON namnd_memo
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  await sql`
    CREATE TABLE namnd_memo_clause (
      memo_id uuid NOT NULL REFERENCES namnd_memo(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position BETWEEN 0 AND 19),
      verb text NOT NULL CHECK (verb IN ('godkanner','noterar','fullgjort','besvarat','antar-svar','avger-yttrande',
        'remitterar','remitterar-vidare','fordelar','uppdrar','kf-avslar','kf-bifaller')),
      text text NOT NULL CHECK (length(text) <= 1000),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (memo_id, position)
    )`.execute(db);

  await sql`
    CREATE TABLE namnd_memo_basis (
      memo_id uuid NOT NULL REFERENCES namnd_memo(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position BETWEEN 0 AND 49),
      kind text NOT NULL CHECK (kind IN ('handling','protokoll','annan')),
      document_id uuid REFERENCES namnd_document(id),
      issuer text CHECK (length(issuer) BETWEEN 1 AND 200),
      title text CHECK (length(title) BETWEEN 1 AND 300),
      body text CHECK (length(body) BETWEEN 1 AND 200),
      basis_date date,
      paragraph integer CHECK (paragraph BETWEEN 1 AND 9999),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (memo_id, position),
      CHECK ((kind = 'handling') = (document_id IS NOT NULL)),
      CHECK ((kind = 'handling') = (basis_date IS NULL)),
      CHECK ((kind = 'protokoll') = (body IS NOT NULL AND paragraph IS NOT NULL)),
      CHECK ((kind = 'annan') = (title IS NOT NULL)),
      CHECK (kind <> 'protokoll' OR issuer IS NULL)
    )`.execute(db);
  await sql`CREATE INDEX namnd_memo_basis_document ON namnd_memo_basis(document_id)`.execute(db);

  await sql`
    CREATE TABLE namnd_memo_recipient (
      memo_id uuid NOT NULL REFERENCES namnd_memo(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position BETWEEN 0 AND 29),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (memo_id, position)
    )`.execute(db);

  await sql`
    CREATE TABLE namnd_memo_signature (
      memo_id uuid NOT NULL REFERENCES namnd_memo(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position BETWEEN 0 AND 9),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (memo_id, position)
    )`.execute(db);

  await sql`
    CREATE TABLE namnd_memo_child_answer (
      memo_id uuid NOT NULL REFERENCES namnd_memo(id) ON DELETE CASCADE,
      question text NOT NULL CHECK (question IN ('berorda','delaktighet','konsekvenser','avvagning')),
      answer text NOT NULL CHECK (length(answer) <= 10000),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (memo_id, question)
    )`.execute(db);
}
