// What the uppdrag och uppföljning routes answer, in wire form. Browser-safe.
import { z } from "zod";
import {
  actionStatuses,
  assessments,
  assignmentStatuses,
  motionKinds,
  motionStatuses,
  proposals,
  refereeStatuses,
} from "./vocabulary.ts";

const date = z.iso.date();

export const motionResponse = z.object({
  id: z.uuid(),
  kind: z.enum(motionKinds),
  title: z.string(),
  submittedBy: z.string().nullable(),
  datedOn: date.nullable(),
  diarienummer: z.string().nullable(),
  status: z.enum(motionStatuses),
  proposal: z.enum(proposals).nullable(),
  steps: z.array(
    z.object({
      status: z.enum(motionStatuses),
      occurredOn: date,
      reference: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  referees: z.array(
    z.object({
      referee: z.string(),
      status: z.enum(refereeStatuses),
      answeredOn: date.nullable(),
      reference: z.string().nullable(),
    }),
  ),
});
export const motionsResponse = z.array(motionResponse);

export const assignmentResponse = z.object({
  id: z.uuid(),
  title: z.string(),
  decidedOn: date,
  decisionReference: z.string(),
  owner: z.string(),
  dueOn: date.nullable(),
  dueNote: z.string().nullable(),
  diarienummer: z.string().nullable(),
  motion: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  status: z.enum(assignmentStatuses),
  closedOn: date.nullable(),
  closingReference: z.string().nullable(),
  /** Pågående past its due date (today in Sweden). */
  overdue: z.boolean(),
});
export const assignmentsResponse = z.array(assignmentResponse);

const auditSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  auditor: z.string(),
  reportDate: date,
  registeredOn: date,
  replyDeadline: date,
  diarienummer: z.string().nullable(),
  memoOn: date.nullable(),
  repliedOn: date.nullable(),
  /** Not answered and past the reply deadline (today in Sweden). */
  overdue: z.boolean(),
});
export const auditsResponse = z.array(auditSummary);

export const auditResponse = auditSummary.extend({
  questions: z.array(
    z.object({
      text: z.string(),
      assessments: z.array(z.object({ body: z.string(), assessment: z.enum(assessments) })),
    }),
  ),
  recommendations: z.array(
    z.object({
      recipient: z.string(),
      toNamnd: z.boolean(),
      text: z.string(),
      actions: z.array(
        z.object({
          text: z.string(),
          responsible: z.string().nullable(),
          startsOn: date.nullable(),
          endsOn: date.nullable(),
          timingNote: z.string().nullable(),
          status: z.enum(actionStatuses),
        }),
      ),
    }),
  ),
});

export const replyResponse = z.object({
  title: z.string(),
  diarienummer: z.string().nullable(),
  date: date.nullable(),
  auditor: z.string(),
  reportDate: date,
  replyDeadline: date,
  overdue: z.boolean(),
  proposal: z.string(),
  recommendations: z.array(
    z.object({
      text: z.string(),
      actions: z.array(z.object({ what: z.string(), when: z.string(), who: z.string(), status: z.string() })),
    }),
  ),
  actionCount: z.number().int(),
  missingTimings: z.number().int(),
  missingResponsible: z.number().int(),
});
