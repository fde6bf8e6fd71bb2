// The tjänsteskrivelse's input schemas (zod). Browser-safe: the editor's form sends exactly this.
import { z } from "zod";
import { isoDate } from "../schema.ts";
import { childQuestionCodes, MEMO_LIMITS as L, verbCodes } from "./vocabulary.ts";

const text = (max: number, empty: string) => z.string().trim().min(1, empty).max(max, `Högst ${max} tecken.`);
/** Optional text: an empty string is no value. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Högst ${max} tecken.`)
    .transform((s) => (s === "" ? null : s))
    .nullish()
    .transform((s) => s ?? null);

const verb = z.enum(verbCodes, "Välj ett beslutsverb ur listan.");

export const basisInput = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("handling"),
      documentId: z.uuid("Välj en handling i ärendet."),
      issuer: optionalText(200),
    }),
    z.object({
      kind: z.literal("protokoll"),
      body: text(200, "Ange vems protokoll (nämnden, Kommunfullmäktige …)."),
      date: isoDate,
      paragraph: z.number("Ange paragrafens nummer.").int().min(1, "Paragrafen är minst 1.").max(9999),
    }),
    z.object({
      kind: z.literal("annan"),
      issuer: optionalText(200),
      title: text(300, "Ange handlingens namn."),
      date: isoDate,
    }),
  ],
  "Ange underlagets slag: handling, protokoll eller annan.",
);

export const memoInput = z.object({
  memoDate: isoDate,
  title: text(L.title, "Ange skrivelsens rubrik."),
  /** Print the letterhead (Datum, Diarienummer, handläggare). */
  letterhead: z.boolean().default(true),
  /** Left out: the förvaltning under the nämnd. */
  department: optionalText(200),
  handler: z
    .object({
      name: text(200, "Ange handläggarens namn."),
      title: optionalText(200),
      phone: optionalText(40),
    })
    .nullish()
    .transform((h) => h ?? null),
  clauses: z
    .array(z.object({ verb, text: z.string().trim().max(L.clauseText, `Högst ${L.clauseText} tecken.`) }))
    .max(L.clauses, `Högst ${L.clauses} beslutssatser.`),
  summary: z.string().trim().max(L.summary, `Högst ${L.summary} tecken.`).default(""),
  basis: z.array(basisInput).max(L.basis, `Högst ${L.basis} beslutsunderlag.`).default([]),
  recipients: z
    .array(text(L.recipient, "Ange mottagaren eller ta bort raden."))
    .max(L.recipients, `Högst ${L.recipients} mottagare.`)
    .default([]),
  description: optionalText(L.description),
  childAssessment: z
    .array(
      z.object({
        question: z.enum(childQuestionCodes, "Okänd fråga i barnets bästa-prövningen."),
        answer: z.string().trim().max(L.childAnswer, `Högst ${L.childAnswer} tecken.`),
      }),
    )
    .nullish()
    .transform((a) => a ?? null),
  signatures: z
    .array(z.object({ name: text(L.name, "Ange namnet."), title: text(L.name, "Ange titeln.") }))
    .max(L.signatures, `Högst ${L.signatures} underskrifter.`)
    .default([]),
});
export type MemoInput = z.infer<typeof memoInput>;
