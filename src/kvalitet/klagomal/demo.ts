// Demo synpunkter och klagomål for the IF nämnd (brief A4). The diarium's klagomål 2023 reproduce the
// kvalitetsberättelse's table exactly: per unit and category, sums 26/15/8/1 = 50. 2022 has 35 klagomål
// (the brief gives only the total: the split per unit and category here is invented). Kommentaren 2023:
// 20 klagomål, 1 anonymous, 2 not answered within 10 days of the acknowledgement; never added to the 50.
// Two synpunkter in December 2023 fill the nämnd's period list. Dates, channels and senders are spread by
// index, so every seeding gives the same data.
import type { DemoOrganisation } from "../../organisation/index.ts";
import { systemActor } from "../../platform/auth/access.ts";
import { addDays } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { write } from "../../platform/service.ts";
import type { KvalitetDB } from "../tables.ts";
import * as repo from "./repository.ts";
import type { Category, Channel, ComplaintType, SenderType } from "./vocabulary.ts";

/** Klagomål per demo unit: utformande, handläggning, bemötande, övrigt. */
type Table = Record<string, [number, number, number, number]>;

const diarium: Record<number, Table> = {
  2022: {
    bss: [6, 0, 0, 0],
    dv: [7, 0, 0, 0],
    "msb-barn": [2, 3, 2, 0],
    "msb-vuxen": [0, 2, 0, 0],
    "msb-lss": [3, 5, 1, 0],
    "msb-familjehem": [1, 2, 1, 0],
  },
  // BmSS, Daglig verksamhet, Barn- och ungdomsenheten, Vuxenenheten, Funktionsstödsenheten, Familjerätt,
  // Förvaltningsledning, Familjehemsenheten, Mottagningsenheten BoU, as the demo organisation names them.
  2023: {
    bss: [8, 0, 0, 0],
    dv: [10, 0, 0, 0],
    "msb-barn": [3, 3, 3, 0],
    "msb-vuxen": [0, 1, 0, 0],
    "msb-lss": [4, 7, 1, 0],
    "msb-familjeratt": [0, 1, 0, 0],
    "ifo-ledning": [0, 0, 0, 1],
    "msb-familjehem": [1, 3, 3, 0],
    "msb-mottagning": [0, 0, 1, 0],
  },
};

/** Kommentaren 2023: 20 klagomål on these units and categories. */
const kommentaren: Table = {
  bss: [3, 0, 1, 0],
  dv: [2, 0, 1, 0],
  "msb-barn": [1, 2, 1, 0],
  "msb-lss": [2, 2, 0, 0],
  "pa-enhet": [2, 0, 1, 1],
  "shs-boendestod": [1, 0, 0, 0],
};

const categoryOrder: Category[] = ["utformande", "handlaggning", "bemotande", "ovrigt"];
const diariumChannels: Channel[] = ["hemsidan", "epost", "post", "hemsidan", "personligen", "epost", "ivo"];
const senders: SenderType[] = ["anhorig", "brukare", "anhorig", "brukare", "personal", "anhorig", "utforare"];

const summaries: Record<Category, string[]> = {
  utformande: [
    "Anhörig anser att insatsen inte utförs enligt genomförandeplanen.",
    "Brukaren har fått ställda aktiviteter flera veckor i rad.",
    "Synpunkter på bemanningen kvällstid.",
  ],
  handlaggning: [
    "Lång handläggningstid för ansökan om insats.",
    "Beslutet har inte kommunicerats till den enskilde.",
    "Anhörig har inte fått återkoppling från handläggaren.",
  ],
  bemotande: ["Upplevt otrevligt bemötande vid telefonsamtal.", "Anhörig upplever sig inte lyssnad på vid möte."],
  ovrigt: ["Synpunkter på förvaltningens information på hemsidan."],
};

export type DemoComplaint = {
  unit: string;
  receivedOn: string;
  channel: Channel;
  senderType: SenderType;
  type: ComplaintType;
  category: Category;
  anonymous: boolean;
  dnr: string | null;
  summary: string;
  acknowledgedOn: string | null;
  answeredOn: string | null;
  answer: string | null;
  measures: string | null;
  closedOn: string | null;
};

const entries = (table: Table) =>
  Object.entries(table).flatMap(([unit, counts]) =>
    counts.flatMap((n, c) => Array.from({ length: n }, () => ({ unit, category: categoryOrder[c] as Category }))),
  );

/** Received spread over the year; acknowledged within 2 days; answered `answerDays` after that; closed 2 days later. */
function handled(i: number, n: number, year: number, answerDays: number) {
  const receivedOn = addDays(`${year}-01-03`, Math.floor((i * 350) / n));
  const acknowledgedOn = addDays(receivedOn, i % 3);
  const answeredOn = addDays(acknowledgedOn, answerDays);
  return { receivedOn, acknowledgedOn, answeredOn, closedOn: addDays(answeredOn, 2) };
}

function diariumYear(year: number): DemoComplaint[] {
  const list = entries(diarium[year] ?? {});
  return list.map(({ unit, category }, i) => ({
    unit,
    // Every ninth answered a few days late.
    ...handled(i, list.length, year, i % 9 === 4 ? 14 : 3 + (i % 6)),
    channel: diariumChannels[i % diariumChannels.length] as Channel,
    senderType: senders[i % senders.length] as SenderType,
    type: "klagomal",
    category,
    anonymous: false,
    dnr: `IF-${year}-${String(11 + i * 7).padStart(5, "0")}`,
    summary: summaries[category][i % summaries[category].length] as string,
    answer: "Besvarat av enhetschefen.",
    measures: i % 4 === 0 ? "Genomgång i arbetsgruppen." : null,
  }));
}

