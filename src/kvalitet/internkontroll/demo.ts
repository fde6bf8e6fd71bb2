// Demo internkontroll: the IF nämnd's 2023 plan (brief A7, plan IF-2022-00266, adopted November 2022): 13
// risks (7 kommungemensamma, 6 own; 8 Hög and 5 Medel with the standard cut-offs, Hög = risks 1, 3, 4, 5,
// 6, 10, 11, 12), three risks not taken to the plan with their reasons, the 12 granskningar 5.1.1–5.1.12
// with the printed results, the åtgärder the follow-up names, and the självskattning (12 omhändertaget,
// 8 delvis). Not printed, so chosen here: the scores (to give the printed levels), the scores and
// categories of the three left-out risks, which granskningar found deviations, which questions were
// answered "delvis", and the åtgärder's owners, dates and statuses.
import type { DemoOrganisation } from "../../organisation/index.ts";
import { kommunIdOf } from "../../organisation/index.ts";
import { systemActor } from "../../platform/auth/access.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import { write } from "../../platform/service.ts";
import * as plans from "../kvalitetsplan/repository.ts";
import type { AtgardStatus } from "../kvalitetsplan/vocabulary.ts";
import type { KvalitetDB } from "../tables.ts";
import * as repo from "./repository.ts";

const YEAR = 2023;
const personal = "Personal";
const ekonomi = "Ekonomi";
const infosak = "Informationssäkerhet, administration och inköp";
const verksamhet = "Verksamhet";

/** [nr, category, risk, kommungemensam, sannolikhet, konsekvens] */
const risks: [number, string, string, boolean, number, number][] = [
  [1, personal, "Behörigheter tas inte bort när medarbetare slutar eller byter tjänst.", true, 3, 3],
  [2, ekonomi, "Representation följer inte kommunens regler.", true, 2, 3],
  [3, ekonomi, "Debitering av avgifter blir fel eller uteblir.", true, 3, 3],
  [4, infosak, "Inköp över 100 000 kr görs utanför ramavtal.", true, 2, 4],
  [5, infosak, "Delegationsbeslut fattas utan stöd i delegeringsförteckningen.", true, 2, 4],
  [6, infosak, "Obehöriga får åtkomst till personuppgifter.", true, 2, 4],
  [7, verksamhet, "Riktlinjen för uppföljning av uppdrag följs inte.", false, 3, 2],
  [8, verksamhet, "Avtal omförhandlas inte i tid.", false, 2, 3],
  [9, verksamhet, "Informationsläckage i det digitala arbetet.", false, 2, 2],
  [10, verksamhet, "Mutor och jäv (korruption).", true, 2, 4],
  [11, verksamhet, "Välfärdsbrott inom personlig assistans.", false, 3, 3],
  [12, verksamhet, "Föreningsbidrag används på fel sätt.", false, 2, 4],
  [13, verksamhet, "Tillbud och olycksfall hanteras inte rätt.", false, 3, 2],
];

/** Risks the analysis left out of the plan, with the reasons printed in the report (4.2). */
const leftOut: [string, string, boolean, string][] = [
  [ekonomi, "Kontanthantering.", true, "Förvaltningen har ingen kontanthantering."],
  [verksamhet, "Styrning vid större förändringar.", true, "Inga större förändringar planeras under året."],
  [verksamhet, "Barnrättsperspektivet beaktas inte.", false, "Granskas 2024."],
];

type DemoGranskning = {
  nr: string;
  risks: number[];
  title: string;
  method: string;
  frequency: string;
  responsible: string;
  result: string;
  deviations: boolean;
  atgarder?: { text: string; owner: string; status: AtgardStatus; statusOn: string; comment?: string }[];
};

