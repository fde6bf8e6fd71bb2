import { z } from "zod";
import { labelled, nonEmptyPatch } from "../../platform/validation.ts";
import { isoDate, listCode, listFields } from "../schema.ts";
import { FINDINGS_MAX, inspectionStatuses } from "./vocabulary.ts";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Högst ${max} tecken.`)
    .transform((s) => (s === "" ? null : s))
    .nullish();

const fields = {
  type: labelled(listCode, "Slag av tillsyn"),
  month: labelled(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Ange månaden som ÅÅÅÅ-MM."), "Månad"),
  ivoDnr: labelled(optionalText(60), "IVO:s diarienummer"),
  decisionOn: labelled(isoDate.nullish(), "Beslutsdatum"),
  findings: labelled(optionalText(FINDINGS_MAX), "Iakttagelser och beslut"),
  yttrandeLagrum: labelled(optionalText(100), "Begärt yttrande – Lagrum"),
  yttrandeDueOn: labelled(isoDate.nullish(), "Begärt yttrande – Sista dag"),
  yttrandeRepliedOn: labelled(isoDate.nullish(), "Yttrande inlämnat"),
  status: labelled(z.enum(inspectionStatuses, "Status ska vara pagaende eller avslutad."), "Status"),
  /** When the status is avslutad; without it, the day stored or today. Ignored while pågående. */
  closedOn: labelled(isoDate.nullish(), "Avslutad den"),
};

export const inspectionInput = z.object({
  orgNodeId: labelled(z.uuid(), "Enhet"),
  ...fields,
  status: fields.status.default("pagaende"),
});
export type InspectionInput = z.infer<typeof inspectionInput>;

/** Each field left out stays as it is; null clears it. */
export const inspectionPatch = nonEmptyPatch(z.object(fields).partial());
export type InspectionPatch = z.infer<typeof inspectionPatch>;

export const inspectionsQuery = z.object({
  orgNodeId: labelled(z.uuid(), "Organisation"),
  year: labelled(z.coerce.number().int().min(2000).max(2100).optional(), "År"),
  /** The tillsyn's status today. */
  status: labelled(z.enum(inspectionStatuses, "Status ska vara pagaende eller avslutad.").optional(), "Status"),
});
export type InspectionsQuery = z.infer<typeof inspectionsQuery>;

/** A new kind of tillsyn in the kommun's list; without an order, it goes last. */
export const inspectionTypeInput = z.object({
  orgNodeId: labelled(z.uuid(), "Organisation"),
  code: labelled(listCode, "Kod"),
  name: listFields.name,
  active: listFields.active.default(true),
  sortOrder: listFields.sortOrder.optional(),
});
export const inspectionTypePatch = nonEmptyPatch(z.object(listFields).partial());
