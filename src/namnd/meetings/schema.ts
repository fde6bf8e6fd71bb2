// Sammanträden's input schemas (zod). Browser-safe.
import { z } from "zod";
import { labelled, nonEmptyPatch } from "../../platform/validation.ts";
import { isoDate, optionalText, requiredText as text } from "../schema.ts";
import { attendeeRoles, bodyKinds, meetingStatuses, motionKinds, standingKinds } from "./vocabulary.ts";

const time = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "Ange klockslaget som TT:MM, t.ex. 13:00.")
  .nullish();

export const idParams = z.object({ id: labelled(z.uuid(), "Id") });

export const bodiesQuery = z.object({ orgNodeId: z.uuid() });

export const bodyInput = z.object({
  orgNodeId: labelled(z.uuid(), "Nämnd"),
  kind: labelled(z.enum(bodyKinds, "Välj nämnd eller utskott."), "Slag av organ"),
  name: labelled(text("organets namn", 200), "Namn"),
});
export type BodyInput = z.infer<typeof bodyInput>;

/** Where a body's § series starts a year (the numbers issued before Lots took over the protokoll). */
export const paragraphSeriesInput = z.object({
  year: labelled(z.number().int().min(1990).max(2200), "År"),
  lastNumber: labelled(z.number().int().min(0, "Numret är minst 0.").max(9999), "Senaste paragrafnummer"),
});

export const meetingsQuery = z.object({
  orgNodeId: z.uuid(),
  year: z.coerce.number().int().min(1990).max(2200).optional(),
  bodyId: z.uuid().optional(),
});

export const meetingInput = z
  .object({
    bodyId: z.uuid(),
    meetingDate: isoDate,
    startTime: time,
    place: optionalText(200),
    /** The standing items' period; left out, from the previous meeting's period end + 1 to the eve. */
    periodStart: isoDate.nullish(),
    periodEnd: isoDate.nullish(),
  })
  .refine((m) => !m.periodStart || !m.periodEnd || m.periodStart <= m.periodEnd, {
    path: ["periodEnd"],
    message: "Periodens slut kan inte ligga före dess början.",
  });
export type MeetingInput = z.infer<typeof meetingInput>;

export const meetingPatch = nonEmptyPatch(
  z
    .object({
      meetingDate: isoDate,
      startTime: time,
      place: optionalText(200),
      periodStart: isoDate,
      periodEnd: isoDate,
    })
    .partial(),
);
export type MeetingPatch = z.infer<typeof meetingPatch>;

/** An item for the agenda: an ärende by its diarienummer (any variant), an information item, or a standing item. */
export const itemInput = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("arende"),
      diarienummer: text("diarienumret", 60),
      /** The agenda's wording; the case's title when left out. */
      title: optionalText(500),
    }),
    z.object({ kind: z.literal("information"), title: text("rubriken", 500) }),
    z.object({ kind: z.literal("staende"), standingKind: z.enum(standingKinds, "Välj en stående punkt.") }),
  ],
  "Välj ärende, information eller stående punkt.",
);
export type ItemInput = z.infer<typeof itemInput>;

export const itemQuery = z.object({ itemId: z.uuid() });

export const moveInput = z.object({ itemId: z.uuid(), position: z.number().int().min(0).max(500) });

export const attendeeInput = z.object({
  /** Kept for a person already on the roster (yrkanden and reservationer point at them). */
  id: z.uuid().nullish(),
  name: text("namnet", 200),
  party: optionalText(40),
  role: z.enum(attendeeRoles, "Välj ordförande, ledamot, ersättare eller tjänsteperson."),
  present: z.boolean(),
  /** A tjänstgörande ersättare: the row (0-based) of the ledamot they serve for. */
  servingFor: z.number().int().min(0).max(199).nullish(),
  adjuster: z.boolean().default(false),
});
export const rosterInput = z.object({ attendees: z.array(attendeeInput).max(200) });
export type RosterInput = z.infer<typeof rosterInput>;

export const statusInput = z.object({
  status: z.enum(meetingStatuses, "Välj kallat, genomfort eller justerat."),
  /** The justering's day, for justerat. */
  adjustedOn: isoDate.nullish(),
});
export type StatusInput = z.infer<typeof statusInput>;

/** One §'s protokoll, replacing what it held. */
export const protocolInput = z.object({
  itemId: z.uuid(),
  decision: text("beslutet", 4000),
  motions: z
    .array(
      z.object({
        attendeeId: z.uuid(),
        kind: z.enum(motionKinds, "Välj yrkande eller tilläggsyrkande."),
        text: text("yrkandet", 2000),
        adopted: z.boolean(),
      }),
    )
    .max(20)
    .default([]),
  jav: z.array(z.uuid()).max(50).default([]),
  reservations: z.array(z.uuid()).max(50).default([]),
  recipients: z.array(text("mottagaren", 200)).max(30).default([]),
});
export type ProtocolInput = z.infer<typeof protocolInput>;

export const extractQuery = z.object({
  itemId: z.uuid(),
  /** The utdrag addressed to one of the §'s recipients; left out: unaddressed. */
  recipient: z.string().trim().max(200).optional(),
  format: z.enum(["docx", "pdf", "html"], "Välj docx, pdf eller html."),
});
export type ExtractQuery = z.infer<typeof extractQuery>;

/** Why a kallat meeting is inställt (told to those kallade). */
export const cancelInput = z.object({ reason: labelled(text("skälet till att sammanträdet ställs in", 1000), "Skäl") });

export const kallelseQuery = z.object({
  format: labelled(z.enum(["docx", "pdf"], "Välj docx eller pdf.").default("docx"), "Format"),
});
