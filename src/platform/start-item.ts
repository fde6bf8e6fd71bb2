// One to-do or live number on a user's start page. Each capability offers its own through its index.ts
// (`startItemsFor`); the composition root groups them per capability. Browser-safe (zod only).
import { z } from "zod";

export const startTones = ["info", "warning", "late"] as const;
export type StartTone = (typeof startTones)[number];

export const startItem = z.object({
  /** Stable per item kind ("evb.reportable"), for tests and React keys. */
  key: z.string(),
  /** Swedish, with the number in it, plural-correct (formatCount): "4 passerar tre månader inom 30 dagar". */
  label: z.string(),
  /**
   * What is counted, shown large. Null when there is no count (the item is an amount, see `figure`) or it is
   * withheld (a small count that could single out a person, for a reader without read:personal).
   */
  count: z.number().int().nonnegative().nullable(),
  /** An amount shown large instead of a count, formatted ("−7,7 mkr"); null for a count. */
  figure: z.string().nullable(),
  /** The web path where the work is done, with its filters. */
  href: z.string(),
  /** late: a deadline has passed; warning: one is near; info: something to know. */
  tone: z.enum(startTones),
});
export type StartItem = z.output<typeof startItem>;

/** Late when anything is counted, else info: the tone of a count of missed deadlines. */
export const lateIfAny = (count: number): StartTone => (count > 0 ? "late" : "info");
/** Warning when anything is counted, else info: the tone of a count of deadlines drawing near. */
export const warningIfAny = (count: number): StartTone => (count > 0 ? "warning" : "info");
