// Demo kvalitetsplaner. The förvaltning's plan for 2023 is the kvalitetsberättelse's (brief A5, A6): five
// risks (2 Hög, 3 Medium with the standard cut-offs), their åtgärder with the printed statuses, and the
// egenkontroll of "Följa upp uppdrag" on 2023-11-09 with 42 % and 76 %. The brief prints neither scores nor
// denominators: the scores are chosen to give the printed levels, and the sample of 50 (21 and 38 passing)
// to give the printed shares. The 2024 plans of three units follow the 2024 approach (each enhetschef scores
// the same four risks about händelser); their scores, åtgärder, owners and dates are invented.
import type { DemoOrganisation } from "../../organisation/index.ts";
import { systemActor } from "../../platform/auth/access.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { write } from "../../platform/service.ts";
import type { KvalitetDB } from "../tables.ts";
import * as repo from "./repository.ts";
import type { AtgardStatus } from "./vocabulary.ts";

type DemoAtgard = {
  text: string;
  owner: string;
  createdOn: string;
  deadline: string | null;
  status: AtgardStatus;
  statusOn: string;
  comment?: string;
};
type DemoRisk = {
  activity: string;
  description: string;
  likelihood: number;
  consequence: number;
  comment?: string;
  atgarder?: DemoAtgard[];
};
type DemoControl = {
  activity: string;
  riskNr?: number;
  what: string;
  method: string;
  sample: string;
  performedOn: string;
  numerator: number;
  denominator: number;
  comment: string;
  atgarder?: DemoAtgard[];
};
type DemoPlan = { unit: string; year: number; risks: DemoRisk[]; controls?: DemoControl[] };

const followUpSample = "50 ärenden, jämnt fördelade på BmSS, DV, MSB och SHS";

/** The kvalitetsberättelse 2023's plan (brief A5, A6). */
const kb2023: DemoPlan = {
  unit: "ifo-forv",
  year: 2023,
  risks: [
    {
      activity: "Statistik och uppföljning",
      description: "Statistik ur verksamhetssystemet är inte tillförlitlig.",
      likelihood: 3,
      consequence: 3,
      atgarder: [
        {
          text: "BI-projekt för att ta fram tillförlitlig statistik.",
          owner: "Utvecklingschef",
          createdOn: "2023-02-01",
          deadline: "2023-12-31",
          status: "pagaende_med_avvikelse",
          statusOn: "2023-12-31",
          comment: "Projektet är försenat; fortsätter 2024.",
        },
      ],
    },
    {
      activity: "Dokumentation",
      description: "Dokumentationen enligt IBIC är bristfällig.",
      likelihood: 2,
      consequence: 4,
      atgarder: [
        {
          text: "Ta fram en implementeringsplan för IBIC.",
          owner: "Verksamhetsutvecklare",
          createdOn: "2023-02-01",
          deadline: "2023-06-30",
          status: "avslutad_delvis",
          statusOn: "2023-09-30",
          comment: "Planen är framtagen men har inte nått alla enheter.",
        },
        {
          text: "Implementera dokumentationsprocessen enligt IBIC.",
          owner: "Verksamhetschefer",
          createdOn: "2023-09-30",
          deadline: "2024-06-30",
          status: "pagaende_med_avvikelse",
          statusOn: "2023-12-31",
        },
      ],
    },
    {
      activity: "Bemanning och kompetens",
      description: "Grundbemanningen räcker inte för verksamhetens behov.",
      likelihood: 2,
      consequence: 3,
      atgarder: [
        {
          text: "Införa en gemensam bemanningsprocess.",
          owner: "Personalchef",
          createdOn: "2023-02-01",
          deadline: "2023-12-31",
          status: "pagaende_med_avvikelse",
          statusOn: "2023-12-31",
        },
      ],
    },
    {
      activity: "Informationssäkerhet",
      description: "Sms till enskilda skickas på ett osäkert sätt.",
      likelihood: 2,
      consequence: 2,
      atgarder: [
        {
          text: "Frågan om säker sms-tjänst lyfts till kommunledningskontoret (KLK).",
          owner: "Förvaltningschef",
          createdOn: "2023-03-01",
          deadline: "2023-12-31",
          status: "pagaende_med_avvikelse",
          statusOn: "2023-12-31",
        },
        {
          text: "Ta fram ett ställningstagande om sms till enskilda.",
          owner: "Informationssäkerhetssamordnare",
          createdOn: "2023-03-01",
          deadline: "2023-10-31",
          status: "avslutad_ej_uppnadd",
          statusOn: "2023-11-15",
          comment: "Ställningstagandet gav ingen säker lösning; frågan ligger hos KLK.",
        },
      ],
    },
    {
      activity: "Följa upp uppdrag",
      description: "Riktlinjen för uppföljning av uppdrag följs inte.",
      likelihood: 3,
      consequence: 2,
      comment: "Åtgärd: egenkontroll av uppföljningarna.",
    },
  ],
  controls: [
    {
      activity: "Följa upp uppdrag",
      riskNr: 5,
      what: "Är uppföljningen gjord och dokumenterad inom tidsintervall och enligt metod i riktlinjen?",
      method: "Stickprov",
      sample: followUpSample,
      performedOn: "2023-11-09",
      numerator: 21,
      denominator: 50,
      comment: "Uppföljningen var dokumenterad i 42 % av ärendena.",
    },
    {
      activity: "Följa upp uppdrag",
      riskNr: 5,
      what: "Finns en aktuell genomförandeplan?",
      method: "Stickprov",
      sample: followUpSample,
      performedOn: "2023-11-09",
      numerator: 38,
      denominator: 50,
      comment: "Genomförandeplan fanns i 76 % av ärendena.",
    },
  ],
};

