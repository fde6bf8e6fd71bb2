// The Kvalitet capability's public surface (händelser: avvikelser and arbetsmiljöhändelser). The
// composition root plugs in its tables, migrations, routes, demo data and CLI from here; other
// capabilities read the statistics here (counts only, checked against `read` on the node).
// Nothing else of src/kvalitet is imported from outside.

export { kvalitetCli } from "./cli.ts";
export { seedKvalitetDemo } from "./demo.ts";
// The nämnd's standing item "synpunkter och klagomål": every one received in a period (read:kvalitet, logged).
export { complaintsForPeriod } from "./klagomal/complaint-read-service.ts";
export { lexSarahMemo } from "./lex-sarah/case-read-service.ts";
export { kvalitetMigrations } from "./migrations.ts";
export { kvalitetRoutes } from "./routes.ts";
export { statistics } from "./statistics-service.ts";
export type { KvalitetTables } from "./tables.ts";
