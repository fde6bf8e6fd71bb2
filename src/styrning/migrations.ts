import type { Migrations } from "../platform/db/migrate.ts";
import * as styrning from "./migrations/0100_styrning.ts";

/** Styrning's migrations by the names databases have recorded; each file is frozen once released. */
export const styrningMigrations: Migrations = {
  "0100_styrning": styrning,
};
