// Input schemas (zod) of reports as records, each field labelled as the forms and messages name it.
import { z } from "zod";
import { isIsoDate } from "../platform/calendar.ts";
import { labelled } from "../platform/validation.ts";
import { reportFormats } from "./formats.ts";
import { reportPeriod } from "./period.ts";
import { chapterStatuses, manualStatuses } from "./workflow.ts";

const key = (label: string) =>
  labelled(z.string().regex(/^[a-z0-9-]{1,40}$/, "Använd a–z, 0–9 och bindestreck."), label);
const date = (label: string) => labelled(z.string().refine(isIsoDate, "Ange datum som ÅÅÅÅ-MM-DD."), label);

export const instanceQuery = z.object({ orgNodeId: labelled(z.uuid(), "Organisation") });
export const createInstanceInput = z.object({
  namndId: labelled(z.uuid(), "Nämnd"),
  mall: key("Mall"),
  /** Left out: the template's default period (a lex Sarah memo's: since the nämnd's last meeting). */
  period: labelled(reportPeriod.optional(), "Period"),
});
export const instanceFileQuery = z.object({ format: labelled(z.enum(reportFormats), "Format") });
export const assignInput = z.object({
  chapter: key("Kapitel"),
  writerId: labelled(z.uuid().nullable(), "Skribent"),
  deadline: date("Klart senast").nullable(),
});
export const textInput = z.object({
  block: key("Textblock"),
  text: labelled(z.string().trim().min(1, "Skriv en text.").max(4000), "Text"),
});
export const chapterStatusInput = z.object({
  chapter: key("Kapitel"),
  status: labelled(z.enum(chapterStatuses), "Kapitlets status"),
});
export const commentInput = z.object({
  chapter: key("Kapitel"),
  text: labelled(z.string().trim().min(1, "Skriv en kommentar.").max(2000), "Kommentar"),
});
export const statusInput = z.object({ status: labelled(z.enum(manualStatuses), "Status") });
