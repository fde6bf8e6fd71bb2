// The tjänsteskrivelse's input schemas (zod). Browser-safe: the editor's form sends exactly this.
import { z } from "zod";
import { labelled } from "../../platform/validation.ts";
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
      kind: labelled(z.literal("handling"), "Slag"),
      documentId: labelled(z.uuid("Välj en handling i ärendet."), "Handling"),
      issuer: labelled(optionalText(200), "Utfärdare"),
    }),
    z.object({
      kind: labelled(z.literal("protokoll"), "Slag"),
      body: labelled(text(200, "Ange vems protokoll (nämnden, Kommunfullmäktige …)."), "Organ"),
      date: labelled(isoDate, "Datum"),
      paragraph: labelled(
        z.number("Ange paragrafens nummer.").int().min(1, "Paragrafen är minst 1.").max(9999),
        "Paragraf (§)",
      ),
    }),
    z.object({
      kind: labelled(z.literal("annan"), "Slag"),
      issuer: labelled(optionalText(200), "Utfärdare"),
      title: labelled(text(300, "Ange handlingens namn."), "Handlingens namn"),
      date: labelled(isoDate, "Datum"),
    }),
  ],
  "Ange underlagets slag: handling, protokoll eller annan.",
);

export const memoInput = z.object({
  memoDate: labelled(isoDate, "Datum"),
  title: labelled(text(L.title, "Ange skrivelsens rubrik."), "Rubrik"),
  /** Print the letterhead (Datum, Diarienummer, handläggare). */
  letterhead: labelled(z.boolean().default(true), "Brevhuvud"),
  /** Left out: the förvaltning under the nämnd. */
  department: labelled(optionalText(200), "Förvaltning eller avdelning"),
  handler: labelled(
    z
      .object({
        name: labelled(text(200, "Ange handläggarens namn."), "Namn"),
        title: labelled(optionalText(200), "Titel"),
        phone: labelled(optionalText(40), "Telefon"),
      })
      .nullish()
      .transform((h) => h ?? null),
    "Handläggare",
  ),
  clauses: labelled(
    z
      .array(
        z.object({
          verb: labelled(verb, "Beslutsverb"),
          text: labelled(z.string().trim().max(L.clauseText, `Högst ${L.clauseText} tecken.`), "Resten av satsen"),
        }),
      )
      .max(L.clauses, `Högst ${L.clauses} beslutssatser.`),
    "Förslag till beslut",
  ),
  summary: labelled(
    z.string().trim().max(L.summary, `Högst ${L.summary} tecken.`).default(""),
    "Sammanfattning av ärendet",
  ),
  basis: labelled(z.array(basisInput).max(L.basis, `Högst ${L.basis} beslutsunderlag.`).default([]), "Beslutsunderlag"),
  recipients: labelled(
    z
      .array(text(L.recipient, "Ange mottagaren eller ta bort raden."))
      .max(L.recipients, `Högst ${L.recipients} mottagare.`)
      .default([]),
    "Beslutet skickas till",
  ),
  description: labelled(optionalText(L.description), "Beskrivning av ärendet"),
  childAssessment: labelled(
    z
      .array(
        z.object({
          question: labelled(z.enum(childQuestionCodes, "Okänd fråga i barnets bästa-prövningen."), "Fråga"),
          answer: labelled(z.string().trim().max(L.childAnswer, `Högst ${L.childAnswer} tecken.`), "Svar"),
        }),
      )
      .nullish()
      .transform((a) => a ?? null),
    "Barnets bästa-prövning",
  ),
  signatures: labelled(
    z
      .array(
        z.object({
          name: labelled(text(L.name, "Ange namnet."), "Namn"),
          title: labelled(text(L.name, "Ange titeln."), "Titel"),
        }),
      )
      .max(L.signatures, `Högst ${L.signatures} underskrifter.`)
      .default([]),
    "Underskrifter",
  ),
});
export type MemoInput = z.infer<typeof memoInput>;
