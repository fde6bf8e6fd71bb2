// Demo händelser for the IF nämnd that reproduce the committee's real counts (brief A2): avvikelser
// 2022 = 1 600 and 2023 = 1 702 with the per-type counts, 647 still open at the end of 2023, and the
// arbetsmiljöhändelser 2021–2023 per category. Dates, units, types and causes are drawn from a seeded
// generator, so every seeding gives the same data; written in bulk, as it loads at every first start.
import { randomUUID } from "node:crypto";
import type { DemoOrganisation } from "../organisation/index.ts";
import { systemActor } from "../platform/auth/access.ts";
import { addDays } from "../platform/calendar.ts";
import type { DbOf } from "../platform/db/schema.ts";
import { write } from "../platform/service.ts";
import { seedInternkontrollDemo } from "./internkontroll/demo.ts";
import { seedComplaintDemo } from "./klagomal/demo.ts";
import { seedKvalitetsplanDemo } from "./kvalitetsplan/demo.ts";
import { seedLexSarahDemo } from "./lex-sarah/demo.ts";
import * as repo from "./repository.ts";
import { handledOnOf, statusOf, unhandled } from "./rules.ts";
import type { KvalitetDB } from "./tables.ts";
import { seedInspectionDemo } from "./tillsyn/demo.ts";
import type { WorkCategory } from "./vocabulary.ts";

/** Avvikelser per demo unit and year; the verksamhet totals follow the brief (Gruppbostad 1 050 → 1 106, MSB 114 → 168, personlig assistans 133 → 93, kontaktfamilj m.m. 21 → 10). */
const avvikelserPerUnit: Record<number, Record<string, number>> = {
  2022: {
    "bss-almen": 530,
    "bss-bjorken": 520,
    "msb-barn": 40,
    "msb-vuxen": 44,
    "msb-lss": 30,
    "pa-enhet": 133,
    "shs-kontakt": 21,
    "dv-vast": 120,
    "dv-ost": 110,
    "shs-boendestod": 50,
    "stod-kansli": 2,
  },
  2023: {
    "bss-almen": 560,
    "bss-bjorken": 546,
    "msb-barn": 60,
    "msb-vuxen": 62,
    "msb-lss": 46,
    "pa-enhet": 93,
    "shs-kontakt": 10,
    "dv-vast": 140,
    "dv-ost": 128,
    "shs-boendestod": 56,
    "stod-kansli": 1,
  },
};

/** Händelser per type (multi-select). Läkemedel and Insats are not in the brief's nämnd figures: chosen here. */
const typeCounts: Record<number, Record<string, number>> = {
  2022: {
    myndighetsutovning: 22,
    sekretess: 19,
    rehabilitering: 48,
    fall: 206,
    overgrepp: 23,
    digitala: 28,
    bemotande: 74,
    lakemedel: 700,
    insats: 560,
  },
  2023: {
    myndighetsutovning: 42,
    sekretess: 41,
    rehabilitering: 28,
    fall: 179,
    overgrepp: 52,
    digitala: 65,
    bemotande: 56,
    lakemedel: 760,
    insats: 660,
  },
};

/** Open on the year's last day, of which this many are classified (under utredning); none open from earlier years. */
const openAtEnd: Record<number, { open: number; classified: number }> = {
  2022: { open: 0, classified: 0 },
  2023: { open: 647, classified: 400 },
};

/** Reported under lex Sarah and to MAS, per year. */
const escalations: Record<number, { lexSarah: number; mas: number }> = {
  2022: { lexSarah: 64, mas: 30 },
  2023: { lexSarah: 96, mas: 35 },
};

/** Arbetsmiljöhändelser (KIA) per year: riskobservation, tillbud, olycksfall. */
const workCounts: Record<number, Record<WorkCategory, number>> = {
  2021: { riskobservation: 40, tillbud: 604, olycksfall: 80 },
  2022: { riskobservation: 50, tillbud: 379, olycksfall: 127 },
  2023: { riskobservation: 34, tillbud: 462, olycksfall: 151 },
};

