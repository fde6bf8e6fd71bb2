import type { Migrations } from "../platform/db/migrate.ts";
import * as evb from "./migrations/0300_evb.ts";
import * as standardCatalogue from "./migrations/0301_evb_standard_catalogue.ts";
import * as bulkAuditRows from "./migrations/0310_evb_bulk_audit_rows.ts";
import * as wait from "./migrations/0315_evb_wait.ts";
import * as waitFacts from "./migrations/0320_evb_wait_facts.ts";

/** EVB's migrations by the names databases have recorded; each file is frozen once released. */
export const evbMigrations: Migrations = {
  "0300_evb": evb,
  "0301_evb_standard_catalogue": standardCatalogue,
  "0310_evb_bulk_audit_rows": bulkAuditRows,
  "0315_evb_wait": wait,
  "0320_evb_wait_facts": waitFacts,
};
