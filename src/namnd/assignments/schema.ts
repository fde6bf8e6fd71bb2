// Uppdrag och uppföljning's input schemas (zod). Browser-safe.
import { z } from "zod";
import { idParams, labelled, nonEmptyPatch } from "../../platform/validation.ts";
import { isoDate, optionalText, requiredText as text } from "../schema.ts";
import {
  actionStatuses,
  assessments,
  assignmentStatuses,
  motionKinds,
  motionStatuses,
  proposals,
} from "./vocabulary.ts";

export const motionIdParams = idParams("Ärendets id");
export const assignmentIdParams = idParams("Uppdragets id");
export const auditIdParams = idParams("Granskningens id");

const namndId = labelled(z.uuid(), "Nämnd");

export const motionsQuery = z.object({
  orgNodeId: namndId,
  kind: labelled(z.enum(motionKinds).optional(), "Slag"),
  status: labelled(z.enum(motionStatuses).optional(), "Steg"),
});
export type MotionsQuery = z.infer<typeof motionsQuery>;

export const motionInput = z.object({
  orgNodeId: namndId,
  kind: labelled(z.enum(motionKinds, "Välj initiativärende eller motion."), "Slag"),
  title: labelled(text("rubriken", 500), "Rubrik"),
  submittedBy: labelled(optionalText(200), "Inlämnat av"),
  datedOn: labelled(isoDate.nullish(), "Daterat"),
  /** When it came in: its first step, inkommen. */
  receivedOn: labelled(isoDate, "Inkom"),
  diarienummer: labelled(optionalText(40), "Diarienummer"),
});
export type MotionInput = z.infer<typeof motionInput>;

export const motionPatch = nonEmptyPatch(
  z.object({
    title: labelled(text("rubriken", 500).optional(), "Rubrik"),
    submittedBy: labelled(optionalText(200), "Inlämnat av"),
    datedOn: labelled(isoDate.nullish(), "Daterat"),
    diarienummer: labelled(optionalText(40), "Diarienummer"),
    proposal: labelled(z.enum(proposals, "Välj bifall, avslag eller besvarat.").nullish(), "Förslag till beslut"),
  }),
);
export type MotionPatch = z.infer<typeof motionPatch>;

/** The next step of a motion; a referral names its referees. */
export const stepInput = z.object({
  status: labelled(z.enum(motionStatuses, "Välj nästa steg."), "Nästa steg"),
  occurredOn: labelled(isoDate, "Datum"),
  reference: labelled(optionalText(200), "Beslut"),
  note: labelled(optionalText(1000), "Anteckning"),
  referees: labelled(
    z.array(text("remissinstansen", 200)).max(20, "Högst 20 remissinstanser.").default([]),
    "Remissinstanser",
  ),
});
export type StepInput = z.infer<typeof stepInput>;

export const refereeAnswerInput = z.object({
  referee: labelled(text("remissinstansen", 200), "Remissinstans"),
  answeredOn: labelled(isoDate, "Svarade"),
  reference: labelled(optionalText(200), "Remissvarets referens"),
});
export type RefereeAnswerInput = z.infer<typeof refereeAnswerInput>;

export const assignmentsQuery = z.object({
  orgNodeId: namndId,
  status: labelled(z.enum(assignmentStatuses).optional(), "Visa"),
});
export type AssignmentsQuery = z.infer<typeof assignmentsQuery>;

const assignmentFields = {
  title: labelled(text("uppdraget", 500), "Uppdrag"),
  decidedOn: labelled(isoDate, "Beslutsdatum"),
  decisionReference: labelled(text("beslutet uppdraget gavs i (t.ex. IF 2022-12-15 § 207)", 200), "Beslut"),
  owner: labelled(text("vem som ansvarar", 200), "Ansvarig"),
  dueOn: labelled(isoDate.nullish(), "Klart senast"),
  dueNote: labelled(optionalText(500), "Om tiden"),
  diarienummer: labelled(optionalText(40), "Diarienummer"),
  motionId: labelled(z.uuid().nullish(), "Initiativärende eller motion"),
};

export const assignmentInput = z.object({ orgNodeId: namndId, ...assignmentFields });
export type AssignmentInput = z.infer<typeof assignmentInput>;

/** A change; status fullgjort with the date and § of the decision declaring it so. */
export const assignmentPatch = nonEmptyPatch(
  z.object({
    title: assignmentFields.title.optional(),
    owner: assignmentFields.owner.optional(),
    dueOn: assignmentFields.dueOn,
    dueNote: assignmentFields.dueNote,
    diarienummer: assignmentFields.diarienummer,
    status: labelled(z.enum(assignmentStatuses).optional(), "Status"),
    closedOn: labelled(isoDate.nullish(), "Fullgjort den"),
    closingReference: labelled(optionalText(200), "Beslut om fullgjort"),
  }),
);
export type AssignmentPatch = z.infer<typeof assignmentPatch>;

export const auditsQuery = z.object({ orgNodeId: namndId });

const actionInput = z.object({
  text: labelled(text("åtgärden", 1000), "Åtgärd"),
  responsible: labelled(optionalText(200), "Ansvarig"),
  startsOn: labelled(isoDate.nullish(), "Start"),
  endsOn: labelled(isoDate.nullish(), "Klar"),
  timingNote: labelled(optionalText(200), "Om tiden"),
  status: labelled(z.enum(actionStatuses, "Välj åtgärdens status."), "Status"),
});

/** A whole revisionsgranskning: questions with their assessments, recommendations with the nämnd's actions. */
export const auditFields = z.object({
  title: labelled(text("granskningens rubrik", 500), "Rubrik"),
  auditor: labelled(text("vem som granskade", 200), "Granskad av"),
  reportDate: labelled(isoDate, "Rapportens datum"),
  registeredOn: labelled(isoDate, "Registrerad"),
  replyDeadline: labelled(isoDate, "Svar senast"),
  diarienummer: labelled(optionalText(40), "Diarienummer"),
  memoOn: labelled(isoDate.nullish(), "Tjänsteskrivelse"),
  repliedOn: labelled(isoDate.nullish(), "Besvarad"),
  questions: labelled(
    z
      .array(
        z.object({
          text: labelled(text("revisionsfrågan", 1000), "Revisionsfråga"),
          assessments: labelled(
            z
              .array(
                z.object({
                  body: labelled(text("den bedömda nämnden eller styrelsen", 200), "Nämnd eller styrelse"),
                  assessment: labelled(z.enum(assessments), "Bedömning"),
                }),
              )
              .max(20),
            "Bedömningar",
          ),
        }),
      )
      .max(50)
      .default([]),
    "Revisionsfrågor",
  ),
  recommendations: labelled(
    z
      .array(
        z.object({
          recipient: labelled(text("vem rekommendationen riktas till", 200), "Riktas till"),
          toNamnd: labelled(z.boolean(), "Till nämnden"),
          text: labelled(text("rekommendationen", 1000), "Rekommendation"),
          actions: labelled(z.array(actionInput).max(50).default([]), "Åtgärder"),
        }),
      )
      .max(50)
      .default([]),
    "Rekommendationer",
  ),
});
export type AuditFields = z.infer<typeof auditFields>;
export const auditInput = auditFields.extend({ orgNodeId: namndId });
export type AuditInput = z.infer<typeof auditInput>;
