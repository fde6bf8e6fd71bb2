import { type Kysely, sql } from "kysely";

/**
 * Nämnd's uppdrag och uppföljning: initiativärenden and motions moving inkommen → anmäld → remitterad →
 * besvarad → beslutad (a step each, with its date and §; one matter referred to several referees, each
 * answering on its own), assignments (uppdrag) from the nämnd's decisions tracked to "fullgjort", and
 * revisionsgranskningar: audit → questions assessed per body → recommendations → actions with their
 * responsible function, start, end and status, the reply deadline kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE namnd_motion (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      kind text NOT NULL CHECK (kind IN ('initiativ','motion')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
      submitted_by text CHECK (length(submitted_by) BETWEEN 1 AND 200),
      dated_on date,
      diarienummer text CHECK (diarienummer ~ '^[A-ZÅÄÖ]{1,10}-[0-9]{4}-[0-9]{5}$'),
      status text NOT NULL CHECK (status IN ('inkommen','anmald','remitterad','besvarad','beslutad')),
      proposal text CHECK (proposal IN ('bifall','avslag','besvarad')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TRIGGER namnd_motion_touch BEFORE UPDATE ON namnd_motion
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  await sql`
    CREATE TABLE namnd_motion_step (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      motion_id uuid NOT NULL REFERENCES namnd_motion(id) ON DELETE CASCADE,
      status text NOT NULL CHECK (status IN ('inkommen','anmald','remitterad','besvarad','beslutad')),
      occurred_on date NOT NULL,
      reference text CHECK (length(reference) BETWEEN 1 AND 200),
      note text CHECK (length(note) BETWEEN 1 AND 1000),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (motion_id, status)
    )`.execute(db);

  await sql`
    CREATE TABLE namnd_motion_referee (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      motion_id uuid NOT NULL REFERENCES namnd_motion(id) ON DELETE CASCADE,
      referee text NOT NULL CHECK (length(referee) BETWEEN 1 AND 200),
      status text NOT NULL CHECK (status IN ('remitterad','besvarad')),
      answered_on date,
      reference text CHECK (length(reference) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (motion_id, referee),
      CHECK ((status = 'besvarad') = (answered_on IS NOT NULL))
    )`.execute(db);
  await sql`
    CREATE TRIGGER namnd_motion_referee_touch BEFORE UPDATE ON namnd_motion_referee
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  await sql`
    CREATE TABLE namnd_assignment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
      decided_on date NOT NULL,
      decision_reference text NOT NULL CHECK (length(decision_reference) BETWEEN 1 AND 200),
      owner text NOT NULL CHECK (length(owner) BETWEEN 1 AND 200),
      due_on date,
      due_note text CHECK (length(due_note) BETWEEN 1 AND 500),
      diarienummer text CHECK (diarienummer ~ '^[A-ZÅÄÖ]{1,10}-[0-9]{4}-[0-9]{5}$'),
      motion_id uuid REFERENCES namnd_motion(id),
      status text NOT NULL CHECK (status IN ('pagaende','fullgjort')),
      closed_on date,
      closing_reference text CHECK (length(closing_reference) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'fullgjort') = (closed_on IS NOT NULL AND closing_reference IS NOT NULL)),
      CHECK (closed_on >= decided_on),
      CHECK (due_on >= decided_on)
    )`.execute(db);
  await sql`
    CREATE TRIGGER namnd_assignment_touch BEFORE UPDATE ON namnd_assignment
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  await sql`
    CREATE TABLE namnd_audit (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_node_id uuid NOT NULL REFERENCES org_node(id),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
      auditor text NOT NULL CHECK (length(auditor) BETWEEN 1 AND 200),
      report_date date NOT NULL,
      registered_on date NOT NULL CHECK (registered_on >= report_date),
      reply_deadline date NOT NULL,
      diarienummer text CHECK (diarienummer ~ '^[A-ZÅÄÖ]{1,10}-[0-9]{4}-[0-9]{5}$'),
      memo_on date CHECK (memo_on >= registered_on),
      replied_on date CHECK (replied_on >= registered_on),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TRIGGER namnd_audit_touch BEFORE UPDATE ON namnd_audit
    FOR EACH ROW EXECUTE FUNCTION lots_touch_updated_at()`.execute(db);

  await sql`
    CREATE TABLE namnd_audit_question (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      audit_id uuid NOT NULL REFERENCES namnd_audit(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position >= 1),
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
      UNIQUE (audit_id, position)
    )`.execute(db);

  await sql`
    CREATE TABLE namnd_audit_assessment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      question_id uuid NOT NULL REFERENCES namnd_audit_question(id) ON DELETE CASCADE,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 200),
      assessment text NOT NULL CHECK (assessment IN ('ja','ja_i_stort','delvis','nej')),
      UNIQUE (question_id, body)
    )`.execute(db);

  await sql`
    CREATE TABLE namnd_audit_recommendation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      audit_id uuid NOT NULL REFERENCES namnd_audit(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position >= 1),
      recipient text NOT NULL CHECK (length(recipient) BETWEEN 1 AND 200),
      to_namnd boolean NOT NULL,
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
      UNIQUE (audit_id, position)
    )`.execute(db);

  await sql`
    CREATE TABLE namnd_audit_action (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      recommendation_id uuid NOT NULL REFERENCES namnd_audit_recommendation(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position >= 1),
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
      responsible text CHECK (length(responsible) BETWEEN 1 AND 200),
      starts_on date,
      ends_on date CHECK (ends_on >= starts_on),
      timing_note text CHECK (length(timing_note) BETWEEN 1 AND 200),
      status text NOT NULL CHECK (status IN ('planerad','pagar','under_utredning','genomford')),
      UNIQUE (recommendation_id, position)
    )`.execute(db);
}
