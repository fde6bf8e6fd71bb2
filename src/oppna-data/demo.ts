// The demo's open data: the IF nämnd's goal follow-up 2023, EVB statistics for 2023Q4 and kvalitet
// statistics 2023, published through the service like any other.
import type { DemoOrganisation } from "../organisation/index.ts";
import { systemActor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { publish } from "./publication-service.ts";
import type { OppnaDataDB } from "./tables.ts";

export const demoPublications = [
  { dataset: "maluppfoljning", period: "2023" },
  { dataset: "evb-statistik", period: "2023Q4" },
  { dataset: "kvalitet-statistik", period: "2023" },
] as const;

export async function seedOppnaDataDemo(trx: DbOf<OppnaDataDB>, demo: DemoOrganisation): Promise<void> {
  const ifo = demo.nodes.ifo;
  if (!ifo) throw new Error("The demo organisation has no IF nämnd.");
  const actor = { ...systemActor(), displayName: "Demodata (publicerad vid inläsningen)" };
  for (const p of demoPublications) await publish(trx, actor, { orgNodeId: ifo.id, ...p });
}
