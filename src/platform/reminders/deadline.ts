// A dated piece of work a capability knows of: what the reminder job mails and the calendar feed shows.
// Each capability offers its own through its index.ts (`deadlinesFor`); the composition root collects them.
// No personal data: a deadline names its kind, the record's non-personal reference and a link, nothing else.
import type { Permission, Role } from "../auth/roles.ts";

export type Deadline = {
  /** Stable per kind ("evb.three-months"): with `recordKey`, the reminder's identity in the send log. */
  kind: string;
  /** Swedish, without personal data: "Beslut passerar tre månader". */
  title: string;
  /** Identifies the record and the occasion (a decision's clock start, a meeting): a new occasion is a new reminder. */
  recordKey: string;
  /** A non-personal reference (a case number, a diarienummer, a body's name) or null. */
  reference: string | null;
  /** The node the record belongs to (its materialised path): who may see it and who owns it is judged there. */
  nodePath: string;
  /** The date itself: the last day in time, the meeting day. */
  due: string;
  /** The first day the reminder goes out. */
  remindFrom: string;
  /** The last day it still goes out (a meeting's day); null while the work stays undone. */
  remindUntil: string | null;
  /** The web path of the record. */
  href: string;
  /** What a reader needs on the node to see it in a calendar. */
  permission: Extract<Permission, "read" | "read:personal" | "read:kvalitet">;
  /** The roles whose work it is: their holders on the node or above get the e-mail. */
  owners: readonly Role[];
};

/** Every capability's deadlines known on `asOf` (open work, meetings ahead and just past). */
export type DeadlineSource<D = unknown> = (db: D, asOf: string) => Promise<Deadline[]>;

export const reminderKey = (d: Pick<Deadline, "kind" | "recordKey">) => `${d.kind}:${d.recordKey}`;

/** Due for a reminder on `today`: from its first day, until its last when it has one. */
export const isRemindable = (d: Deadline, today: string) =>
  d.remindFrom <= today && (d.remindUntil === null || today <= d.remindUntil);