const granskningar: DemoGranskning[] = [
  {
    nr: "5.1.1",
    risks: [1],
    title: "Borttagna behörigheter vid byte av tjänst",
    method: "Stickprov: medarbetare anställda 2023 som bytt tjänst internt.",
    frequency: "En gång per år",
    responsible: "Personalchef",
    result: "3 av 9 fanns kvar i Combine; rutinen följs inte.",
    deviations: true,
    atgarder: [
      {
        text: "Påminn chefer om rutinen för behörigheter vid byte av tjänst.",
        owner: "Personalchef",
        status: "pagaende",
        statusOn: "2024-03-01",
      },
    ],
  },
  {
    nr: "5.1.2",
    risks: [2],
    title: "Representation",
    method: "Alla representationsfakturor mot kommunens mall.",
    frequency: "En gång per år",
    responsible: "Redovisningsekonom",
    result: "Under 45 % godkända, sämre än 2022.",
    deviations: true,
    atgarder: [
      {
        text: "Ta fram en manual för representation 2024.",
        owner: "Ekonomichef",
        status: "ej_paborjad",
        statusOn: "2024-01-26",
      },
    ],
  },
  {
    nr: "5.1.3",
    risks: [3],
    title: "Debitering",
    method: "Löpande kontroll av inkomster; årlig manuell inkomstförfrågan.",
    frequency: "Löpande och en gång per år",
    responsible: "Avgiftshandläggare",
    result: "Den manuella starten av avgifter är sårbar.",
    deviations: true,
    atgarder: [
      {
        text: "Översyn av avgiftshanteringen och digitalisering 2024.",
        owner: "Avgiftshandläggare",
        status: "ej_paborjad",
        statusOn: "2024-01-26",
      },
    ],
  },
  {
    nr: "5.1.4",
    risks: [4],
    title: "Inköp över 100 000 kr",
    method: "4 inköp (6,5 %), 4 frågor.",
    frequency: "En gång per år",
    responsible: "Upphandlingssamordnare",
    result: "Inköp utanför ramavtal; samma som 2022.",
    deviations: true,
  },
  {
    nr: "5.1.5",
    risks: [5],
    title: "Delegationsbeslut",
    method: "Alla MSB-beslut i mars 2023: formulering enligt delegeringsförteckningen och behörig beslutsfattare.",
    frequency: "En gång per år",
    responsible: "Verksamhetschef MSB",
    result: "Inga avvikelser.",
    deviations: false,
  },
  {
    nr: "5.1.6",
    risks: [6, 9],
    title: "Obehörig åtkomst och informationsläckage",
    method: "Registerförteckning enligt artikel 30 (30.1, 30.1g); dataskyddsombudets granskning 2022.",
    frequency: "En gång per år",
    responsible: "Informationssäkerhetssamordnare",
    result: "Utan anmärkning.",
    deviations: false,
    atgarder: [
      {
        text: "Informationsklassning, tröskelanalys och konsekvensbedömning (DPIA) 2024.",
        owner: "Informationssäkerhetssamordnare",
        status: "ej_paborjad",
        statusOn: "2024-01-26",
      },
    ],
  },
  {
    nr: "5.1.7",
    risks: [7],
    title: "Uppföljning av uppdrag",
    method: "Tidsintervall och metod, inklusive den enskildes delaktighet.",
    frequency: "En gång per år",
    responsible: "Verksamhetschefer",
    result: "Varierar mellan verksamheterna.",
    deviations: true,
    atgarder: [
      {
        text: "Ny egenkontroll av uppföljningarna 2024.",
        owner: "Kvalitetsutvecklare",
        status: "ej_paborjad",
        statusOn: "2024-01-26",
      },
    ],
  },
  {
    nr: "5.1.8",
    risks: [8],
    title: "Omförhandling av avtal",
    method: "Processkartläggning.",
    frequency: "En gång per år",
    responsible: "Controller",
    result: "Rutiner behövs innan avtalen kan granskas.",
    deviations: true,
  },
  {
    nr: "5.1.9",
    risks: [10],
    title: "Mutor och jäv",
    method: "Kommunens gemensamma frågor.",
    frequency: "En gång per år",
    responsible: "Förvaltningschef",
    result: "Det finns ingen statistik över incidenter.",
    deviations: true,
    atgarder: [
      {
        text: "Material till APT och en fråga i medarbetarsamtalen.",
        owner: "HR-chef",
        status: "avslutad_uppnadd",
        statusOn: "2024-06-28",
        comment: "Materialet är genomgånget på alla APT och frågan finns i mallen.",
      },
    ],
  },
  {
    nr: "5.1.10",
    risks: [11],
    title: "Välfärdsbrott inom personlig assistans",
    method: "Fakturerade mot beviljade timmar varje månad, årlig avstämning, alla sjuklönekrav, IVO-tillstånd löpande.",
    frequency: "Varje månad och en gång per år",
    responsible: "Avgiftshandläggare",
    result: "Modellen med 4,33 veckor per månad ger glapp.",
    deviations: true,
    atgarder: [
      {
        text: "Årliga sammanställningar förs in i egenkontrollplanen.",
        owner: "Verksamhetschef",
        status: "pagaende",
        statusOn: "2024-04-15",
      },
    ],
  },
  {
    nr: "5.1.11",
    risks: [12],
    title: "Föreningsbidrag",
    method: "5 av 5 ansökningar mot kriterierna.",
    frequency: "En gång per år",
    responsible: "Ekonomienheten",
    result: "4 godkända, 1 avslagen.",
    deviations: false,
    atgarder: [
      {
        text: "Informationssida, regel om återbetalning och besök hos föreningarna.",
        owner: "Ekonomienheten",
        status: "pagaende",
        statusOn: "2024-05-20",
      },
    ],
  },
  {
    nr: "5.1.12",
    risks: [13],
    title: "Hantering av tillbud och olycksfall",
    method: "Maj: 6 tillbud och 6 olycksfall; ny kontroll i november.",
    frequency: "Två gånger per år",
    responsible: "HR-specialist",
    result: "6 av 6 tillbud fel hanterade; 2 av 6 olycksfall rätt, 1 till Försäkringskassan.",
    deviations: true,
    atgarder: [
      {
        text: "Utbildning i hantering av tillbud och olycksfall.",
        owner: "HR-specialist",
        status: "pagaende",
        statusOn: "2024-03-10",
      },
    ],
  },
];