/** Units (by key prefix) where each type mostly happens; a type without a list happens anywhere. */
const typeHomes: Record<string, string[]> = {
  myndighetsutovning: ["msb"],
  sekretess: ["msb"],
  rehabilitering: ["bss", "dv", "pa"],
  fall: ["bss", "dv", "pa"],
  overgrepp: ["bss", "dv", "pa"],
  lakemedel: ["bss", "dv", "pa"],
  insats: ["bss", "pa", "shs", "dv"],
};
const socialTypes = ["insats", "overgrepp", "myndighetsutovning", "sekretess", "bemotande"];
const hslTypes = ["lakemedel", "fall", "rehabilitering"];

const causeWeights: [string, number][] = [
  ["brist-i-tillsyn", 3],
  ["rutin-foljs-inte", 5],
  ["vald-och-hot", 2],
  ["brist-i-uppfoljning", 1],
  ["handhavandefel", 4],
  ["ovrigt", 1],
];

const workUnitWeights: [string, number][] = [
  ["bss-almen", 25],
  ["bss-bjorken", 25],
  ["dv-vast", 10],
  ["dv-ost", 10],
  ["pa-enhet", 15],
  ["shs-boendestod", 5],
  ["msb-barn", 3],
  ["msb-vuxen", 3],
  ["msb-lss", 3],
  ["stod-kansli", 1],
];

const texts: Record<string, string[]> = {
  lakemedel: [
    "Kvällsmedicinen gavs inte enligt signeringslistan.",
    "Fel dos delades ut vid morgonmedicineringen.",
    "Läkemedel saknades i dosetten.",
  ],
  fall: ["Den boende föll i badrummet och fick ett blåmärke.", "Fall vid förflyttning från säng till rullstol."],
  rehabilitering: ["Ordinerad träning genomfördes inte under veckan.", "Hjälpmedel var trasigt och användes ändå."],
  insats: [
    "Planerad insats uteblev på grund av personalbrist.",
    "Genomförandeplanen följdes inte vid kvällsbesöket.",
    "Den enskilde fick inte sin aktivitet enligt beslut.",
  ],
  overgrepp: ["Hot mellan två boende i gemensamhetsutrymmet.", "Pengar saknades i den enskildes kassa."],
  myndighetsutovning: [
    "Ansökan tilldelades handläggare mer än fyra månader efter att den kom in.",
    "Beslut fattades utan att utredningen kommunicerats.",
  ],
  sekretess: ["Handling skickades till fel mottagare.", "Uppgifter om den enskilde nämndes i fel sammanhang."],
  bemotande: ["Den enskilde upplevde ett nedlåtande bemötande.", "Personal talade över huvudet på den enskilde."],
  digitala: ["Larmet fungerade inte under natten.", "Verksamhetssystemet låg nere och dokumentation försenades."],
  arbetsmiljo: ["Halt golv i tvättstugan.", "Personal skadade ryggen vid förflyttning.", "Hot från besökare."],
};
const investigations = [
  "Genomgång med berörd personal; rutinen har inte följts vid ett tillfälle.",
  "Utredningen visar brister i överlämningen mellan arbetspassen.",
  "Händelsen har gåtts igenom på APT och orsaken är klarlagd.",
];
const measures = [
  "Samtal med personal",
  "Genomgång på APT",
  "Revidera rutiner och genomförandeplaner",
  "Introduktion av ny personal",
  "Metodstöd",
];

