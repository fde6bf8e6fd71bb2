// Demo IVO-tillsyner for the IF nämnd's units in 2023 (brief A8: the kinds of tillsyn, and a yttrande under
// LSS 26 c § due 2024-02-16). The units, months, dnr and findings are invented but plausible.
import type { DemoOrganisation } from "../../organisation/index.ts";
import { systemActor } from "../../platform/auth/access.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { write } from "../../platform/service.ts";
import type { KvalitetDB } from "../tables.ts";
import * as repo from "./repository.ts";
import type { InspectionStatus } from "./vocabulary.ts";

type DemoInspection = {
  unit: string;
  type: string;
  month: string;
  ivoDnr: string;
  decisionOn: string | null;
  findings: string | null;
  yttrandeLagrum: string | null;
  yttrandeDueOn: string | null;
  yttrandeRepliedOn: string | null;
  status: InspectionStatus;
};

export const demoInspections: readonly DemoInspection[] = [
  {
    unit: "bss-almen",
    type: "lss-9-8",
    month: "2023-03",
    ivoDnr: "3.5.1-10412/2023-1",
    decisionOn: "2023-05-10",
    findings: "Inga brister. Boendet uppfyller kraven på bostad med särskild service.",
    yttrandeLagrum: null,
    yttrandeDueOn: null,
    yttrandeRepliedOn: null,
    status: "avslutad",
  },
  {
    unit: "msb-lss",
    type: "uppfoljning",
    month: "2023-06",
    ivoDnr: "3.5.1-22871/2022-6",
    decisionOn: "2023-08-30",
    findings: "Tidigare brister i handläggningstider är åtgärdade.",
    yttrandeLagrum: null,
    yttrandeDueOn: null,
    yttrandeRepliedOn: null,
    status: "avslutad",
  },
  {
    unit: "msb-barn",
    type: "anmald-inspektion",
    month: "2023-10",
    ivoDnr: "3.5.1-39120/2023-3",
    decisionOn: "2023-12-01",
    findings: "Dokumentationen av barnets bästa kan förbättras; ingen åtgärd krävs.",
    yttrandeLagrum: null,
    yttrandeDueOn: null,
    yttrandeRepliedOn: null,
    status: "avslutad",
  },
  {
    unit: "bss-bjorken",
    type: "sarskild-tillsynsinsats",
    month: "2023-11",
    ivoDnr: "3.5.1-41733/2023-2",
    decisionOn: "2023-12-15",
    findings: "Brister i genomförandeplanernas uppföljning. IVO begär redovisning av vidtagna åtgärder.",
    yttrandeLagrum: "LSS 26 c §",
    yttrandeDueOn: "2024-02-16",
    yttrandeRepliedOn: "2024-02-12",
    status: "pagaende",
  },
];

/** The demo tillsyner, written in one statement with one audit event. */
export async function seedInspectionDemo(trx: DbOf<KvalitetDB>, demo: DemoOrganisation): Promise<void> {
  const kommun = demo.nodes.kommun;
  if (!kommun) throw new Error("Demo organisation lacks its kommun");
  await write(trx, systemActor(), "admin", kommun.id, async ({ trx, audit }) => {
    await repo.installInspectionTypes(trx, kommun.id);
    const types = await repo.inspectionTypesOf(trx, kommun.id);
    const rows = await repo.insertInspections(
      trx,
      demoInspections.map(({ unit, type, ...i }) => {
        const node = demo.nodes[unit];
        const typeId = types.find((t) => t.code === type)?.id;
        if (!node || !typeId) throw new Error(`Demo tillsyn names unknown unit ${unit} or type ${type}`);
        return {
          org_node_id: node.id,
          type_id: typeId,
          month: i.month,
          ivo_dnr: i.ivoDnr,
          decision_on: i.decisionOn,
          findings: i.findings,
          yttrande_lagrum: i.yttrandeLagrum,
          yttrande_due_on: i.yttrandeDueOn,
          yttrande_replied_on: i.yttrandeRepliedOn,
          status: i.status,
          // IVO's decision closed each closed demo tillsyn.
          closed_on: i.status === "avslutad" ? i.decisionOn : null,
        };
      }),
    );
    await audit("kvalitet_inspection_demo", null, "seed", { after: { tillsyner: rows.length } });
  });
}
