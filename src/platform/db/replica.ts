// A streaming read replica (DATABASE_READ_URL) for the heavy reads: reports, statistics, exports. A caller who
// wrote reads from it only once it has replayed that write (read your own writes); while it lags, is down or
// is still starting, the primary answers, so a replica can only ever make a read faster, never wrong or failed.
import { sql } from "kysely";
import type { AnyDb, Database } from "./database.ts";

export type ReadSource = "replica" | "primary";

export type ReadReplica = {
  /**
   * Where one heavy read goes: the replica when it is up and has replayed `after` (the primary's WAL position
   * after the caller's last write; null when the caller has not written), else the primary.
   */
  pick: (after: string | null) => Promise<{ db: AnyDb; source: ReadSource }>;
  /**
   * A read on the replica failed: true when the primary should answer it instead — the replica is unreachable
   * (then it rests a while) or cancelled the statement for a conflict with replay. Other errors are the read's own.
   */
  failed: (error: unknown) => boolean;
  /** The primary's WAL position now: what a caller who has just written must find replayed on the replica. */
  position: () => Promise<string>;
};

/** How long an unreachable replica is left alone: meanwhile reads cost no failed connection attempt. */
export const REPLICA_REST_MS = 30_000;

/** The text form of a WAL position (pg_lsn), e.g. 0/3000148. */
export const WAL_POSITION = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

// Node's socket errors, and the SQLSTATE classes for a lost connection (08) and an operator intervention (57:
// shutdown, "the database system is starting up"): the replica cannot answer now.
const UNREACHABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
const unreachable = (error: { code?: unknown; message?: unknown }) =>
  (typeof error.code === "string" && (UNREACHABLE.has(error.code) || /^(08|57P)/.test(error.code))) ||
  (typeof error.message === "string" &&
    /Connection terminated|timeout exceeded when trying to connect/.test(error.message));
// A standby cancels a query whose rows replay is about to remove (SQLSTATE 40001, "conflict with recovery").
const replayConflict = (error: { code?: unknown; message?: unknown }) =>
  error.code === "40001" && typeof error.message === "string" && error.message.includes("recovery");

const primaryOf = new WeakMap<object, AnyDb>();

/**
 * The database a write made during a read must go to: the primary for the replica's handle, `db` itself
 * otherwise. A read of personal data writes its access-log entry; on the replica that would fail.
 */
export function writable<D extends object>(db: D): D {
  return (primaryOf.get(db) as D | undefined) ?? db;
}

export function readReplica(primary: Database, replica: Database, now: () => number = Date.now): ReadReplica {
  primaryOf.set(replica.db, primary.db);
  let restUntil = 0;
  const onPrimary = { db: primary.db, source: "primary" as const };
  const onReplica = { db: replica.db, source: "replica" as const };
  const failed = (error: unknown) => {
    if (!error || typeof error !== "object") return false;
    if (unreachable(error)) {
      restUntil = now() + REPLICA_REST_MS;
      return true;
    }
    return replayConflict(error);
  };
  return {
    failed,
    pick: async (after) => {
      if (now() < restUntil) return onPrimary;
      if (after === null) return onReplica;
      try {
        // Null on a server that is not a standby: then it is no replica of ours to trust.
        const { rows } = await sql<{ replayed: boolean | null }>`
          select pg_last_wal_replay_lsn() >= ${after}::pg_lsn as replayed`.execute(replica.db);
        return rows[0]?.replayed ? onReplica : onPrimary;
      } catch (error) {
        if (failed(error)) return onPrimary;
        throw error;
      }
    },
    position: async () => {
      const { rows } = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(primary.db);
      return rows[0]?.lsn as string;
    },
  };
}
