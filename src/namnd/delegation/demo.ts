// The IF nämnd's delegeringsordning adopted 2023-09-14 § 104 and its decisions of December 2023 – January
// 2024 as the memo "Anmälan av delegeringsbeslut" (2024-01-22) counts them: the utskott's five meetings,
// 31 placement agreements and 1 other agreement, and 14 övriga (yttrande to kammarrätten 1, fördelning av
// arbetsmiljöuppgift 8, the förvaltningschef's vidaredelegering 1, personuppgiftsincident to IMY 2, yttrande to
// IVO 1, to Försäkringskassan 1). The sources print only point 5.1.1 (the chair's remiss answer); the other
// points' codes and wording are a plausible ordning, not the kommun's. Providers and people are invented.

import type { DemoOrganisation } from "../../organisation/index.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import type { NamndDB } from "../tables.ts";
import * as repo from "./repository.ts";
import type { AnmalanSection, DelegateKind } from "./vocabulary.ts";

const functions = [
  "Förvaltningschef",
  "Verksamhetschef",
  "Enhetschef",
  "Socialsekreterare",
  "Personalchef",
  "Controller",
] as const;
type FunctionName = (typeof functions)[number];
type Holder = Exclude<DelegateKind, "funktion"> | FunctionName;

type DemoPoint = {
  code: string;
  heading: string;
  text: string;
  lagrum?: string;
  limits?: string;
  holders: Holder[];
  subdelegation?: boolean;
  /** Ordförandebeslut are reported in their own memo, "Anmälan av ordförandebeslut". */
  anmalan?: boolean;
  section: AnmalanSection;
};

const points: DemoPoint[] = [
  {
    code: "1.1.1",
    heading: "Individutskottet",
    text: "Beslut i enskilda ärenden som inte är delegerade till tjänsteperson, bl.a. vård enligt LVU och LVM",
    lagrum: "LVU 6 §, 11 §; LVM 13 §",
    holders: ["utskott"],
    section: "utskottet",
  },
  {
    code: "2.1.1",
    heading: "Personal",
    text: "Anställning, lön och avslut av anställning inom förvaltningen",
    limits: "Inom budget",
    holders: ["Förvaltningschef", "Personalchef"],
    subdelegation: true,
    section: "personal",
  },
  {
    code: "2.2.1",
    heading: "Arbetsmiljö",
    text: "Fördelning av arbetsmiljöuppgifter till verksamhetschef och enhetschef",
    lagrum: "AML 3 kap. 2 a §; AFS 2001:1 6 §",
    holders: ["Förvaltningschef"],
    section: "ovrigt",
  },
  {
    code: "2.3.1",
    heading: "Vidaredelegering",
    text: "Vidaredelegering av förvaltningschefens beslutanderätt till annan anställd",
    lagrum: "KL 7 kap. 6 §",
    holders: ["Förvaltningschef"],
    section: "ovrigt",
  },
  {
    code: "3.1.1",
    heading: "Ekonomi",
    text: "Attest av fakturor och utbetalningar inom beviljad budget",
    limits: "Enligt nämndens attestförteckning",
    holders: ["Enhetschef", "Controller"],
    section: "attester",
  },
  {
    code: "4.1.1",
    heading: "Avtal",
    text: "Placeringsavtal med utförare för enskilda placeringar (HVB, stödboende, familjehem, skyddat boende, LSS)",
    limits: "Inom ramavtal eller direktupphandling enligt riktlinje",
    holders: ["Förvaltningschef", "Verksamhetschef"],
    subdelegation: true,
    section: "avtal",
  },
  {
    code: "4.2.1",
    heading: "Avtal",
    text: "Övriga avtal inom förvaltningens verksamhetsområde",
    limits: "Högst 500 000 kr per år",
    holders: ["Förvaltningschef"],
    section: "avtal",
  },
  {
    code: "5.1.1",
    heading: "Yttranden",
    text: "Yttrande över remiss när nämndens yttrande inte hinner inväntas",
    lagrum: "KL 6 kap. 39 §",
    holders: ["ordforande"],
    anmalan: false,
    section: "ovrigt",
  },
  {
    code: "5.1.2",
    heading: "Yttranden",
    text: "Yttrande till förvaltningsrätt och kammarrätt i överklagat ärende",
    holders: ["Förvaltningschef"],
    section: "ovrigt",
  },
  {
    code: "5.1.3",
    heading: "Yttranden",
    text: "Yttrande till Inspektionen för vård och omsorg (IVO)",
    holders: ["Förvaltningschef"],
    section: "ovrigt",
  },
  {
    code: "5.1.4",
    heading: "Yttranden",
    text: "Yttrande till Försäkringskassan",
    holders: ["Enhetschef"],
    section: "ovrigt",
  },
  {
    code: "6.1.1",
    heading: "Dataskydd",
    text: "Anmälan av personuppgiftsincident till Integritetsskyddsmyndigheten (IMY)",
    lagrum: "GDPR artikel 33",
    holders: ["Förvaltningschef"],
    section: "ovrigt",
  },
  {
    code: "7.1.1",
    heading: "Bistånd",
    text: "Beslut om bistånd i form av insatser enligt SoL; redovisas i enheternas delegationslistor",
    lagrum: "SoL 4 kap. 1 §",
    holders: ["Socialsekreterare", "Enhetschef"],
    section: "listor",
  },
];

