import { type Kysely, sql } from "kysely";

/**
 * A notice on channel lots_auth whenever what a signed-in request rests on changes: a session ends, an account
 * changes (deactivated, renamed, password), a role is given, changed or taken, or the organisation changes (a
 * role's reach follows its node's path). Processes that keep sessions in memory drop them on the notice. Sent per
 * statement, on commit (PostgreSQL folds equal notices of one transaction into one); a new session, or a session
 * seen again (last_seen_at moving forward, once a minute per session), needs none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION lots_notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('lots_auth', '');
      RETURN NULL;
    END $$`.execute(db);
  const triggers: [table: string, events: string][] = [
    ["session", "DELETE OR TRUNCATE"],
    ["app_user", "UPDATE OR DELETE OR TRUNCATE"],
    ["role_assignment", "INSERT OR UPDATE OR DELETE OR TRUNCATE"],
    ["org_node", "UPDATE OR DELETE OR TRUNCATE"],
  ];
  for (const [table, events] of triggers) {
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_auth_change`)} AFTER ${sql.raw(events)} ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION lots_notify_auth_change()`.execute(db);
  }
  await sql`
    CREATE TRIGGER session_auth_change_update AFTER UPDATE ON session
    FOR EACH ROW WHEN (
      NEW.user_id IS DISTINCT FROM OLD.user_id OR NEW.csrf_token IS DISTINCT FROM OLD.csrf_token
      OR NEW.expires_at IS DISTINCT FROM OLD.expires_at OR NEW.last_seen_at < OLD.last_seen_at
    ) EXECUTE FUNCTION lots_notify_auth_change()`.execute(db);
}
