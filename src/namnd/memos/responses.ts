// What the tjänsteskrivelse routes answer, in wire form. Browser-safe.
import { z } from "zod";
import { basisKinds, childQuestionCodes, memoStatuses, verbCodes } from "./vocabulary.ts";

const date = z.iso.date();

export const memoSummary = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(memoStatuses),
  title: z.string(),
  memoDate: date,
  completedOn: date.nullable(),
  supersedesId: z.uuid().nullable(),
  supersededById: z.uuid().nullable(),
});

export const memosResponse = z.object({ memos: z.array(memoSummary), canWrite: z.boolean() });

export const memoResponse = memoSummary.extend({
  case: z.object({ id: z.uuid(), diarienummer: z.string(), title: z.string() }),
  namnd: z.object({ id: z.uuid(), name: z.string() }),
  municipality: z.string(),
  letterhead: z.boolean(),
  department: z.string().nullable(),
  handler: z.object({ name: z.string(), title: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  clauses: z.array(z.object({ verb: z.enum(verbCodes), text: z.string(), rendered: z.string() })),
  summary: z.string(),
  basis: z.array(
    z.object({
      kind: z.enum(basisKinds),
      documentId: z.uuid().nullable(),
      issuer: z.string().nullable(),
      title: z.string().nullable(),
      body: z.string().nullable(),
      date: date.nullable(),
      paragraph: z.number().int().nullable(),
      rendered: z.string(),
    }),
  ),
  recipients: z.array(z.string()),
  description: z.string().nullable(),
  childAssessment: z.array(z.object({ question: z.enum(childQuestionCodes), answer: z.string() })).nullable(),
  signatures: z.array(z.object({ name: z.string(), title: z.string() })),
  /** The case's documents a beslutsunderlag may cite. */
  documents: z.array(z.object({ id: z.uuid(), title: z.string(), documentDate: date.nullable(), registeredOn: date })),
  canWrite: z.boolean(),
});
