import fs from "node:fs";
import path from "node:path";
import { PGlite, type postgresMod } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import { type ChangeNotices, pgliteNotices, postgresNotices } from "./change-notices.ts";
import { acquireDataLock } from "./data-lock.ts";

export type Engine = "pglite" | "postgresql";

/**
 * The database holds every capability's tables, which the platform does not know (it imports no
 * capability). Each module types the handle with the tables it uses (`PlatformDb`, `DbOf<EvbDB>` …).
 */
// biome-ignore lint/suspicious/noExplicitAny: the one place where the full schema cannot be named.
export type AnyDb = Kysely<any>;

export type Database = {
  db: AnyDb;
  engine: Engine;
  close: () => Promise<void>;
  /** Changes to sessions, accounts, roles and the organisation, as they commit (none on a read replica). */
  notices: ChangeNotices | null;
  /** The whole embedded database as one archive (PGlite only), to start another from: `{ memory: true, from }`. */
  snapshot?: () => Promise<Blob>;
};

/** safe: every commit reaches the disk (fsync); fast: commits survive a process crash, not an OS crash. */
export type Durability = "safe" | "fast";

export type DatabaseOptions =
  /**
   * PostgreSQL server, e.g. postgres://user:pw@localhost:5432/lots; `connectTimeoutMs` bounds a connection attempt
   * (a read replica that cannot be reached must not hold a request: the primary answers instead); `readOnly` for a
   * standby, which cannot listen for change notices
   */
  | { url: string; connectTimeoutMs?: number; readOnly?: boolean }
  /**
   * Embedded PGlite in a data folder (created on first use), locked to this process while open; `from` is a
   * snapshot to create a new folder from (PGlite refuses it over an existing database)
   */
  | { dataDir: string; durability?: Durability; from?: Blob }
  /** Embedded PGlite in memory, for tests; `from` is a snapshot to start from instead of an empty cluster */
  | { memory: true; from?: Blob };

// Calendar dates stay YYYY-MM-DD strings (no time zone shifts); int8 (money, counts) become numbers.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const parseDate = (v: string) => v;
const parseInt8 = (v: string) => Number(v);
/** PGlite's type parsers for the above (a bench that opens PGlite itself, for COPY FROM a blob, uses them too). */
export const pgliteParsers = { [DATE_OID]: parseDate, [INT8_OID]: parseInt8, [NUMERIC_OID]: parseInt8 };

type PostgresMod = postgresMod.PostgresMod;
type NodeFsModule = PostgresMod & {
  NODEFS: {
    stream_ops: { fsync?: (stream: { nfd: number }) => number };
    tryFSOperation: (fn: () => void) => void;
  };
};

/**
 * PGlite starts PostgreSQL with fsync off (-F), and its Emscripten file layer would ignore fsync
 * anyway: NODEFS has no fsync and fdatasync is a stub. Safe mode turns fsync on, makes WAL flushes
 * use fsync, and gives NODEFS an fsync that reaches the host file (errors surface as I/O errors,
 * on which PostgreSQL stops rather than carry on with unsaved data).
 */
class SyncingNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Partial<PostgresMod>) {
    const { emscriptenOpts } = await super.init(pg, opts);
    const addFsync = (mod: PostgresMod) => {
      const { NODEFS } = mod as NodeFsModule;
      NODEFS.stream_ops.fsync = (stream: { nfd: number }) => {
        NODEFS.tryFSOperation(() => fs.fsyncSync(stream.nfd));
        return 0;
      };
    };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), addFsync] } };
  }
}

// A folder's files sit in the kernel's page cache already; PGlite's default 128 MB of shared buffers would hold a
// second copy in the process (measured: 305 → 183 MB resident after opening at 16 MB). 32 MB keeps the hot pages.
const folderBuffers = ["-c", "shared_buffers=32MB"];
const fastStartParams = [...PGlite.defaultStartParams, ...folderBuffers];
const safeStartParams = [
  ...PGlite.defaultStartParams.filter((param) => param !== "-F"),
  ...["-c", "fsync=on", "-c", "wal_sync_method=fsync"],
  ...folderBuffers,
];

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ("url" in options) {
    const types = {
      getTypeParser: (oid: number, format?: "text" | "binary") => {
        if (oid === DATE_OID) return parseDate;
        if (oid === INT8_OID || oid === NUMERIC_OID) return parseInt8;
        return pg.types.getTypeParser(oid, format);
      },
    };
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      types,
      ...(options.connectTimeoutMs ? { connectionTimeoutMillis: options.connectTimeoutMs } : {}),
    });
    // The server may end an idle connection (restart, pg_terminate_backend, DROP DATABASE … FORCE): the pool
    // drops that client and the next query connects anew. Unheard, the pool's 'error' would crash the process.
    pool.on("error", () => {});
    // A connection the server ends during a query rejects that query; the client's own 'error' event, which
    // nobody hears while the client is checked out, would crash the process (seen when a replica stopped).
    pool.on("connect", (client) => client.on("error", () => {}));
    const notices = options.readOnly ? null : postgresNotices(pool, options.url);
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
    const close = async () => {
      await notices?.close();
      await db.destroy();
    };
    return { db, engine: "postgresql", notices, close };
  }
  const parsers = pgliteParsers;
  if (!("dataDir" in options)) {
    // Creating a cluster (initdb) takes seconds; loading a snapshot of one, under one.
    const pglite = await PGlite.create({ parsers, ...(options.from ? { loadDataDir: options.from } : {}) });
    return pgliteDatabase(pglite, () => {});
  }
  // The lock is taken before PGlite touches the folder: opening alone writes to it.
  const { dataDir, durability = "safe", from } = options;
  fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o700 });
  const lock = await acquireDataLock(`${dataDir}.lock`);
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const load = from ? { loadDataDir: from } : {};
    const pglite = await PGlite.create(
      durability === "safe"
        ? { fs: new SyncingNodeFS(dataDir), startParams: safeStartParams, parsers, ...load }
        : { dataDir, startParams: fastStartParams, parsers, ...load },
    );
    return pgliteDatabase(pglite, lock.release);
  } catch (error) {
    lock.release();
    throw error;
  }
}

function pgliteDatabase(pglite: PGlite, release: () => void): Database {
  const db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }) });
  const notices = pgliteNotices(pglite);
  return {
    db,
    engine: "pglite",
    notices,
    // Checkpointed first: a database started from the archive then needs no WAL replay (about 1 s less per start).
    snapshot: async () => {
      await pglite.query("CHECKPOINT");
      return pglite.dumpDataDir("none");
    },
    close: async () => {
      try {
        await notices.close();
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      } finally {
        release();
      }
    },
  };
}