/** mulberry32: a small seeded generator, so the demo is the same at every seeding. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
function weighted(rand: Rand, weights: readonly [string, number][]): string {
  let r = rand() * weights.reduce((n, [, w]) => n + w, 0);
  for (const [key, w] of weights) {
    r -= w;
    if (r < 0) return key;
  }
  return weights[weights.length - 1]?.[0] as string;
}
function shuffled<T>(rand: Rand, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export type DemoEvent = {
  unit: string;
  kind: "avvikelse" | "arbetsmiljo";
  category: WorkCategory | null;
  occurredOn: string;
  noticedOn: string;
  reportedOn: string;
  whatHappened: string;
  types: string[];
  causes: string[];
  investigation: string | null;
  measures: string | null;
  closedOn: string | null;
  lexSarahOn: string | null;
  masOn: string | null;
};

const min = (a: string, b: string) => (a < b ? a : b);

/** Dates within the year: occurred, noticed a little later, reported the same day or soon after. */
function datesIn(rand: Rand, year: number) {
  const end = `${year}-12-31`;
  const occurredOn = addDays(`${year}-01-01`, Math.floor(rand() * 365));
  const noticedOn = min(addDays(occurredOn, rand() < 0.8 ? 0 : 1 + Math.floor(rand() * 3)), end);
  const reportedOn = min(addDays(noticedOn, rand() < 0.7 ? 0 : 1 + Math.floor(rand() * 2)), end);
  return { occurredOn, noticedOn, reportedOn };
}

function avvikelser(rand: Rand, year: number): DemoEvent[] {
  const events: DemoEvent[] = Object.entries(avvikelserPerUnit[year] ?? {}).flatMap(([unit, n]) =>
    Array.from({ length: n }, () => ({
      unit,
      kind: "avvikelse" as const,
      category: null,
      ...datesIn(rand, year),
      whatHappened: "",
      ...unhandled(),
    })),
  );
  // The latest reports are the likeliest still open at the year's end.
  const { open, classified } = openAtEnd[year] ?? { open: 0, classified: 0 };
  const byLateness = events
    .map((e) => ({ e, key: Number(e.reportedOn.slice(5).replace("-", "")) / 1231 + rand() * 0.8 }))
    .sort((a, b) => b.key - a.key)
    .map((x) => x.e);
  const stillOpen = new Set(byLateness.slice(0, open));
  const unclassified = new Set(shuffled(rand, [...stillOpen]).slice(classified));
  const worked = events.filter((e) => !unclassified.has(e));

  // Each type to its count of distinct händelser: first those without a type, at home before elsewhere.
  for (const [code, count] of Object.entries(typeCounts[year] ?? {})) {
    const home = typeHomes[code];
    const rank = (e: DemoEvent) =>
      (e.types.length > 0 ? 2 : 0) + (home && !home.some((h) => e.unit.startsWith(h)) ? 1 : 0);
    const chosen = worked
      .map((e) => ({ e, key: rank(e) + rand() }))
      .sort((a, b) => a.key - b.key)
      .slice(0, count);
    for (const { e } of chosen) e.types.push(code);
  }

  for (const e of worked) {
    const first = e.types[0] ?? "insats";
    e.whatHappened = pick(rand, texts[first] ?? texts.insats ?? []);
    const closed = !stillOpen.has(e);
    if (closed || rand() < 0.3) {
      e.causes = [weighted(rand, causeWeights)];
      if (rand() < 0.25) e.causes = [...new Set([...e.causes, weighted(rand, causeWeights)])];
    }
    if (closed || rand() < 0.5) e.investigation = pick(rand, investigations);
    if (closed) {
      e.measures = pick(rand, measures);
      const closing = addDays(e.reportedOn, 3 + Math.floor(rand() * 58));
      e.closedOn = year === 2023 ? min(closing, "2023-12-31") : closing;
    }
  }
  for (const e of unclassified)
    e.whatHappened = pick(rand, texts[pick(rand, Object.keys(typeCounts[year] ?? {}))] ?? []);

  // Escalated a few days after the discovery, by the closing (which comes after the discovery) at the latest.
  const escalate = (types: string[], n: number, set: (e: DemoEvent, on: string) => void) => {
    const candidates = worked.filter((e) => e.types.some((t) => types.includes(t)));
    for (const e of shuffled(rand, candidates).slice(0, n)) {
      set(e, min(addDays(e.noticedOn, 1 + Math.floor(rand() * 4)), e.closedOn ?? `${year}-12-31`));
    }
  };
  const counts = escalations[year] ?? { lexSarah: 0, mas: 0 };
  escalate(socialTypes, counts.lexSarah, (e, on) => {
    e.lexSarahOn = on;
  });
  escalate(hslTypes, counts.mas, (e, on) => {
    e.masOn = on;
  });
  return events;
}

