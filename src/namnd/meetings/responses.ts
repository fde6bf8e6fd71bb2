// What the sammanträde routes answer, in wire form. Browser-safe.
import { z } from "zod";
import {
  attendeeRoles,
  bodyKinds,
  itemKinds,
  meetingStatuses,
  memberNoteKinds,
  motionKinds,
  standingKinds,
} from "./vocabulary.ts";

const date = z.iso.date();

export const bodyResponse = z.object({
  id: z.uuid(),
  kind: z.enum(bodyKinds),
  name: z.string(),
  active: z.boolean(),
});

export const bodiesResponse = z.object({
  namnd: z.object({ id: z.uuid(), name: z.string() }),
  bodies: z.array(bodyResponse),
  canWrite: z.boolean(),
});

export const paragraphSeriesResponse = z.object({ year: z.number().int(), lastNumber: z.number().int() });

export const meetingSummary = z.object({
  id: z.uuid(),
  body: z.object({ id: z.uuid(), kind: z.enum(bodyKinds), name: z.string() }),
  meetingDate: date,
  startTime: z.string().nullable(),
  place: z.string().nullable(),
  status: z.enum(meetingStatuses),
  periodStart: date,
  periodEnd: date,
  calledOn: date.nullable(),
  adjustedOn: date.nullable(),
  /** An inställt meeting: the day and the reason. */
  cancelledOn: date.nullable(),
  cancelReason: z.string().nullable(),
});

export const deletedResponse = z.object({ deleted: z.literal(true) });

export const meetingsResponse = z.array(meetingSummary.extend({ itemCount: z.number().int() }));

export const standingContent = z.object({
  count: z.number().int().nullable(),
  /** The reader may not read the register: shown as "ej behörig". */
  forbidden: z.boolean(),
  note: z.string().nullable(),
  sections: z.array(z.object({ heading: z.string(), count: z.number().int().nullable(), lines: z.array(z.string()) })),
});

export const attendeeResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  party: z.string().nullable(),
  role: z.enum(attendeeRoles),
  present: z.boolean(),
  /** The ledamot a tjänstgörande ersättare serves for. */
  servingFor: z.uuid().nullable(),
  adjuster: z.boolean(),
});

export const itemResponse = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: z.enum(itemKinds),
  title: z.string(),
  paragraph: z.number().int().nullable(),
  case: z.object({ id: z.uuid(), diarienummer: z.string(), title: z.string() }).nullable(),
  standingKind: z.enum(standingKinds).nullable(),
  standing: z
    .object({
      /** From the registers now, for this reader. */
      live: standingContent,
      /** As the kallelse presented it (null before the kallelse). */
      presented: standingContent.nullable(),
      /** "Ändrat sedan kallelsen". */
      changedSinceCall: z.boolean(),
    })
    .nullable(),
  /** Förslag till beslut: a standing item's verb formula, information noted; an ärende's from its memo. */
  proposal: z.string().nullable(),
  decision: z.string().nullable(),
  recipients: z.array(z.string()),
  motions: z.array(
    z.object({
      attendeeId: z.uuid(),
      member: z.string(),
      kind: z.enum(motionKinds),
      text: z.string(),
      adopted: z.boolean(),
    }),
  ),
  notes: z.array(z.object({ attendeeId: z.uuid(), member: z.string(), kind: z.enum(memberNoteKinds) })),
  /** Written from the yrkanden once the meeting is held. */
  beslutsgang: z.string().nullable(),
});

export const meetingResponse = meetingSummary.extend({
  namnd: z.object({ id: z.uuid(), name: z.string() }),
  attendees: z.array(attendeeResponse),
  items: z.array(itemResponse),
  canWrite: z.boolean(),
});
