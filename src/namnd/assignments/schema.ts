// Uppdrag och uppföljning's input schemas (zod). Browser-safe.
import { z } from "zod";
import { nonEmptyPatch } from "../../platform/validation.ts";
import { isoDate, optionalText, requiredText as text } from "../schema.ts";
import {
  actionStatuses,
  assessments,
  assignmentStatuses,
  motionKinds,
  motionStatuses,
  proposals,
} from "./vocabulary.ts";

export const idParams = z.object({ id: z.uuid() });

export const motionsQuery = z.object({
  orgNodeId: z.uuid(),
  kind: z.enum(motionKinds).optional(),
  status: z.enum(motionStatuses).optional(),
});
export type MotionsQuery = z.infer<typeof motionsQuery>;

export const motionInput = z.object({
  orgNodeId: z.uuid(),
  kind: z.enum(motionKinds, "Välj initiativärende eller motion."),
  title: text("rubriken", 500),
  submittedBy: optionalText(200),
  datedOn: isoDate.nullish(),
  /** When it came in: its first step, inkommen. */
  receivedOn: isoDate,
  diarienummer: optionalText(40),
});
export type MotionInput = z.infer<typeof motionInput>;

export const motionPatch = nonEmptyPatch(
  z.object({
    title: text("rubriken", 500).optional(),
    submittedBy: optionalText(200),
    datedOn: isoDate.nullish(),
    diarienummer: optionalText(40),
    proposal: z.enum(proposals, "Välj bifall, avslag eller besvarat.").nullish(),
  }),
);
export type MotionPatch = z.infer<typeof motionPatch>;

/** The next step of a motion; a referral names its referees. */
export const stepInput = z.object({
  status: z.enum(motionStatuses, "Välj nästa steg."),
  occurredOn: isoDate,
  reference: optionalText(200),
  note: optionalText(1000),
  referees: z.array(text("remissinstansen", 200)).max(20, "Högst 20 remissinstanser.").default([]),
});
export type StepInput = z.infer<typeof stepInput>;

export const refereeAnswerInput = z.object({
  referee: text("remissinstansen", 200),
  answeredOn: isoDate,
  reference: optionalText(200),
});
export type RefereeAnswerInput = z.infer<typeof refereeAnswerInput>;

export const assignmentsQuery = z.object({
  orgNodeId: z.uuid(),
  status: z.enum(assignmentStatuses).optional(),
});
export type AssignmentsQuery = z.infer<typeof assignmentsQuery>;

const assignmentFields = {
  title: text("uppdraget", 500),
  decidedOn: isoDate,
  decisionReference: text("beslutet uppdraget gavs i (t.ex. IF 2022-12-15 § 207)", 200),
  owner: text("vem som ansvarar", 200),
  dueOn: isoDate.nullish(),
  dueNote: optionalText(500),
  diarienummer: optionalText(40),
  motionId: z.uuid().nullish(),
};

export const assignmentInput = z.object({ orgNodeId: z.uuid(), ...assignmentFields });
export type AssignmentInput = z.infer<typeof assignmentInput>;

/** A change; status fullgjort with the date and § of the decision declaring it so. */
export const assignmentPatch = nonEmptyPatch(
  z.object({
    title: assignmentFields.title.optional(),
    owner: assignmentFields.owner.optional(),
    dueOn: assignmentFields.dueOn,
    dueNote: assignmentFields.dueNote,
    diarienummer: assignmentFields.diarienummer,
    status: z.enum(assignmentStatuses).optional(),
    closedOn: isoDate.nullish(),
    closingReference: optionalText(200),
  }),
);
export type AssignmentPatch = z.infer<typeof assignmentPatch>;

export const auditsQuery = z.object({ orgNodeId: z.uuid() });

const actionInput = z.object({
  text: text("åtgärden", 1000),
  responsible: optionalText(200),
  startsOn: isoDate.nullish(),
  endsOn: isoDate.nullish(),
  timingNote: optionalText(200),
  status: z.enum(actionStatuses, "Välj åtgärdens status."),
});

/** A whole revisionsgranskning: questions with their assessments, recommendations with the nämnd's actions. */
export const auditFields = z.object({
  title: text("granskningens rubrik", 500),
  auditor: text("vem som granskade", 200),
  reportDate: isoDate,
  registeredOn: isoDate,
  replyDeadline: isoDate,
  diarienummer: optionalText(40),
  memoOn: isoDate.nullish(),
  repliedOn: isoDate.nullish(),
  questions: z
    .array(
      z.object({
        text: text("revisionsfrågan", 1000),
        assessments: z
          .array(z.object({ body: text("den bedömda nämnden eller styrelsen", 200), assessment: z.enum(assessments) }))
          .max(20),
      }),
    )
    .max(50)
    .default([]),
  recommendations: z
    .array(
      z.object({
        recipient: text("vem rekommendationen riktas till", 200),
        toNamnd: z.boolean(),
        text: text("rekommendationen", 1000),
        actions: z.array(actionInput).max(50).default([]),
      }),
    )
    .max(50)
    .default([]),
});
export type AuditFields = z.infer<typeof auditFields>;
export const auditInput = auditFields.extend({ orgNodeId: z.uuid() });
export type AuditInput = z.infer<typeof auditInput>;
