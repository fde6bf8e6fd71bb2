// How the audit log speaks of goal models, goals, indicators, activities, directives and Kolada.
import type { AuditLabels } from "../platform/audit/labels.ts";
import {
  activityStatusLabels,
  decidedByLabels,
  directionLabels,
  directiveIssuerLabels,
  genderSplitLabels,
  meaningLabels,
  unitLabels,
  valueSourceLabels,
  valueStateLabels,
} from "./vocabulary.ts";

const authored = { author_id: "Skriven av (id)", author_name: "Skriven av" };

export const styrningAuditLabels: AuditLabels = {
  goal_model: {
    label: "Målmodell",
    title: ["{name} {year}", "{name}"],
    columns: { assessment_scale_id: "Bedömningsskala (id)", copied_from: "Kopierad från (id)" },
  },
  goal_level: {
    label: "Målnivå",
    title: ["{name}"],
    columns: { decided_by: "Beslutas av", assessed: "Bedöms" },
    values: { decided_by: decidedByLabels },
  },
  goal: {
    label: "Mål",
    title: ["{code} {title}", "{title}"],
    columns: { parent_id: "Överordnat mål (id)", lineage_id: "Målets linje (id)" },
  },
  goal_indicator: { label: "Målets indikatorer", columns: { indicatorIds: "Indikatorer" } },
  goal_assessment: {
    label: "Målbedömning",
    title: ["{period}"],
    columns: { scale_level_id: "Bedömning (id)", assessed_by: "Bedömd av (id)", assessed_by_name: "Bedömd av" },
  },
  goal_comment: { label: "Målkommentar", title: ["{period}"], columns: authored },
  indicator: {
    label: "Indikator",
    title: ["{name}"],
    columns: {
      unit: "Enhet",
      value_type: "Värdetyp",
      status_scale_id: "Statusskala (id)",
      decimals: "Decimaler",
      direction: "Riktning",
      gender_split: "Könsuppdelning",
      period_type: "Periodtyp",
      measurement_window: "Mätperiod",
      source_kind: "Källtyp",
      source_note: "Källa (text)",
      publication_date: "Publiceringsdatum",
      footnote: "Fotnot",
    },
    values: { unit: unitLabels, direction: directionLabels, gender_split: genderSplitLabels },
  },
  indicator_definition: {
    label: "Indikatordefinition",
    title: ["{valid_from}"],
    columns: { definition: "Definition" },
  },
  indicator_target: {
    label: "Målvärde",
    title: ["{year}: {target}"],
    columns: { target: "Målvärde", footnote: "Fotnot" },
  },
  indicator_value: {
    label: "Indikatorvärde",
    title: ["{period} {gender}", "{period}"],
    columns: {
      state: "Läge",
      status_code: "Statuskod",
      source_ref: "Källreferens",
      published_at: "Publicerad",
      entered_by: "Inmatad av (id)",
      entered_by_name: "Inmatad av",
      correction_reason: "Skäl till rättelse",
    },
    values: { state: valueStateLabels, source: valueSourceLabels },
  },
  indicator_value_correction: {
    label: "Rättelse av indikatorvärde",
    title: ["{period} {gender}", "{period}"],
    columns: { before: "Före", after: "Efter", corrected_by: "Rättad av (id)", corrected_by_name: "Rättad av" },
  },
  period_lock: {
    label: "Låst period",
    title: ["{period}"],
    columns: { locked_by: "Låst av (id)", locked_by_name: "Låst av" },
  },
  activity: {
    label: "Aktivitet",
    title: ["{title}"],
    columns: {
      responsible_org_node_id: "Ansvarig enhet (id)",
      start_date: "Startdatum",
      end_date: "Slutdatum",
      goalIds: "Mål",
      effects: "Effekter",
    },
    values: { status: activityStatusLabels },
  },
  activity_followup: {
    label: "Uppföljning av aktivitet",
    title: ["{period}"],
    columns: authored,
    values: { status: activityStatusLabels },
  },
  directive: {
    label: "Direktiv",
    title: ["{title}"],
    columns: { issued_by: "Utfärdat av", body: "Text", assignments: "Uppdrag", handling: "Hantering" },
    values: { issued_by: directiveIssuerLabels },
  },
  directive_comment: {
    label: "Kommentar till direktiv",
    title: ["{period}"],
    columns: { ...authored, directive_id: "Direktiv (id)" },
  },
  styrning_scale: { label: "Skala", title: ["{name}"] },
  styrning_scale_level: {
    label: "Skalsteg",
    title: ["{code} {label}", "{label}"],
    columns: { scale_id: "Skala (id)", rank: "Rang", meaning: "Betydelse" },
    values: { meaning: meaningLabels },
  },
  kolada_mapping: { label: "Koppling till Kolada", title: ["{kpi_id} {municipality_id}"] },
  kolada_kpi: {
    label: "Kolada-nyckeltal",
    title: ["{kpi_id} {title}", "{kpi_id}"],
    columns: {
      is_divided_by_gender: "Könsuppdelat",
      publication_date: "Publiceringsdatum",
      operating_area: "Verksamhetsområde",
    },
  },
  kolada_municipality: { label: "Kolada-kommun", title: ["{title}"], columns: { type: "Typ" } },
  kolada_group: {
    label: "Kolada-kommungrupp",
    title: ["{title}"],
    columns: { group_id: "Grupp", members: "Medlemmar" },
  },
  kolada_value: { label: "Kolada-värde", title: ["{kpi_id} {municipality_id} {year} {gender}"] },
};
