import { z } from "zod";
import { nonEmptyPatch } from "../platform/validation.ts";
import { eventKinds, eventStatuses, TEXT_MAX, typeGroups, workCategories } from "./vocabulary.ts";

/** A calendar date that exists (zod checks month lengths and leap years); "date" in the API description. */
export const isoDate = z.iso.date("Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD.");

/** Free text: trimmed, empty means none. */
const text = z
  .string()
  .trim()
  .max(TEXT_MAX, `Högst ${TEXT_MAX} tecken.`)
  .transform((s) => (s === "" ? null : s))
  .nullish();

export const listCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,60}$/, "Koden får innehålla a–z, 0–9 och bindestreck.");
const codes = z.array(listCode).max(20, "Högst 20 val.");

export const nodeQuery = z.object({ orgNodeId: z.uuid() });

export const reportInput = z.object({
  orgNodeId: z.uuid(),
  kind: z.enum(eventKinds, "Ange avvikelse eller arbetsmiljo.").default("avvikelse"),
  category: z.enum(workCategories, "Kategorin ska vara riskobservation, tillbud eller olycksfall.").nullish(),
  occurredOn: isoDate,
  noticedOn: isoDate,
  whatHappened: z.string().trim().min(1, "Beskriv vad som hände.").max(TEXT_MAX, `Högst ${TEXT_MAX} tecken.`),
  immediateAction: text,
});
export type ReportInput = z.infer<typeof reportInput>;

/** The enhetschef's work on a händelse: each field left out stays as it is; null clears it. */
export const eventPatch = z
  .object({
    category: z.enum(workCategories, "Kategorin ska vara riskobservation, tillbud eller olycksfall.").nullish(),
    occurredOn: isoDate,
    noticedOn: isoDate,
    whatHappened: z.string().trim().min(1, "Beskriv vad som hände.").max(TEXT_MAX, `Högst ${TEXT_MAX} tecken.`),
    immediateAction: text,
    types: codes,
    causes: codes,
    investigation: text,
    measures: text,
    lexSarahOn: isoDate.nullish(),
    masOn: isoDate.nullish(),
  })
  .partial();
export type EventPatch = z.infer<typeof eventPatch>;

export const closeInput = z.object({ closedOn: isoDate.optional() });

export const eventsQuery = z.object({
  orgNodeId: z.uuid(),
  kind: z.enum(eventKinds).default("avvikelse"),
  status: z.enum(eventStatuses).optional(),
  type: listCode.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type EventsQuery = z.infer<typeof eventsQuery>;

export const statisticsQuery = z.object({
  orgNodeId: z.uuid(),
  /** Without it: the newest year with avvikelser under the node (this year when there are none). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Open händelser older than this many days are listed. */
  openDays: z.coerce.number().int().min(0).max(3650).default(30),
  /** Units with at most this many avvikelser in the year count as reporting almost nothing. */
  quietMax: z.coerce.number().int().min(0).max(1000).default(2),
  asOf: isoDate.optional(),
});
export type StatisticsQuery = z.infer<typeof statisticsQuery>;

const listFields = {
  name: z.string().trim().min(1).max(200),
  active: z.boolean(),
  sortOrder: z.number().int().min(-1_000_000).max(1_000_000),
};
export const typeInput = z.object({
  ...listFields,
  orgNodeId: z.uuid(),
  code: listCode,
  group: z.enum(typeGroups, "Gruppen ska vara hsl, social eller ovrigt."),
  active: listFields.active.default(true),
  sortOrder: listFields.sortOrder.default(0),
});
export const typePatch = nonEmptyPatch(z.object({ ...listFields, group: z.enum(typeGroups) }).partial());
export const causeInput = z.object({
  ...listFields,
  orgNodeId: z.uuid(),
  code: listCode,
  active: listFields.active.default(true),
  sortOrder: listFields.sortOrder.default(0),
});
export const causePatch = nonEmptyPatch(z.object(listFields).partial());
