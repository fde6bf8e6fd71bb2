// The IF nämnd's sammanträden as the sources (B4, B5, B7) date them: the nämnd 2023-09-14 (§ 104 adopted the
// delegeringsordning), 2023-12-13 (§ 179 raised the initiative IF-2023-00371), both justerade, and the
// February 2024 meeting (undated in the sources; 2024-02-15 here) kallat with the standing items of the
// period 2023-12-01–2024-01-31 and the ärenden whose memos are dated 2024-01-16 … 2024-02-09; the utskott
// 2023-12-06, -12-20, 2024-01-10, -01-17 and -01-31. The nämnd's earlier § of 2023 (1–103, and 107–176 of
// the October and November meetings) are not in the sources: the series is moved past them. The sources print
// no utskott §, no rosters, votes or justering: members, parties and the decisions' wording are invented
// and clearly fictional.
import type { DemoOrganisation } from "../../organisation/index.ts";
import { systemActor } from "../../platform/auth/access.ts";
import { addDays } from "../../platform/calendar.ts";
import type { DbOf } from "../../platform/db/schema.ts";
import type { NamndDB } from "../tables.ts";
import * as writes from "./meeting-write-service.ts";
import * as repo from "./repository.ts";
import type { ItemInput } from "./schema.ts";
import type { AttendeeRole, StandingKind } from "./vocabulary.ts";

type Db = DbOf<NamndDB>;

type Person = {
  name: string;
  party: string | null;
  role: AttendeeRole;
  present?: boolean;
  servingFor?: number;
  adjuster?: boolean;
};

// Fictional members (invented names); the chair's name is the one the delegation demo signs with.
const nämndRoster: Person[] = [
  { name: "Olof Ordförande", party: "S", role: "ordforande" },
  { name: "Vera Vice", party: "M", role: "ledamot", adjuster: true },
  { name: "Lena Ledamot", party: "S", role: "ledamot" },
  { name: "Per Partisson", party: "C", role: "ledamot", present: false },
  { name: "Karin Kristdemokrat", party: "KD", role: "ledamot" },
  { name: "Vilhelm Vänster", party: "V", role: "ledamot" },
  { name: "Sara Sverigedemokrat", party: "SD", role: "ledamot" },
  { name: "Elsa Ersättare", party: "C", role: "ersattare", servingFor: 3 },
  { name: "Erik Ersättare", party: "S", role: "ersattare", present: false },
  { name: "Fredrika Förvaltningschef", party: null, role: "tjansteperson" },
  { name: "Sixten Sekreterare", party: null, role: "tjansteperson" },
];

const utskottRoster: Person[] = [
  { name: "Olof Ordförande", party: "S", role: "ordforande" },
  { name: "Vera Vice", party: "M", role: "ledamot", adjuster: true },
  { name: "Vilhelm Vänster", party: "V", role: "ledamot" },
  { name: "Sixten Sekreterare", party: null, role: "tjansteperson" },
];

const standing = (...kinds: StandingKind[]): ItemInput[] =>
  kinds.map((standingKind) => ({ kind: "staende", standingKind }));

type DemoMeeting = {
  body: "namnd" | "utskott";
  date: string;
  time: string;
  place: string;
  period?: { start: string; end: string };
  /** Moves the body's § series past the numbers of the year's meetings the sources do not give. */
  seriesBefore?: number;
  items: ItemInput[];
  /** The beslut per item (by index) where it is not the förslag till beslut. */
  decisions?: Record<number, string>;
  /** Yrkanden per item (by index): roster row, text, adopted. */
  motions?: Record<number, { row: number; kind: "yrkande" | "tillaggsyrkande"; text: string; adopted: boolean }[]>;
  reservations?: Record<number, number[]>;
  recipients?: Record<number, string[]>;
  /** Held and justerat on this day; left out, the meeting is only kallat. */
  adjustedOn?: string;
};

const place = "Kommunhuset, sammanträdesrum Tranan";

