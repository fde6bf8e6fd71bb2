// Rapporter's input schemas (zod), each field labelled as the forms and messages name it.
import { z } from "zod";
import { labelled } from "../platform/validation.ts";
import { reportFormats } from "./formats.ts";
import { reportPeriod } from "./period.ts";
import { templateContent } from "./template.ts";

const orgNodeId = labelled(z.uuid(), "Organisation");
const code = labelled(z.string().regex(/^[a-z0-9-]{1,40}$/, "Använd a–z, 0–9 och bindestreck."), "Mallens kod");

export const codeParams = z.object({ code });
export const orgQuery = z.object({ orgNodeId });
export const templateQuery = z.object({
  orgNodeId,
  version: labelled(z.coerce.number().int().min(1).optional(), "Version"),
});
export const templateInput = z.object({
  orgNodeId,
  name: labelled(z.string().trim().min(1).max(200), "Mallens namn"),
  description: labelled(z.string().trim().max(1000).default(""), "Beskrivning"),
  content: labelled(templateContent, "Innehåll"),
});
export const reportQuery = z.object({
  mall: code,
  namndId: labelled(z.uuid(), "Nämnd"),
  /** Left out: the template's default period (a lex Sarah memo's: since the nämnd's last meeting). */
  period: labelled(reportPeriod.optional(), "Period"),
  version: labelled(z.coerce.number().int().min(1).optional(), "Mallversion"),
});
export const fileQuery = reportQuery.extend({ format: labelled(z.enum(reportFormats), "Format") });