type DemoDecision = {
  point: string;
  on: string;
  by: Holder;
  name: string;
  subject: string;
  dnr?: string;
  unit?: string;
  provider?: string;
};

const fc: Holder = "Förvaltningschef";
const fcName = "Frida Förvaltningschef";

/** Placement agreements per unit and month: [unit key, dnr, type, provider or none (skyddat boende), date]. */
const placements: [string, string, string, string | null, string][] = [
  ["msb-vuxen", "IF-2023-00023", "HVB missbruk", "Solvikens behandlingshem AB", "2023-12-04"],
  ["msb-vuxen", "IF-2023-00023", "Skyddat boende", null, "2023-12-08"],
  ["msb-vuxen", "IF-2023-00023", "Stödboende", "Hamnens stödboende AB", "2023-12-14"],
  ["msb-vuxen", "IF-2023-00023", "HVB socialpsykiatri", "Kustgårdens omsorg AB", "2023-12-21"],
  ["msb-barn", "IF-2023-00024", "HVB barn och unga", "Ekbackens ungdomshem AB", "2023-12-01"],
  ["msb-barn", "IF-2023-00024", "Konsulentstött familjehem", "Familjehemsstöd Väst AB", "2023-12-05"],
  ["msb-barn", "IF-2023-00024", "HVB barn och unga", "Ekbackens ungdomshem AB", "2023-12-11"],
  ["msb-barn", "IF-2023-00024", "Stödboende 16–20 år", "Trappans stödboende AB", "2023-12-13"],
  ["msb-barn", "IF-2023-00024", "Konsulentstött familjehem", "Familjehemsstöd Väst AB", "2023-12-19"],
  ["msb-barn", "IF-2023-00024", "HVB barn och unga", "Lövängens behandlingshem AB", "2023-12-27"],
  ["msb-lss", "IF-2023-00032", "Bostad med särskild service för barn (LSS)", "Kustgårdens omsorg AB", "2023-12-06"],
  ["msb-lss", "IF-2023-00032", "Korttidsvistelse (LSS)", "Solgläntans korttidshem AB", "2023-12-15"],
  ["msb-lss", "IF-2023-00032", "Bostad med särskild service för vuxna (LSS)", "Björkhagens LSS AB", "2023-12-22"],
  ["msb-familjehem", "IF-2023-00065", "Konsulentstött familjehem", "Familjehemsstöd Väst AB", "2023-12-04"],
  ["msb-familjehem", "IF-2023-00065", "Konsulentstött familjehem", "Familjeresursen i Halland AB", "2023-12-12"],
  ["msb-familjehem", "IF-2023-00065", "Jourhem", "Familjeresursen i Halland AB", "2023-12-18"],
  ["msb-familjehem", "IF-2023-00065", "Konsulentstött familjehem", "Familjehemsstöd Väst AB", "2023-12-28"],
  ["msb-vuxen", "IF-2024-00003", "Skyddat boende", null, "2024-01-05"],
  ["msb-vuxen", "IF-2024-00003", "HVB missbruk", "Solvikens behandlingshem AB", "2024-01-12"],
  ["msb-vuxen", "IF-2024-00003", "Stödboende", "Hamnens stödboende AB", "2024-01-19"],
  ["msb-vuxen", "IF-2024-00003", "HVB socialpsykiatri", "Kustgårdens omsorg AB", "2024-01-26"],
  ["msb-barn", "IF-2024-00002", "HVB barn och unga", "Ekbackens ungdomshem AB", "2024-01-04"],
  ["msb-barn", "IF-2024-00002", "Konsulentstött familjehem", "Familjehemsstöd Väst AB", "2024-01-09"],
  ["msb-barn", "IF-2024-00002", "Stödboende 16–20 år", "Trappans stödboende AB", "2024-01-11"],
  ["msb-barn", "IF-2024-00002", "HVB barn och unga", "Lövängens behandlingshem AB", "2024-01-16"],
  ["msb-barn", "IF-2024-00002", "Konsulentstött familjehem", "Familjeresursen i Halland AB", "2024-01-23"],
  ["msb-barn", "IF-2024-00002", "HVB barn och unga", "Ekbackens ungdomshem AB", "2024-01-30"],
  ["msb-lss", "IF-2024-00004", "Korttidsvistelse (LSS)", "Solgläntans korttidshem AB", "2024-01-08"],
  ["msb-lss", "IF-2024-00004", "Bostad med särskild service för barn (LSS)", "Kustgårdens omsorg AB", "2024-01-15"],
  ["msb-lss", "IF-2024-00004", "Bostad med särskild service för vuxna (LSS)", "Björkhagens LSS AB", "2024-01-22"],
  ["msb-lss", "IF-2024-00004", "Korttidsvistelse (LSS)", "Solgläntans korttidshem AB", "2024-01-29"],
];

