import type { Migrations } from "../platform/db/migrate.ts";
import * as rapporter from "./migrations/0600_rapporter.ts";

/** Rapporter's migrations by the names databases have recorded; each file is frozen once released. */
export const rapporterMigrations: Migrations = {
  "0600_rapporter": rapporter,
};
