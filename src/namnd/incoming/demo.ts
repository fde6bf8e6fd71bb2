// The IF nämnd's domar och beslut and skrivelser och meddelanden registered December 2023 – January 2024, as
// the period lists of the February 2024 meeting count them: 9 court items (8 won for the nämnd; the one lost
// is the kammarrätt's refusal of leave in the nämnd's own appeal 7405-23), IMY 2, IVO 1, KF § 189, 191, 200,
// KS § 7, 8, 13, 16; and 7 skrivelser. The sources print KR 7405-23 and FR 2953-23 and the senders of five
// skrivelser; the other mål nr, dates, subjects, authority references, diarienummer and the two further
// skrivelser are plausible inventions, and the titles of the KF/KS §§ say they are not in the sources.

import type { DemoOrganisation } from "../../organisation/index.ts";
import { todayInSweden } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import type { NamndDB } from "../tables.ts";
import * as repo from "./repository.ts";
import { checkLetter, checkRuling } from "./rules.ts";
import type { LetterFields, RulingFields } from "./schema.ts";

const unknownTitle = "Beslut (rubriken finns inte i underlaget)";
const pa = { subject: "Personlig assistans", law: "LSS 9 § 2" };
const stands = "Nämndens beslut står fast.";

type DemoRuling = Partial<RulingFields> &
  Pick<RulingFields, "issuer" | "kind" | "decidedOn" | "registeredOn" | "subject">;

const rulings: DemoRuling[] = [
  {
    issuer: "FR",
    kind: "dom",
    caseNumber: "2811-23",
    decidedOn: "2023-11-29",
    registeredOn: "2023-12-04",
    appellant: "individen",
    subject: "Ekonomiskt bistånd",
    law: "SoL 4 kap. 1 §",
    outcome: "avslar_overklagandet",
    consequence: stands,
  },
  {
    issuer: "KR",
    kind: "beslut",
    caseNumber: "7512-23",
    decidedOn: "2023-12-12",
    registeredOn: "2023-12-14",
    appellant: "individen",
    subject: "Ekonomiskt bistånd",
    law: "SoL 4 kap. 1 §",
    outcome: "ej_provningstillstand",
    consequence: "Förvaltningsrättens dom står fast.",
  },
  {
    issuer: "FR",
    kind: "dom",
    caseNumber: "3017-23",
    decidedOn: "2023-12-15",
    registeredOn: "2023-12-19",
    appellant: "individen",
    subject: "Bostad med särskild service för vuxna",
    law: "LSS 9 § 9",
    outcome: "avslar_overklagandet",
    consequence: stands,
  },
  {
    issuer: "FR",
    kind: "dom",
    caseNumber: "2953-23",
    decidedOn: "2023-12-20",
    registeredOn: "2024-01-08",
    appellant: "individen",
    ...pa,
    outcome: "avslar_overklagandet",
    consequence: "Det interimistiska förordnandet upphör att gälla.",
    diarienummer: "IF-2024-00012",
  },
  {
    issuer: "FR",
    kind: "beslut",
    caseNumber: "3102-23",
    decidedOn: "2024-01-05",
    registeredOn: "2024-01-09",
    appellant: "individen",
    ...pa,
    outcome: "avslar_interimistiskt",
    consequence: "Nämndens beslut gäller i avvaktan på dom.",
    diarienummer: "IF-2024-00012",
  },
  {
    issuer: "FR",
    kind: "dom",
    caseNumber: "3045-23",
    decidedOn: "2024-01-11",
    registeredOn: "2024-01-15",
    appellant: "individen",
    subject: "Ledsagarservice",
    law: "LSS 9 § 3",
    outcome: "avslar_overklagandet",
    consequence: stands,
    diarienummer: "IF-2024-00012",
  },
  {
    issuer: "FR",
    kind: "dom",
    caseNumber: "2987-23",
    decidedOn: "2024-01-18",
    registeredOn: "2024-01-22",
    appellant: "individen",
    subject: "Kontaktperson",
    law: "LSS 9 § 4",
    outcome: "avslar_overklagandet",
    consequence: stands,
    diarienummer: "IF-2024-00012",
  },
  {
    issuer: "FR",
    kind: "dom",
    caseNumber: "3120-23",
    decidedOn: "2024-01-24",
    registeredOn: "2024-01-26",
    appellant: "individen",
    subject: "Korttidsvistelse utanför det egna hemmet",
    law: "LSS 9 § 6",
    outcome: "avslar_overklagandet",
    consequence: stands,
    diarienummer: "IF-2024-00012",
  },
  {
    issuer: "KR",
    kind: "beslut",
    caseNumber: "7405-23",
    decidedOn: "2024-01-30",
    registeredOn: "2024-01-31",
    appellant: "namnden",
    ...pa,
    outcome: "ej_provningstillstand",
    consequence: "Förvaltningsrättens dom står fast; nämnden verkställer insatsen.",
    diarienummer: "IF-2024-00012",
  },
  {
    issuer: "IMY",
    kind: "beslut",
    authorityReference: "IMY-2023-12345",
    decidedOn: "2023-12-19",
    registeredOn: "2024-01-08",
    subject: "Anmäld personuppgiftsincident",
    consequence: "Ärendet avslutas utan åtgärd.",
    diarienummer: "IF-2024-00012",
  },
  {
    issuer: "IMY",
    kind: "beslut",
    authorityReference: "IMY-2024-211",
    decidedOn: "2024-01-17",
    registeredOn: "2024-01-19",
    subject: "Anmäld personuppgiftsincident",
    consequence: "Ärendet avslutas utan åtgärd.",
    diarienummer: "IF-2024-00012",
  },
  {
    issuer: "IVO",
    kind: "beslut",
    authorityReference: "3.5.1-41234/2023-3",
    decidedOn: "2024-01-12",
    registeredOn: "2024-01-16",
    subject: "Tillsyn av bostad med särskild service för vuxna enligt LSS",
    law: "LSS 9 § 9",
    consequence: "IVO avslutar ärendet; nämnden har lämnat yttrande.",
    diarienummer: "IF-2024-00012",
  },
  // KF's December meeting and KS's January meeting: the dates are not in the sources.
  ...[189, 191, 200].map(
    (paragraph): DemoRuling => ({
      issuer: "KF",
      kind: "beslut",
      paragraph,
      decidedOn: "2023-12-12",
      registeredOn: "2023-12-18",
      subject: unknownTitle,
    }),
  ),
  ...[7, 8, 13, 16].map(
    (paragraph): DemoRuling => ({
      issuer: "KS",
      kind: "beslut",
      paragraph,
      decidedOn: "2024-01-16",
      registeredOn: "2024-01-23",
      subject: unknownTitle,
    }),
  ),
];