/** The units the förvaltningschef gave arbetsmiljöuppgifter to, with the date. */
const arbetsmiljo: [string, string][] = [
  ["Gruppbostad Almen", "2023-12-01"],
  ["Gruppbostad Björken", "2023-12-01"],
  ["Boendestöd", "2023-12-07"],
  ["Daglig verksamhet Väst", "2023-12-07"],
  ["Daglig verksamhet Öst", "2023-12-07"],
  ["Mottagningsenheten Barn och unga", "2024-01-08"],
  ["Familjehemsenheten", "2024-01-08"],
  ["Personlig assistans", "2024-01-15"],
];

const utskottMeetings = ["2023-12-06", "2023-12-20", "2024-01-10", "2024-01-17", "2024-01-31"];

const decisions: DemoDecision[] = [
  ...utskottMeetings.map((on) => ({
    point: "1.1.1",
    on,
    by: "utskott" as const,
    name: "Individutskottet",
    subject: "Beslut i enskilda ärenden enligt utskottets protokoll",
  })),
  ...placements.map(([unit, dnr, type, provider, on]) => ({
    point: "4.1.1",
    on,
    by: "Enhetschef" as const,
    name: "Elin Enhetschef",
    subject: `Placeringsavtal – ${type}`,
    dnr,
    unit,
    ...(provider ? { provider } : {}),
  })),
  {
    point: "4.2.1",
    on: "2024-01-18",
    by: fc,
    name: fcName,
    subject: "Avtal (innehållet anges inte i underlaget)",
  },
  {
    point: "5.1.2",
    on: "2024-01-24",
    by: fc,
    name: fcName,
    subject: "Yttrande till kammarrätten i mål nr 7405-23",
    dnr: "IF-2024-00012",
  },
  ...arbetsmiljo.map(([unit, on]) => ({
    point: "2.2.1",
    on,
    by: fc,
    name: fcName,
    subject: `Fördelning av arbetsmiljöuppgift till enhetschef för ${unit}`,
  })),
  {
    point: "2.3.1",
    on: "2023-12-01",
    by: fc,
    name: fcName,
    subject: "Vidaredelegering från förvaltningschef, december 2023",
    dnr: "IF-2022-00011",
  },
  {
    point: "6.1.1",
    on: "2023-12-15",
    by: fc,
    name: fcName,
    subject: "Anmälan av personuppgiftsincident till IMY",
  },
  {
    point: "6.1.1",
    on: "2024-01-17",
    by: fc,
    name: fcName,
    subject: "Anmälan av personuppgiftsincident till IMY",
  },
  {
    point: "5.1.3",
    on: "2024-01-11",
    by: fc,
    name: fcName,
    subject: "Yttrande till IVO",
  },
  {
    point: "5.1.4",
    on: "2023-12-19",
    by: "Enhetschef",
    name: "Elin Enhetschef",
    subject: "Yttrande till Försäkringskassan",
  },
  {
    point: "5.1.1",
    on: "2023-12-11",
    by: "ordforande",
    name: "Olof Ordförande",
    subject: "Yttrande över remiss från Socialdepartementet (S2023/03181)",
  },
];

