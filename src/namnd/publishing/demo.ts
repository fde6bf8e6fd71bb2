// The demo's published protokoll: the nämnd's justerat meeting of 2023-12-13, reviewed and published through
// the service like any other (no mask is proposed: its text names only the elected members and staff).
import type { DemoOrganisation } from "../../organisation/index.ts";
import { systemActor } from "../../platform/auth/access.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import * as meetings from "../meetings/repository.ts";
import type { NamndDB } from "../tables.ts";
import { publish, reviewPublication } from "./publication-service.ts";

export async function seedPublishingDemo(trx: DbOf<NamndDB>, demo: DemoOrganisation): Promise<void> {
  const ifo = demo.nodes.ifo;
  if (!ifo) throw new Error("The demo organisation has no IF nämnd.");
  const actor = { ...systemActor(), displayName: "Demodata (granskad vid inläsningen)" };
  const body = (await meetings.bodiesOf(trx, ifo.id)).find((b) => b.kind === "namnd");
  const meeting = body && (await meetings.findMeetingOn(trx, body.id, "2023-12-13"));
  if (!meeting) throw new Error("The demo has no justerat protokoll of 2023-12-13.");
  const review = await reviewPublication(trx, actor, meeting.id, "protokoll");
  await publish(trx, actor, meeting.id, {
    kind: "protokoll",
    sourceChecksum: review.sourceChecksum,
    added: [],
    lifted: [],
    omitted: [],
  });
}
