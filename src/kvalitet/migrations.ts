import type { Migrations } from "../platform/db/migrate.ts";
import * as kvalitet from "./migrations/0400_kvalitet.ts";

/** Kvalitet's migrations by the names databases have recorded; each file is frozen once released. */
export const kvalitetMigrations: Migrations = {
  "0400_kvalitet": kvalitet,
};
