// Nämnd's input schemas (zod): what the diarium's routes, forms and import accept. Browser-safe.
import { z } from "zod";
import { labelled, nonEmptyPatch } from "../platform/validation.ts";
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

const title = labelled(
  z.string().trim().min(1, "Ange ärendets rubrik.").max(TITLE_MAX, `Högst ${TITLE_MAX} tecken.`),
  "Rubrik",
);
const year = z.coerce.number().int().min(1990).max(2200);

const namndId = labelled(z.uuid(), "Nämnd");

export const namndQuery = z.object({ orgNodeId: namndId });

export const casesQuery = z.object({
  orgNodeId: namndId,
  /** Free text over titles, or a diarienummer in any variant people write. */
  q: labelled(z.string().trim().max(200, "Högst 200 tecken.").optional(), "Diarienummer eller sökord"),
  year: labelled(year.optional(), "År"),
  status: labelled(z.enum(caseStatuses).optional(), "Status"),
  type: labelled(listCode.optional(), "Ärendetyp"),
  standing: labelled(z.stringbool().optional(), "Stående"),
  handlerId: labelled(z.uuid().optional(), "Handläggare"),
  limit: labelled(z.coerce.number().int().min(1).max(200).default(50), "Antal per sida"),
  offset: labelled(z.coerce.number().int().min(0).max(1_000_000).default(0), "Hoppa över"),
});
export type CasesQuery = z.infer<typeof casesQuery>;

export const caseInput = z.object({
  orgNodeId: namndId,
  title,
  type: labelled(listCode, "Ärendetyp"),
  receivedOn: labelled(isoDate.nullish(), "Inkom"),
  handlerId: labelled(z.uuid().nullish(), "Handläggare"),
  /** A standing yearly case: one per year, its title ending with the year. */
  standing: labelled(z.boolean().default(false), "Stående ärende"),
});
export type CaseInput = z.infer<typeof caseInput>;

/** Each field left out stays as it is; null clears it. */
export const casePatch = nonEmptyPatch(
  z
    .object({
      title,
      type: labelled(listCode, "Ärendetyp"),
      receivedOn: labelled(isoDate.nullable(), "Inkom"),
      handlerId: labelled(z.uuid().nullable(), "Handläggare"),
      status: labelled(z.enum(caseStatuses, "Status ska vara oppet, vilande eller avslutat."), "Status"),
      closedOn: labelled(isoDate.nullable(), "Avslutat den"),
    })
    .partial(),
);
export type CasePatch = z.infer<typeof casePatch>;

/** Another case of the same nämnd, by its diarienummer in any variant. */
export const linkInput = z.object({
  diarienummer: labelled(z.string().trim().min(1, "Ange diarienumret.").max(60), "Diarienummer att länka"),
});
export const unlinkQuery = z.object({ caseId: labelled(z.uuid(), "Länkat ärende") });

export const referenceInput = z.object({
  /** Left out: recognised from the value. */
  kind: labelled(z.enum(referenceKinds).optional(), "Slag"),
  value: labelled(z.string().trim().min(1, "Ange referensen.").max(200), "Beteckning"),
  note: labelled(
    z
      .string()
      .trim()
      .max(200)
      .transform((s) => (s === "" ? null : s))
      .nullish(),
    "Anteckning",
  ),
});
export type ReferenceInput = z.infer<typeof referenceInput>;
export const referenceQuery = z.object({ referenceId: labelled(z.uuid(), "Referens") });

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
  name: labelled(fileName, "Fil"),
  title: labelled(z.string().trim().max(300).optional(), "Rubrik"),
  direction: labelled(z.enum(documentDirections, "Ange inkommande, upprattad eller utgaende."), "Riktning"),
  documentDate: labelled(isoDate.optional(), "Handlingens datum"),
  /** The provision a sekretess marking cites; left out: not marked. */
  lagrum: labelled(listCode.optional(), "Sekretess"),
});
export type UploadQuery = z.infer<typeof uploadQuery>;

export const downloadQuery = z.object({ documentId: labelled(z.uuid(), "Handling") });

export const documentPatch = nonEmptyPatch(
  z
    .object({
      title: labelled(z.string().trim().min(1).max(300), "Rubrik"),
      direction: labelled(z.enum(documentDirections), "Riktning"),
      documentDate: labelled(isoDate.nullable(), "Handlingens datum"),
      /** null lifts the sekretess marking. */
      lagrum: labelled(listCode.nullable(), "Sekretess"),
    })
    .partial(),
);
export type DocumentPatch = z.infer<typeof documentPatch>;

export const standingInput = z.object({ orgNodeId: namndId, year: labelled(year, "År") });
