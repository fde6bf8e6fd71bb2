// What the IVO-tillsyn routes answer, in wire form. Browser-safe.
import { z } from "zod";
import { inspectionStatuses, yttrandeStatuses } from "./vocabulary.ts";

const date = z.iso.date();

/** A kind of tillsyn in the kommun's list. */
export const inspectionType = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export const inspectionTypesResponse = z.object({ kommunId: z.uuid(), types: z.array(inspectionType) });

export const inspectionResponse = z.object({
  id: z.uuid(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  type: inspectionType.pick({ code: true, name: true }),
  month: z.string(),
  ivoDnr: z.string().nullable(),
  decisionOn: date.nullable(),
  findings: z.string().nullable(),
  yttrandeLagrum: z.string().nullable(),
  yttrandeDueOn: date.nullable(),
  yttrandeRepliedOn: date.nullable(),
  status: z.enum(inspectionStatuses),
  /** The day it was closed; null while pågående. */
  closedOn: date.nullable(),
  /** Where the requested yttrande stands today (the overdue rule). */
  yttrandeStatus: z.enum(yttrandeStatuses),
  /** The reader may edit it (write:kvalitet on its unit). */
  canWrite: z.boolean(),
});

/** A tillsyn as saved, with any warning (a personnummer masked in the findings). */
export const inspectionSaved = inspectionResponse.extend({ warnings: z.array(z.string()) });

export const inspectionsResponse = z.object({ inspections: z.array(inspectionResponse) });
