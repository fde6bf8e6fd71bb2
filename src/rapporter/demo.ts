// The demo kommun's report templates (the built-in ones, as version 1) and its report profile: the kommun's
// name on the covers with two demo colours (a dark green and a red); a kommun sets its own.
import type { DemoOrganisation } from "../organisation/index.ts";
import { systemActor } from "../platform/auth/access.ts";
import type { DbOf } from "../platform/db/schema.ts";
import type { RapporterDB } from "./tables.ts";
import { installBuiltInTemplates, saveProfile } from "./template-service.ts";

export async function seedRapporterDemo(trx: DbOf<RapporterDB>, demo: DemoOrganisation): Promise<void> {
  const kommun = demo.nodes.kommun;
  if (!kommun) throw new Error("Rapporter demo needs the demo kommun");
  const actor = systemActor();
  await installBuiltInTemplates(trx, actor, kommun.id);
  await saveProfile(trx, actor, kommun.id, {
    name: "Kungsbacka kommun",
    primaryColour: "#00504b",
    accentColour: "#c8102e",
  });
}