/** The 2024 approach: every enhetschef scores the same four risks about händelser. */
const handelseRisks = [
  "Händelser rapporteras inte.",
  "Rapporterade händelser utreds inte.",
  "Den som rapporterat får ingen återkoppling.",
  "Beslutade åtgärder följs inte upp.",
];

function plan2024(unit: string, scores: [number, number][], atgarder: Record<number, DemoAtgard[]>): DemoPlan {
  return {
    unit,
    year: 2024,
    risks: handelseRisks.map((description, i) => ({
      activity: "Verkställa uppdrag",
      description,
      likelihood: scores[i]?.[0] ?? 1,
      consequence: scores[i]?.[1] ?? 1,
      atgarder: atgarder[i + 1],
    })),
  };
}

const demoPlans: DemoPlan[] = [
  kb2023,
  plan2024(
    "bss-almen",
    [
      [3, 3],
      [2, 3],
      [3, 2],
      [2, 2],
    ],
    {
      1: [
        {
          text: "Genomgång av händelserapportering på APT.",
          owner: "Enhetschef",
          createdOn: "2024-02-05",
          deadline: "2024-03-31",
          status: "avslutad_uppnadd",
          statusOn: "2024-03-20",
          comment: "Alla medarbetare har gått igenom rutinen; rapporteringen ökade under våren.",
        },
      ],
      3: [
        {
          text: "Återkoppling till rapportören i varje avslutad händelse.",
          owner: "Enhetschef",
          createdOn: "2024-02-05",
          deadline: "2024-09-30",
          status: "pagaende",
          statusOn: "2024-06-15",
        },
      ],
    },
  ),
  plan2024(
    "bss-bjorken",
    [
      [2, 3],
      [3, 3],
      [2, 2],
      [3, 2],
    ],
    {
      2: [
        {
          text: "Fast tid varje vecka för att utreda händelser.",
          owner: "Enhetschef",
          createdOn: "2024-02-12",
          deadline: "2024-05-31",
          status: "pagaende_med_avvikelse",
          statusOn: "2024-06-01",
          comment: "Vakanser har gjort att tiden inte alltid hållits.",
        },
      ],
      4: [
        {
          text: "Åtgärdslistan följs upp på varje APT.",
          owner: "Samordnare",
          createdOn: "2024-02-12",
          deadline: "2024-12-31",
          status: "ej_paborjad",
          statusOn: "2024-02-12",
        },
      ],
    },
  ),
  plan2024(
    "msb-vuxen",
    [
      [2, 2],
      [2, 3],
      [3, 3],
      [2, 3],
    ],
    {
      3: [
        {
          text: "Mall för återkoppling i verksamhetssystemet.",
          owner: "Verksamhetsutvecklare",
          createdOn: "2024-03-01",
          deadline: "2024-10-31",
          status: "avslutad_delvis",
          statusOn: "2024-11-04",
          comment: "Mallen finns men används i ungefär hälften av ärendena.",
        },
      ],
    },
  ),
];

