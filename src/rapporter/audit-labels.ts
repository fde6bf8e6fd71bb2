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
  rapport_instance: {
    label: "Rapport",
    title: ["{period}"],
    columns: {
      template_id: "Mall",
      template_version: "Mallversion",
      period: "Period",
      status: "Status",
      approved_by: "Godkänd av",
      approved_at: "Godkänd",
    },
  },
  rapport_chapter: {
    label: "Kapitel i rapport",
    title: ["{chapter}"],
    columns: {
      instance_id: "Rapport",
      chapter: "Kapitel",
      writer_id: "Skribent",
      deadline: "Klart senast",
      status: "Status",
    },
  },
  rapport_text: {
    label: "Text i rapport",
    title: ["{block}"],
    columns: { instance_id: "Rapport", block: "Textblock", text: "Text" },
  },
  rapport_comment: {
    label: "Kommentar till rapport",
    title: ["{chapter}"],
    columns: { instance_id: "Rapport", chapter: "Kapitel", author_id: "Skribent", text: "Kommentar" },
  },
  rapport_publication: {
    label: "Publicerad rapport",
    title: ["{checksum}"],
    columns: {
      instance_id: "Rapport",
      content: "Innehåll",
      checksum: "Kontrollsumma",
      published_by: "Publicerad av",
      published_at: "Publicerad",
    },
  },
  rapport_profile: {
    label: "Rapportprofil",
    title: ["{name}"],
    columns: { primary_colour: "Huvudfärg", accent_colour: "Accentfärg" },
  },
};
