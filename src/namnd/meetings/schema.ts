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

export const bodiesQuery = z.object({ orgNodeId: labelled(z.uuid(), "Nämnd") });

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
  orgNodeId: labelled(z.uuid(), "Nämnd"),
  year: labelled(z.coerce.number().int().min(1990).max(2200).optional(), "År"),
  bodyId: labelled(z.uuid().optional(), "Organ"),
});

export const meetingInput = z
  .object({
    bodyId: labelled(z.uuid(), "Organ"),
    meetingDate: labelled(isoDate, "Datum"),
    startTime: labelled(time, "Klockan"),
    place: labelled(optionalText(200), "Plats"),
    /** The standing items' period; left out, from the previous meeting's period end + 1 to the eve. */
    periodStart: labelled(isoDate.nullish(), "Periodens början"),
    periodEnd: labelled(isoDate.nullish(), "Periodens slut"),
  })
  .refine((m) => !m.periodStart || !m.periodEnd || m.periodStart <= m.periodEnd, {
    path: ["periodEnd"],
    message: "Periodens slut kan inte ligga före dess början.",
  });
export type MeetingInput = z.infer<typeof meetingInput>;

export const meetingPatch = nonEmptyPatch(
  z
    .object({
      meetingDate: labelled(isoDate, "Datum"),
      startTime: labelled(time, "Klockan"),
      place: labelled(optionalText(200), "Plats"),
      periodStart: labelled(isoDate, "Periodens början"),
      periodEnd: labelled(isoDate, "Periodens slut"),
    })
    .partial(),
);
export type MeetingPatch = z.infer<typeof meetingPatch>;

/** An item for the agenda: an ärende by its diarienummer (any variant), an information item, or a standing item. */
export const itemInput = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: labelled(z.literal("arende"), "Slag av punkt"),
      diarienummer: labelled(text("diarienumret", 60), "Diarienummer"),
      /** The agenda's wording; the case's title when left out. */
      title: labelled(optionalText(500), "Rubrik"),
    }),
    z.object({
      kind: labelled(z.literal("information"), "Slag av punkt"),
      title: labelled(text("rubriken", 500), "Rubrik"),
    }),
    z.object({
      kind: labelled(z.literal("staende"), "Slag av punkt"),
      standingKind: labelled(z.enum(standingKinds, "Välj en stående punkt."), "Stående punkt"),
    }),
  ],
  "Välj ärende, information eller stående punkt.",
);
export type ItemInput = z.infer<typeof itemInput>;

export const itemQuery = z.object({ itemId: labelled(z.uuid(), "Punkt") });

export const moveInput = z.object({
  itemId: labelled(z.uuid(), "Punkt"),
  position: labelled(z.number().int().min(0).max(500), "Plats i listan"),
});

export const attendeeInput = z.object({
  /** Kept for a person already on the roster (yrkanden and reservationer point at them). */
  id: labelled(z.uuid().nullish(), "Id"),
  name: labelled(text("namnet", 200), "Namn"),
  party: labelled(optionalText(40), "Parti"),
  role: labelled(z.enum(attendeeRoles, "Välj ordförande, ledamot, ersättare eller tjänsteperson."), "Roll"),
  present: labelled(z.boolean(), "Närvarande"),
  /** A tjänstgörande ersättare: the row (0-based) of the ledamot they serve for. */
  servingFor: labelled(z.number().int().min(0).max(199).nullish(), "Tjänstgör för"),
  adjuster: labelled(z.boolean().default(false), "Justerare"),
});
export const rosterInput = z.object({ attendees: labelled(z.array(attendeeInput).max(200), "Närvarolista") });
export type RosterInput = z.infer<typeof rosterInput>;

export const statusInput = z.object({
  status: labelled(z.enum(meetingStatuses, "Välj kallat, genomfort eller justerat."), "Status"),
  /** The justering's day, for justerat. */
  adjustedOn: labelled(isoDate.nullish(), "Justerat den"),
});
export type StatusInput = z.infer<typeof statusInput>;

/** One §'s protokoll, replacing what it held. */
export const protocolInput = z.object({
  itemId: labelled(z.uuid(), "Punkt"),
  decision: labelled(text("beslutet", 4000), "Beslut"),
  motions: labelled(
    z
      .array(
        z.object({
          attendeeId: labelled(z.uuid(), "Yrkande av"),
          kind: labelled(z.enum(motionKinds, "Välj yrkande eller tilläggsyrkande."), "Slag av yrkande"),
          text: labelled(text("yrkandet", 2000), "Yrkande"),
          adopted: labelled(z.boolean(), "Bifallet"),
        }),
      )
      .max(20)
      .default([]),
    "Yrkanden",
  ),
  jav: labelled(z.array(z.uuid()).max(50).default([]), "Jäv"),
  reservations: labelled(z.array(z.uuid()).max(50).default([]), "Reservationer"),
  recipients: labelled(z.array(text("mottagaren", 200)).max(30).default([]), "Expedieras till"),
});
export type ProtocolInput = z.infer<typeof protocolInput>;

export const extractQuery = z.object({
  itemId: labelled(z.uuid(), "Punkt"),
  /** The utdrag addressed to one of the §'s recipients; left out: unaddressed. */
  recipient: labelled(z.string().trim().max(200).optional(), "Mottagare"),
  format: labelled(z.enum(["docx", "pdf", "html"], "Välj docx, pdf eller html."), "Format"),
});
export type ExtractQuery = z.infer<typeof extractQuery>;

/** Why a kallat meeting is inställt (told to those kallade). */
export const cancelInput = z.object({ reason: labelled(text("skälet till att sammanträdet ställs in", 1000), "Skäl") });

export const kallelseQuery = z.object({
  format: labelled(z.enum(["docx", "pdf"], "Välj docx eller pdf.").default("docx"), "Format"),
});
