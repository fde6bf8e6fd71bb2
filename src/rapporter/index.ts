// The Rapporter capability's public surface: report templates as data, reports assembled from the other
// capabilities' public reads, pre-publish checks, and HTML/PDF/DOCX/XLSX output. The composition root plugs
// in its tables, migrations, routes, demo data and CLI from here.

export { rapporterAuditLabels } from "./audit-labels.ts";
export { rapporterCli } from "./cli.ts";
export { seedRapporterDemo } from "./demo.ts";
export { rapporterMigrations } from "./migrations.ts";
export { deadlinesFor } from "./reminders-service.ts";
export { rapporterRoutes } from "./routes.ts";
export type { RapporterTables } from "./tables.ts";
