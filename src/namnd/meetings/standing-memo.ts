// A standing item's memo to the nämnd ("Anmälan av delegeringsbeslut", "Skrivelser och meddelanden" …): the
// förslag till beslut, the period, and each section with its count and lines as the registers give them.
// Pure: the renderers in ../documents turn it into Word or PDF; `lots namnd memo` prints it as JSON too.
import type { NamndDocument } from "../documents/model.ts";
import type { StandingContent } from "./tables.ts";
import type { StandingKind } from "./vocabulary.ts";

export type StandingMemo = {
  namnd: string;
  organ: string;
  meetingDate: string;
  item: StandingKind;
  title: string;
  period: { start: string; end: string };
  proposal: string | null;
  /** Whether the content is what the kallelse presented (its snapshot) rather than the registers now. */
  asCalled: boolean;
} & StandingContent;

const summaryOf = (m: StandingMemo) => {
  const period = `perioden ${m.period.start}–${m.period.end}`;
  if (m.forbidden) return `Uppgifterna för ${period} visas inte: ej behörig.`;
  if (m.count === null) return `${m.note ?? "Uppgifterna saknas"} (${period}).`;
  return `Redovisningen avser ${period}: ${m.count} st.`;
};

export function standingMemoDocument(m: StandingMemo, municipality: string, date: string): NamndDocument {
  return {
    letterhead: { municipality, department: m.namnd, date },
    kind: "TJÄNSTESKRIVELSE",
    reference: `${m.organ} ${m.meetingDate}`,
    title: m.title,
    blocks: [
      { heading: "Förslag till beslut", paragraphs: m.proposal ? [m.proposal] : [] },
      {
        heading: "Sammanfattning av ärendet",
        paragraphs: [summaryOf(m), ...(m.count !== null && m.note ? [m.note] : [])],
      },
      ...m.sections.map((s) => ({
        heading: `${s.heading} (${s.count ?? "–"})`,
        level: 3 as const,
        paragraphs: s.lines.length === 0 && s.count === 0 ? ["Inga under perioden."] : [],
        list: s.lines,
      })),
    ],
    signatures: [],
  };
}
