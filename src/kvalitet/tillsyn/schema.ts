import { z } from "zod";
import { nonEmptyPatch } from "../../platform/validation.ts";
import { isoDate, listCode } from "../schema.ts";
import { FINDINGS_MAX, inspectionStatuses } from "./vocabulary.ts";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Högst ${max} tecken.`)
    .transform((s) => (s === "" ? null : s))
    .nullish();

const fields = {
  type: listCode,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Ange månaden som ÅÅÅÅ-MM."),
  ivoDnr: optionalText(60),
  decisionOn: isoDate.nullish(),
  findings: optionalText(FINDINGS_MAX),
  yttrandeLagrum: optionalText(100),
  yttrandeDueOn: isoDate.nullish(),
  yttrandeRepliedOn: isoDate.nullish(),
  status: z.enum(inspectionStatuses, "Status ska vara pagaende eller avslutad."),
};

export const inspectionInput = z.object({
  orgNodeId: z.uuid(),
  ...fields,
  status: fields.status.default("pagaende"),
});
export type InspectionInput = z.infer<typeof inspectionInput>;

/** Each field left out stays as it is; null clears it. */
export const inspectionPatch = nonEmptyPatch(z.object(fields).partial());
export type InspectionPatch = z.infer<typeof inspectionPatch>;

export const inspectionsQuery = z.object({
  orgNodeId: z.uuid(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type InspectionsQuery = z.infer<typeof inspectionsQuery>;
