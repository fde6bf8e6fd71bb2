// The calendar feed's secret: random, shown once in the URL, stored only as its sha256. Pure.
import crypto from "node:crypto";

export const newCalendarToken = () => crypto.randomBytes(32).toString("base64url");
export const hashCalendarToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
/** The feed's path for a token; the route takes "<token>.ics". */
export const calendarPath = (token: string) => `/api/calendar/${token}.ics`;
