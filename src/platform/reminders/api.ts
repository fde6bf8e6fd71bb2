// The wire contract of reminders and calendar feeds (see platform/http/endpoint.ts). Browser-safe.
import { z } from "zod";
import { endpoint, fileResponse, noContent } from "../http/endpoint.ts";
import { labelled } from "../validation.ts";
import { calendarUrlResponse, deliveryLogResponse, mySettingsResponse } from "./responses.ts";
import { reminderModes } from "./vocabulary.ts";

const tag = "Påminnelser och kalender";

export const mySettings = endpoint({
  method: "GET",
  url: "/api/me/reminders",
  tag,
  summary: "Mina inställningar för påminnelser och kalenderflöde",
  permission: "authenticated",
  response: mySettingsResponse,
});

export const saveMySettings = endpoint({
  method: "PUT",
  url: "/api/me/reminders",
  tag,
  summary: "Välj påminnelser: av, direkt eller veckosammanfattning",
  permission: "authenticated",
  body: z.object({ mode: labelled(z.enum(reminderModes), "Påminnelser via e-post") }),
  response: mySettingsResponse,
});

export const renewCalendar = endpoint({
  method: "POST",
  url: "/api/me/calendar",
  tag,
  summary: "Skapa en ny hemlig adress till mitt kalenderflöde (den gamla slutar fungera)",
  permission: "authenticated",
  response: calendarUrlResponse,
});

export const revokeCalendar = endpoint({
  method: "DELETE",
  url: "/api/me/calendar",
  tag,
  summary: "Stäng av mitt kalenderflöde",
  permission: "authenticated",
  response: noContent,
});

export const calendarFeed = endpoint({
  method: "GET",
  url: "/api/calendar/:file",
  tag,
  summary: "Kalenderflöde (ICS) för den hemliga adressen; utan inloggning",
  public: true,
  params: z.object({
    file: labelled(z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, "ska vara en kalenderadress"), "Kalenderadress"),
  }),
  response: fileResponse("text/calendar"),
});

export const deliveryLog = endpoint({
  method: "GET",
  url: "/api/admin/reminders",
  tag,
  summary: "Påminnelser som skickats eller väntar (sändningsloggen)",
  permission: "admin",
  response: deliveryLogResponse,
});
