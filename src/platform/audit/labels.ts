// The audit log's vocabulary: what each logged entity and its columns are called in Swedish. Each capability
// owns the words for what it writes (`auditLabels` in its index.ts); the composition root merges them and
// hands the result to the audit routes, so the platform names no capability.

/** How the log speaks of one entity (the `entity` string written to audit_log). */
export type EntityLabels = {
  /** Singular Swedish name: "Ärende", "Belopp". */
  label: string;
  /**
   * Templates of the record's title, tried in order; the first whose `{column}` placeholders all have a
   * value in the row wins. `{number:5}` pads a number with zeros to 5 digits. Never personal data beyond
   * what the row shows an admin anyway.
   */
  title?: readonly string[];
  /** Swedish labels of this entity's columns, beside the common ones. */
  columns?: Readonly<Record<string, string>>;
  /** Swedish words for a column's stored codes, e.g. a status. */
  values?: Readonly<Record<string, Readonly<Record<string, string>>>>;
};

/** Entity → its labels. */
export type AuditLabels = Readonly<Record<string, EntityLabels>>;

/** Column labels every table shares, given once. */
export const commonColumnLabels: Readonly<Record<string, string>> = {
  id: "Id",
  org_node_id: "Organisation",
  created_at: "Skapad",
  updated_at: "Ändrad",
  name: "Namn",
  title: "Rubrik",
  status: "Status",
  year: "År",
  code: "Kod",
  kind: "Typ",
  active: "Aktiv",
  sort_order: "Sorteringsordning",
  position: "Ordning",
  description: "Beskrivning",
  comment: "Kommentar",
  note: "Anteckning",
  text: "Text",
  period: "Period",
  label: "Benämning",
  reason: "Skäl",
  value: "Värde",
  gender: "Kön",
  category: "Kategori",
  subject: "Ämne",
  summary: "Sammanfattning",
  diarienummer: "Diarienummer",
  decided_on: "Beslutsdatum",
  registered_on: "Registrerad",
  closed_on: "Avslutad",
  decision_ref: "Beslutsreferens",
  amount_kr: "Belopp",
  valid_from: "Gäller från",
  valid_to: "Gäller till",
  valid_until: "Gäller till",
  author_id: "Skriven av (id)",
  author_name: "Skriven av",
  user_id: "Användare (id)",
  case_id: "Ärende (id)",
  goal_id: "Mål (id)",
  indicator_id: "Indikator (id)",
  level_id: "Nivå (id)",
  model_id: "Målmodell (id)",
  meeting_id: "Sammanträde (id)",
  decision_id: "Beslut (id)",
  point_id: "Delegationspunkt (id)",
  function_id: "Funktion (id)",
  risk_id: "Risk (id)",
  process_id: "Process (id)",
  forecast_id: "Prognos (id)",
  import_id: "Import (id)",
  memo_id: "Tjänsteskrivelse (id)",
  motion_id: "Motion (id)",
  audit_id: "Granskning (id)",
  activity_id: "Aktivitet (id)",
  kpi_id: "Kolada-nyckeltal",
  municipality_id: "Kolada-kommun",
  lagrum: "Lagrum",
  lagrum_id: "Lagrum (id)",
  law: "Lag",
  paragraph: "Paragraf",
  reference: "Referens",
  method: "Metod",
  measures: "Åtgärder",
  answer: "Svar",
  consequence: "Konsekvens",
  likelihood: "Sannolikhet",
  responsible: "Ansvarig",
  owner: "Ansvarig",
  number: "Nummer",
  nr: "Nr",
  source: "Källa",
  file_name: "Filnamn",
  deadline: "Slutdatum",
  namnd_id: "Nämnd (id)",
};
