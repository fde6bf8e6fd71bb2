// Föreningsbidrag's input schemas (zod), every field labelled for people. Browser-safe.
import { z } from "zod";
import { labelled } from "../../platform/validation.ts";
import { isoDate, optionalText, requiredText } from "../schema.ts";
import { applicationStatuses, fulfilments } from "./vocabulary.ts";

const kronor = (label: string) =>
  labelled(
    z
      .number("Ange ett belopp i hela kronor.")
      .int("Ange beloppet i hela kronor.")
      .min(0, "Beloppet kan inte vara negativt.")
      .max(1_000_000_000, "Beloppet är orimligt stort."),
    label,
  );

export const idParams = z.object({ id: labelled(z.uuid(), "Id") });
export const yearsQuery = z.object({ orgNodeId: labelled(z.uuid(), "Nämnd") });

const criteria = labelled(
  z
    .array(labelled(requiredText("kriteriet", 500), "Kriterium"))
    .min(1, "Ange minst ett kriterium.")
    .max(30, "Högst 30 kriterier."),
  "Kriterier",
);

/** A grant year's frame, återrapport date and criteria; the criteria are the year's own data. */
export const yearFields = z.object({
  frameKronor: kronor("Anslag (kr)"),
  reportDueOn: labelled(isoDate, "Återrapport senast"),
  applicationsOpenOn: labelled(isoDate.nullish(), "Ansökningstiden börjar"),
  applicationsCloseOn: labelled(isoDate.nullish(), "Sista ansökningsdag"),
  criteria,
});
export type YearFields = z.infer<typeof yearFields>;

export const yearInput = yearFields.extend({
  orgNodeId: labelled(z.uuid(), "Nämnd"),
  year: labelled(z.number().int().min(2000, "Ange ett år.").max(2200, "Ange ett år."), "År"),
});
export type YearInput = z.infer<typeof yearInput>;

export const applicationInput = z.object({
  round: labelled(z.union([z.literal(1), z.literal(2)], "Välj första eller andra omgången."), "Omgång"),
  association: labelled(requiredText("föreningens namn", 200), "Förening"),
  purpose: labelled(requiredText("vad bidraget ska användas till", 2000), "Ändamål"),
  amountApplied: labelled(
    z.number("Ange ett belopp i hela kronor.").int("Ange beloppet i hela kronor.").min(1, "Ange sökt belopp."),
    "Sökt belopp (kr)",
  ),
  receivedOn: labelled(isoDate, "Inkom"),
  diarienummer: labelled(optionalText(40), "Diarienummer"),
});
export type ApplicationInput = z.infer<typeof applicationInput>;

/**
 * The next step of an application: komplettering (what is missing), bedömning (each criterion), beslut (amount,
 * reasons, §), utbetalning, återrapport. Which fields a step needs is a rule (rules.ts), so all problems are
 * named at once.
 */
export const stepInput = z.object({
  status: labelled(z.enum(applicationStatuses, "Välj nästa steg."), "Steg"),
  on: labelled(isoDate, "Datum"),
  note: labelled(optionalText(2000), "Anteckning"),
  assessments: labelled(
    z
      .array(
        z.object({
          criterionId: labelled(z.uuid(), "Kriterium"),
          fulfilment: labelled(z.enum(fulfilments, "Välj uppfyllt, delvis eller ej uppfyllt."), "Bedömning"),
          note: labelled(optionalText(1000), "Kommentar"),
        }),
      )
      .max(30)
      .default([]),
    "Bedömning per kriterium",
  ),
  amountGranted: kronor("Beviljat belopp (kr)").nullish(),
  reasons: labelled(optionalText(1000), "Motivering"),
  decisionReference: labelled(optionalText(200), "Beslut (t.ex. IF 2024-03-14 § 32)"),
});
export type StepInput = z.infer<typeof stepInput>;

export const sampleInput = z.object({
  size: labelled(z.number().int("Ange ett heltal.").min(1, "Dra minst en ansökan.").max(100), "Antal ansökningar"),
  seed: labelled(optionalText(100), "Frö (lämna tomt för ett nytt)"),
});
export type SampleInput = z.infer<typeof sampleInput>;

export const memoFileQuery = z.object({
  format: labelled(z.enum(["docx", "pdf"]).default("docx"), "Format"),
});
