// How the audit log speaks of report templates, their versions and the kommun's report profile.
import type { AuditLabels } from "../platform/audit/labels.ts";

export const rapporterAuditLabels: AuditLabels = {
  rapport_template: {
    label: "Rapportmall",
    title: ["{name}"],
    columns: { description: "Beskrivning" },
  },
  rapport_template_version: {
    label: "Version av rapportmall",
    title: ["Version {version}"],
    columns: { template_id: "Mall", version: "Version", content: "Innehåll" },
  },
  rapport_profile: {
    label: "Rapportprofil",
    title: ["{name}"],
    columns: { primary_colour: "Huvudfärg", accent_colour: "Accentfärg" },
  },
};
