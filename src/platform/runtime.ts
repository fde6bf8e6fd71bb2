import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type Config, loadConfig } from "./config.ts";
import { type Database, openDatabase } from "./db/database.ts";
import { type Migrations, migrateToLatest } from "./db/migrate.ts";
import { DomainError } from "./errors.ts";
import { formatCount, formatNumber } from "./i18n/format.ts";
import type { FieldProblem } from "./validation.ts";

export type OpenedDatabase = Database & {
  /** Migrations applied by this open. */
  migrated: string[];
  /** The database had no schema before this open: it was created now. */
  createdNow: boolean;
  /** DATABASE_READ_URL's replica, closed with the primary; connected on its first read. */
  replica?: Database;
};

/** A replica that does not answer a connection attempt this fast is passed over for the primary. */
const REPLICA_CONNECT_TIMEOUT_MS = 2_000;

/**
 * The data folder holds password hashes, personal data and the session secret: owner only. The CLI's
 * umask covers what Node creates; PGlite's own files and folders made under a looser umask are tightened here.
 */
export function secureDataFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tighten = (entry: string) => {
    try {
      const stat = fs.lstatSync(entry);
      if (stat.isSymbolicLink()) return;
      if (stat.mode & 0o077) fs.chmodSync(entry, stat.mode & 0o700);
      if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) tighten(path.join(entry, name));
    } catch (error) {
      // The walk runs before the lock is taken, so another process (a running server, a second command's
      // lock attempt) may remove a file between listing and touching it; a file that is gone needs nothing.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  };
  tighten(dir);
}

/**
 * DATABASE_URL selects PostgreSQL; otherwise the embedded PGlite lives in DATA_DIR/pglite, locked to
 * this process until close (a second process fails at once with a message naming the holder).
 */
export async function openConfiguredDatabase(config: Config, migrations: Migrations): Promise<OpenedDatabase> {
  let database: Database;
  if (config.databaseUrl) database = await openDatabase({ url: config.databaseUrl });
  else {
    secureDataFolder(config.dataDir);
    database = await openDatabase({ dataDir: path.join(config.dataDir, "pglite"), durability: config.durability });
  }
  try {
    const migrated = config.migrateUrl
      ? await migrateOver(config.migrateUrl, migrations)
      : await migrateToLatest(database.db, migrations);
    // PGlite writes its initial files (and rewrites some at each start) with 0644, whatever the umask.
    if (!config.databaseUrl) secureDataFolder(config.dataDir);
    const createdNow = migrated.length === Object.keys(migrations).length;
    if (!config.readUrl) return { ...database, migrated, createdNow };
    const replica = await openDatabase({
      url: config.readUrl,
      connectTimeoutMs: REPLICA_CONNECT_TIMEOUT_MS,
      readOnly: true,
    });
    const close = async () => {
      await replica.close();
      await database.close();
    };
    return { ...database, close, migrated, createdNow, replica };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Migrates over a connection of its own (DATABASE_MIGRATE_URL), closed again before the app's pool is used. */
async function migrateOver(url: string, migrations: Migrations): Promise<string[]> {
  const direct = await openDatabase({ url });
  try {
    return await migrateToLatest(direct.db, migrations);
  } finally {
    await direct.close();
  }
}

/** SESSION_SECRET, or one generated once and kept in the data folder so sessions survive restarts. */
export function sessionSecret(config: Config): string {
  if (config.sessionSecret) return config.sessionSecret;
  const file = path.join(config.dataDir, "session-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = crypto.randomBytes(48).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Where a CLI run reads its settings and writes its output: the process's own in production, captured
 * ones when a test runs a command in its own process.
 */
export type CliIo = {
  env: NodeJS.ProcessEnv;
  stdout: { write: (chunk: string | Uint8Array) => unknown };
  stderr: { write: (chunk: string | Uint8Array) => unknown };
  /**
   * An open, migrated database for the commands instead of the configured one, left open (tests: the test
   * file's own database, so a command costs no start of an embedded database).
   */
  database?: Database;
};

/** What the app hands each capability's CLI commands. */
export type CliTools = {
  /** Opens the configured database (migrated to the app's migrations) for one command and always closes it. */
  withDatabase: <T>(fn: (database: Database) => Promise<T>) => Promise<T>;
  /** A line of output (console.log's job, but to the run's own stdout). */
  print: (line: string) => void;
  /** A line on stderr: problems the user must read. */
  printError: (line: string) => void;
  /** Raw output (a CSV or JSON document), unchanged. */
  write: (chunk: string | Uint8Array) => void;
  /**
   * For a rejected import: prints each row problem ("Rad 3: fält: …") on stderr, then fails with a
   * summary saying nothing was saved. Any other error passes through.
   */
  failWithRowProblems: (error: unknown) => never;
};

/** The tools for one CLI run on `io`. */
export function cliTools(io: CliIo, migrations: Migrations): CliTools {
  return {
    withDatabase: (fn) => (io.database ? fn(io.database) : withDatabase(loadConfig(io.env), migrations, fn)),
    print: (line) => io.stdout.write(`${line}\n`),
    printError: (line) => io.stderr.write(`${line}\n`),
    write: (chunk) => io.stdout.write(chunk),
    failWithRowProblems: (error) => {
      const problems = error instanceof DomainError ? (error.details as { problems?: FieldProblem[] })?.problems : null;
      if (!problems?.length) throw error;
      for (const p of problems)
        io.stderr.write(`${p.row === undefined ? "" : `Rad ${p.row}: `}${p.field}: ${p.message}\n`);
      const rows = new Set(problems.map((p) => p.row)).size;
      throw new Error(
        `Filen importerades inte: ${formatNumber(problems.length)} fel på ${formatCount(rows, "rad", "rader")}. Inget sparades.`,
      );
    },
  };
}

/** Opens the configured database for one CLI command and always closes it. */
export async function withDatabase<T>(
  config: Config,
  migrations: Migrations,
  fn: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openConfiguredDatabase(config, migrations);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
