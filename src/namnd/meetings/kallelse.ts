// The kallelse to a sammanträde as a Nämnd document: when and where, the föredragningslista in order (ärenden
// with their diarienummer, information, standing items with the count the kallelse presents) and each standing
// item's sections with their counts. Pure: the renderers in ../documents turn it into Word, HTML or PDF.
import type { DocumentBlock, NamndDocument } from "../documents/model.ts";
import type { StandingContent } from "./tables.ts";

type KallelseItem = {
  kind: "arende" | "information" | "staende";
  title: string;
  case: { diarienummer: string } | null;
  /** What the kallelse presents of a standing item (its snapshot). */
  standing: StandingContent | null;
};

export type KallelseMeeting = {
  bodyName: string;
  meetingDate: string;
  startTime: string | null;
  place: string | null;
  calledOn: string | null;
  periodStart: string;
  periodEnd: string;
  items: readonly KallelseItem[];
};

/** "51", "ej behörig" or the register's note: a standing item's figure as the kallelse prints it. */
const figureOf = (c: StandingContent) =>
  c.forbidden ? "ej behörig" : c.count === null ? (c.note ?? "–") : `${c.count}`;

const agendaLine = (item: KallelseItem) => {
  if (item.kind === "arende") return `${item.title} (Dnr ${item.case?.diarienummer ?? "–"})`;
  if (item.kind === "information") return `Information: ${item.title}`;
  return item.standing ? `${item.title} (${figureOf(item.standing)})` : item.title;
};

export function kallelseDocument(m: KallelseMeeting, municipality: string): NamndDocument {
  const standing = m.items.filter((i) => i.kind === "staende" && i.standing);
  const standingBlocks: DocumentBlock[] = standing.map((i) => {
    const c = i.standing as StandingContent;
    return {
      heading: `${i.title} (${figureOf(c)})`,
      level: 3,
      paragraphs: c.sections.length === 0 && c.note ? [c.note] : [],
      list: c.sections.map((s) => `${s.heading}: ${s.count ?? "–"}`),
    };
  });
  return {
    letterhead: { municipality, department: m.bodyName, ...(m.calledOn ? { date: m.calledOn } : {}) },
    kind: "KALLELSE",
    title: `Sammanträde med ${m.bodyName} ${m.meetingDate}`,
    blocks: [
      {
        paragraphs: [
          `Ledamöter och ersättare i ${m.bodyName} kallas till sammanträde.`,
          `Datum: ${m.meetingDate}`,
          `Tid: ${m.startTime ? `kl. ${m.startTime}` : "meddelas senare"}`,
          `Plats: ${m.place ?? "meddelas senare"}`,
        ],
      },
      { heading: "Föredragningslista", paragraphs: [], list: m.items.map(agendaLine), numbered: true },
      ...(standingBlocks.length > 0
        ? [
            {
              heading: "Stående punkter",
              paragraphs: [`Ur registren för perioden ${m.periodStart}–${m.periodEnd}, som vid kallelsen.`],
            },
            ...standingBlocks,
          ]
        : []),
    ],
    signatures: [],
  };
}
