// How the audit log speaks of händelser, lex Sarah, klagomål, tillsyn, kvalitetsplan and internkontroll.
// Titles name a record by its number, kind or date, never by its free text, which may concern a person.
import type { AuditLabels } from "../platform/audit/labels.ts";
import { answerLabels } from "./internkontroll/vocabulary.ts";
import { categoryLabels, channelLabels, complaintTypeLabels, senderTypeLabels } from "./klagomal/vocabulary.ts";
import { atgardStatusLabels } from "./kvalitetsplan/vocabulary.ts";
import {
  caseStatusLabels,
  consequenceLabels,
  entryKindLabels,
  findingLabels,
  listKindLabels,
  outcomeLabels,
  recurrenceLabels,
  reportRouteLabels,
} from "./lex-sarah/vocabulary.ts";
import { inspectionStatusLabels } from "./tillsyn/vocabulary.ts";
import { eventKindLabels, eventStatusLabels, typeGroupLabels, workCategoryLabels } from "./vocabulary.ts";

const listEntry = { title: ["{code} {name}", "{name}"] };
const risk = { likelihood: "Sannolikhet", consequence: "Konsekvens" };

export const kvalitetAuditLabels: AuditLabels = {
  kvalitet_event: {
    label: "Händelse",
    title: ["{kind} {occurred_on}", "{kind}"],
    columns: {
      occurred_on: "Inträffade",
      noticed_on: "Upptäcktes",
      reported_on: "Rapporterades",
      what_happened: "Vad hände",
      immediate_action: "Omedelbar åtgärd",
      investigation: "Utredning",
      handled_on: "Handläggning påbörjad",
      lex_sarah_on: "Till lex Sarah",
      mas_on: "Till MAS",
      types: "Händelsetyper",
      causes: "Orsaker",
    },
    values: { kind: eventKindLabels, category: workCategoryLabels, status: eventStatusLabels },
  },
  kvalitet_event_type: {
    label: "Händelsetyp",
    ...listEntry,
    columns: { type_group: "Grupp" },
    values: { type_group: typeGroupLabels },
  },
  kvalitet_cause: { label: "Orsak", ...listEntry },
  kvalitet_lists: { label: "Händelselistor", columns: { types: "Händelsetyper", causes: "Orsaker" } },
  kvalitet_lex_sarah: {
    label: "Lex Sarah-rapport",
    title: ["{report_year}-{number:3}"],
    columns: {
      report_year: "Rapportår",
      reported_on: "Rapporterad",
      noticed_on: "Upptäckt",
      occurred_on: "Inträffade",
      gist: "Kärnan",
      category_id: "Kategori (id)",
      brist: "Brist",
      recurrence: "Risk för upprepning",
      route: "Väg",
      event_id: "Händelse (id)",
      choices: "Val",
    },
    values: {
      status: caseStatusLabels,
      consequence: consequenceLabels,
      recurrence: recurrenceLabels,
      route: reportRouteLabels,
    },
  },
  kvalitet_lex_sarah_entry: {
    label: "Anteckning i lex Sarah-utredning",
    title: ["{entry_date}"],
    columns: { entry_date: "Datum", item_id: "Punkt (id)", author: "Skriven av" },
    values: { kind: entryKindLabels },
  },
  kvalitet_lex_sarah_decision: {
    label: "Lex Sarah-beslut",
    title: ["{decided_on}"],
    columns: {
      outcome: "Utfall",
      finding: "Bedömning",
      ivo_form_done: "IVO-blankett klar",
      ivo_investigation_attached: "Utredning bifogad till IVO",
      ivo_sent_on: "Skickat till IVO",
      ivo_reference: "IVO:s diarienummer",
    },
    values: { outcome: outcomeLabels, finding: findingLabels },
  },
  kvalitet_lex_sarah_list: {
    label: "Post i lex Sarah-lista",
    ...listEntry,
    columns: { list: "Lista" },
    values: { list: listKindLabels },
  },
  kvalitet_lex_sarah_lists: { label: "Lex Sarah-listor", columns: { added: "Tillagda" } },
  kvalitet_lex_sarah_demo: { label: "Demodata lex Sarah" },
  kvalitet_complaint: {
    label: "Klagomål",
    title: ["{dnr}", "{received_on}"],
    columns: {
      received_on: "Inkom",
      channel: "Kanal",
      sender_type: "Avsändare",
      complaint_type: "Typ av synpunkt",
      anonymous: "Anonym",
      political: "Politiskt",
      dnr: "Diarienummer",
      acknowledged_on: "Bekräftad",
      answered_on: "Besvarad",
    },
    values: {
      channel: channelLabels,
      sender_type: senderTypeLabels,
      complaint_type: complaintTypeLabels,
      category: categoryLabels,
    },
  },
  kvalitet_complaint_demo: { label: "Demodata klagomål", columns: { synpunkter: "Synpunkter" } },
  kvalitet_inspection: {
    label: "Tillsyn",
    title: ["{ivo_dnr}", "{month}"],
    columns: {
      type_id: "Tillsynstyp (id)",
      month: "Månad",
      ivo_dnr: "IVO:s diarienummer",
      decision_on: "Beslut",
      findings: "Iakttagelser",
      yttrande_lagrum: "Lagrum för yttrande",
      yttrande_due_on: "Yttrande senast",
      yttrande_replied_on: "Yttrande lämnat",
      closed_on: "Avslutad den",
    },
    values: { status: inspectionStatusLabels },
  },
  kvalitet_inspection_demo: { label: "Demodata tillsyn", columns: { tillsyner: "Tillsyner" } },
  kvalitet_inspection_type: { label: "Slag av tillsyn", ...listEntry },
  kvalitet_inspection_types: { label: "Slag av tillsyn (listan)", columns: { added: "Tillagda" } },
  kvalitet_demo: {
    label: "Demodata kvalitet",
    columns: {
      handelser: "Händelser",
      internkontroll: "Internkontroll",
      risker: "Risker",
      kvalitetsplaner: "Kvalitetsplaner",
    },
  },
  kvalitet_risk_scale: {
    label: "Riskskala",
    title: ["{name}"],
    columns: {
      likelihood_name: "Namn på sannolikhet",
      likelihood_labels: "Steg för sannolikhet",
      consequence_name: "Namn på konsekvens",
      consequence_labels: "Steg för konsekvens",
      levels: "Risknivåer",
    },
  },
  kvalitet_process: { label: "Process", title: ["{process}"], columns: { process: "Process", activity: "Aktivitet" } },
  kvalitet_plan_risk: { label: "Risk i kvalitetsplan", title: ["{year} nr {nr}"], columns: risk },
  kvalitet_egenkontroll: {
    label: "Egenkontroll",
    title: ["{what}"],
    columns: {
      what: "Vad",
      sample: "Urval",
      performed_on: "Utförd",
      numerator: "Täljare",
      denominator: "Nämnare",
    },
  },
  kvalitet_atgard: {
    label: "Åtgärd",
    title: ["{text}"],
    columns: {
      egenkontroll_id: "Egenkontroll (id)",
      granskning_id: "Granskning (id)",
      status_on: "Status per",
      created_on: "Skapad den",
    },
    values: { status: atgardStatusLabels },
  },
  kvalitet_ik_plan: { label: "Internkontrollplan", title: ["{year}"], columns: { adopted_on: "Antagen" } },
  kvalitet_ik_risk: {
    label: "Risk i internkontroll",
    title: ["{year} nr {nr}"],
    columns: { ...risk, common: "Gemensam", to_plan: "Till planen" },
  },
  kvalitet_ik_granskning: {
    label: "Granskning i internkontroll",
    title: ["{title}"],
    columns: {
      frequency: "Frekvens",
      result: "Resultat",
      deviations: "Avvikelser",
      verdict: "Bedömning",
      riskIds: "Risker",
    },
  },
  kvalitet_ik_answer: {
    label: "Svar i internkontroll",
    columns: { question_id: "Fråga (id)" },
    values: { answer: answerLabels },
  },
};