function arbetsmiljo(rand: Rand, year: number): DemoEvent[] {
  const counts = workCounts[year];
  if (!counts) return [];
  const categories = shuffled(
    rand,
    (Object.entries(counts) as [WorkCategory, number][]).flatMap(([c, n]) => Array.from({ length: n }, () => c)),
  );
  return categories.map((category) => {
    const dates = datesIn(rand, year);
    return {
      unit: weighted(rand, workUnitWeights),
      kind: "arbetsmiljo",
      category,
      ...dates,
      whatHappened: pick(rand, texts.arbetsmiljo ?? []),
      types: [],
      causes: [],
      investigation: "Genomgånget med skyddsombud och på APT.",
      measures: pick(rand, measures),
      closedOn: addDays(dates.reportedOn, 2 + Math.floor(rand() * 30)),
      lexSarahOn: null,
      masOn: null,
    };
  });
}

/** Every demo händelse, the same at every call. */
export function demoEvents(): DemoEvent[] {
  const rand = seeded(20_231_231);
  return [
    ...arbetsmiljo(rand, 2021),
    ...avvikelser(rand, 2022),
    ...arbetsmiljo(rand, 2022),
    ...avvikelser(rand, 2023),
    ...arbetsmiljo(rand, 2023),
  ];
}

/** The standard lists for the demo kommun and the demo händelser, written in bulk with one audit event. */
export async function seedKvalitetDemo(trx: DbOf<KvalitetDB>, demo: DemoOrganisation): Promise<void> {
  const kommun = demo.nodes.kommun;
  if (!kommun) throw new Error("Demo organisation lacks its kommun");
  await write(trx, systemActor(), "admin", kommun.id, async ({ trx, audit }) => {
    await repo.installStandardLists(trx, kommun.id);
    const typeIds = new Map((await repo.typesOf(trx, kommun.id)).map((t) => [t.code, t.id]));
    const causeIds = new Map((await repo.causesOf(trx, kommun.id)).map((c) => [c.code, c.id]));
    const events = demoEvents().map((e) => ({ ...e, id: randomUUID() }));
    await repo.insertEvents(
      trx,
      events.map((e) => {
        const unit = demo.nodes[e.unit];
        if (!unit) throw new Error(`Demo händelse names unknown unit ${e.unit}`);
        return {
          id: e.id,
          org_node_id: unit.id,
          kind: e.kind,
          category: e.category,
          occurred_on: e.occurredOn,
          noticed_on: e.noticedOn,
          reported_on: e.reportedOn,
          what_happened: e.whatHappened,
          immediate_action: null,
          status: statusOf(e),
          investigation: e.investigation,
          measures: e.measures,
          // Handling began two days after the report, or on the closing day when that came sooner.
          handled_on: handledOnOf(statusOf(e), null, e.closedOn, addDays(e.reportedOn, 2)),
          closed_on: e.closedOn,
          lex_sarah_on: e.lexSarahOn,
          mas_on: e.masOn,
        };
      }),
    );
    const link = (codes: string[], ids: Map<string, string>, eventId: string) =>
      codes.map((code) => ({ event_id: eventId, list_id: ids.get(code) as string }));
    await repo.insertTypeLinks(
      trx,
      events.flatMap((e) => link(e.types, typeIds, e.id)),
    );
    await repo.insertCauseLinks(
      trx,
      events.flatMap((e) => link(e.causes, causeIds, e.id)),
    );
    await audit("kvalitet_demo", null, "seed", { after: { handelser: events.length } });
  });
  await seedComplaintDemo(trx, demo);
  await seedInspectionDemo(trx, demo);
  await seedKvalitetsplanDemo(trx, demo);
  await seedInternkontrollDemo(trx, demo);
  await seedLexSarahDemo(trx, demo);
}