/** Two synpunkter in December 2023: one answered, one anonymous (cannot be answered). */
const decemberSynpunkter: DemoComplaint[] = [
  {
    unit: "msb-barn",
    receivedOn: "2023-12-04",
    channel: "epost",
    senderType: "anhorig",
    type: "synpunkt",
    category: "handlaggning",
    anonymous: false,
    dnr: "IF-2023-00381",
    summary: "Anhörig önskar tätare information under utredningstiden.",
    acknowledgedOn: "2023-12-05",
    answeredOn: "2023-12-12",
    answer: "Besvarat av enhetschefen.",
    measures: null,
    closedOn: "2023-12-13",
  },
  {
    unit: "msb-lss",
    receivedOn: "2023-12-18",
    channel: "post",
    senderType: "okand",
    type: "synpunkt",
    category: "bemotande",
    anonymous: true,
    dnr: "IF-2023-00389",
    summary: "Anonym synpunkt om arbetssituationen i verksamheten.",
    acknowledgedOn: null,
    answeredOn: null,
    answer: null,
    measures: null,
    closedOn: "2023-12-20",
  },
];

/**
 * Four klagomål registered in January 2024: with December's two klagomål and two synpunkter, the nämnd's
 * period list 2023-12-01–2024-01-31 holds the brief's 8 (6 klagomål, 2 synpunkter; B6). Kommentaren's entries
 * have no dnr and are reported on their own, not in that list.
 */
const januaryKlagomal: DemoComplaint[] = (
  [
    ["msb-barn", "2024-01-08", "handlaggning", "anhorig", "IF-2024-00021", "2024-01-15"],
    ["msb-lss", "2024-01-11", "utformande", "anhorig", "IF-2024-00024", "2024-01-19"],
    ["msb-familjehem", "2024-01-17", "bemotande", "brukare", "IF-2024-00029", "2024-01-24"],
    ["dv", "2024-01-25", "handlaggning", "anhorig", "IF-2024-00033", null],
  ] as const
).map(([unit, receivedOn, category, senderType, dnr, answeredOn]) => ({
  unit,
  receivedOn,
  channel: "epost",
  senderType,
  type: "klagomal",
  category,
  anonymous: false,
  dnr,
  summary: summaries[category][0] as string,
  acknowledgedOn: addDays(receivedOn, 1),
  answeredOn,
  answer: answeredOn ? "Besvarat av enhetschefen." : null,
  measures: null,
  closedOn: answeredOn ? addDays(answeredOn, 1) : null,
}));

function kommentaren2023(): DemoComplaint[] {
  const list = entries(kommentaren);
  return list.map(({ unit, category }, i) => {
    const anonymous = i === 7;
    // The 3rd and the 12th were answered 13 and 20 days after the acknowledgement.
    const dates = handled(i, list.length, 2023, i === 3 ? 13 : i === 12 ? 20 : 2 + (i % 7));
    return {
      unit,
      ...dates,
      ...(anonymous ? { acknowledgedOn: null, answeredOn: null, closedOn: addDays(dates.receivedOn, 1) } : {}),
      channel: "kommentaren",
      senderType: anonymous ? "okand" : (senders[i % senders.length] as SenderType),
      type: "klagomal",
      category,
      anonymous,
      dnr: null,
      summary: summaries[category][(i + 1) % summaries[category].length] as string,
      answer: anonymous ? null : "Besvarat via Kommentaren.",
      measures: null,
    };
  });
}

/** Every demo synpunkt, the same at every call. */
export const demoComplaints = (): DemoComplaint[] => [
  ...diariumYear(2022),
  ...diariumYear(2023),
  ...decemberSynpunkter,
  ...januaryKlagomal,
  ...kommentaren2023(),
];

/** The demo synpunkter, written in one statement with one audit event. */
export async function seedComplaintDemo(trx: DbOf<KvalitetDB>, demo: DemoOrganisation): Promise<void> {
  const kommun = demo.nodes.kommun;
  if (!kommun) throw new Error("Demo organisation lacks its kommun");
  await write(trx, systemActor(), "admin", kommun.id, async ({ trx, audit }) => {
    const rows = await repo.insertComplaints(
      trx,
      demoComplaints().map((c) => {
        const unit = demo.nodes[c.unit];
        if (!unit) throw new Error(`Demo synpunkt names unknown unit ${c.unit}`);
        return {
          org_node_id: unit.id,
          received_on: c.receivedOn,
          channel: c.channel,
          sender_type: c.senderType,
          complaint_type: c.type,
          category: c.category,
          anonymous: c.anonymous,
          political: false,
          dnr: c.dnr,
          summary: c.summary,
          acknowledged_on: c.acknowledgedOn,
          answered_on: c.answeredOn,
          answer: c.answer,
          measures: c.measures,
          closed_on: c.closedOn,
        };
      }),
    );
    await audit("kvalitet_complaint_demo", null, "seed", { after: { synpunkter: rows.length } });
  });
}
