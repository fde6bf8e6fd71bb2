// The EVB capability's public surface (ej verkställda beslut). The composition root plugs in its tables,
// migrations, routes, demo data and CLI from here; other capabilities read the quarter report and the
// dashboard here, which check access and hide personal data from readers without read:personal.
// Nothing else of src/evb is imported from outside.

export { evbAuditLabels } from "./audit-labels.ts";
export { evbCli, installEvbCatalogue } from "./cli.ts";
// The waiting-time bands and the small-count rule, for open data that publishes the same statistics.
export { waitingBandLabels } from "./clock.ts";
export { seedEvbDemo } from "./demo.ts";
export { evbMigrations } from "./migrations.ts";
export { dashboardFor, quarterReportFor } from "./register-read-service.ts";
// Dated work for the reminder job and the calendar feed (no personal data in them).
export { deadlinesFor } from "./reminders-service.ts";
export { SUPPRESS_BELOW, suppressGroup } from "./report.ts";
export { evbRoutes } from "./routes.ts";
export { startItemsFor } from "./start-service.ts";
export type { EvbTables } from "./tables.ts";
