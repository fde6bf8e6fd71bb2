// The answer to a revisionsgranskning as the cover letter asks for it: for each recommendation to the nämnd,
// which actions, when (start and end) and who (the function) — "saknas" where the register has no answer.
// Pure: structured data, and the same as a Nämnd document for the renderers.
import type { NamndDocument } from "../documents/model.ts";
import { type ActionStatus, actionStatusLabels, MISSING } from "./vocabulary.ts";

export type MemoAudit = {
  title: string;
  auditor: string;
  reportDate: string;
  registeredOn: string;
  replyDeadline: string;
  diarienummer?: string | null;
  memoOn?: string | null;
  recommendations: {
    recipient: string;
    toNamnd: boolean;
    text: string;
    actions: {
      text: string;
      responsible?: string | null;
      startsOn?: string | null;
      endsOn?: string | null;
      timingNote?: string | null;
      status: ActionStatus;
    }[];
  }[];
};

/** When, in words: "2024-03-01 – 2024-06-30", "från 2024-03-01", the note, or "saknas". */
export function timingOf(a: { startsOn?: string | null; endsOn?: string | null; timingNote?: string | null }): string {
  const dates =
    a.startsOn && a.endsOn
      ? `${a.startsOn} – ${a.endsOn}`
      : a.startsOn
        ? `från ${a.startsOn}`
        : a.endsOn
          ? `senast ${a.endsOn}`
          : null;
  if (dates && a.timingNote) return `${dates} (${a.timingNote})`;
  return dates ?? a.timingNote ?? MISSING;
}

export function replyMemo(audit: MemoAudit, namndName: string) {
  const own = audit.recommendations.filter((r) => r.toNamnd);
  const recommendations = own.map((r) => ({
    text: r.text,
    actions: r.actions.map((a) => ({
      what: a.text,
      when: timingOf(a),
      who: a.responsible ?? MISSING,
      status: actionStatusLabels[a.status],
    })),
  }));
  const actions = recommendations.flatMap((r) => r.actions);
  return {
    title: `Svar på revisionsrapport – ${audit.title}`,
    diarienummer: audit.diarienummer ?? null,
    date: audit.memoOn ?? null,
    auditor: audit.auditor,
    reportDate: audit.reportDate,
    replyDeadline: audit.replyDeadline,
    proposal: `${namndName} antar svar på revisionsrapporten ${audit.title} och överlämnar det till ${audit.auditor}.`,
    recommendations,
    actionCount: actions.length,
    missingTimings: actions.filter((a) => a.when === MISSING).length,
    missingResponsible: actions.filter((a) => a.who === MISSING).length,
  };
}
export type ReplyMemo = ReturnType<typeof replyMemo>;

/** The reply memo as a tjänsteskrivelse for the document renderers (DOCX, HTML, PDF). */
export function replyDocument(memo: ReplyMemo, municipality: string): NamndDocument {
  return {
    letterhead: {
      municipality,
      ...(memo.date ? { date: memo.date } : {}),
      ...(memo.diarienummer ? { diarienummer: memo.diarienummer } : {}),
    },
    kind: "TJÄNSTESKRIVELSE",
    title: memo.title,
    blocks: [
      { heading: "Förslag till beslut", paragraphs: [memo.proposal] },
      {
        heading: "Sammanfattning av ärendet",
        paragraphs: [
          `${memo.auditor} har i revisionsrapporten ${memo.title.replace(/^Svar på revisionsrapport – /, "")} (${memo.reportDate}) begärt svar senast ${memo.replyDeadline} om vilka åtgärder nämnden vidtar, när de genomförs och vem som ansvarar.`,
        ],
      },
      ...memo.recommendations.map((r, i) => ({
        heading: `Rekommendation ${i + 1}`,
        paragraphs: [r.text],
        list: r.actions.map((a) => `${a.what} När: ${a.when}. Ansvarig: ${a.who}. Status: ${a.status}.`),
        numbered: true,
      })),
    ],
    signatures: [],
  };
}
