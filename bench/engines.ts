// Where a bench runs: an in-memory PGlite, and with BENCH_DATABASE_URL also a fresh PostgreSQL database.
// The import benches also take COPY of their file into a bare table as the baseline (freshCopyDatabase).
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, sql } from "kysely";
import pg from "pg";
import { runCli } from "../src/app/commands.ts";
import { type Database, openDatabase, pgliteParsers } from "../src/platform/db/database.ts";

/** Runs `run` on PGlite, then (with BENCH_DATABASE_URL) on a new PostgreSQL database `name`, dropped afterwards. */
export async function onEachEngine(name: string, run: (database: Database) => Promise<void>): Promise<void> {
  const memory = await openDatabase({ memory: true });
  await run(memory);
  await memory.close();
  if (!process.env.BENCH_DATABASE_URL) return;
  const url = new URL(process.env.BENCH_DATABASE_URL);
  const admin = await openDatabase({ url: url.toString() });
  await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin.db);
  await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin.db);
  url.pathname = `/${name}`;
  const pg = await openDatabase({ url: url.toString() });
  try {
    await run(pg);
  } finally {
    await pg.close();
    await sql`DROP DATABASE ${sql.id(name)} WITH (FORCE)`.execute(admin.db);
    await admin.close();
  }
}

/** The engines to run on: BENCH_ENGINES (e.g. "postgresql"), else PGlite and, with BENCH_DATABASE_URL, PostgreSQL. */
export const benchEngines = (): Database["engine"][] =>
  (process.env.BENCH_ENGINES?.split(",") ??
    (process.env.BENCH_DATABASE_URL ? ["pglite", "postgresql"] : ["pglite"])) as Database["engine"][];

/** A fresh database for an import bench, and COPY of a CSV file into its table `bench_copy` (the baseline). */
export type CopyBaseline = { database: Database; copy: (file: string) => Promise<void> };

/**
 * An in-memory PGlite (kept as a handle for COPY FROM a blob), or a new database `name` on BENCH_DATABASE_URL
 * (a superuser on this machine: the baseline is a server-side COPY of the file), dropped when closed.
 * `copyOptions` are COPY's, e.g. "FORMAT csv, HEADER true".
 */
export async function freshCopyDatabase(
  engine: Database["engine"],
  name: string,
  copyOptions: string,
): Promise<CopyBaseline> {
  if (engine === "pglite") {
    // As openDatabase({ memory: true }), with the PGlite handle kept for COPY FROM a blob.
    const pglite = await PGlite.create({ parsers: pgliteParsers });
    const db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }) });
    return {
      database: { db, engine, notices: null, close: () => db.destroy() },
      copy: async (file) => {
        const blob = new Blob([fs.readFileSync(file)]);
        await pglite.query(`COPY bench_copy FROM '/dev/blob' WITH (${copyOptions})`, [], { blob });
      },
    };
  }
  const url = process.env.BENCH_DATABASE_URL as string;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const opened = await openDatabase({ url: target.toString() });
  const drop = async () => {
    await opened.close();
    const again = new pg.Client({ connectionString: url });
    await again.connect();
    await again.query(`DROP DATABASE IF EXISTS ${name}`);
    await again.end();
  };
  return {
    database: { ...opened, close: drop },
    copy: async (file) => {
      await sql`COPY bench_copy FROM ${sql.lit(file)} WITH (${sql.raw(copyOptions)})`.execute(opened.db);
    },
  };
}

/** Wall seconds of `work` and the process's peak RSS in MB meanwhile (PGlite's memory is the process's too). */
export async function timed<T>(work: () => Promise<T>): Promise<[seconds: number, result: T, peakMb: number]> {
  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  const start = performance.now();
  try {
    const result = await work();
    return [(performance.now() - start) / 1000, result, Math.max(peak, process.memoryUsage().rss) / 1024 / 1024];
  } finally {
    clearInterval(sample);
  }
}

/** Runs `lots …` in this process on `database` (the CLI's code path); answers its output, or fails with stderr. */
export async function lots(database: Database, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const out = { stdout: "", stderr: "" };
  const sink = (to: keyof typeof out) => ({
    write: (chunk: string | Uint8Array) => {
      out[to] += String(chunk);
      return true;
    },
  });
  const io = { env: { ...process.env, LOG_LEVEL: "silent" }, stdout: sink("stdout"), stderr: sink("stderr"), database };
  if ((await runCli(args, io)) !== 0) throw new Error(`lots ${args.join(" ")} failed: ${out.stderr}`);
  return { stdout: out.stdout.trim(), stderr: out.stderr.trim() };
}
