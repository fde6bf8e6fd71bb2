// The Nämnd capability's public surface (the diarium of ärenden and their documents, so far). The
// composition root plugs in its tables, migrations, routes, demo data and CLI from here; the later parts of
// Nämnd (tjänsteskrivelser, sammanträden, protokoll, delegation …) add their modules in src/namnd/ and their
// exports here. Nothing else of src/namnd is imported from outside.

export { namndAuditLabels } from "./audit-labels.ts";
export { namndCli } from "./cli.ts";
export { delegationReport } from "./delegation/delegation-read-service.ts";
export { seedNamndDemo } from "./demo.ts";
export { lettersForPeriod, type RulingLine, rulingsForPeriod } from "./incoming/incoming-read-service.ts";
// The nämnd's meeting days, for reports covering "since the last meeting".
export { type MeetingDate, meetingDates } from "./meetings/meeting-read-service.ts";
export { namndMigrations } from "./migrations.ts";
// Dated work for the reminder job and the calendar feed (no personal data in them).
export { deadlinesFor } from "./reminders-service.ts";
export { namndRoutes } from "./routes.ts";
export { startItemsFor } from "./start-service.ts";
export type { NamndTables } from "./tables.ts";
