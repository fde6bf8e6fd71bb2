import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import type { DB } from "./schema.ts";

export type Engine = "pglite" | "postgresql";

export type Database = {
  db: Kysely<DB>;
  engine: Engine;
  close: () => Promise<void>;
};

export type DatabaseOptions =
  /** PostgreSQL server, e.g. postgres://user:pw@localhost:5432/lots */
  | { url: string }
  /** Embedded PGlite in a data folder (created on first use) */
  | { dataDir: string }
  /** Embedded PGlite in memory, for tests */
  | { memory: true };

// Calendar dates stay YYYY-MM-DD strings (no time zone shifts); int8 (money, counts) become numbers.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const parseDate = (v: string) => v;
const parseInt8 = (v: string) => Number(v);

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ("url" in options) {
    const types = {
      getTypeParser: (oid: number, format?: "text" | "binary") => {
        if (oid === DATE_OID) return parseDate;
        if (oid === INT8_OID || oid === NUMERIC_OID) return parseInt8;
        return pg.types.getTypeParser(oid, format);
      },
    };
    const pool = new pg.Pool({ connectionString: options.url, max: 10, types });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: "postgresql", close: () => db.destroy() };
  }
  const dataDir = "dataDir" in options ? options.dataDir : undefined;
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir,
    parsers: { [DATE_OID]: parseDate, [INT8_OID]: parseInt8, [NUMERIC_OID]: parseInt8 },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    engine: "pglite",
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
