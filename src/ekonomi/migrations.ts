import type { Migrations } from "../platform/db/migrate.ts";
import * as ekonomi from "./migrations/0200_ekonomi.ts";

/** Ekonomi's migrations by the names databases have recorded; each file is frozen once released. */
export const ekonomiMigrations: Migrations = {
  "0200_ekonomi": ekonomi,
};
