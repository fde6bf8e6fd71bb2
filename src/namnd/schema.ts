// Nämnd's input schemas (zod): what the diarium's routes, forms and import accept. Browser-safe.
import { z } from "zod";
import { nonEmptyPatch } from "../platform/validation.ts";
import { caseStatuses, documentDirections, referenceKinds, TITLE_MAX } from "./vocabulary.ts";

/** A calendar date that exists, written YYYY-MM-DD. */
export const isoDate = z.iso.date("Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD.");

/** Text that must be given: "Ange <field>." when empty. */
export const requiredText = (field: string, max: number) =>
  z.string().trim().min(1, `Ange ${field}.`).max(max, `Högst ${max} tecken.`);

/** Text that may be left out: empty is no value (null). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Högst ${max} tecken.`)
    .transform((v) => v || null)
    .nullish();

export const listCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,60}$/, "Koden får innehålla a–z, 0–9 och bindestreck.");

const title = z.string().trim().min(1, "Ange ärendets rubrik.").max(TITLE_MAX, `Högst ${TITLE_MAX} tecken.`);
const year = z.coerce.number().int().min(1990).max(2200);

export const namndQuery = z.object({ orgNodeId: z.uuid() });

export const casesQuery = z.object({
  orgNodeId: z.uuid(),
  /** Free text over titles, or a diarienummer in any variant people write. */
  q: z.string().trim().max(200, "Högst 200 tecken.").optional(),
  year: year.optional(),
  status: z.enum(caseStatuses).optional(),
  type: listCode.optional(),
  standing: z.stringbool().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type CasesQuery = z.infer<typeof casesQuery>;

export const caseInput = z.object({
  orgNodeId: z.uuid(),
  title,
  type: listCode,
  receivedOn: isoDate.nullish(),
  handlerId: z.uuid().nullish(),
  /** A standing yearly case: one per year, its title ending with the year. */
  standing: z.boolean().default(false),
});
export type CaseInput = z.infer<typeof caseInput>;

/** Each field left out stays as it is; null clears it. */
export const casePatch = nonEmptyPatch(
  z
    .object({
      title,
      type: listCode,
      receivedOn: isoDate.nullable(),
      handlerId: z.uuid().nullable(),
      status: z.enum(caseStatuses, "Status ska vara oppet, vilande eller avslutat."),
      closedOn: isoDate.nullable(),
    })
    .partial(),
);
export type CasePatch = z.infer<typeof casePatch>;

/** Another case of the same nämnd, by its diarienummer in any variant. */
export const linkInput = z.object({ diarienummer: z.string().trim().min(1, "Ange diarienumret.").max(60) });
export const unlinkQuery = z.object({ caseId: z.uuid() });

export const referenceInput = z.object({
  /** Left out: recognised from the value. */
  kind: z.enum(referenceKinds).optional(),
  value: z.string().trim().min(1, "Ange referensen.").max(200),
  note: z
    .string()
    .trim()
    .max(200)
    .transform((s) => (s === "" ? null : s))
    .nullish(),
});
export type ReferenceInput = z.infer<typeof referenceInput>;
export const referenceQuery = z.object({ referenceId: z.uuid() });

const fileName = z
  .string()
  .trim()
  .min(1, "Ange filens namn.")
  .max(200, "Högst 200 tecken.")
  // A pattern (not a refinement), so the API description and the fuzz tests know it too.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
  .regex(/^[^\\/:*?"<>|\u0000-\u001f\u007f]+$/, 'Filnamnet får inte innehålla \\ / : * ? " < > | eller styrtecken.');

/** An upload's facts travel in the query; the body is the file itself. */
export const uploadQuery = z.object({
  name: fileName,
  title: z.string().trim().max(300).optional(),
  direction: z.enum(documentDirections, "Ange inkommande, upprattad eller utgaende."),
  documentDate: isoDate.optional(),
  /** The provision a sekretess marking cites; left out: not marked. */
  lagrum: listCode.optional(),
});
export type UploadQuery = z.infer<typeof uploadQuery>;

export const downloadQuery = z.object({ documentId: z.uuid() });

export const documentPatch = nonEmptyPatch(
  z
    .object({
      title: z.string().trim().min(1).max(300),
      direction: z.enum(documentDirections),
      documentDate: isoDate.nullable(),
      /** null lifts the sekretess marking. */
      lagrum: listCode.nullable(),
    })
    .partial(),
);
export type DocumentPatch = z.infer<typeof documentPatch>;

export const standingInput = z.object({ orgNodeId: z.uuid(), year });
