// What the Nämnd routes answer, in wire form (camelCase keys, dates as ISO strings). Browser-safe: zod and
// the pure vocabularies only; the web client takes its types from here.
import { z } from "zod";
import { caseStatuses, documentDirections, documentTypes, referenceKinds } from "./vocabulary.ts";

const int = z.number().int();
const date = z.iso.date();
const named = z.object({ id: z.uuid(), name: z.string() });

export const listsResponse = z.object({
  namnd: z.object({ id: z.uuid(), name: z.string(), prefix: z.string() }),
  types: z.array(z.object({ code: z.string(), name: z.string(), active: z.boolean() })),
  lagrum: z.array(z.object({ code: z.string(), reference: z.string(), description: z.string(), active: z.boolean() })),
  /** The last number issued per year, newest year first. */
  series: z.array(z.object({ year: int, lastNumber: int })),
  /** Standing series and the newest year each has a case for. */
  standing: z.array(z.object({ series: z.string(), type: z.string(), latestYear: int })),
});

export const handlersResponse = z.array(named.extend({ username: z.string() }));

export const caseSummary = z.object({
  id: z.uuid(),
  diarienummer: z.string(),
  year: int,
  number: int,
  title: z.string(),
  type: z.object({ code: z.string(), name: z.string() }),
  registeredOn: date,
  receivedOn: date.nullable(),
  handler: named.nullable(),
  status: z.enum(caseStatuses),
  closedOn: date.nullable(),
  standing: z.boolean(),
});

export const casesResponse = z.object({
  total: int,
  /** The search read as a diarienummer in its canonical form, or null when it was taken as free text. */
  diarienummer: z.string().nullable(),
  cases: z.array(caseSummary.extend({ documentCount: int })),
});

export const documentResponse = z.object({
  id: z.uuid(),
  title: z.string(),
  fileName: z.string(),
  contentType: z.enum(documentTypes),
  sizeBytes: int,
  direction: z.enum(documentDirections),
  documentDate: date.nullable(),
  registeredOn: date,
  /** The sekretess marking, with the provision it cites. */
  sekretess: z.object({ code: z.string(), reference: z.string() }).nullable(),
});

export const caseResponse = caseSummary.extend({
  namnd: z.object({ id: z.uuid(), name: z.string() }),
  links: z.array(z.object({ id: z.uuid(), diarienummer: z.string(), title: z.string(), status: z.enum(caseStatuses) })),
  references: z.array(
    z.object({ id: z.uuid(), kind: z.enum(referenceKinds), value: z.string(), note: z.string().nullable() }),
  ),
  documents: z.array(documentResponse),
  /** The reader may change the case (write:namnd on the nämnd). */
  canWrite: z.boolean(),
  /** The reader may open documents marked sekretess (read:personal on the nämnd). */
  canReadSecret: z.boolean(),
});

export const standingResponse = z.object({ year: int, created: z.array(caseSummary) });
