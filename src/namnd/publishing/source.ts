// The text of a meeting as it would be published, before masking: the föredragningslista as the kallelse
// presented it (standing items from the snapshot taken at kallelse) or the justerat protokoll, § by §, with
// each ärende's handlingar listed and those marked sekretess left out. Pure: the meeting and the documents
// are loaded by the service.
import type { DocumentBlock } from "../documents/model.ts";
import { paragraphBlocks } from "../meetings/extract-service.ts";
import type { describeMeeting } from "../meetings/meeting-read-service.ts";
import { memberLabel } from "../meetings/rules.ts";
import { attendeeRoleLabels } from "../meetings/vocabulary.ts";
import { omissionText, type Source, type SourceBlock } from "./masking.ts";
import type { PublicationKind } from "./vocabulary.ts";

export type Meeting = Awaited<ReturnType<typeof describeMeeting>>;
type Item = Meeting["items"][number];
/** A case's document as the text lists it; `sekretess` is the provision it is marked with. */
export type CaseDocument = { title: string; date: string | null; sekretess: string | null };

/** "Protokoll, Nämnden för Individ & Familjeomsorg, 2023-12-13". */
export const publicationTitle = (kind: PublicationKind, m: Pick<Meeting, "body" | "meetingDate">) =>
  `${kind === "protokoll" ? "Protokoll" : "Föredragningslista"}, ${m.body.name}, ${m.meetingDate}`;

const itemLabel = (kind: PublicationKind, item: Item, index: number) =>
  kind === "protokoll" && item.paragraph ? `§ ${item.paragraph}` : `${index + 1}.`;

const documentLine = (d: CaseDocument) =>
  d.sekretess ? `Handling: ${omissionText(d.sekretess)}` : `${d.title}${d.date ? `, ${d.date}` : ""}`;

/** A NamndDocument block as text blocks of one item. */
function fromDocumentBlock(b: DocumentBlock, itemId: string): SourceBlock[] {
  return [
    ...(b.heading ? [{ style: "h3" as const, text: b.heading, itemId }] : []),
    ...b.paragraphs.filter(Boolean).map((text) => ({ style: "p" as const, text, itemId })),
    ...(b.list ?? []).map((text) => ({ style: "li" as const, text, itemId })),
  ];
}

/** The agenda item as the kallelse presented it: the standing item's snapshot, the förslag till beslut. */
function agendaBlocks(item: Item): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  const presented = item.standing?.presented;
  if (presented) {
    if (presented.forbidden || presented.note) {
      blocks.push({ heading: "Sammanfattning", paragraphs: [presented.note ?? "Redovisas på sammanträdet."] });
    } else {
      blocks.push({ heading: "Sammanfattning", paragraphs: [`Antal: ${presented.count ?? "–"}`] });
      for (const s of presented.sections) {
        blocks.push({ heading: `${s.heading}: ${s.count ?? "–"}`, level: 3, paragraphs: [], list: s.lines });
      }
    }
  }
  if (item.proposal) blocks.push({ heading: "Förslag till beslut", paragraphs: [item.proposal] });
  return blocks;
}

/**
 * The meeting's text for one kind of publication. `documents` holds each ärende's handlingar by case id.
 */
export function publicationSource(
  kind: PublicationKind,
  meeting: Meeting,
  documents: ReadonlyMap<string, readonly CaseDocument[]>,
): Source {
  const when = [meeting.meetingDate, meeting.startTime && `kl. ${meeting.startTime}`, meeting.place]
    .filter(Boolean)
    .join(", ");
  const blocks: SourceBlock[] = [{ style: "p", text: `${meeting.body.name}, sammanträde ${when}.`, itemId: null }];
  if (kind === "protokoll") {
    blocks.push({ style: "h3", text: "Närvarande", itemId: null });
    for (const a of meeting.attendees.filter((x) => x.present)) {
      blocks.push({
        style: "li",
        text: `${memberLabel(a)}, ${attendeeRoleLabels[a.role].toLowerCase()}`,
        itemId: null,
      });
    }
  }
  const items = meeting.items.map((item, index) => ({ id: item.id, label: itemLabel(kind, item, index) }));
  meeting.items.forEach((item, index) => {
    blocks.push({ style: "h2", text: `${itemLabel(kind, item, index)} ${item.title}`, itemId: item.id });
    if (item.case) blocks.push({ style: "p", text: `Dnr ${item.case.diarienummer}`, itemId: item.id });
    const parts = kind === "protokoll" ? paragraphBlocks(item) : agendaBlocks(item);
    for (const b of parts) blocks.push(...fromDocumentBlock(b, item.id));
    const docs = item.case ? (documents.get(item.case.id) ?? []) : [];
    if (docs.length > 0) {
      blocks.push({ style: "h3", text: "Handlingar", itemId: item.id });
      for (const d of docs) blocks.push({ style: "li", text: documentLine(d), itemId: item.id });
    }
  });
  if (kind === "protokoll" && meeting.adjustedOn) {
    const adjusters = meeting.attendees.filter((a) => a.adjuster).map((a) => a.name);
    blocks.push({ style: "h3", text: "Justering", itemId: null });
    blocks.push({
      style: "p",
      text: `Protokollet justerades ${meeting.adjustedOn}. Justerare: ${adjusters.join(", ")}.`,
      itemId: null,
    });
  }
  return { blocks, items };
}
