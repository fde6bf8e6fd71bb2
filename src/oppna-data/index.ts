// The Öppna data capability's public surface: publishing decisions for datasets (goal follow-up, EVB and
// kvalitet statistics) and the public read-only API under /api/public/oppna-data. It reads styrning, EVB and
// kvalitet only through their index.ts. The composition root plugs in its tables, migrations, routes and demo.

export { oppnaDataAuditLabels } from "./audit-labels.ts";
export { seedOppnaDataDemo } from "./demo.ts";
export { oppnaDataMigrations } from "./migrations.ts";
export { oppnaDataRoutes } from "./routes.ts";
export type { OppnaDataTables } from "./tables.ts";
