// Publishing a meeting's föredragningslista (once kallat) or protokoll (once justerat): the review shows the
// text before masking with the masks Lots proposes (needs write:namnd and read:personal, since it shows the
// personal data it masks); publishing checks the reviewer's decisions against the same text, applies them and
// records who reviewed, when, every mask and lifted proposal with its reason, the items left out under OSL
// and a checksum of the published text. A publication is never changed: a correction is the next version,
// naming the one it replaces and what was corrected.
import { logPersonalDataAccess } from "../../platform/access/log.ts";
import { type Actor, can } from "../../platform/auth/access.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { DomainError, forbidden, notFound } from "../../platform/errors.ts";
import { read, write } from "../../platform/service.ts";
import type { FieldProblem } from "../../platform/validation.ts";
import { namndOf } from "../case-read-service.ts";
import { describeMeeting, meetingOrThrow } from "../meetings/meeting-read-service.ts";
import type { MeetingRow } from "../meetings/repository.ts";
import type { MeetingStatus } from "../meetings/vocabulary.ts";
import * as caseRepo from "../repository.ts";
import type { NamndDB } from "../tables.ts";
import { textChecksum } from "./checksum.ts";
import { finalMasks, type LiftedMask, type OmittedItem, publishedBlocks, reviewProblems, sameSpan } from "./masking.ts";
import { proposeMasks } from "./proposal.ts";
import * as repo from "./repository.ts";
import type { PublishInput } from "./schema.ts";
import { type CaseDocument, publicationSource, publicationTitle } from "./source.ts";
import type { PublicationKind } from "./vocabulary.ts";

type Db = DbOf<NamndDB>;

/** Why a meeting's text of this kind cannot be published yet, or null. */
export function publishBlocked(kind: PublicationKind, status: MeetingStatus): string | null {
  if (kind === "protokoll" && status !== "justerat") return "Protokollet publiceras när det är justerat.";
  if (kind === "foredragningslista" && status === "planerat") {
    return "Föredragningslistan publiceras när kallelsen har gått ut.";
  }
  return null;
}

export const summaryOf = (r: repo.PublicationRow) => ({
  id: r.id,
  meetingId: r.meeting_id,
  kind: r.kind,
  title: r.title,
  meetingDate: r.meeting_date,
  bodyName: r.body_name,
  version: r.version,
  publishedAt: new Date(r.published_at).toISOString(),
  replacedBy: r.replaced_by_id ? { id: r.replaced_by_id, version: r.replaced_by_version as number } : null,
});

/** The text to publish, the proposals and what else the review needs, loaded for the meeting. */
async function prepare(db: Db, actor: Actor, m: MeetingRow, kind: PublicationKind) {
  const meeting = await describeMeeting(db, actor, m);
  const documents = new Map<string, CaseDocument[]>();
  for (const item of meeting.items) {
    if (!item.case || documents.has(item.case.id)) continue;
    documents.set(
      item.case.id,
      (await caseRepo.documentsOf(db, item.case.id)).map((d) => ({
        title: d.title,
        date: d.document_date ?? d.registered_on,
        sekretess: d.lagrum_reference,
      })),
    );
  }
  const source = publicationSource(kind, meeting, documents);
  const proposed = proposeMasks(source.blocks, await repo.privateNames(db, m.org_node_id));
  return { meeting, source, proposed, title: publicationTitle(kind, meeting) };
}

function requireReviewer(actor: Actor, path: string): void {
  if (!can(actor, "write:namnd", path) || !can(actor, "read:personal", path)) {
    throw forbidden(
      "Granskningen visar personuppgifterna som maskeras: den kräver rätt att skriva i nämnden och läsa personuppgifter.",
    );
  }
}

/**
 * The review page's content: the text before masking, Lots' proposals, the lagrum list, earlier versions.
 * It shows the personal data unmasked, so every read is in the access log.
 */
export async function reviewPublication(db: Db, actor: Actor, meetingId: string, kind: PublicationKind) {
  const m = await meetingOrThrow(db, meetingId);
  return read(db, actor, "read:personal", m.org_node_id, async ({ db, node }) => {
    requireReviewer(actor, node.path);
    const { source, proposed, title } = await prepare(db, actor, m, kind);
    await logPersonalDataAccess(db, actor, {
      operation: "namnd.publicering-granskning",
      orgNodeId: node.id,
      records: [{ entity: "namnd_meeting", id: m.id, orgNodeId: m.org_node_id }],
    });
    const lagrum = await caseRepo.lagrumList(db);
    return {
      meeting: { id: m.id, bodyName: m.body_name, meetingDate: m.meeting_date, status: m.status },
      kind,
      title,
      sourceChecksum: textChecksum(source.blocks),
      blocks: source.blocks,
      items: source.items,
      proposed,
      lagrum: lagrum.map((l) => ({ code: l.code, reference: l.reference, description: l.description })),
      versions: (await repo.versionsOf(db, m.id, kind)).map(summaryOf),
      blocked: publishBlocked(kind, m.status),
    };
  });
}

