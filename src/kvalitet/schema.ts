import { z } from "zod";
import { labelled, nonEmptyPatch } from "../platform/validation.ts";
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

export const nodeQuery = z.object({ orgNodeId: labelled(z.uuid(), "Organisation") });

export const reportInput = z.object({
  orgNodeId: labelled(z.uuid(), "Enhet"),
  kind: labelled(z.enum(eventKinds, "Ange avvikelse eller arbetsmiljo.").default("avvikelse"), "Slag av händelse"),
  category: labelled(
    z.enum(workCategories, "Kategorin ska vara riskobservation, tillbud eller olycksfall.").nullish(),
    "Kategori",
  ),
  occurredOn: labelled(isoDate, "Inträffade"),
  noticedOn: labelled(isoDate, "Upptäcktes"),
  whatHappened: labelled(
    z.string().trim().min(1, "Beskriv vad som hände.").max(TEXT_MAX, `Högst ${TEXT_MAX} tecken.`),
    "Beskriv vad som hände",
  ),
  immediateAction: labelled(text, "Omedelbar åtgärd"),
});
export type ReportInput = z.infer<typeof reportInput>;

/** The enhetschef's work on a händelse: each field left out stays as it is; null clears it. */
export const eventPatch = z
  .object({
    category: labelled(
      z.enum(workCategories, "Kategorin ska vara riskobservation, tillbud eller olycksfall.").nullish(),
      "Kategori",
    ),
    occurredOn: labelled(isoDate, "Inträffade"),
    noticedOn: labelled(isoDate, "Upptäcktes"),
    whatHappened: labelled(
      z.string().trim().min(1, "Beskriv vad som hände.").max(TEXT_MAX, `Högst ${TEXT_MAX} tecken.`),
      "Beskriv vad som hände",
    ),
    immediateAction: labelled(text, "Omedelbar åtgärd"),
    types: labelled(codes, "Klassificering"),
    causes: labelled(codes, "Orsaker"),
    investigation: labelled(text, "Utredning"),
    measures: labelled(text, "Åtgärder"),
    lexSarahOn: labelled(isoDate.nullish(), "Lex Sarah-rapport (SAS), datum"),
    masOn: labelled(isoDate.nullish(), "Till MAS som vårdskada, datum"),
  })
  .partial();
export type EventPatch = z.infer<typeof eventPatch>;

export const closeInput = z.object({ closedOn: labelled(isoDate, "Avslutad den").optional() });

export const eventsQuery = z.object({
  orgNodeId: labelled(z.uuid(), "Organisation"),
  kind: labelled(z.enum(eventKinds).default("avvikelse"), "Slag"),
  status: labelled(z.enum(eventStatuses).optional(), "Status"),
  type: labelled(listCode.optional(), "Typ"),
  year: labelled(z.coerce.number().int().min(2000).max(2100).optional(), "År (inträffade)"),
  /** A period of occurrence, both days included (the joint view's period). */
  periodStart: labelled(isoDate.optional(), "Inträffade från"),
  periodEnd: labelled(isoDate.optional(), "Inträffade till och med"),
  limit: labelled(z.coerce.number().int().min(1).max(200).default(50), "Antal per sida"),
  offset: labelled(z.coerce.number().int().min(0).max(1_000_000).default(0), "Hoppa över"),
});
export type EventsQuery = z.infer<typeof eventsQuery>;

export const statisticsQuery = z.object({
  orgNodeId: labelled(z.uuid(), "Organisation"),
  /** Without it: the newest year with avvikelser under the node (this year when there are none). */
  year: labelled(z.coerce.number().int().min(2000).max(2100).optional(), "År"),
  /** Open händelser older than this many days are listed. */
  openDays: labelled(z.coerce.number().int().min(0).max(3650).default(30), "Öppna äldre än (dagar)"),
  /** Units with at most this many avvikelser in the year count as reporting almost nothing. */
  quietMax: labelled(z.coerce.number().int().min(0).max(1000).default(2), "Få rapporter: högst"),
  asOf: labelled(isoDate.optional(), "Per datum"),
});
export type StatisticsQuery = z.infer<typeof statisticsQuery>;

/** The editable fields of an entry of a kommun's list (händelse types and causes, the lex Sarah lists). */
export const listFields = {
  name: labelled(z.string().trim().min(1).max(200), "Namn"),
  active: labelled(z.boolean(), "Aktiv"),
  sortOrder: labelled(z.number().int().min(-1_000_000).max(1_000_000), "Ordning"),
};
export const typeInput = z.object({
  ...listFields,
  orgNodeId: labelled(z.uuid(), "Organisation"),
  code: labelled(listCode, "Kod"),
  group: labelled(z.enum(typeGroups, "Gruppen ska vara hsl, social eller ovrigt."), "Grupp"),
  active: listFields.active.default(true),
  sortOrder: listFields.sortOrder.default(0),
});
export const typePatch = nonEmptyPatch(
  z.object({ ...listFields, group: labelled(z.enum(typeGroups), "Grupp") }).partial(),
);
export const causeInput = z.object({
  ...listFields,
  orgNodeId: labelled(z.uuid(), "Organisation"),
  code: labelled(listCode, "Kod"),
  active: listFields.active.default(true),
  sortOrder: listFields.sortOrder.default(0),
});
export const causePatch = nonEmptyPatch(z.object(listFields).partial());
