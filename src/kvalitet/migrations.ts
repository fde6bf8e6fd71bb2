import type { Migrations } from "../platform/db/migrate.ts";
import * as kvalitet from "./migrations/0400_kvalitet.ts";
import * as lexSarah from "./migrations/0410_lex_sarah.ts";
import * as klagomal from "./migrations/0420_klagomal.ts";
import * as kvalitetsplan from "./migrations/0430_kvalitetsplan.ts";
import * as internkontroll from "./migrations/0440_internkontroll.ts";
import * as tillsyn from "./migrations/0450_tillsyn.ts";
import * as datedStates from "./migrations/0460_kvalitet_dated_states.ts";
import * as tillsynTypesPerKommun from "./migrations/0470_tillsyn_types_per_kommun.ts";

/** Kvalitet's migrations by the names databases have recorded; each file is frozen once released. */
export const kvalitetMigrations: Migrations = {
  "0400_kvalitet": kvalitet,
  "0410_lex_sarah": lexSarah,
  "0420_klagomal": klagomal,
  "0430_kvalitetsplan": kvalitetsplan,
  "0440_internkontroll": internkontroll,
  "0450_tillsyn": tillsyn,
  "0460_kvalitet_dated_states": datedStates,
  "0470_tillsyn_types_per_kommun": tillsynTypesPerKommun,
};
