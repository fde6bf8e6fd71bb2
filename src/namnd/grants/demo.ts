// The IF nämnd's föreningsbidrag for 2023 and 2024, loaded through the services so the demo passes the same
// rules as a registration. 2024: an anslag of 700 000 kr, twelve applications from associations working beside
// individ- och familjeomsorgen (a brottsofferjour, a kvinnojour, a tjejjour, an anhörigförening, a
// missbrukarförening, KRIS …); round 1 decided 2024-03-14 (one avslag, one after komplettering) granting
// 670 000 kr, the second round sharing the 30 000 kr left (one grant of 20 000 kr decided 2024-10-17, one
// application still inkommen). 2023's KRIS grant was paid but never återrapporterad, so its 2024 application is
// flagged. Associations, amounts, criteria, reasons and § are invented: the sources give no föreningsbidrag.
import type { DemoOrganisation } from "../../organisation/index.ts";
import { systemActor } from "../../platform/auth/access.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import type { NamndDB } from "../tables.ts";
import { registerApplication, takeStep } from "./application-service.ts";
import { createYear } from "./grant-service.ts";
import type { Fulfilment } from "./vocabulary.ts";

const criteria = [
  "Föreningen har sitt säte eller bedriver verksamhet i kommunen.",
  "Verksamheten kompletterar nämndens ansvar inom individ- och familjeomsorgen (stöd till brottsutsatta, våldsutsatta, anhöriga eller personer med beroende).",
  "Föreningen är demokratiskt uppbyggd och partipolitiskt och religiöst obunden i den verksamhet bidraget gäller.",
  "Föreningen har lämnat verksamhetsberättelse, ekonomisk redovisning och återrapport för föregående års bidrag.",
];

type Demo = {
  association: string;
  purpose: string;
  applied: number;
  received: string;
  round?: 1 | 2;
  completion?: { on: string; note: string };
  /** Fulfilment per criterion where not uppfyllt: index → fulfilment. */
  assessment?: Record<number, Fulfilment>;
  /** Undecided when left out. */
  granted?: number;
  reasons?: string;
  paid?: string;
  reported?: string;
};

type Round = { assessed: string; decided: string; reference: string };

async function seedYear(
  trx: DbOf<NamndDB>,
  orgNodeId: string,
  year: { year: number; frame: number; reportDue: string; rounds: Record<1 | 2, Round> },
  applications: Demo[],
) {
  const actor = systemActor();
  const created = await createYear(trx, actor, {
    orgNodeId,
    year: year.year,
    frameKronor: year.frame,
    reportDueOn: year.reportDue,
    criteria,
  });
  // Round 1 is decided before round 2 is registered, as the rule requires.
  for (const round of [1, 2] as const) {
    const when = year.rounds[round];
    for (const a of applications.filter((a) => (a.round ?? 1) === round)) {
      const { id } = await registerApplication(trx, actor, created.id, {
        round,
        association: a.association,
        purpose: a.purpose,
        amountApplied: a.applied,
        receivedOn: a.received,
      });
      if (a.granted === undefined) continue;
      const step = (status: Parameters<typeof takeStep>[3]["status"], on: string, more = {}) =>
        takeStep(trx, actor, id, { status, on, assessments: [], ...more });
      if (a.completion) await step("komplettering_begard", a.completion.on, { note: a.completion.note });
      await step("bedomd", when.assessed, {
        assessments: created.criteria.map((c, i) => ({
          criterionId: c.id,
          fulfilment: a.assessment?.[i] ?? "uppfyllt",
        })),
      });
      await step(a.granted > 0 ? "beviljad" : "avslagen", when.decided, {
        amountGranted: a.granted,
        reasons: a.reasons,
        decisionReference: when.reference,
      });
      if (a.paid) await step("utbetald", a.paid);
      if (a.reported) await step("aterrapporterad", a.reported);
    }
  }
}

const y2023: Demo[] = [
  {
    association: "Brottsofferjouren Exempelstad",
    purpose: "Stödsamtal och följeslagning till rättegång för brottsutsatta och vittnen.",
    applied: 140_000,
    received: "2023-02-01",
    granted: 110_000,
    reasons: "Verksamheten stödjer brottsutsatta; beviljas i nivå med föregående år.",
    paid: "2023-04-03",
    reported: "2024-02-28",
  },
  {
    association: "Kvinnojouren Tranan",
    purpose: "Jourtelefon och stödsamtal för våldsutsatta kvinnor och deras barn.",
    applied: 240_000,
    received: "2023-02-10",
    granted: 210_000,
    reasons: "Kompletterar nämndens stöd till våldsutsatta; beviljas delvis inom anslaget.",
    paid: "2023-04-03",
    reported: "2024-03-15",
  },
  {
    association: "KRIS Exempelstad",
    purpose: "Kamratstöd för personer som lämnar kriminalitet och missbruk.",
    applied: 80_000,
    received: "2023-02-14",
    granted: 50_000,
    reasons: "Kamratstödet kompletterar frivården och socialtjänsten; beviljas delvis.",
    paid: "2023-04-03",
  },
  {
    association: "Anhörigföreningen Exempelstad",
    purpose: "Samtalsgrupper för anhöriga till personer med psykisk ohälsa eller beroende.",
    applied: 40_000,
    received: "2023-02-15",
    granted: 35_000,
    reasons: "Stöd till anhöriga; beviljas delvis.",
    paid: "2023-04-03",
    reported: "2024-02-12",
  },
];

