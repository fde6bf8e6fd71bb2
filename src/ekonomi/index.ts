// The ekonomi capability's public surface (budget, outcome and forecasts per nämnd). The composition root
// plugs in its tables, migrations, routes, demo data and CLI from here; other capabilities read the
// follow-up, the annual summary, forecast accuracy, investments and the result fund here, each checking
// read access on the nämnd. Nothing else of src/ekonomi is imported from outside.

export { ekonomiAuditLabels } from "./audit-labels.ts";
export { ekonomiCli } from "./cli.ts";
export { seedEkonomiDemo } from "./demo.ts";
export { investments } from "./investments-service.ts";
export { ekonomiMigrations } from "./migrations.ts";
export { budgetSplit, followUp, forecastAccuracy, summary } from "./report-service.ts";
export { resultFund } from "./result-fund-service.ts";
export { ekonomiRoutes } from "./routes.ts";
export { startItemsFor } from "./start-service.ts";
export { namnder } from "./structure-service.ts";
export type { EkonomiTables } from "./tables.ts";