const bodies = new Set<Holder>(["utskott", "ordforande"]);

/** Seeds the ordning, its vidaredelegering of placement agreements to enhetschefer, and the decisions. */
export async function seedDelegationDemo(trx: DbOf<NamndDB>, demo: DemoOrganisation): Promise<void> {
  const ifo = demo.nodes.ifo;
  if (!ifo) throw new Error("The demo organisation has no IF nämnd.");
  const fns = await repo.insertFunctions(
    trx,
    functions.map((name) => ({ org_node_id: ifo.id, name })),
  );
  const fnId = (name: string) => fns.find((f) => f.name === name)?.id as string;
  const orderId = await repo.insertOrder(trx, {
    org_node_id: ifo.id,
    adopted_on: "2023-09-14",
    paragraph: 104,
    diarienummer: null,
  });
  const inserted = await repo.insertPoints(
    trx,
    points.map((p) => ({
      order_id: orderId,
      code: p.code,
      heading: p.heading,
      text: p.text,
      lagrum: p.lagrum ?? null,
      limits: p.limits ?? null,
      subdelegation_allowed: p.subdelegation ?? false,
      anmalan_required: p.anmalan ?? true,
      anmalan_section: p.section,
    })),
  );
  const pointId = (code: string) => inserted.find((p) => p.code === code)?.id as string;
  await repo.insertDelegates(
    trx,
    points.flatMap((p) =>
      p.holders.map((h) =>
        bodies.has(h)
          ? { point_id: pointId(p.code), kind: h as DelegateKind, function_id: null }
          : { point_id: pointId(p.code), kind: "funktion" as const, function_id: fnId(h) },
      ),
    ),
  );
  await repo.insertSubdelegation(trx, {
    point_id: pointId("4.1.1"),
    function_id: fnId("Enhetschef"),
    valid_from: "2023-10-01",
    valid_until: null,
    diarienummer: "IF-2022-00011",
  });
  await repo.insertDecisions(
    trx,
    decisions.map((d) => ({
      org_node_id: ifo.id,
      point_id: pointId(d.point),
      diarienummer: d.dnr ?? null,
      decided_on: d.on,
      decider_kind: bodies.has(d.by) ? (d.by as DelegateKind) : "funktion",
      decider_function_id: bodies.has(d.by) ? null : fnId(d.by),
      decider_name: d.name,
      law: null,
      subject: d.subject,
      unit_id: d.unit ? (demo.nodes[d.unit]?.id ?? null) : null,
      provider: d.provider ?? null,
      period_from: null,
      period_until: null,
    })),
  );
}
