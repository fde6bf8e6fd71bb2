// What the access log route answers, in wire form (camelCase keys, timestamps as ISO strings).
import { z } from "zod";

export const accessEntry = z.object({
  id: z.number().int(),
  createdAt: z.iso.datetime(),
  actorId: z.uuid().nullable(),
  actorName: z.string(),
  operation: z.string(),
  purpose: z.string(),
  /** All records the read disclosed; `records` lists the first of them. */
  recordCount: z.number().int(),
  orgNodeName: z.string().nullable(),
  records: z.array(
    z.object({
      entity: z.string(),
      recordId: z.string(),
      personId: z.string().nullable(),
      orgNodeName: z.string().nullable(),
    }),
  ),
});

export const accessPage = z.object({ total: z.number().int(), rows: z.array(accessEntry) });
