// What the audit log route answers, in wire form (camelCase keys, timestamps as ISO strings).
import { z } from "zod";

export const auditEvent = z.object({
  id: z.number().int(),
  createdAt: z.iso.datetime(),
  actorName: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  /** The audited row before and after, as stored (its own column names). */
  before: z.unknown(),
  after: z.unknown(),
  orgNodeName: z.string().nullable(),
});

export const auditPage = z.object({ total: z.number().int(), rows: z.array(auditEvent) });
