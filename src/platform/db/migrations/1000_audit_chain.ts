import { type Kysely, sql } from "kysely";

/**
 * Makes audit_log tamper-evident: every row carries its place in one chain (chain_seq), the hash of the
 * row before it (prev_hash) and its own hash = sha256(prev_hash || canonical text of the row). A changed,
 * removed or inserted row breaks the chain at that link; `lots audit verify` walks it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_log ADD COLUMN chain_seq bigint, ADD COLUMN prev_hash text, ADD COLUMN hash text`.execute(
    db,
  );
  // The one canonicalisation, used by the trigger and by verification. Independent of TimeZone and
  // DateStyle: times as epoch microseconds, jsonb in its normalised text form.
  await sql`
    CREATE FUNCTION lots_audit_hash(prev text, a audit_log) RETURNS text LANGUAGE sql STABLE AS $$
      SELECT encode(sha256(convert_to(prev || jsonb_build_array(
        a.chain_seq, a.id, a.actor_id, a.actor_name, a.org_node_id, a.entity, a.entity_id, a.action,
        a.before, a.after,
        (extract(epoch FROM a.created_at) * 1000000)::bigint,
        (extract(epoch FROM a.updated_at) * 1000000)::bigint
      )::text, 'UTF8')), 'hex')
    $$`.execute(db);
  // Backfill existing rows in id order (the append-only trigger is paused for this one update).
  await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(db);
  await sql`
    DO $$
    DECLARE
      r audit_log;
      prev text := '';
      n bigint := 0;
    BEGIN
      FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
        n := n + 1;
        r.chain_seq := n;
        r.prev_hash := prev;
        r.hash := lots_audit_hash(prev, r);
        UPDATE audit_log SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
        prev := r.hash;
      END LOOP;
    END $$`.execute(db);
  await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(db);
  await sql`ALTER TABLE audit_log ALTER COLUMN chain_seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL`.execute(db);
  // A fork (two rows claiming the same place) fails on this index instead of being stored.
  await sql`CREATE UNIQUE INDEX audit_log_chain ON audit_log(chain_seq)`.execute(db);
  // Inserts are serialised by a transaction-level advisory lock, and the place in the chain is taken
  // inside it: identity ids are handed out before the trigger and need not be in commit order. Values
  // supplied by the writer (a restore) must equal what the chain yields, so a tampered backup fails.
  await sql`
    CREATE FUNCTION lots_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      last_seq bigint;
      last_hash text;
      computed text;
    BEGIN
      PERFORM pg_advisory_xact_lock(7428930211);
      SELECT chain_seq, hash INTO last_seq, last_hash FROM audit_log ORDER BY chain_seq DESC LIMIT 1;
      IF NEW.chain_seq IS NOT NULL AND NEW.chain_seq <> coalesce(last_seq, 0) + 1 THEN
        RAISE EXCEPTION 'audit chain: row % has chain_seq %, expected %', NEW.id, NEW.chain_seq, coalesce(last_seq, 0) + 1
          USING ERRCODE = 'data_exception';
      END IF;
      IF NEW.prev_hash IS NOT NULL AND NEW.prev_hash <> coalesce(last_hash, '') THEN
        RAISE EXCEPTION 'audit chain: row % does not follow the previous row', NEW.id USING ERRCODE = 'data_exception';
      END IF;
      NEW.chain_seq := coalesce(last_seq, 0) + 1;
      computed := lots_audit_hash(coalesce(last_hash, ''), NEW);
      IF NEW.hash IS NOT NULL AND NEW.hash <> computed THEN
        RAISE EXCEPTION 'audit chain: row % does not match its hash', NEW.id USING ERRCODE = 'data_exception';
      END IF;
      NEW.prev_hash := coalesce(last_hash, '');
      NEW.hash := computed;
      RETURN NEW;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION lots_audit_chain()`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION lots_refuse_change()`.execute(db);
  // Only the owner keeps these rights; roles granted through PUBLIC lose them.
  await sql`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC`.execute(db);
}
