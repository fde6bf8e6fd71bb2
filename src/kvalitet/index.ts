// The Kvalitet capability's public surface (händelser: avvikelser and arbetsmiljöhändelser). The
// composition root plugs in its tables, migrations, routes, demo data and CLI from here; other
// capabilities read the statistics here (counts only, checked against `read` on the node).
// Nothing else of src/kvalitet is imported from outside.

export { kvalitetAuditLabels } from "./audit-labels.ts";
export { installKvalitetLists, kvalitetCli } from "./cli.ts";
// The nämnd's standing items synpunkter and lex Sarah in the committee's memo form (no free text), for readers
// of the nämnd: the kallelse's snapshot must not depend on the sender's kvalitet access.
export { complaintsMemo, lexSarahCommitteeMemo } from "./committee-memo-service.ts";
export { seedKvalitetDemo } from "./demo.ts";
// The internkontroll's follow-up report to KS (plan, risks, granskningar, åtgärder, självskattning), for Rapporter.
export { report as internkontrollReport } from "./internkontroll/ik-read-service.ts";
export { kvalitetMigrations } from "./migrations.ts";
// The joint view of a unit (or area or nämnd) and a period, for the kvalitetsberättelse: counts for `read`,
// records for read:kvalitet (logged); small counts hidden from the others.
export { overviewFor } from "./overview/overview-service.ts";
// The personnummer rule (warn and mask) for other capabilities' free text, e.g. Nämnd's publications.
export { maskPersonnummer } from "./personnummer.ts";
// Dated work for the reminder job and the calendar feed (no personal data in them).
export { deadlinesFor } from "./reminders-service.ts";
// A year's figures and plan registers for the kvalitetsberättelse (counts, no free text about people).
export { qualityYearFigures } from "./report-figures-service.ts";
export { kvalitetRoutes } from "./routes.ts";
export { startItemsFor } from "./start-service.ts";
export { statistics } from "./statistics-service.ts";
export type { KvalitetTables } from "./tables.ts";
