import type { Migrations } from "../platform/db/migrate.ts";
import * as diarium from "./migrations/0500_diarium.ts";
import * as delegation from "./migrations/0510_delegation.ts";

/** Nämnd's migrations by the names databases have recorded; each file is frozen once released. */
export const namndMigrations: Migrations = {
  "0500_diarium": diarium,
  "0510_delegation": delegation,
};