const y2024: Demo[] = [
  {
    association: "Brottsofferjouren Exempelstad",
    purpose: "Stödsamtal, följeslagning till rättegång och informationsträffar i skolor.",
    applied: 150_000,
    received: "2024-01-15",
    granted: 120_000,
    reasons: "Verksamheten stödjer brottsutsatta och vittnen; beviljas delvis inom anslaget.",
    paid: "2024-04-02",
    reported: "2025-02-20",
  },
  {
    association: "Kvinnojouren Tranan",
    purpose: "Jourtelefon, stödsamtal och skyddat boende i väntan på placering.",
    applied: 250_000,
    received: "2024-01-22",
    granted: 220_000,
    reasons: "Kompletterar nämndens stöd till våldsutsatta; beviljas delvis inom anslaget.",
    paid: "2024-04-02",
    reported: "2025-03-10",
  },
  {
    association: "Tjejjouren Exempelstad",
    purpose: "Chattstöd för tjejer och unga transpersoner.",
    applied: 80_000,
    received: "2024-01-30",
    granted: 60_000,
    reasons: "Når unga som inte söker sig till socialtjänsten; beviljas delvis.",
    paid: "2024-04-02",
  },
  {
    association: "Anhörigföreningen Exempelstad",
    purpose: "Samtalsgrupper och föreläsningar för anhöriga.",
    applied: 40_000,
    received: "2024-02-01",
    granted: 40_000,
    reasons: "Stöd till anhöriga enligt 5 kap. 10 § SoL; beviljas i sin helhet.",
    paid: "2024-04-02",
    reported: "2025-02-14",
  },
  {
    association: "Länkföreningen Exempelstad",
    purpose: "Öppen mötesplats och kamratstöd för personer i och efter beroende.",
    applied: 60_000,
    received: "2024-02-05",
    granted: 45_000,
    reasons: "Kompletterar missbruksvården med kamratstöd; beviljas delvis.",
    paid: "2024-04-02",
  },
  {
    association: "KRIS Exempelstad",
    purpose: "Kamratstöd och fritidsaktiviteter för personer som lämnar kriminalitet.",
    applied: 90_000,
    received: "2024-02-07",
    assessment: { 3: "delvis" },
    granted: 50_000,
    reasons: "Beviljas delvis; återrapporten för 2023 ska lämnas innan bidraget betalas ut.",
    paid: "2024-04-02",
  },
  {
    association: "Hela Människan Exempelstad",
    purpose: "Värmestuga och samtalsstöd för personer i hemlöshet.",
    applied: 70_000,
    received: "2024-02-09",
    granted: 50_000,
    reasons: "Kompletterar stödet till personer i hemlöshet; beviljas delvis.",
    paid: "2024-04-02",
  },
  {
    association: "Attention Exempelstad",
    purpose: "Föreläsningsserie om NPF för föräldrar.",
    applied: 35_000,
    received: "2024-02-12",
    assessment: { 1: "ej_uppfyllt" },
    granted: 0,
    reasons: "Avslås: verksamheten hör till Nämnden för Vård & Omsorgs område och kan sökas där.",
  },
  {
    association: "Mind Exempelstad",
    purpose: "Stödlinje och samtalsgrupper vid psykisk ohälsa.",
    applied: 30_000,
    received: "2024-02-14",
    completion: { on: "2024-02-20", note: "Verksamhetsberättelse och revisionsberättelse för 2023 saknas." },
    granted: 25_000,
    reasons: "Beviljas delvis efter komplettering.",
    paid: "2024-04-02",
  },
  {
    association: "Fontänhuset Exempelstad",
    purpose: "Klubbhus för arbetsträning och gemenskap vid psykisk ohälsa.",
    applied: 120_000,
    received: "2024-02-15",
    granted: 60_000,
    reasons: "Beviljas delvis; verksamheten finansieras även av regionen.",
    paid: "2024-04-02",
  },
  {
    association: "RFHL Exempelstad",
    purpose: "Rådgivning för personer med läkemedelsberoende och deras anhöriga.",
    applied: 45_000,
    received: "2024-08-20",
    round: 2,
    granted: 20_000,
    reasons: "Beviljas i andra omgången ur kvarvarande medel.",
    paid: "2024-11-04",
  },
  {
    association: "Föreningen Vägen ut",
    purpose: "Boendestöd och arbetsträning efter avtjänat straff.",
    applied: 50_000,
    received: "2024-09-10",
    round: 2,
  },
];

export async function seedGrantsDemo(trx: DbOf<NamndDB>, demo: DemoOrganisation): Promise<void> {
  const ifo = demo.nodes.ifo;
  if (!ifo) throw new Error("The demo organisation has no IF nämnd.");
  await seedYear(
    trx,
    ifo.id,
    {
      year: 2023,
      frame: 650_000,
      reportDue: "2024-03-31",
      rounds: {
        1: { assessed: "2023-03-01", decided: "2023-03-16", reference: "IF 2023-03-16 § 30" },
        2: { assessed: "2023-09-20", decided: "2023-10-19", reference: "IF 2023-10-19 § 128" },
      },
    },
    y2023,
  );
  await seedYear(
    trx,
    ifo.id,
    {
      year: 2024,
      frame: 700_000,
      reportDue: "2025-03-31",
      rounds: {
        1: { assessed: "2024-03-01", decided: "2024-03-14", reference: "IF 2024-03-14 § 32" },
        2: { assessed: "2024-09-20", decided: "2024-10-17", reference: "IF 2024-10-17 § 121" },
      },
    },
    y2024,
  );
}
