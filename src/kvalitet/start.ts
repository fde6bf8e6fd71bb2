// The 10-day answer rule turned into a cutoff a COUNT query can use. Pure.
import { addDays } from "../platform/calendar.ts";
import { ANSWER_DAYS } from "./klagomal/rules.ts";

/**
 * An unanswered synpunkt from a named sender is late on `today` (answerStatus "forsenad") exactly when its
 * answer days started (acknowledgement, else receipt) before this day.
 */
export const lateIfStartedBefore = (today: string): string => addDays(today, -ANSWER_DAYS);
