// The IF nämnd's uppdrag och uppföljning as the February 2024 bundle shows them (B7, B8): the initiativärende
// of 2023-10-18 raised 2023-12-13 § 179 and answered by the memo of 2024-02-09; the cross-party initiative
// that came in undated and without a diarienummer; the long PO chain from 2020 that became the uppdrag of
// 2022-12-15 § 207 (its closing proposed by the memo of 2024-02-06, not yet decided); the motion referred by
// KSAU 2023-11-21 § 317 to VO and IF, IF having answered 2024-02-02; and EY's audit "Kompetensförsörjning"
// with its assessments, recommendations (KS 2, VO 2, IF 1) and IF's five actions, one with a timing.
// The question and recommendation wording, the actions' wording and the steps the sources leave undated
// (the PO chain's referral, the cross-party item's arrival) are plausible paraphrases, not the sources' text.
// Loaded through the services, so the demo passes the same rules as a registration.

import type { DemoOrganisation } from "../../organisation/index.ts";
import { systemActor } from "../../platform/auth/access.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import type { NamndDB } from "../tables.ts";
import { registerAssignment } from "./assignment-service.ts";
import { registerAudit } from "./audit-service.ts";
import { answerReferral, registerMotion, takeStep, updateMotion } from "./motion-service.ts";
import type { AuditFields, MotionInput, StepInput } from "./schema.ts";

const IF = "Nämnden för Individ & Familjeomsorg";
const VO = "Nämnden för Vård & Omsorg";
const KS = "Kommunstyrelsen";

type Step = Omit<StepInput, "referees"> & { referees?: string[] };
type DemoMotion = Omit<MotionInput, "orgNodeId"> & {
  steps: Step[];
  answers?: { referee: string; answeredOn: string; reference: string }[];
  /** Answers given before the step at this index. */
  answersBefore?: number;
  proposal?: "bifall" | "avslag" | "besvarad";
};

const initiative2023: DemoMotion = {
  kind: "initiativ",
  title: "Initiativärende från partigruppen (231018)",
  datedOn: "2023-10-18",
  receivedOn: "2023-10-18",
  diarienummer: "IF-2023-00371",
  steps: [
    { status: "anmald", occurredOn: "2023-12-13", reference: "IF 2023-12-13 § 179" },
    {
      status: "remitterad",
      occurredOn: "2023-12-13",
      reference: "IF 2023-12-13 § 179",
      referees: ["Presidiet", "Förvaltningen"],
    },
    { status: "besvarad", occurredOn: "2024-02-09", reference: "Tjänsteskrivelse 2024-02-09" },
  ],
  answers: [
    { referee: "Presidiet", answeredOn: "2024-02-09", reference: "Tjänsteskrivelse 2024-02-09" },
    { referee: "Förvaltningen", answeredOn: "2024-02-09", reference: "Tjänsteskrivelse 2024-02-09" },
  ],
  answersBefore: 2,
  proposal: "besvarad",
};

const crossParty: DemoMotion = {
  kind: "initiativ",
  title: "Gemensamt initiativ: ansök hos kommunstyrelsen om 1 mnkr",
  submittedBy: "Flera partier gemensamt",
  receivedOn: "2024-01-31",
  steps: [],
};

const poChain: DemoMotion = {
  kind: "initiativ",
  title: "Initiativärende (PO): redovisning när Socialstyrelsens arbete är klart",
  submittedBy: "PO",
  datedOn: "2020-10-15",
  receivedOn: "2020-10-15",
  diarienummer: "2020-00345",
  steps: [
    { status: "anmald", occurredOn: "2020-10-15", note: "Med anledning av IF 2020-09-17 § 117." },
    { status: "remitterad", occurredOn: "2020-10-15", referees: ["Förvaltningen"] },
    { status: "besvarad", occurredOn: "2021-06-01", reference: "IF 2021-06-01 § 111" },
    {
      status: "beslutad",
      occurredOn: "2022-12-15",
      reference: "IF 2022-12-15 § 207",
      note: "Uppdrag: redovisa när Socialstyrelsens arbete är klart.",
    },
  ],
  answers: [{ referee: "Förvaltningen", answeredOn: "2021-06-01", reference: "IF 2021-06-01 § 111" }],
  answersBefore: 2,
  proposal: "besvarad",
};

const motion: DemoMotion = {
  kind: "motion",
  title: "Motion (rubriken finns inte i underlaget)",
  datedOn: "2023-09-24",
  receivedOn: "2023-09-04",
  diarienummer: "IF-2023-00360",
  steps: [
    {
      status: "anmald",
      occurredOn: "2023-11-07",
      reference: "KF 2023-11-07 § 177",
      note: "Anmäld i kommunfullmäktige och överlämnad till kommunstyrelsen.",
    },
    {
      status: "remitterad",
      occurredOn: "2023-11-21",
      reference: "KSAU 2023-11-21 § 317",
      referees: [VO, IF],
    },
  ],
  answers: [{ referee: IF, answeredOn: "2024-02-02", reference: "Tjänsteskrivelse 2024-02-02" }],
  answersBefore: 2,
  proposal: "avslag",
};

