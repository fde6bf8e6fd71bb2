// What the publishing routes answer, in wire form. Browser-safe. The public answers hold only published,
// masked text: no reviewer, no masks, no source.
import { z } from "zod";
import { blockStyles, maskKinds, publicationKinds } from "./vocabulary.ts";

const date = z.iso.date();
const span = { block: z.number().int(), start: z.number().int(), end: z.number().int() };
const publicBlock = z.object({ style: z.enum(blockStyles), text: z.string() });

const versionRef = z.object({ id: z.uuid(), version: z.number().int() }).nullable();

export const publicationSummary = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  kind: z.enum(publicationKinds),
  title: z.string(),
  meetingDate: date,
  bodyName: z.string(),
  version: z.number().int(),
  publishedAt: z.string(),
  /** The newer version that corrects this one, if any. */
  replacedBy: versionRef,
});

/** The review page: the text before masking, the proposals, the lagrum an item may be left out under. */
export const reviewResponse = z.object({
  meeting: z.object({ id: z.uuid(), bodyName: z.string(), meetingDate: date, status: z.string() }),
  kind: z.enum(publicationKinds),
  title: z.string(),
  sourceChecksum: z.string(),
  blocks: z.array(publicBlock.extend({ itemId: z.uuid().nullable() })),
  items: z.array(z.object({ id: z.uuid(), label: z.string() })),
  proposed: z.array(z.object({ ...span, kind: z.enum(maskKinds) })),
  lagrum: z.array(z.object({ code: z.string(), reference: z.string(), description: z.string() })),
  /** Earlier versions of this publication (the newest is the one a correction replaces). */
  versions: z.array(publicationSummary),
  /** Why it cannot be published yet (the meeting's status), or null. */
  blocked: z.string().nullable(),
});

/** A publication with its review record, for the nämnd's own readers. */
export const publicationResponse = publicationSummary.extend({
  namnd: z.object({ id: z.uuid(), name: z.string() }),
  replaces: versionRef,
  correctionNote: z.string().nullable(),
  blocks: z.array(publicBlock),
  masks: z.array(
    z.object({
      ...span,
      kind: z.enum(maskKinds),
      origin: z.enum(["forslag", "granskare"]),
      reason: z.string().nullable(),
    }),
  ),
  lifted: z.array(z.object({ ...span, kind: z.enum(maskKinds), reason: z.string() })),
  omitted: z.array(z.object({ itemId: z.uuid(), label: z.string(), lagrum: z.string() })),
  checksum: z.string(),
  reviewerName: z.string(),
});

export const publicationsResponse = z.array(publicationSummary);

const kommun = z.string().nullable();

export const publicNamnderResponse = z.object({
  kommun,
  /** Each nämnd with its kommun's name (an installation may publish for several kommuner). */
  namnder: z.array(z.object({ id: z.uuid(), name: z.string(), kommun: z.string(), publications: z.number().int() })),
});

export const publicNamndResponse = z.object({
  kommun,
  namnd: z.object({ id: z.uuid(), name: z.string() }),
  publications: z.array(publicationSummary),
});

export const publicPublicationResponse = z.object({
  kommun,
  namnd: z.object({ id: z.uuid(), name: z.string() }),
  publication: publicationSummary.extend({
    replaces: versionRef,
    correctionNote: z.string().nullable(),
    checksum: z.string(),
    blocks: z.array(publicBlock),
  }),
});
