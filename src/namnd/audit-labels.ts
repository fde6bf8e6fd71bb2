// How the audit log speaks of the diarium, delegation, meetings, memos, incoming rulings and letters,
// assignments, motions and audits. Titles use the diarienummer and the record's own heading, never a
// sender's or appellant's name.
import type { AuditLabels } from "../platform/audit/labels.ts";
import {
  assignmentStatusLabels,
  motionKindLabels,
  motionStatusLabels,
  proposalLabels,
} from "./assignments/vocabulary.ts";
import { decisionLawLabels } from "./delegation/vocabulary.ts";
import { applicationStatusLabels } from "./grants/vocabulary.ts";
import {
  appellantLabels,
  issuerLabels,
  outcomeLabels,
  rulingKindLabels,
  senderKindLabels,
} from "./incoming/vocabulary.ts";
import { bodyKindLabels, itemKindLabels, meetingStatusLabels } from "./meetings/vocabulary.ts";
import { memoStatusLabels } from "./memos/vocabulary.ts";
import { publicationKindLabels } from "./publishing/vocabulary.ts";
import { caseStatusLabels, documentDirectionLabels } from "./vocabulary.ts";

/** A record with a diarienummer of its own and a heading. */
const registered = ["{diarienummer} {title}", "{diarienummer}", "{title}"];