const audit: AuditFields = {
  title: "Granskning av kompetensförsörjning",
  auditor: "Kommunrevisionen (EY)",
  reportDate: "2023-12-18",
  registeredOn: "2023-12-21",
  replyDeadline: "2024-02-18",
  diarienummer: "IF-2023-00392",
  memoOn: "2024-01-16",
  questions: [
    {
      text: "Har kommunstyrelsen en ändamålsenlig styrning av kompetensförsörjningen?",
      assessments: [{ body: KS, assessment: "ja_i_stort" }],
    },
    {
      text: "Arbetar kommunstyrelsen och nämnderna för att kommunen ska vara en attraktiv arbetsgivare?",
      assessments: [
        { body: KS, assessment: "delvis" },
        { body: VO, assessment: "delvis" },
        { body: IF, assessment: "delvis" },
      ],
    },
    {
      text: "Samverkar nämnderna kring bemanning och kompetensförsörjning?",
      assessments: [
        { body: VO, assessment: "nej" },
        { body: IF, assessment: "nej" },
      ],
    },
    {
      text: "Har Nämnden för Vård & Omsorg en ändamålsenlig planering av sin kompetensförsörjning?",
      assessments: [{ body: VO, assessment: "ja" }],
    },
    {
      text: "Har Nämnden för Individ & Familjeomsorg en ändamålsenlig planering av sin kompetensförsörjning?",
      assessments: [{ body: IF, assessment: "ja" }],
    },
  ],
  recommendations: [
    {
      recipient: KS,
      toNamnd: false,
      text: "Tydliggör den kommungemensamma styrningen av kompetensförsörjningen med mätbara mål.",
      actions: [],
    },
    {
      recipient: KS,
      toNamnd: false,
      text: "Utveckla uppföljningen av arbetet med att vara en attraktiv arbetsgivare.",
      actions: [],
    },
    {
      recipient: VO,
      toNamnd: false,
      text: "Säkerställ samverkan med övriga nämnder kring bemanning.",
      actions: [],
    },
    {
      recipient: VO,
      toNamnd: false,
      text: "Följ upp effekterna av genomförda rekryteringsinsatser.",
      actions: [],
    },
    {
      recipient: IF,
      toNamnd: true,
      text: "Säkerställ samverkan med övriga nämnder kring bemanning och kompetensförsörjning.",
      actions: [
        {
          text: "Utreda en gemensam bemanningsfunktion med Vård & Omsorg.",
          responsible: "Verksamhetschef BmSS",
          timingNote: "eventuellt beslut våren 2024",
          status: "under_utredning",
        },
        {
          text: "Gemensam introduktion för nyanställda i boendeverksamheterna.",
          responsible: "Verksamhetschef SHS",
          status: "pagar",
        },
        { text: "Kartlägga kompetensbehovet per yrkesgrupp.", responsible: "HR-chef", status: "pagar" },
        { text: "Samordnad rekryteringsannonsering med Vård & Omsorg.", responsible: "HR-chef", status: "pagar" },
        {
          text: "Utveckla chefsstödet i arbetsmiljö- och rekryteringsfrågor.",
          responsible: "HR-chef",
          status: "under_utredning",
        },
      ],
    },
  ],
};

async function seedMotion(trx: DbOf<NamndDB>, orgNodeId: string, m: DemoMotion): Promise<string> {
  const actor = systemActor();
  const { steps, answers = [], answersBefore, proposal, ...input } = m;
  const { id } = await registerMotion(trx, actor, { ...input, orgNodeId });
  for (const [i, step] of steps.entries()) {
    if (i === answersBefore) {
      for (const answer of answers) await answerReferral(trx, actor, id, answer);
    }
    await takeStep(trx, actor, id, { ...step, referees: step.referees ?? [] });
  }
  if (answersBefore === steps.length) {
    for (const answer of answers) await answerReferral(trx, actor, id, answer);
  }
  if (proposal) await updateMotion(trx, actor, id, { proposal });
  return id;
}

export async function seedAssignmentsDemo(trx: DbOf<NamndDB>, demo: DemoOrganisation): Promise<void> {
  const ifo = demo.nodes.ifo;
  if (!ifo) throw new Error("The demo organisation has no IF nämnd.");
  const poId = await seedMotion(trx, ifo.id, poChain);
  await seedMotion(trx, ifo.id, motion);
  await seedMotion(trx, ifo.id, initiative2023);
  await seedMotion(trx, ifo.id, crossParty);
  await registerAssignment(trx, systemActor(), {
    orgNodeId: ifo.id,
    title: "Redovisa för nämnden när Socialstyrelsens arbete är klart",
    decidedOn: "2022-12-15",
    decisionReference: "IF 2022-12-15 § 207",
    owner: "Förvaltningschef",
    dueNote: "När Socialstyrelsens arbete är klart (extern händelse); redovisning i tjänsteskrivelse 2024-02-06",
    diarienummer: "2020-00345",
    motionId: poId,
  });
  await registerAudit(trx, systemActor(), { ...audit, orgNodeId: ifo.id });
}
