import { z } from "zod";
import { labelled, nonEmptyPatch } from "../../platform/validation.ts";
import { isoDate } from "../schema.ts";
import { COMPLAINT_TEXT_MAX, categories, channels, complaintTypes, senderTypes } from "./vocabulary.ts";

/** Free text: trimmed, empty means none. */
const text = z
  .string()
  .trim()
  .max(COMPLAINT_TEXT_MAX, `Högst ${COMPLAINT_TEXT_MAX} tecken.`)
  .transform((s) => (s === "" ? null : s))
  .nullish();

const fields = {
  receivedOn: labelled(isoDate, "Mottagen"),
  channel: labelled(z.enum(channels, `Kanalen ska vara en av ${channels.join(", ")}.`), "Kanal"),
  senderType: labelled(z.enum(senderTypes, `Avsändaren ska vara en av ${senderTypes.join(", ")}.`), "Avsändare"),
  type: labelled(z.enum(complaintTypes, `Typen ska vara en av ${complaintTypes.join(", ")}.`), "Typ"),
  category: labelled(z.enum(categories, `Kategorin ska vara en av ${categories.join(", ")}.`).nullish(), "Kategori"),
  anonymous: labelled(z.boolean(), "Anonym avsändare"),
  political: labelled(z.boolean(), "Politisk synpunkt"),
  dnr: labelled(
    z
      .string()
      .trim()
      .max(40, "Högst 40 tecken.")
      .transform((s) => (s === "" ? null : s))
      .nullish(),
    "Diarienummer",
  ),
  summary: labelled(
    z.string().trim().min(1, "Sammanfatta synpunkten.").max(COMPLAINT_TEXT_MAX, `Högst ${COMPLAINT_TEXT_MAX} tecken.`),
    "Sammanfattning",
  ),
  acknowledgedOn: labelled(isoDate.nullish(), "Mottagandet bekräftat"),
};

/** A new synpunkt or klagomål as it is taken in, by anyone on the unit. */
export const registerInput = z.object({
  orgNodeId: labelled(z.uuid(), "Enhet"),
  ...fields,
  anonymous: fields.anonymous.default(false),
  political: fields.political.default(false),
});
export type RegisterInput = z.infer<typeof registerInput>;

/** The handling: each field left out stays as it is; null clears it. */
export const complaintPatch = nonEmptyPatch(
  z
    .object({
      ...fields,
      answeredOn: labelled(isoDate.nullish(), "Besvarad"),
      answer: labelled(text, "Svaret i korthet"),
      measures: labelled(text, "Åtgärder"),
    })
    .partial(),
);
export type ComplaintPatch = z.infer<typeof complaintPatch>;

export const closeInput = z.object({ closedOn: labelled(isoDate.optional(), "Avslutad") });

/** Every field the rules may refuse, named as the forms name them (for `labelledProblems`). */
export const complaintFields = z.object({ ...registerInput.shape, ...complaintPatch.shape, ...closeInput.shape });

export const complaintsQuery = z.object({
  orgNodeId: labelled(z.uuid(), "Organisation"),
  year: labelled(z.coerce.number().int().min(2000).max(2100).optional(), "År (mottagen)"),
  /** A period of receipt, both days included (the joint view's period). */
  periodStart: labelled(isoDate.optional(), "Mottagen från"),
  periodEnd: labelled(isoDate.optional(), "Mottagen till och med"),
  type: labelled(z.enum(complaintTypes).optional(), "Typ"),
  channel: labelled(z.enum(channels).optional(), "Kanal"),
  /** Open (not closed) or closed ones only. */
  state: labelled(z.enum(["oppna", "avslutade"]).optional(), "Läge"),
  limit: labelled(z.coerce.number().int().min(1).max(200).default(50), "Antal per sida"),
  offset: labelled(z.coerce.number().int().min(0).max(1_000_000).default(0), "Hoppa över"),
});
export type ComplaintsQuery = z.infer<typeof complaintsQuery>;

/** The nämnd's period: received from `from` to `to`, both included. */
export const periodQuery = z
  .object({
    orgNodeId: labelled(z.uuid(), "Organisation"),
    periodStart: labelled(isoDate, "Mottagna från"),
    periodEnd: labelled(isoDate, "Mottagna till och med"),
  })
  .refine((q) => q.periodStart <= q.periodEnd, {
    path: ["periodEnd"],
    message: "Periodens slut ligger före dess början.",
  });
export type PeriodQuery = z.infer<typeof periodQuery>;

export const complaintStatisticsQuery = z.object({
  orgNodeId: labelled(z.uuid(), "Organisation"),
  /** Without it: the newest year with synpunkter under the node (this year when there are none). */
  year: labelled(z.coerce.number().int().min(2000).max(2100).optional(), "År"),
  asOf: labelled(isoDate.optional(), "Per datum"),
});
export type ComplaintStatisticsQuery = z.infer<typeof complaintStatisticsQuery>;
