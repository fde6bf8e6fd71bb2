import type { Migrations } from "../platform/db/migrate.ts";
import * as rapporter from "./migrations/0600_rapporter.ts";
import * as workflow from "./migrations/0610_rapport_workflow.ts";
import * as period from "./migrations/0620_rapport_period.ts";

/** Rapporter's migrations by the names databases have recorded; each file is frozen once released. */
export const rapporterMigrations: Migrations = {
  "0600_rapporter": rapporter,
  "0610_rapport_workflow": workflow,
  "0620_rapport_period": period,
};
