// The styrning capability's public surface (goal models, goals, indicators). The composition root plugs
// in its tables, migrations, routes, demo data and CLI from here; other capabilities read goal models, the
// goal tree, a goal's page and indicators here, each checking styrning's read rule.
// Nothing else of src/styrning is imported from outside.

// Styrning's read rule (it reaches both up and down the tree), for checks that must agree with it.
export { canReadStyrning } from "./access.ts";
// Pure rules other capabilities' reports apply to goals they show (Rapporter's pre-publish checks).
export { indicatorStatusLabels } from "./assessment.ts";
export { styrningAuditLabels } from "./audit-labels.ts";
export { styrningCli } from "./cli.ts";
export { seedStyrningDemo } from "./demo.ts";
export { checkTargetDirection } from "./direction.ts";
export { goalPage } from "./goals-service.ts";
export { getIndicator, listIndicators } from "./indicators-service.ts";
// Kolada's data shape, for open data that publishes indicator values the way Kolada serves them.
export { type KoladaDataRow, toKoladaData } from "./kolada/shapes.ts";
export { styrningMigrations } from "./migrations.ts";
export { listModels, modelTree } from "./models-service.ts";
// Dated work for the reminder job and the calendar feed (no personal data in them).
export { deadlinesFor } from "./reminders-service.ts";
export { styrningRoutes } from "./routes.ts";
export { startItemsFor } from "./start-service.ts";
export type { StyrningTables } from "./tables.ts";
export { parseTarget } from "./target.ts";
export { activityStatusLabels, meaningLabels } from "./vocabulary.ts";
