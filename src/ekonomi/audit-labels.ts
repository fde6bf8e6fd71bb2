// How the audit log speaks of budget structure, figures, forecasts, investments and the result fund.
import type { AuditLabels } from "../platform/audit/labels.ts";
import { importKindLabels } from "./import/ledger.ts";
import { figureKindLabels, fundEntryKindLabels, investmentCategoryLabels } from "./reports.ts";

const periodTypeLabels = { month: "månad", tertial: "tertial", year: "år" };

export const ekonomiAuditLabels: AuditLabels = {
  ekonomi_level: {
    label: "Ekonominivå",
    title: ["{code} {name}", "{name}"],
    columns: { target_org_node_id: "Avser enhet (id)" },
  },
  ekonomi_code_mapping: {
    label: "Kodkoppling",
    title: ["{dimension} {pattern}"],
    columns: { dimension: "Dimension", pattern: "Mönster" },
  },
  ekonomi_frame: { label: "Ram", title: ["{year}: {amount_kr}"] },
  ekonomi_forecast: { label: "Prognos", title: ["{name}"], columns: { as_of: "Per datum" } },
  ekonomi_figure: {
    label: "Belopp",
    title: ["{kind} {period_type} {period_no}: {amount_kr}", "{kind}: {amount_kr}"],
    columns: { period_type: "Periodtyp", period_no: "Period" },
    values: { kind: figureKindLabels, period_type: periodTypeLabels },
  },
  ekonomi_import: {
    label: "Import",
    title: ["{file_name}"],
    columns: {
      format: "Format",
      file_hash: "Filens kontrollsumma",
      settings: "Inställningar",
      rows_read: "Lästa rader",
      rows_used: "Använda rader",
      rows_skipped: "Överhoppade rader",
      figures_changed: "Ändrade belopp",
      imported_by: "Importerad av (id)",
    },
    values: { kind: importKindLabels },
  },
  ekonomi_investment: {
    label: "Investering",
    title: ["{name}"],
    columns: {
      project_code: "Projektkod",
      budget_inkomster_kr: "Budget inkomster",
      budget_utgifter_kr: "Budget utgifter",
      bokslut_inkomster_kr: "Bokslut inkomster",
      bokslut_utgifter_kr: "Bokslut utgifter",
    },
    values: { category: investmentCategoryLabels },
  },
  ekonomi_reallocation: {
    label: "Omfördelning",
    title: ["{title}"],
    columns: { financing: "Finansiering", case_ref: "Ärende" },
  },
  ekonomi_fund_entry: {
    label: "Resultatfondspost",
    title: ["{kind} {year}: {amount_kr}"],
    columns: { decided_by: "Beslutat av", reallocation_id: "Omfördelning (id)" },
    values: { kind: fundEntryKindLabels },
  },
};
