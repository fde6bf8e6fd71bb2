// Notices of changes that invalidate what a process keeps in memory (PostgreSQL LISTEN/NOTIFY). Triggers send
// them when sessions, accounts, role assignments or the organisation change (migration 1030), whoever writes:
// this process, another one, or an operator's SQL. Only a signal: a receiver drops what it holds and reads anew.
import crypto from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** The channel the auth triggers notify on. */
export const AUTH_CHANNEL = "lots_auth";

const RECONNECT_MS = 1_000;
/** After a failed probe (e.g. a transaction-mode pooler between, which does not deliver notices): wait longer. */
const REPROBE_MS = 30_000;
const PROBE_WAIT_MS = 2_000;

export type ChangeNotices = {
  /** Calls `fn` on every notice; returns a function that stops it. */
  subscribe(fn: () => void): () => void;
  /** False while a notice from another process could be missed (the listening connection is down). */
  live(): boolean;
  close(): Promise<void>;
};

function fanOut() {
  const subscribers = new Set<() => void>();
  return {
    subscribers,
    emit: () => {
      for (const fn of subscribers) fn();
    },
    subscribe(fn: () => void) {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
  };
}

/**
 * PGlite is one process's database: every notice is that process's own change and arrives when its transaction
 * commits, before the writing call returns.
 */
export function pgliteNotices(pglite: PGlite): ChangeNotices {
  const { emit, subscribe } = fanOut();
  const stop = pglite.listen(AUTH_CHANNEL, emit);
  return {
    subscribe,
    live: () => !pglite.closed,
    close: async () => {
      if (!pglite.closed) await (await stop)();
    },
  };
}

/**
 * PostgreSQL: every pool connection listens too, because PostgreSQL hands a session its own notice before its
 * COMMIT returns — so this process's own change is seen before the writing request answers. Changes by other
 * processes arrive on a connection of its own (the pool's may all be closed while idle), reconnected when lost;
 * until it listens again `live()` is false and receivers must not trust what they hold. It counts as listening
 * only once a probe notice sent through the pool has reached it: through a transaction-mode pooler (pgbouncer)
 * notices do not arrive, and then nothing is held.
 */
export function postgresNotices(pool: pg.Pool, connectionString: string): ChangeNotices {
  const { emit, subscribe, subscribers } = fanOut();
  let probe: { payload: string; arrived: () => void } | null = null;
  const onNotice = (message: pg.Notification) => {
    if (message.channel === AUTH_CHANNEL) emit();
  };
  pool.on("connect", (client) => {
    client.on("notification", onNotice);
    client.query(`LISTEN ${AUTH_CHANNEL}`).catch(() => {});
  });

  let listener: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    if (closed || listener) return;
    const client = new pg.Client({ connectionString });
    listener = client;
    const lost = (after = RECONNECT_MS) => {
      if (listener !== client) return;
      listener = null;
      listening = false;
      emit(); // notices may have been missed meanwhile
      client.end().catch(() => {});
      if (!closed) retry = setTimeout(connect, after).unref();
    };
    client.on("error", () => lost());
    client.on("end", () => lost());
    client.on("notification", (message) => {
      // Only the listener's own copy proves delivery: the pool connection that sent the probe hears it too.
      if (probe && message.payload === probe.payload) probe.arrived();
      onNotice(message);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${AUTH_CHANNEL}`);
      if (!(await probed(client))) return lost(REPROBE_MS);
      if (listener === client) listening = true;
      emit(); // anything held from before the listening began may be stale
    } catch {
      lost();
    }
  };
  /** Whether a notice sent through the pool reaches `client`. */
  const probed = async (client: pg.Client) => {
    const payload = `probe ${crypto.randomUUID()}`;
    const arrived = new Promise<boolean>((resolve) => {
      probe = { payload, arrived: () => resolve(true) };
      setTimeout(() => resolve(false), PROBE_WAIT_MS).unref();
    });
    await pool.query("SELECT pg_notify($1, $2)", [AUTH_CHANNEL, payload]);
    const ok = await arrived;
    probe = null;
    return ok && listener === client;
  };
  return {
    subscribe(fn) {
      const stop = subscribe(fn);
      void connect();
      return stop;
    },
    live: () => listening && subscribers.size > 0,
    close: async () => {
      closed = true;
      clearTimeout(retry);
      const client = listener;
      listener = null;
      listening = false;
      await client?.end().catch(() => {});
    },
  };
}
