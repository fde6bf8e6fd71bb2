// Notices of changes that invalidate what a process keeps in memory (PostgreSQL LISTEN/NOTIFY). Triggers send
// them whoever writes (this process, another one, or an operator's SQL): on lots_auth when sessions, accounts,
// role assignments or the organisation change (migration 1030), on lots_data when any table with data changes
// (data-change-notices.ts). Only a signal: a receiver drops what it holds and reads anew.
import crypto from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** The channel the auth triggers notify on. */
export const AUTH_CHANNEL = "lots_auth";
/** The channel every data table's trigger notifies on. */
export const DATA_CHANNEL = "lots_data";
const CHANNELS = [AUTH_CHANNEL, DATA_CHANNEL] as const;
export type NoticeChannel = (typeof CHANNELS)[number];

const RECONNECT_MS = 1_000;
/** After a failed probe (e.g. a transaction-mode pooler between, which does not deliver notices): wait longer. */
const REPROBE_MS = 30_000;
const PROBE_WAIT_MS = 2_000;

export type ChangeNotices = {
  /** Calls `fn` on every notice on `channel`; returns a function that stops it. */
  subscribe(channel: NoticeChannel, fn: () => void): () => void;
  /** False while a notice from another process could be missed (the listening connection is down). */
  live(): boolean;
  close(): Promise<void>;
};

function fanOut() {
  const subscribers = new Set<{ channel: NoticeChannel; fn: () => void }>();
  return {
    subscribers,
    /** A notice on `channel`, or on every channel when notices may have been missed. */
    emit: (channel?: string) => {
      for (const s of subscribers) if (channel === undefined || s.channel === channel) s.fn();
    },
    subscribe(channel: NoticeChannel, fn: () => void) {
      const subscriber = { channel, fn };
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
  };
}

/**
 * PGlite is one process's database: every notice is that process's own change and arrives when its transaction
 * commits, before the writing call returns.
 */
export function pgliteNotices(pglite: PGlite): ChangeNotices {
  const { emit, subscribe } = fanOut();
  const stops = CHANNELS.map((channel) => pglite.listen(channel, () => emit(channel)));
  return {
    subscribe,
    live: () => !pglite.closed,
    close: async () => {
      if (!pglite.closed) for (const stop of stops) await (await stop)();
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
  const onNotice = (message: pg.Notification) => emit(message.channel);
  const listen = CHANNELS.map((channel) => `LISTEN ${channel}`).join("; ");
  pool.on("connect", (client) => {
    client.on("notification", onNotice);
    client.query(listen).catch(() => {});
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
      await client.query(listen);
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
    subscribe(channel, fn) {
      const stop = subscribe(channel, fn);
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
