import type { FastifyInstance, FastifyRequest } from "fastify";
import { calendarFeedFor, renewCalendarFor, revokeCalendarFor } from "../calendar-feed/calendar-service.ts";
import type { PlatformDb } from "../db/schema.ts";
import { route } from "../http/route.ts";
import * as api from "./api.ts";
import type { DeadlineSource } from "./deadline.ts";
import type { MailConfig } from "./mail-config.ts";
import { deliveryLogFor, mySettingsFor, saveMySettingsFor } from "./settings-service.ts";

export type ReminderOptions = {
  /** Every capability's deadlines (the composition root collects them). */
  deadlines: DeadlineSource<PlatformDb>;
  /** Null without LOTS_SMTP_URL: no mail is sent, the calendar feeds work all the same. */
  mail: MailConfig | null;
};

/** Reminder settings, the send log and the calendar feeds. */
export function reminderRoutes(options: ReminderOptions) {
  const { deadlines, mail } = options;
  // Links point at LOTS_PUBLIC_URL when set, else at the address the request came to.
  const origin = (request: FastifyRequest) => mail?.publicUrl ?? `${request.protocol}://${request.host}`;
  return async (app: FastifyInstance) => {
    route(app, api.mySettings, ({ db, actor }) => mySettingsFor(db, actor, mail));
    route(app, api.saveMySettings, ({ db, actor, body }) => saveMySettingsFor(db, actor, body.mode, mail));
    route(app, api.renewCalendar, ({ db, actor, request }) => renewCalendarFor(db, actor, origin(request)));
    route(app, api.revokeCalendar, ({ db, actor }) => revokeCalendarFor(db, actor));
    route(app, api.deliveryLog, ({ db, actor }) => deliveryLogFor(db, actor, mail));
    route(app, api.calendarFeed, async ({ db, params, request, reply }) => {
      const text = await calendarFeedFor(db, params.file, deadlines, origin(request));
      return reply.type("text/calendar; charset=utf-8").header("content-disposition", "inline").send(text);
    });
  };
}