const meetings: DemoMeeting[] = [
  {
    body: "namnd",
    date: "2023-09-14",
    time: "13:00",
    place,
    seriesBefore: 103,
    items: [
      { kind: "information", title: "Delegeringsordning för Nämnden för Individ & Familjeomsorg" },
      ...standing("delegationsbeslut", "evb"),
    ],
    decisions: { 0: "Nämnden för Individ & Familjeomsorg antar delegeringsordningen enligt bilaga." },
    recipients: { 0: ["Förvaltningschefen", "Kommunstyrelsen"] },
    adjustedOn: "2023-09-19",
  },
  {
    body: "namnd",
    date: "2023-12-13",
    time: "13:00",
    place,
    seriesBefore: 176,
    items: [
      ...standing("delegationsbeslut", "domar"),
      { kind: "arende", diarienummer: "IF-2023-00371", title: "Initiativärende från partigruppen" },
      ...standing("synpunkter"),
    ],
    decisions: {
      2: "Nämnden för Individ & Familjeomsorg remitterar initiativet till presidiet och förvaltningen för beredning.",
    },
    motions: {
      2: [
        {
          row: 5,
          kind: "yrkande",
          text: "Initiativet remitteras till presidiet och förvaltningen för beredning.",
          adopted: true,
        },
        {
          row: 6,
          kind: "tillaggsyrkande",
          text: "Beredningen redovisas för nämnden senast i juni 2024.",
          adopted: false,
        },
      ],
    },
    reservations: { 2: [6] },
    recipients: { 2: ["Presidiet", "Förvaltningschefen"] },
    adjustedOn: "2023-12-18",
  },
  ...["2023-12-06", "2023-12-20", "2024-01-10", "2024-01-17", "2024-01-31"].map(
    (date): DemoMeeting => ({
      body: "utskott",
      date,
      time: "09:00",
      place: "Kommunhuset, sammanträdesrum Ugglan",
      items: [{ kind: "information", title: "Beslut i enskilda ärenden (sekretess, särskilt protokoll)" }],
      decisions: { 0: "Individutskottet beslutar i enskilda ärenden enligt sekretessbilaga." },
      adjustedOn: date,
    }),
  ),
  {
    body: "namnd",
    date: "2024-02-15",
    time: "13:00",
    place,
    period: { start: "2023-12-01", end: "2024-01-31" },
    items: [
      ...standing("delegationsbeslut", "ordforandebeslut", "domar", "synpunkter", "skrivelser", "lex_sarah", "evb"),
      { kind: "arende", diarienummer: "IF-2023-00392", title: "Svar på revisionsrapport: Kompetensförsörjning" },
      { kind: "arende", diarienummer: "IF-2024-00037", title: "Årsredovisning 2023" },
      { kind: "arende", diarienummer: "IF-2023-00360", title: "Svar på motion – remiss från kommunstyrelsen" },
      { kind: "arende", diarienummer: "IF-2020-00345", title: "Redovisning av uppdrag (initiativärende 2020)" },
      { kind: "arende", diarienummer: "IF-2023-00371", title: "Svar på initiativärende från partigruppen" },
    ],
  },
];

const rosterInput = (people: Person[]) => ({
  attendees: people.map((p) => ({
    name: p.name,
    party: p.party,
    role: p.role,
    present: p.present ?? true,
    servingFor: p.servingFor ?? null,
    adjuster: p.adjuster ?? false,
  })),
});

export async function seedMeetingsDemo(trx: Db, demo: DemoOrganisation): Promise<void> {
  const ifo = demo.nodes.ifo;
  if (!ifo) throw new Error("The demo organisation has no IF nämnd.");
  const actor = systemActor();
  const bodies = {
    namnd: await writes.createBody(trx, actor, {
      orgNodeId: ifo.id,
      kind: "namnd",
      name: "Nämnden för Individ & Familjeomsorg",
    }),
    utskott: await writes.createBody(trx, actor, { orgNodeId: ifo.id, kind: "utskott", name: "Individutskottet" }),
  };
  // In date order, so each meeting's default period follows the previous one's and § numbers run on.
  for (const m of [...meetings].sort((a, b) => a.date.localeCompare(b.date))) {
    const body = bodies[m.body];
    if (m.seriesBefore)
      await writes.setParagraphSeries(trx, actor, body.id, { year: 2023, lastNumber: m.seriesBefore });
    const created = await writes.createMeeting(trx, actor, {
      bodyId: body.id,
      meetingDate: m.date,
      startTime: m.time,
      place: m.place,
      periodStart: m.period?.start,
      periodEnd: m.period?.end,
    });
    for (const item of m.items) await writes.addItem(trx, actor, created.id, item);
    const withRoster = await writes.setRoster(
      trx,
      actor,
      created.id,
      rosterInput(m.body === "namnd" ? nämndRoster : utskottRoster),
    );
    await writes.changeStatus(trx, actor, created.id, { status: "kallat" });
    // The kallelse went out a week before (the service dates it on the day it is sent).
    await repo.updateMeeting(trx, created.id, { called_on: addDays(m.date, -7) });
    if (!m.adjustedOn) continue;
    const held = await writes.changeStatus(trx, actor, created.id, { status: "genomfort" });
    const attendee = (row: number) => withRoster.attendees[row]?.id as string;
    for (const [index, item] of held.items.entries()) {
      const decision = m.decisions?.[index];
      const motions = m.motions?.[index] ?? [];
      const reservations = m.reservations?.[index] ?? [];
      const recipients = m.recipients?.[index] ?? [];
      if (!decision && !motions.length && !reservations.length && !recipients.length) continue;
      await writes.recordProtocol(trx, actor, created.id, {
        itemId: item.id,
        decision: decision ?? (item.decision as string),
        motions: motions.map((x) => ({ attendeeId: attendee(x.row), kind: x.kind, text: x.text, adopted: x.adopted })),
        jav: [],
        reservations: reservations.map(attendee),
        recipients,
      });
    }
    await writes.changeStatus(trx, actor, created.id, { status: "justerat", adjustedOn: m.adjustedOn });
  }
}
