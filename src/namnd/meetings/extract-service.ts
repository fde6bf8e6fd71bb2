// Protokollsutdrag (B4): one § of a justerat protokoll as a NamndDocument, addressed to one of the recipients
// the beslut is sent to, rendered as Word, PDF or the HTML preview.
import { kommunOf } from "../../organisation/index.ts";
import type { Actor } from "../../platform/auth/access.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { read } from "../../platform/service.ts";
import { renderDocx } from "../documents/docx.ts";
import { renderHtml } from "../documents/html.ts";
import type { DocumentBlock, NamndDocument } from "../documents/model.ts";
import { renderPdf } from "../documents/pdf.ts";
import type { NamndDB } from "../tables.ts";
import { describeMeeting, meetingOrThrow } from "./meeting-read-service.ts";
import { motionKindLabels } from "./vocabulary.ts";

type Db = DbOf<NamndDB>;
type Meeting = Awaited<ReturnType<typeof describeMeeting>>;
type Item = Meeting["items"][number];

/** One §'s protokoll in the order B4 prints it (also the published protokoll's); empty parts are left out. */
export function paragraphBlocks(item: Item): DocumentBlock[] {
  const blocks: DocumentBlock[] = [{ heading: "Beslut", paragraphs: [item.decision ?? ""] }];
  const presented = item.standing?.presented ?? item.standing?.live;
  if (presented && !presented.forbidden && presented.sections.length > 0) {
    blocks.push({
      heading: "Sammanfattning av ärendet",
      paragraphs: presented.sections.map((s) => `${s.heading}: ${s.count ?? "–"}`),
    });
  }
  if (item.motions.length > 0) {
    blocks.push({
      heading: "Förslag till beslut på sammanträdet",
      paragraphs: item.motions.map((m) => `${m.member}: ${motionKindLabels[m.kind].toLowerCase()} – ${m.text}`),
    });
  }
  if (item.beslutsgang) blocks.push({ heading: "Beslutsgång", paragraphs: [item.beslutsgang] });
  const jav = item.notes.filter((n) => n.kind === "jav");
  if (jav.length > 0) {
    blocks.push({
      heading: "Jäv",
      paragraphs: jav.map((n) => `${n.member} anmäler jäv och deltar inte i handläggningen av ärendet.`),
    });
  }
  const reservations = item.notes.filter((n) => n.kind === "reservation");
  if (reservations.length > 0) {
    blocks.push({
      heading: "Reservation",
      paragraphs: reservations.map((n) => `${n.member} reserverar sig mot beslutet.`),
    });
  }
  if (item.recipients.length > 0)
    blocks.push({ heading: "Beslutet skickas till", paragraphs: [], list: item.recipients });
  return blocks;
}

/** The utdrag's blocks: the § and its justering. */
function blocksOf(meeting: Meeting, item: Item): DocumentBlock[] {
  const blocks = paragraphBlocks(item);
  const adjusters = meeting.attendees.filter((a) => a.adjuster).map((a) => a.name);
  blocks.push({
    heading: "Justering",
    paragraphs: [
      `Protokollet justerades ${meeting.adjustedOn}. Justerare: ${adjusters.join(", ")}.`,
      "Utdraget bestyrks.",
    ],
  });
  return blocks;
}

/** The utdrag of one § as a document; only a justerat protokoll gives utdrag. */
export async function protocolExtract(db: Db, actor: Actor, meetingId: string, itemId: string, recipient?: string) {
  const m = await meetingOrThrow(db, meetingId);
  return read(db, actor, "read", m.org_node_id, async ({ db, node }) => {
    if (m.status !== "justerat") {
      throw new DomainError(
        "conflict",
        "Protokollsutdrag lämnas ur ett justerat protokoll; justera protokollet först.",
      );
    }
    const meeting = await describeMeeting(db, actor, m);
    const item = meeting.items.find((i) => i.id === itemId);
    if (!item) throw notFound("Paragrafen");
    if (recipient && !item.recipients.includes(recipient)) {
      throw new DomainError(
        "validation",
        `${recipient} står inte bland dem beslutet skickas till i § ${item.paragraph}.`,
        {
          problems: [
            { field: "recipient", message: `Välj en av: ${item.recipients.join(", ") || "(inga mottagare)"}.` },
          ],
        },
      );
    }
    const kommun = await kommunOf(db, node.path);
    const chair = meeting.attendees.find((a) => a.role === "ordforande");
    const doc: NamndDocument = {
      letterhead: { municipality: kommun.name, department: meeting.body.name, date: meeting.meetingDate },
      kind: "PROTOKOLLSUTDRAG",
      reference: `§ ${item.paragraph}${item.case ? ` Dnr ${item.case.diarienummer}` : ""}`,
      continuation: `forts. § ${item.paragraph}`,
      title: item.title,
      blocks: [
        { paragraphs: [`${meeting.body.name}, sammanträde ${meeting.meetingDate}.`] },
        ...blocksOf(meeting, item),
      ],
      signatures: [
        ...(chair ? [{ name: chair.name, title: "Ordförande" }] : []),
        ...meeting.attendees.filter((a) => a.adjuster).map((a) => ({ name: a.name, title: "Justerare" })),
      ],
      ...(recipient ? { footer: `Utdrag till ${recipient}` } : {}),
    };
    return { doc, paragraph: item.paragraph as number, date: meeting.meetingDate };
  });
}

export const extractMediaTypes = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  html: "text/html; charset=utf-8",
} as const;

/** The utdrag as a file: its name, media type and bytes. */
export async function protocolExtractFile(
  db: Db,
  actor: Actor,
  meetingId: string,
  q: { itemId: string; recipient?: string; format: keyof typeof extractMediaTypes },
) {
  const { doc, paragraph, date } = await protocolExtract(db, actor, meetingId, q.itemId, q.recipient);
  const body =
    q.format === "docx" ? await renderDocx(doc) : q.format === "pdf" ? await renderPdf(doc) : renderHtml(doc);
  return {
    fileName: `protokollsutdrag-${date}-paragraf-${paragraph}.${q.format}`,
    contentType: extractMediaTypes[q.format],
    body,
  };
}