/** The questions answered "delvis"; the other 12 "omhändertaget". */
const partly = new Set([4, 8, 10, 11, 13, 17, 18, 19]);

export async function seedInternkontrollDemo(db: DbOf<KvalitetDB>, demo: DemoOrganisation): Promise<void> {
  const namnd = demo.nodes.ifo;
  if (!namnd) throw new Error("Demo organisation lacks the IF nämnd");
  await write(db, systemActor(), "admin", namnd.id, async ({ trx, audit }) => {
    const at = { org_node_id: namnd.id, year: YEAR };
    await repo.upsertPlan(trx, {
      ...at,
      diarienummer: "IF-2022-00266",
      adopted_on: null,
      decision_ref: "Antagen av nämnden i november 2022",
    });
    const rows = await repo.insertRisks(trx, [
      ...risks.map(([nr, category, description, common, likelihood, consequence]) => ({
        ...at,
        nr,
        category,
        description,
        common,
        likelihood,
        consequence,
        to_plan: true,
        reason: null,
      })),
      ...leftOut.map(([category, description, common, reason], i) => ({
        ...at,
        nr: risks.length + i + 1,
        category,
        description,
        common,
        likelihood: 1,
        consequence: 2,
        to_plan: false,
        reason,
      })),
    ]);
    const riskId = (nr: number) => rows.find((r) => r.nr === nr)?.id as string;
    const saved = await repo.insertGranskningar(
      trx,
      granskningar.map(({ risks: _, atgarder: __, ...g }) => ({ ...at, ...g, verdict: null })),
    );
    const granskningId = (nr: string) => saved.find((g) => g.nr === nr)?.id as string;
    await repo.insertRiskLinks(
      trx,
      granskningar.flatMap((g) => g.risks.map((nr) => ({ granskning_id: granskningId(g.nr), risk_id: riskId(nr) }))),
    );
    await plans.insertAtgarder(
      trx,
      granskningar.flatMap((g) =>
        (g.atgarder ?? []).map((a) => ({
          ...at,
          granskning_id: granskningId(g.nr),
          text: a.text,
          owner: a.owner,
          deadline: "2024-12-31",
          status: a.status,
          status_on: a.statusOn,
          comment: a.comment ?? null,
          created_on: "2024-01-26",
        })),
      ),
    );
    const kommunId = kommunIdOf(namnd.path);
    await repo.installStandardQuestions(trx, kommunId);
    const questions = await repo.questionsOf(trx, kommunId);
    await repo.upsertAnswers(
      trx,
      questions.map((q) => ({
        ...at,
        question_id: q.id,
        answer: partly.has(q.nr) ? ("delvis" as const) : ("omhandertaget" as const),
        comment: null,
      })),
    );
    await audit("kvalitet_demo", null, "seed", { after: { internkontroll: YEAR, risker: rows.length } });
  });
}
