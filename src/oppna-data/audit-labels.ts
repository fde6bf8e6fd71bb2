// How the audit log speaks of open data publications.
import type { AuditLabels } from "../platform/audit/labels.ts";

export const oppnaDataAuditLabels: AuditLabels = {
  open_data_publication: {
    label: "Publicering av öppna data",
    title: ["{title}"],
    columns: {
      dataset: "Datamängd",
      content: "Publicerat innehåll",
      checksum: "Kontrollsumma",
      published_by: "Publicerad av",
      publisher_name: "Publicerad av (namn)",
      published_at: "Publicerad",
    },
  },
};
