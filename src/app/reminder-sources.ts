// Every capability's deadlines for the reminder job and the calendar feeds, collected here like the start
// page's items: the platform runs the job and serves the feeds but names no capability.
import { deadlinesFor as evbDeadlines } from "../evb/index.ts";
import { deadlinesFor as kvalitetDeadlines } from "../kvalitet/index.ts";
import { deadlinesFor as namndDeadlines } from "../namnd/index.ts";
import type { DbOf, PlatformDb } from "../platform/db/schema.ts";
import type { Deadline } from "../platform/reminders/deadline.ts";
import { deadlinesFor as rapporterDeadlines } from "../rapporter/index.ts";
import { deadlinesFor as styrningDeadlines } from "../styrning/index.ts";
import type { AppDB } from "./capabilities.ts";

const sources: ((db: DbOf<AppDB>, asOf: string) => Promise<Deadline[]>)[] = [
  evbDeadlines,
  kvalitetDeadlines,
  namndDeadlines,
  rapporterDeadlines,
  styrningDeadlines,
];

export async function appDeadlines(db: PlatformDb, asOf: string): Promise<Deadline[]> {
  const all: Deadline[] = [];
  // The running database holds every capability's tables (AppDB).
  for (const deadlinesOf of sources) all.push(...(await deadlinesOf(db as unknown as DbOf<AppDB>, asOf)));
  return all;
}
