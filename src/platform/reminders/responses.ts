// The wire form of reminder settings and the send log. Browser-safe (zod only).
import { z } from "zod";
import { deliveryStatuses, reminderModes } from "./vocabulary.ts";

export const mySettingsResponse = z.object({
  mode: z.enum(reminderModes),
  /** True when no choice is stored and the default applies. */
  isDefault: z.boolean(),
  email: z.string().nullable(),
  mailConfigured: z.boolean(),
  calendar: z.object({ active: z.boolean(), issuedAt: z.iso.datetime().nullable() }),
});

export const calendarUrlResponse = z.object({ url: z.string() });

export const deliveryLogResponse = z.object({
  mailConfigured: z.boolean(),
  intervalMinutes: z.number().int().nullable(),
  rows: z.array(
    z.object({
      id: z.string(),
      recipient: z.string(),
      kind: z.string(),
      title: z.string(),
      reference: z.string().nullable(),
      href: z.string(),
      dueOn: z.iso.date(),
      status: z.enum(deliveryStatuses),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      nextAttemptAt: z.iso.datetime(),
      sentAt: z.iso.datetime().nullable(),
      createdAt: z.iso.datetime(),
    }),
  ),
});