const atgardValues = (a: DemoAtgard) => ({
  text: a.text,
  owner: a.owner,
  deadline: a.deadline,
  status: a.status,
  status_on: a.statusOn,
  comment: a.comment ?? null,
  created_on: a.createdOn,
});

/** The demo kommun's standard processes and the demo plans, written in bulk with one audit event. */
export async function seedKvalitetsplanDemo(db: DbOf<KvalitetDB>, demo: DemoOrganisation): Promise<void> {
  const kommun = demo.nodes.kommun;
  if (!kommun) throw new Error("Demo organisation lacks its kommun");
  await write(db, systemActor(), "admin", kommun.id, async ({ trx, audit }) => {
    await seedPlans(trx, kommun.id, demo);
    await audit("kvalitet_demo", null, "seed", { after: { kvalitetsplaner: demoPlans.length } });
  });
}

async function seedPlans(trx: DbOf<KvalitetDB>, kommunId: string, demo: DemoOrganisation): Promise<void> {
  const kommun = { id: kommunId };
  await repo.installStandardProcesses(trx, kommun.id);
  const processes = new Map((await repo.processesOf(trx, kommun.id)).map((p) => [p.activity, p.id]));
  const processId = (activity: string) => {
    const id = processes.get(activity);
    if (!id) throw new Error(`Demo plan names unknown process activity ${activity}`);
    return id;
  };
  for (const p of demoPlans) {
    const unit = demo.nodes[p.unit];
    if (!unit) throw new Error(`Demo plan names unknown unit ${p.unit}`);
    const plan = { org_node_id: unit.id, year: p.year };
    const risks = await repo.insertRisks(
      trx,
      p.risks.map((r, i) => ({
        ...plan,
        nr: i + 1,
        process_id: processId(r.activity),
        description: r.description,
        likelihood: r.likelihood,
        consequence: r.consequence,
        comment: r.comment ?? null,
      })),
    );
    const riskIdOf = (nr: number) => risks.find((r) => r.nr === nr)?.id ?? null;
    const controls = await repo.insertEgenkontroller(
      trx,
      (p.controls ?? []).map((c) => ({
        ...plan,
        process_id: processId(c.activity),
        risk_id: c.riskNr ? riskIdOf(c.riskNr) : null,
        what: c.what,
        method: c.method,
        sample: c.sample,
        performed_on: c.performedOn,
        numerator: c.numerator,
        denominator: c.denominator,
        comment: c.comment,
      })),
    );
    const atgarder = [
      ...p.risks.flatMap((r, i) =>
        (r.atgarder ?? []).map((a) => ({
          ...plan,
          ...atgardValues(a),
          risk_id: riskIdOf(i + 1),
          egenkontroll_id: null,
        })),
      ),
      ...(p.controls ?? []).flatMap((c, i) =>
        (c.atgarder ?? []).map((a) => ({
          ...plan,
          ...atgardValues(a),
          risk_id: null,
          egenkontroll_id: controls[i]?.id ?? null,
        })),
      ),
    ];
    if (atgarder.length > 0) await repo.insertAtgarder(trx, atgarder);
  }
}
