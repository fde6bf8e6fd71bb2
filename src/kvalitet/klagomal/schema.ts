import { z } from "zod";
import { nonEmptyPatch } from "../../platform/validation.ts";
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
  receivedOn: isoDate,
  channel: z.enum(channels, `Kanalen ska vara en av ${channels.join(", ")}.`),
  senderType: z.enum(senderTypes, `Avsändaren ska vara en av ${senderTypes.join(", ")}.`),
  type: z.enum(complaintTypes, `Typen ska vara en av ${complaintTypes.join(", ")}.`),
  category: z.enum(categories, `Kategorin ska vara en av ${categories.join(", ")}.`).nullish(),
  anonymous: z.boolean(),
  political: z.boolean(),
  dnr: z
    .string()
    .trim()
    .max(40, "Högst 40 tecken.")
    .transform((s) => (s === "" ? null : s))
    .nullish(),
  summary: z
    .string()
    .trim()
    .min(1, "Sammanfatta synpunkten.")
    .max(COMPLAINT_TEXT_MAX, `Högst ${COMPLAINT_TEXT_MAX} tecken.`),
  acknowledgedOn: isoDate.nullish(),
};

/** A new synpunkt or klagomål as it is taken in, by anyone on the unit. */
export const registerInput = z.object({
  orgNodeId: z.uuid(),
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
      answeredOn: isoDate.nullish(),
      answer: text,
      measures: text,
    })
    .partial(),
);
export type ComplaintPatch = z.infer<typeof complaintPatch>;

export const closeInput = z.object({ closedOn: isoDate.optional() });

export const complaintsQuery = z.object({
  orgNodeId: z.uuid(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  type: z.enum(complaintTypes).optional(),
  channel: z.enum(channels).optional(),
  /** Open (not closed) or closed ones only. */
  state: z.enum(["oppna", "avslutade"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ComplaintsQuery = z.infer<typeof complaintsQuery>;

/** The nämnd's period: received from `from` to `to`, both included. */
export const periodQuery = z
  .object({ orgNodeId: z.uuid(), periodStart: isoDate, periodEnd: isoDate })
  .refine((q) => q.periodStart <= q.periodEnd, {
    path: ["periodEnd"],
    message: "Periodens slut ligger före dess början.",
  });
export type PeriodQuery = z.infer<typeof periodQuery>;

export const complaintStatisticsQuery = z.object({
  orgNodeId: z.uuid(),
  /** Without it: the newest year with synpunkter under the node (this year when there are none). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  asOf: isoDate.optional(),
});
export type ComplaintStatisticsQuery = z.infer<typeof complaintStatisticsQuery>;
