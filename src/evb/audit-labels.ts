// How the audit log speaks of the register of ej verkställda beslut. A decision's title is its date
// only: the person it concerns stays in the row, not in a line anyone scanning the log reads.
import type { AuditLabels } from "../platform/audit/labels.ts";
import { sexLabels } from "./person-id.ts";

export const evbAuditLabels: AuditLabels = {
  evb_decision: {
    label: "Ej verkställt beslut",
    title: ["beslut {decision_date}"],
    columns: {
      person_id: "Person",
      sex: "Kön",
      protected_identity: "Skyddad identitet",
      insats_id: "Insats (id)",
      decision_date: "Beslutsdatum",
      parts_total: "Delar totalt",
      parts_executed: "Delar verkställda",
      executed_date: "Verkställt",
      closed_date: "Avslutat",
      closure_code_id: "Avslutskod (id)",
      delay_code_id: "Orsakskod (id)",
      reason_text: "Orsak (text)",
      interim_support: "Tillfälligt stöd",
    },
    values: { sex: sexLabels },
  },
  evb_offer: { label: "Erbjudande", title: ["{offered_date}"], columns: { offered_date: "Erbjudet" } },
  evb_interruption: {
    label: "Avbrott",
    title: ["{start_date}"],
    columns: {
      start_date: "Avbrott från",
      resumed_date: "Återupptaget",
      reason_code_id: "Orsakskod (id)",
      reason_text: "Orsak (text)",
    },
  },
  evb_insats: { label: "Insats", title: ["{code} {name}", "{name}"] },
  evb_code: { label: "Orsakskod", title: ["{code} {label}"], columns: { side: "Sida" } },
  evb_catalogue: { label: "Insatskatalog", columns: { insatser: "Insatser", codes: "Koder" } },
};
