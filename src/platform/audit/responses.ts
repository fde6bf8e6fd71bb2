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
  /** The entity's Swedish name, the record's title and the changed fields, for people (describe.ts). */
  entityLabel: z.string(),
  title: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), label: z.string(), from: z.string(), to: z.string() })),
});

export const auditPage = z.object({ total: z.number().int(), rows: z.array(auditEvent) });

/** The logged entities by their Swedish names, for the filter. */
export const auditEntities = z.object({ entities: z.array(z.object({ entity: z.string(), label: z.string() })) });