export const namndAuditLabels: AuditLabels = {
  namnd_case: {
    label: "Ärende",
    title: ["{prefix}-{year}-{number:5} {title}", ...registered],
    columns: {
      prefix: "Diarieprefix",
      case_type_id: "Ärendetyp (id)",
      received_on: "Inkom",
      handler_id: "Handläggare (id)",
      standing_series: "Stående ärende",
    },
    values: { status: caseStatusLabels },
  },
  namnd_document: {
    label: "Handling",
    title: ["{title}"],
    columns: {
      content_type: "Filtyp",
      size_bytes: "Storlek (byte)",
      sha256: "Kontrollsumma",
      content: "Innehåll",
      direction: "Riktning",
      document_date: "Handlingens datum",
      case: "Ärende (id)",
    },
    values: { direction: documentDirectionLabels },
  },
  namnd_demo: { label: "Demodata nämnd", columns: { cases: "Ärenden", documents: "Handlingar" } },
  namnd_delegation_order: {
    label: "Delegationsordning",
    title: ["{diarienummer}", "{adopted_on}"],
    columns: { adopted_on: "Antagen" },
  },
  namnd_delegation_decision: {
    label: "Delegationsbeslut",
    title: ["{diarienummer}", "{decided_on}"],
    columns: {
      decider_kind: "Beslutsfattare (typ)",
      decider_function_id: "Beslutsfattarens funktion (id)",
      decider_name: "Beslutsfattare",
      unit_id: "Enhet (id)",
      provider: "Utförare",
      period_from: "Period från",
      period_until: "Period till",
    },
    values: { law: decisionLawLabels },
  },
  namnd_delegation_subdelegation: { label: "Vidaredelegering", title: ["{diarienummer}", "{valid_from}"] },
  namnd_ruling: {
    label: "Dom eller beslut",
    title: ["{diarienummer}", "{case_number}"],
    columns: {
      issuer: "Instans",
      issuer_name: "Instansens namn",
      case_number: "Målnummer",
      authority_reference: "Myndighetens referens",
      appellant: "Klagande",
      appellant_other: "Klagande (annan)",
      outcome: "Utgång",
      won: "Vunnet",
    },
    values: { issuer: issuerLabels, kind: rulingKindLabels, appellant: appellantLabels, outcome: outcomeLabels },
  },
  namnd_letter: {
    label: "Inkommen skrivelse",
    title: ["{diarienummer}"],
    columns: { sender: "Avsändare", sender_kind: "Typ av avsändare" },
    values: { sender_kind: senderKindLabels },
  },
  namnd_body: { label: "Beslutsorgan", title: ["{name}"], values: { kind: bodyKindLabels } },
  namnd_paragraph_series: {
    label: "Paragrafserie",
    columns: { body_id: "Beslutsorgan (id)", last_number: "Senaste nummer" },
  },
  namnd_meeting: {
    label: "Sammanträde",
    title: ["{meeting_date}"],
    columns: {
      body_id: "Beslutsorgan (id)",
      meeting_date: "Datum",
      start_time: "Starttid",
      place: "Plats",
      period_start: "Period från",
      period_end: "Period till",
      called_on: "Kallat",
      adjusted_on: "Justerat",
      cancelled_on: "Inställt",
      cancel_reason: "Skäl för inställandet",
    },
    values: { status: meetingStatusLabels },
  },
  namnd_agenda_item: {
    label: "Dagordningspunkt",
    title: ["{title}"],
    columns: {
      standing_kind: "Stående punkt",
      decision: "Beslut",
      recipients: "Expedieras till",
      snapshot: "Underlag",
      // A §'s protokoll is recorded as its input (camelCase keys find the labels above by their snake_case).
      item_id: "Punkt (id)",
      motions: "Yrkanden",
      jav: "Jäv",
      reservations: "Reservationer",
    },
    values: { kind: itemKindLabels },
  },
  namnd_meeting_attendee: {
    label: "Närvaro",
    columns: {
      party: "Parti",
      role: "Roll",
      present: "Närvarande",
      serving_for: "Tjänstgör för",
      adjuster: "Justerare",
    },
  },
  namnd_memo: {
    label: "Tjänsteskrivelse",
    title: ["{title}"],
    columns: {
      version: "Version",
      supersedes_id: "Ersätter (id)",
      completed_on: "Klar",
      memo_date: "Datum",
      letterhead: "Brevhuvud",
      department: "Förvaltning",
      handler_name: "Handläggare",
      handler_title: "Handläggarens titel",
      handler_phone: "Handläggarens telefon",
      child_assessment: "Barnets bästa",
    },
    values: { status: memoStatusLabels },
  },
  namnd_assignment: {
    label: "Uppdrag",
    title: registered,
    columns: {
      decision_reference: "Beslutsreferens",
      due_on: "Klart senast",
      due_note: "Tidpunkt (text)",
      closing_reference: "Avslutad genom",
    },
    values: { status: assignmentStatusLabels },
  },
  namnd_motion: {
    label: "Motion eller initiativ",
    title: registered,
    columns: { submitted_by: "Inlämnad av", dated_on: "Daterad", proposal: "Förslag" },
    values: { kind: motionKindLabels, status: motionStatusLabels, proposal: proposalLabels },
  },
  namnd_motion_referee: {
    label: "Remissinstans",
    title: ["{referee}"],
    columns: { referee: "Remissinstans", answered_on: "Svar inkom" },
  },
  namnd_audit: {
    label: "Revisionsgranskning",
    title: registered,
    columns: {
      auditor: "Revisor",
      report_date: "Rapportdatum",
      reply_deadline: "Svar senast",
      memo_on: "Tjänsteskrivelse",
      replied_on: "Besvarad",
    },
  },
  namnd_publication: {
    label: "Publicering",
    title: ["{title}"],
    columns: {
      meeting_id: "Sammanträde (id)",
      kind: "Handling",
      version: "Version",
      replaces_id: "Ersätter (id)",
      correction_note: "Vad som rättats",
      content: "Publicerad text",
      reviewed_by: "Granskad av (id)",
      reviewer_name: "Granskad av",
      published_at: "Publicerad",
      checksum: "Kontrollsumma",
      masks: "Maskeringar",
      lifted: "Borttagna maskeringar",
      omitted: "Utelämnade punkter",
    },
    values: { kind: publicationKindLabels },
  },
  namnd_grant_year: {
    label: "Föreningsbidrag (år)",
    title: ["Föreningsbidrag {year}"],
    columns: {
      frame_kronor: "Anslag (kr)",
      report_due_on: "Återrapport senast",
      applications_open_on: "Ansökningstiden börjar",
      applications_close_on: "Sista ansökningsdag",
    },
  },
  namnd_grant_application: {
    label: "Ansökan om föreningsbidrag",
    title: ["{association}"],
    columns: {
      year_id: "Bidragsår (id)",
      number: "Nummer",
      round: "Omgång",
      association: "Förening",
      purpose: "Ändamål",
      amount_applied: "Sökt belopp (kr)",
      received_on: "Inkom",
      completion_requested_on: "Komplettering begärd",
      completion_note: "Att komplettera",
      assessed_on: "Bedömd",
      assessment_note: "Bedömning",
      decision_reference: "Beslut",
      amount_granted: "Beviljat belopp (kr)",
      reasons: "Motivering",
      paid_on: "Utbetald",
      reported_on: "Återrapporterad",
    },
    values: { status: applicationStatusLabels },
  },
  namnd_grant_sample: {
    label: "Stickprov (föreningsbidrag)",
    title: ["Stickprov, frö {seed}"],
    columns: {
      year_id: "Bidragsår (id)",
      seed: "Frö",
      size: "Antal",
      drawn_by: "Dragen av (id)",
      drawn_at: "Dragen",
    },
  },
};