const letters: LetterFields[] = [
  {
    diarienummer: "IF-2023-00376",
    registeredOn: "2023-12-05",
    sender: "Statens institutionsstyrelse (SiS)",
    senderKind: "myndighet",
    subject: "Avgifter för vård vid SiS särskilda ungdomshem och LVM-hem 2024",
  },
  {
    diarienummer: "IF-2023-00379",
    registeredOn: "2023-12-07",
    sender: "Länsstyrelsen Hallands län",
    senderKind: "myndighet",
    subject: "Uppföljning av kommunernas arbete mot våld i nära relationer",
  },
  {
    diarienummer: "IF-2023-00384",
    registeredOn: "2023-12-14",
    sender: "Sveriges Kommuner och Regioner (SKR)",
    senderKind: "organisation",
    subject: "Överenskommelse mellan staten och SKR om insatser inom socialtjänsten 2024",
  },
  {
    diarienummer: "IF-2023-00389",
    registeredOn: "2023-12-20",
    sender: "Socialstyrelsen",
    senderKind: "myndighet",
    subject: "Beslut om statsbidrag för att stärka den sociala barn- och ungdomsvården",
  },
  {
    diarienummer: "IF-2024-00009",
    registeredOn: "2024-01-11",
    sender: "Socialstyrelsen",
    senderKind: "myndighet",
    subject: "Beslut om statsbidrag för kompetensutveckling inom socialtjänsten 2024",
  },
  {
    diarienummer: "IF-2024-00019",
    registeredOn: "2024-01-18",
    sender: "Arbetsmiljöverket",
    senderKind: "myndighet",
    subject: "Föranmälan av inspektion",
  },
  {
    diarienummer: "IF-2024-00028",
    registeredOn: "2024-01-25",
    sender: "Region Halland",
    senderKind: "myndighet",
    subject: "Information om samverkansöverenskommelse om psykisk hälsa",
  },
];

/** Loads the period's domar och beslut and skrivelser, each checked by the same rules as a registration. */
export async function seedIncomingDemo(trx: DbOf<NamndDB>, demo: DemoOrganisation): Promise<void> {
  const ifo = demo.nodes.ifo;
  if (!ifo) throw new Error("The demo organisation has no IF nämnd.");
  const today = todayInSweden();
  await repo.insertRulings(
    trx,
    rulings.map((r) => {
      const { ruling, problems } = checkRuling(r, today, "IF");
      if (!ruling) throw new Error(JSON.stringify(problems));
      return { org_node_id: ifo.id, ...repo.rulingRow(ruling) };
    }),
  );
  await repo.insertLetters(
    trx,
    letters.map((l) => {
      const { letter, problems } = checkLetter(l, today, "IF");
      if (!letter) throw new Error(JSON.stringify(problems));
      return { org_node_id: ifo.id, ...repo.letterRow(letter) };
    }),
  );
}