/** "Granskad och publicerad": the reviewed text is published and the review recorded. */
export async function publish(db: Db, actor: Actor, meetingId: string, input: PublishInput) {
  const m = await meetingOrThrow(db, meetingId);
  const id = await write(db, actor, "write:namnd", m.org_node_id, async ({ trx, node, audit }) => {
    requireReviewer(actor, node.path);
    const blocked = publishBlocked(input.kind, m.status);
    if (blocked) throw new DomainError("conflict", blocked);
    // Publications of one meeting queue here, so two corrections sent at once see each other's version.
    await repo.lockMeeting(trx, m.id);
    const versions = await repo.versionsOf(trx, m.id, input.kind);
    const latest = versions[0];
    const basedOn = versions.find((v) => v.id === input.replacesId);
    if (latest && basedOn && basedOn.id !== latest.id) {
      throw new DomainError(
        "conflict",
        `Version ${latest.version} publicerades medan du granskade version ${basedOn.version}; granska den senaste versionen och rätta den.`,
      );
    }
    const { source, proposed, title } = await prepare(trx, actor, m, input.kind);
    if (textChecksum(source.blocks) !== input.sourceChecksum) {
      throw new DomainError("conflict", "Texten har ändrats sedan du granskade den; granska den igen.");
    }
    const review = { added: input.added, lifted: input.lifted };
    const problems: FieldProblem[] = reviewProblems(source.blocks, proposed, review);
    const lagrum = await caseRepo.lagrumList(trx);
    const omitted: OmittedItem[] = [];
    input.omitted.forEach((o, i) => {
      const item = source.items.find((x) => x.id === o.itemId);
      const provision = lagrum.find((l) => l.code === o.lagrum || l.reference === o.lagrum);
      if (!item) problems.push({ field: `omitted.${i}.itemId`, message: "Punkten finns inte på sammanträdet." });
      if (!provision)
        problems.push({ field: `omitted.${i}.lagrum`, message: `Lagrummet ${o.lagrum} finns inte i listan.` });
      if (item && provision) omitted.push({ itemId: item.id, label: item.label, lagrum: provision.reference });
    });
    if (latest && input.replacesId !== latest.id) {
      problems.push({
        field: "replacesId",
        message: `Version ${latest.version} är redan publicerad; en rättelse ersätter den senaste versionen.`,
      });
    }
    if (!latest && input.replacesId)
      problems.push({ field: "replacesId", message: "Det finns ingen version att ersätta." });
    if (latest && !input.correctionNote) problems.push({ field: "correctionNote", message: "Ange vad som rättats." });
    if (problems.length > 0) {
      throw new DomainError("validation", "Granskningen kan inte publiceras: se fälten.", { problems });
    }
    const masks = finalMasks(proposed, review);
    const lifted: LiftedMask[] = input.lifted.map((l) => ({
      block: l.block,
      start: l.start,
      end: l.end,
      kind: proposed.find((p) => sameSpan(p, l))?.kind ?? "ovrigt",
      reason: l.reason,
    }));
    const content = publishedBlocks(source, masks, omitted);
    const checksum = textChecksum(content);
    const id = await repo.insertPublication(trx, {
      org_node_id: m.org_node_id,
      meeting_id: m.id,
      kind: input.kind,
      version: (latest?.version ?? 0) + 1,
      replaces_id: latest?.id ?? null,
      correction_note: latest ? (input.correctionNote ?? null) : null,
      title,
      content,
      masks,
      lifted,
      omitted,
      checksum,
      reviewed_by: actor.id,
      reviewer_name: actor.displayName,
    });
    await audit("namnd_publication", id, "create", {
      after: {
        title,
        kind: input.kind,
        version: (latest?.version ?? 0) + 1,
        replaces_id: latest?.id ?? null,
        checksum,
        masks: masks.length,
        lifted: lifted.length,
        omitted: omitted.length,
      },
    });
    return id;
  });
  return getPublication(db, actor, id);
}

/** A publication with its review record (read on the nämnd). */
export async function getPublication(db: Db, actor: Actor, id: string) {
  const row = await repo.findPublication(db, id);
  if (!row) throw notFound("Publiceringen");
  return read(db, actor, "read", row.org_node_id, async () => ({
    ...summaryOf(row),
    namnd: { id: row.org_node_id, name: row.namnd_name },
    replaces: row.replaces_id ? { id: row.replaces_id, version: row.version - 1 } : null,
    correctionNote: row.correction_note,
    blocks: row.content,
    masks: row.masks,
    lifted: row.lifted,
    omitted: row.omitted,
    checksum: row.checksum,
    reviewerName: row.reviewer_name,
  }));
}

/** The nämnd's publications, every version, newest meeting first. */
export async function listPublications(db: Db, actor: Actor, orgNodeId: string) {
  const namnd = await namndOf(db, orgNodeId);
  return read(db, actor, "read", namnd.id, async ({ db }) => (await repo.publicationsOf(db, namnd.id)).map(summaryOf));
}
