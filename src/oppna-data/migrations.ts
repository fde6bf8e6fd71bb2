import type { Migrations } from "../platform/db/migrate.ts";
import * as oppnaData from "./migrations/0900_oppna_data.ts";

/** Öppna data's migrations by the names databases have recorded; each file is frozen once released. */
export const oppnaDataMigrations: Migrations = {
  "0900_oppna_data": oppnaData,
};
