import type { Migrations } from "../platform/db/migrate.ts";
import * as styrning from "./migrations/0100_styrning.ts";
import * as goalModelKinds from "./migrations/0110_goal_model_kinds.ts";
import * as indicatorDimensions from "./migrations/0120_indicator_dimensions.ts";
import * as indicatorDimensionLists from "./migrations/0130_indicator_dimension_lists.ts";
import * as importCosts from "./migrations/0140_import_costs.ts";

/** Styrning's migrations by the names databases have recorded; each file is frozen once released. */
export const styrningMigrations: Migrations = {
  "0100_styrning": styrning,
  "0110_goal_model_kinds": goalModelKinds,
  "0120_indicator_dimensions": indicatorDimensions,
  "0130_indicator_dimension_lists": indicatorDimensionLists,
  "0140_import_costs": importCosts,
};
